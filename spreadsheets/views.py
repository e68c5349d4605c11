"""Pages for spreadsheets: a lead's plan import, and a manager's quarterly progress sheet.

Each flow is upload → preview (a dry run) → confirm (the same run, applied). The file is kept
between the two (SpreadsheetUpload), so the confirmation applies exactly what was previewed,
checked again against the plan as it stands then.
"""

from collections.abc import Callable

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone

from core.exports import download_response
from core.permissions import can_import_plan, has_progress_to_report
from periods.selectors import period_current

from . import selectors, services
from .forms import UploadForm, plan_upload_form, progress_sheet_form
from .models import SpreadsheetUpload, UploadPurpose
from .readers import FileRefused, read_tables

NO_PERIOD = "No reporting period is taking progress updates today, so there is no sheet to fill in."


def _require(allowed: bool) -> None:
    if not allowed:
        raise PermissionDenied


def _store(request: HttpRequest, form: UploadForm, purpose: str, preview: str) -> HttpResponse:
    upload = services.upload_store(
        user=request.user, purpose=purpose, filename=request.FILES["file"].name, content=form.content
    )
    return redirect(preview, token=upload.token)


def _upload(request: HttpRequest, token, purpose: str) -> SpreadsheetUpload:
    upload = selectors.upload_get(token=token, user=request.user, purpose=purpose)
    if upload is None:
        raise Http404("This upload has expired or is not yours: upload the file again.")
    return upload


def _preview_or_confirm(
    request: HttpRequest,
    upload: SpreadsheetUpload,
    run: Callable[..., services.ImportReport],
    *,
    template: str,
    done: str,
    context: dict,
) -> HttpResponse:
    """GET: the dry run. POST: the same run applied; if any row is refused now, nothing is, and the
    preview says why."""
    confirming = request.method == "POST"
    report, refusal = None, None
    try:
        report = run(read_tables(bytes(upload.content)), dry_run=not confirming)
    except FileRefused as error:
        refusal = str(error)
    if confirming and report is not None and report.applied:
        services.upload_discard(upload=upload)
        messages.success(request, f"{upload.filename}: {report.summary}. Every change is in the records' history.")
        return redirect(done)
    status = 409 if confirming else 200
    context = {**context, "upload": upload, "report": report, "refusal": refusal, "confirming": confirming}
    return render(request, template, context, status=status)


@login_required
def plan_import(request: HttpRequest) -> HttpResponse:
    _require(can_import_plan(request.user))
    if request.method != "POST":
        return render(request, "spreadsheets/plan_upload.html", {"form": plan_upload_form()})
    form = plan_upload_form(request.POST, request.FILES)
    if form.is_valid():
        return _store(request, form, UploadPurpose.PLAN, "plan-import-preview")
    return render(request, "spreadsheets/plan_upload.html", {"form": form}, status=400)


@login_required
def plan_import_preview(request: HttpRequest, token) -> HttpResponse:
    _require(can_import_plan(request.user))
    upload = _upload(request, token, UploadPurpose.PLAN)

    def run(tables, *, dry_run):
        return services.plan_import(tables=tables, user=request.user, source=upload.filename, dry_run=dry_run)

    return _preview_or_confirm(
        request, upload, run, template="spreadsheets/plan_preview.html", done="plan-import", context={}
    )


@login_required
def progress_sheet(request: HttpRequest) -> HttpResponse:
    """GET: the manager's sheet for the period taking updates. POST: their filled sheet, to preview."""
    _require(has_progress_to_report(request.user))
    period = period_current()
    if request.method == "GET":
        if period is None:
            raise Http404(NO_PERIOD)
        content = selectors.progress_sheet_xlsx(user=request.user, period=period)
        return download_response(content, filename=f"my-actions-{period.key}-{timezone.localdate():%Y-%m-%d}.xlsx")
    form = progress_sheet_form(request.POST, request.FILES, user=request.user, period=period)
    if period is not None and form.is_valid():
        return _store(request, form, UploadPurpose.PROGRESS, "progress-sheet-preview")
    if period is None:
        form.add_error(None, NO_PERIOD)
    return render(request, "spreadsheets/progress_sheet_upload.html", {"form": form, "period": period}, status=400)


@login_required
def progress_sheet_preview(request: HttpRequest, token) -> HttpResponse:
    _require(has_progress_to_report(request.user))
    upload = _upload(request, token, UploadPurpose.PROGRESS)
    period = period_current()

    def run(tables, *, dry_run):
        if period is None:
            raise FileRefused(NO_PERIOD)
        return services.progress_sheet_import(tables=tables, user=request.user, period=period, dry_run=dry_run)

    return _preview_or_confirm(
        request,
        upload,
        run,
        template="spreadsheets/progress_sheet_preview.html",
        done="my-actions",
        context={"period": period},
    )
