"""A filtered list page: its filters, its downloads of exactly the filtered rows, and its page of the table."""

from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils import timezone

from .exports import FORMATS, Column, export_response
from .tables import ListTable

ROWS_PER_PAGE = 25


def filtered_list_response(
    request, *, filterset, columns: list[Column], table: ListTable, name: str, template_name: str, caption: str = "", context=None
):
    """The list of `filterset`'s rows, or their CSV or XLSX download (`?download=`) named
    `<name>-<today>`; the table's caption is `caption` (by default `name`, capitalised) and its page."""
    download = request.GET.get("download")
    download_error = None
    if download is not None and download not in FORMATS:
        download_error = "Choose a download format: CSV or XLSX."
    filters_valid = filterset.is_valid() if filterset.is_bound else True
    if download in FORMATS and filters_valid:
        return export_response(rows=filterset.qs, columns=columns, filename=f"{name}-{timezone.localdate():%Y-%m-%d}", file_format=download)
    rows = filterset.qs if filters_valid else filterset.queryset.none()
    page = Paginator(rows, ROWS_PER_PAGE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    for key in ("page", "download"):
        query.pop(key, None)
    pages = f", page {page.number} of {page.paginator.num_pages}" if page.paginator.num_pages > 1 else ""
    return render(
        request,
        template_name,
        {
            "filter": filterset,
            "form": filterset.form,
            "filters_valid": filters_valid,
            "download_error": download_error,
            "page": page,
            "query": query.urlencode(),
            "table": table.of(page.object_list, query=query),
            "table_caption": f"{caption or name.capitalize()}{pages}. Select a column heading to sort.",
            "filtered": bool(set(query) - {"ordering"}),
            "wide_layout": True,
            **(context or {}),
        },
    )
