"""OpenAPI generation: every operation documents its error responses, and versioned (ETag)
views their If-Match and If-None-Match headers and ETag response header, without repeating it per view."""

import uritemplate
from drf_spectacular.openapi import AutoSchema
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiExample, OpenApiParameter, OpenApiResponse
from rest_framework import serializers


class ErrorSerializer(serializers.Serializer):
    detail = serializers.CharField(help_text="What went wrong, in plain English.")


class ValidationErrorSerializer(ErrorSerializer):
    errors = serializers.DictField(
        child=serializers.ListField(child=serializers.CharField()),
        required=False,
        help_text="Messages for each field or filter; non_field_errors for the request as a whole.",
    )


class VersionConflictSerializer(ErrorSerializer):
    current_version = serializers.IntegerField(help_text="The record's version now: re-read it, then retry.")
    changed_by = serializers.CharField(allow_null=True, help_text="Username of whoever saved the newer version.")
    changed_at = serializers.DateTimeField(allow_null=True)


ERROR_RESPONSES = {
    "400": OpenApiResponse(ValidationErrorSerializer, "The request is malformed or a value (body, filter, query) is not valid."),
    "401": OpenApiResponse(ErrorSerializer, "No valid credentials: send `Authorization: Token <key>` or sign in."),
    "403": OpenApiResponse(ErrorSerializer, "Your role does not allow this."),
    "404": OpenApiResponse(ErrorSerializer, "No such object, or a page number past the end of the list."),
    "412": OpenApiResponse(
        VersionConflictSerializer,
        "The version sent (If-Match or expected_version) is no longer current: someone else saved the record. "
        "Nothing was saved.",
    ),
    "415": OpenApiResponse(ErrorSerializer, "The body is not JSON: send Content-Type: application/json."),
    "429": OpenApiResponse(ErrorSerializer, "Too many requests: wait the number of seconds in Retry-After."),
}

IF_MATCH = OpenApiParameter(
    "If-Match",
    OpenApiTypes.STR,
    OpenApiParameter.HEADER,
    description='The ETag you read, e.g. "7"; * matches any version. Alternatively send expected_version in the body.',
    examples=[OpenApiExample("The version read", value='"1"'), OpenApiExample("Any version", value="*")],
)
IF_NONE_MATCH = OpenApiParameter(
    "If-None-Match",
    OpenApiTypes.STR,
    OpenApiParameter.HEADER,
    description='The ETag of the copy you hold, e.g. "7": if it is still current the answer is 304, with no body.',
    examples=[OpenApiExample("The version held", value='"1"')],
)
NOT_MODIFIED = OpenApiResponse(None, "Not modified: the record is still at the version named in If-None-Match.")
ETAG = OpenApiParameter(
    "ETag",
    OpenApiTypes.STR,
    OpenApiParameter.HEADER,
    response=["200", "201", "304"],
    description='The action\'s version, quoted, e.g. "7": send it back as If-Match when writing.',
)
CSV_FORMAT = OpenApiParameter(
    "format",
    OpenApiTypes.STR,
    OpenApiParameter.QUERY,
    enum=["json", "csv"],
    description="csv: every matching row (not paginated) with the same columns as the HTML export.",
)


class StrategyAutoSchema(AutoSchema):
    def _is_write(self) -> bool:
        return self.method in ("POST", "PUT", "PATCH", "DELETE")

    def _error_codes(self) -> list[str]:
        codes = ["400", "401", "403", "429"]
        if uritemplate.variables(self.path):
            codes.append("404")
        if self._is_write():
            codes.append("415")
            if getattr(self.view, "etag_versioned", False):
                codes.append("412")
        elif self._is_list_view() and getattr(self.view, "pagination_class", None):
            codes.append("404")
        return codes

    def _get_response_bodies(self, direction="response"):
        responses = super()._get_response_bodies(direction)
        for code in self._error_codes():
            if code not in responses:
                responses[code] = self._get_response_for_code(ERROR_RESPONSES[code], code, direction=direction)
        if self._is_conditional_read():
            responses["304"] = self._get_response_for_code(NOT_MODIFIED, "304", direction=direction)
        return responses

    def _is_conditional_read(self) -> bool:
        """GET of one versioned record, which answers If-None-Match (core.api.viewsets.VersionedRecordViewSet.retrieve)."""
        return self.method == "GET" and getattr(self.view, "action", None) == "retrieve" and getattr(self.view, "etag_versioned", False)

    def get_override_parameters(self):
        parameters = list(super().get_override_parameters())
        if getattr(self.view, "etag_versioned", False):
            parameters.append(ETAG)
            if self._is_write():
                parameters.append(IF_MATCH)
            if self._is_conditional_read():
                parameters.append(IF_NONE_MATCH)
        if self.method == "GET" and any(renderer.format == "csv" for renderer in self.view.get_renderers()):
            parameters.append(CSV_FORMAT)
        return parameters
