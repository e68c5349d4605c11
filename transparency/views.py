"""The public page: published packs and committee reports, and the summary figures as open data.

No sign-in. Everything is read through reporting.selectors' published_* selectors, so an
unpublished pack or report is a 404 here whatever the URL. Each view is limited per address
(core.api.throttling.AddressThrottle) and answers conditional requests with its ETag, which
changes whenever anything is published; the open data is also kept in the cache under it.
"""

import datetime
import hashlib
import json
import math
from decimal import Decimal

from django.core.cache import cache
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.views.decorators.cache import cache_control
from django.views.decorators.http import condition, require_safe

from core.api.throttling import AddressThrottle
from core.exports import FORMATS, csv_content
from reporting.models import reference_from_slug
from reporting.pack_downloads import pack_file_response, published_report_file_response
from reporting.selectors import (
    period_summary,
    public_packs,
    public_reports,
    published_fingerprint,
    published_periods,
)
from reporting.services import committee_report_published_pdf

from .open_data import OPEN_DATA_COLUMNS, open_data_rows

# How long browsers may reuse a page or file before asking again (with its ETag).
MAX_AGE_SECONDS = 5 * 60
OPEN_DATA_CACHE_SECONDS = 60 * 60
OPEN_DATA_FILENAME = "ict-strategy-summary"


def limited_per_address(view):
    """429 with Retry-After once an address has made too many requests."""

    def limited(request, *args, **kwargs):
        throttle = AddressThrottle()
        if not throttle.allow_request(request, None):
            wait = math.ceil(throttle.wait() or 1)
            response = render(request, "transparency/too_many_requests.html", {"wait_seconds": wait}, status=429)
            response["Retry-After"] = str(wait)
            return response
        return view(request, *args, **kwargs)

    return limited


def _published_etag(request, *args, **kwargs) -> str:
    return hashlib.sha256(published_fingerprint().encode()).hexdigest()[:32]


def _page_etag(request, *args, **kwargs) -> str:
    # The page's header names whoever is signed in, so each reader has their own version.
    return f"{_published_etag(request)}-{request.user.pk or 0}"


def public(view, *, etag, **cache_control_kwargs):
    """Limited per address, then answered from the browser's copy while `etag` is unchanged."""
    cached = cache_control(max_age=MAX_AGE_SECONDS, **cache_control_kwargs)(view)
    return require_safe(limited_per_address(condition(etag_func=etag)(cached)))


def _index(request):
    return render(
        request,
        "transparency/index.html",
        {"packs": public_packs(), "reports": public_reports(), "columns": OPEN_DATA_COLUMNS},
    )


def _open_data_rows() -> list:
    """Every published quarter's rows (see open_data), cached until the next publication."""

    def build():
        return open_data_rows([period_summary(period=period) for period in published_periods()])

    return cache.get_or_set(f"transparency:open-data:{_published_etag(None)}", build, OPEN_DATA_CACHE_SECONDS)


def _summary_csv(request):
    response = HttpResponse(csv_content(rows=_open_data_rows(), columns=OPEN_DATA_COLUMNS), content_type=FORMATS["csv"])
    response["Content-Disposition"] = f'attachment; filename="{OPEN_DATA_FILENAME}.csv"'
    return response


def _json_value(value):
    if isinstance(value, Decimal):
        return float(value)
    return value.isoformat() if isinstance(value, datetime.date) else value


def _summary_json(request):
    body = {
        "title": "ICT Strategy 2023–27: summary figures for every published quarter",
        "columns": [{"name": column.header, "description": column.description} for column in OPEN_DATA_COLUMNS],
        "rows": [{column.header: _json_value(column.value(row)) for column in OPEN_DATA_COLUMNS} for row in _open_data_rows()],
    }
    response = HttpResponse(json.dumps(body, ensure_ascii=False, indent=1), content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{OPEN_DATA_FILENAME}.json"'
    return response


def _pack_download(request, pack_id: int):
    pack = public_packs().filter(pk=pack_id).first()
    if pack is None:
        raise Http404("No published pack has that number.")
    return pack_file_response(pack)


def _report_download(request, key: str):
    reference = reference_from_slug(key)
    report = public_reports().filter(reference=reference).first() if reference else None
    if report is None:
        raise Http404("No published committee report has that reference.")
    return published_report_file_response(committee_report_published_pdf(report=report))


index = public(_index, etag=_page_etag)
summary_csv = public(_summary_csv, etag=_published_etag, public=True)
summary_json = public(_summary_json, etag=_published_etag, public=True)
pack_download = public(_pack_download, etag=_published_etag, public=True)
report_download = public(_report_download, etag=_published_etag, public=True)
