"""Base ViewSets: a read-only list endpoint is four lines (queryset, serializer_class,
filterset_class and its export columns, `csv_columns`); a versioned record's endpoint builds on
VersionedRecordViewSet."""

from collections.abc import Iterable

from django.db.models import Manager
from django.shortcuts import get_object_or_404
from rest_framework import mixins, status
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response
from rest_framework.viewsets import GenericViewSet

from core.conflicts import current_version
from core.exports import Column, export_response

from .concurrency import etag_for, not_modified, version_read


class CSVListMixin:
    """Lists answer JSON pages, or with ?format=csv every matching row (unpaginated) as CSV in
    `csv_columns`: a model's export columns (core.exports), shared with its HTML export if it has one.
    """

    csv_columns: list[Column]
    csv_actions: tuple[str, ...] = ("list",)

    def get_renderers(self):
        renderers = super().get_renderers()
        # No action means a method the view does not offer: let it reach the 405 answer.
        if getattr(self, "action", None) in (*self.csv_actions, None):
            return renderers
        return [renderer for renderer in renderers if renderer.format != "csv"]

    def list_response(self, queryset, *, columns: list[Column] | None = None, filename: str | None = None):
        if self.request.accepted_renderer.format != "csv":
            page = self.paginate_queryset(queryset)
            return self.get_paginated_response(self.get_serializer(page, many=True).data)
        return export_response(
            rows=queryset, columns=columns or self.csv_columns, filename=filename or self.basename, file_format="csv"
        )

    def list(self, request, *args, **kwargs):
        return self.list_response(self.filter_queryset(self.get_queryset()))


class ListViewSet(CSVListMixin, GenericViewSet):
    """GET /<things>/: a filtered, paginated list, also as CSV."""


class VersionedRecordViewSet(CSVListMixin, mixins.RetrieveModelMixin, GenericViewSet):
    """Versioned records (core.conflicts) looked up by reference: every response about one carries
    its version as ETag, and every write parses the version the client read, for the service to
    compare under its row lock.

    The version comes in If-Match; where `version_in_body`, expected_version in the body will do.
    """

    lookup_field = "reference"
    lookup_value_regex = "[^/]+"
    etag_versioned = True
    version_in_body = False
    # Versioned records are changed (PATCH) and moved on (POST), never replaced or deleted.
    http_method_names = ["get", "post", "patch", "head", "options"]
    # The serializer of a whole record, for retrieve and the answers to writes (default: serializer_class).
    record_serializer_class = None

    def record_reference(self) -> str:
        return self.kwargs[self.lookup_field]

    def get_object(self):
        # A detail URL names one record: list filters in its query string do not apply.
        record = get_object_or_404(self.get_queryset(), reference=self.record_reference())
        self.check_object_permissions(self.request, record)
        return record

    def retrieve(self, request, *args, **kwargs):
        # A client whose copy is current is answered from the version alone, before the record
        # and its relations are read and serialised. The lookup is the same queryset's, so a
        # record the user may not read is 404 here too.
        if_none_match = request.headers.get("If-None-Match")
        if if_none_match is not None:
            current = current_version(self.get_queryset(), reference=self.record_reference())
            if current is not None and not_modified(if_none_match=if_none_match, version=current):
                return Response(status=status.HTTP_304_NOT_MODIFIED, headers={"ETag": etag_for(current)})
        return self._record_answer(self.get_object())

    def record_response(self, record, *, status_code: int = status.HTTP_200_OK) -> Response:
        """The record as it now stands, read again after a write."""
        return self._record_answer(self.get_queryset().get(pk=record.pk), status_code=status_code)

    def _record_answer(self, record, *, status_code: int = status.HTTP_200_OK) -> Response:
        serializer_class = self.record_serializer_class or self.serializer_class
        return versioned_response(serializer_class(record).data, record, status_code=status_code)

    def validated(self, serializer_class, *, partial: bool = False) -> dict:
        serializer = serializer_class(data=self.request.data, partial=partial)
        serializer.is_valid(raise_exception=True)
        if partial and not set(serializer.validated_data) - {"expected_version"}:
            raise ValidationError({"non_field_errors": ["Send at least one field to change."]})
        return dict(serializer.validated_data)

    def patched(self, record, serializer_class, *, unchanged: Iterable[str]) -> dict:
        """A PATCH body over the record's current values of `unchanged`, for a service that takes them all.

        Values read before the service locks the row are safe to send: the service refuses the
        write if anyone has saved since the version the client read.
        """
        return {name: _current_value(record, name) for name in unchanged} | self.validated(serializer_class, partial=True)

    def expected_version(self, record, fields: dict | None = None) -> int:
        """The version the client read, for the service; expected_version is taken out of the body's `fields`."""
        return version_read(
            if_match=self.request.headers.get("If-Match"),
            body_version=fields.pop("expected_version", None) if fields is not None else None,
            record=record,
            body_allowed=self.version_in_body,
        )


def versioned_response(data, record, *, status_code: int = status.HTTP_200_OK) -> Response:
    """`data` with the record's version now as ETag, for the client's next write."""
    return Response(data, status=status_code, headers={"ETag": etag_for(record.version)})


def _current_value(record, name: str):
    value = getattr(record, name)
    return list(value.all()) if isinstance(value, Manager) else value
