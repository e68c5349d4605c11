"""Base ViewSets: a read-only list endpoint is three lines (queryset, serializer_class,
filterset_class) plus, where a model has export columns, `csv_columns`."""

from rest_framework.response import Response
from rest_framework.viewsets import GenericViewSet

from core.exports import Column, export_response


class CSVListMixin:
    """Lists answer JSON pages, or with ?format=csv every matching row (unpaginated) as CSV.

    `csv_columns` (a model's export columns, shared with the HTML exports) are used when set;
    otherwise the serializer's fields are flattened by the CSV renderer.
    """

    csv_columns: list[Column] | None = None
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
        filename = filename or self.basename
        columns = columns if columns is not None else self.csv_columns
        if columns is not None:
            return export_response(rows=queryset, columns=columns, filename=filename, file_format="csv")
        return Response(
            self.get_serializer(queryset, many=True).data,
            headers={"Content-Disposition": f'attachment; filename="{filename}.csv"'},
        )

    def list(self, request, *args, **kwargs):
        return self.list_response(self.filter_queryset(self.get_queryset()))


class ListViewSet(CSVListMixin, GenericViewSet):
    """GET /<things>/: a filtered, paginated list, also as CSV."""
