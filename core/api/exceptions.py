"""One error format for the whole API, so clients handle failures the same way everywhere.

Every error body has a plain-English `detail`; validation errors add `errors` (field name to a
list of messages); version conflicts add the current version and who changed it when.
"""

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from rest_framework import exceptions, status
from rest_framework.fields import DateTimeField, get_error_detail
from rest_framework.response import Response
from rest_framework.views import exception_handler

from core.conflicts import EditConflict

from .concurrency import etag_for

VALIDATION_SUMMARY = "Some of the values sent are not valid: see errors for each field."


def _messages(value) -> list[str]:
    if isinstance(value, dict):
        return [f"{key}: {message}" for key, nested in value.items() for message in _messages(nested)]
    if isinstance(value, (list, tuple)):
        return [message for item in value for message in _messages(item)]
    return [str(value)]


def field_errors(detail) -> dict[str, list[str]]:
    """Field name to flat list of messages; errors not about one field go under non_field_errors."""
    if not isinstance(detail, dict):
        return {"non_field_errors": _messages(detail)}
    return {("non_field_errors" if key == "__all__" else key): _messages(value) for key, value in detail.items()}


def conflict_response(conflict: EditConflict) -> Response:
    changed_by = conflict.changed_by.get_username() if conflict.changed_by else None
    body = {
        "detail": str(conflict),
        "current_version": conflict.current_version,
        "changed_by": changed_by,
        "changed_at": DateTimeField().to_representation(conflict.changed_at) if conflict.changed_at else None,
    }
    return Response(body, status=status.HTTP_412_PRECONDITION_FAILED, headers={"ETag": etag_for(conflict.current_version)})


def _throttled_instead(exc, context):
    """DRF checks throttles after authentication and permissions, so a request with no or a bad
    token would be refused (401) without ever being counted: count it here, against the
    anonymous rate of its address, and answer 429 once that is spent."""
    if isinstance(exc, (exceptions.NotAuthenticated, exceptions.AuthenticationFailed)):
        try:
            context["view"].check_throttles(context["request"])
        except exceptions.Throttled as throttled:
            return throttled
    return exc


def api_exception_handler(exc, context):
    exc = _throttled_instead(exc, context)
    if isinstance(exc, EditConflict):
        return conflict_response(exc)
    if isinstance(exc, DjangoValidationError):
        exc = exceptions.ValidationError(get_error_detail(exc))
    elif isinstance(exc, DjangoPermissionDenied):
        exc = exceptions.PermissionDenied(str(exc) or None)
    response = exception_handler(exc, context)
    if response is not None and isinstance(exc, exceptions.ValidationError):
        response.data = {"detail": VALIDATION_SUMMARY, "errors": field_errors(response.data)}
    return response
