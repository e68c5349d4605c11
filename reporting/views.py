"""Committee report pages: thin views over reporting.selectors and reporting.services."""

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.template.defaultfilters import pluralize
from django.views import View
from django.views.generic import FormView, TemplateView

from core.conflicts import EditConflict, VersionedForm
from core.exports import FORMATS, export_response
from core.permissions import (
    can_draft_committee_report,
    can_edit_committee_report,
    can_read_committee_report,
    can_view_committee_reports,
)

from .choices import ReportStatus
from .columns import COMMITTEE_REPORT_COLUMNS, COMMITTEE_REPORT_TABLE
from .forms import CommitteeMeetingForm, CommitteeReportChangeForm, CommitteeReportForm
from .models import CommitteeReport
from .pack_downloads import published_report_file_response
from .pdf import committee_report_document_pdf
from .selectors import (
    committee_meeting_list,
    committee_report_document,
    committee_report_filterset,
    committee_report_get,
)
from .services import (
    committee_meeting_create,
    committee_report_approve,
    committee_report_create,
    committee_report_publish,
    committee_report_published_pdf,
    committee_report_update,
)


def _readable_report(request, key: str) -> CommitteeReport:
    try:
        report = committee_report_get(key=key)
    except CommitteeReport.DoesNotExist:
        raise Http404("No committee report has that reference.") from None
    if not can_read_committee_report(request.user, report):
        raise PermissionDenied("Only strategy leads can read a committee report before it is published.")
    return report


def _editable_report(request, key: str) -> CommitteeReport:
    report = _readable_report(request, key)
    if not can_edit_committee_report(request.user):
        raise PermissionDenied("Only strategy leads can change committee reports.")
    return report


class CommitteeReportListView(LoginRequiredMixin, TemplateView):
    """The list; with ?download=csv or xlsx, the filtered reports in the list's columns."""

    template_name = "reporting/committee/list.html"

    def get(self, request, *args, **kwargs):
        if not can_view_committee_reports(request.user):
            raise PermissionDenied("You do not have access to committee reports.")
        self.filterset = committee_report_filterset(filters=request.GET, user=request.user)
        file_format = request.GET.get("download")
        if file_format is not None and self.filterset.is_valid():
            if file_format not in FORMATS:
                raise Http404("Downloads are CSV or XLSX.")
            return export_response(
                rows=self.filterset.qs, columns=COMMITTEE_REPORT_COLUMNS, filename="committee-reports", file_format=file_format
            )
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        filters = self.request.GET.copy()
        filters.pop("download", None)
        reports = self.filterset.qs if self.filterset.is_valid() else CommitteeReport.objects.none()
        table = COMMITTEE_REPORT_TABLE.of(reports)
        return super().get_context_data(
            filterset=self.filterset,
            reports=reports,
            table=table,
            table_caption=f"{len(table.rows)} report{pluralize(len(table.rows))}",
            meetings=committee_meeting_list(user=self.request.user),
            can_draft=can_draft_committee_report(self.request.user),
            query=filters.urlencode(),
            **kwargs,
        )


class CommitteeReportDetailView(LoginRequiredMixin, TemplateView):
    template_name = "reporting/committee/detail.html"

    def get_context_data(self, **kwargs):
        report = _readable_report(self.request, self.kwargs["key"])
        can_edit = can_edit_committee_report(self.request.user) and not report.is_published
        return super().get_context_data(
            report_row=report,
            report=committee_report_document(report=report),
            can_edit=can_edit,
            **kwargs,
        )


class CommitteeReportPdfView(LoginRequiredMixin, View):
    """A published report's stored PDF (the bytes the public page gives the SHA-256 of); a draft rendered now."""

    def get(self, request, key: str):
        report = _readable_report(request, key)
        if report.is_published:
            return published_report_file_response(committee_report_published_pdf(report=report))
        rendered = committee_report_document_pdf(document=committee_report_document(report=report))
        response = HttpResponse(rendered.content, content_type="application/pdf")
        response["Content-Disposition"] = f'attachment; filename="{report.slug}.pdf"'
        return response


def _add_service_errors(form, error: ValidationError) -> None:
    """Put a service's errors on the form: on their field when the form has one, else at the top."""
    if not hasattr(error, "error_dict"):
        form.add_error(None, error)
        return
    for field, errors in error.error_dict.items():
        form.add_error(field if field in form.fields else None, errors)


class CommitteeReportFormView(LoginRequiredMixin, FormView):
    """Draft a new report (no key in the URL) or edit one not yet published."""

    form_class = CommitteeReportForm
    template_name = "reporting/committee/form.html"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        self.report = None
        if "key" in kwargs:
            self.report = _editable_report(request, kwargs["key"])
            if self.report.is_published:
                messages.error(request, f"{self.report.reference} is published and can no longer be changed.")
                return redirect("committee-report-detail", key=self.report.slug)
        elif not can_draft_committee_report(request.user):
            raise PermissionDenied("Only strategy leads can draft committee reports.")
        return super().dispatch(request, *args, **kwargs)

    def get_form_class(self):
        return CommitteeReportChangeForm if self.report else CommitteeReportForm

    def get_initial(self):
        return CommitteeReportChangeForm.initial_for(self.report) if self.report else super().get_initial()

    def get_context_data(self, **kwargs):
        return super().get_context_data(report_row=self.report, **kwargs)

    def form_valid(self, form):
        data = form.cleaned_data
        try:
            if self.report is None:
                report = committee_report_create(
                    user=self.request.user, meeting=data["meeting"], sections=form.sections(), implications=form.implications()
                )
                messages.success(self.request, f"Draft {report.reference} saved. The reference is now used and will not be reused.")
            else:
                was_approved = self.report.status == ReportStatus.APPROVED
                report = committee_report_update(
                    report=self.report,
                    user=self.request.user,
                    expected_version=data["expected_version"],
                    meeting=data["meeting"],
                    sections=form.sections(),
                    implications=form.implications(),
                )
                note = " It is back in draft: approve it for the agenda again." if was_approved else ""
                messages.success(self.request, f"{report.reference} saved.{note}")
        except ValidationError as error:
            _add_service_errors(form, error)
            return self.form_invalid(form)
        except EditConflict as conflict:
            form.refuse_stale(conflict)
            return self.form_invalid(form)
        return redirect("committee-report-detail", key=report.slug)


class CommitteeReportTransitionView(LoginRequiredMixin, View):
    """POST only: approve for the agenda, or publish. Refusals come back as a message on the report."""

    transition = None
    done_message = ""

    def post(self, request, key: str):
        report = _editable_report(request, key)
        form = VersionedForm(request.POST)
        if not form.is_valid():
            messages.error(request, " ".join(form.errors["expected_version"]))
            return redirect("committee-report-detail", key=report.slug)
        try:
            report = type(self).transition(
                report=report, user=request.user, expected_version=form.cleaned_data["expected_version"]
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        except EditConflict as conflict:
            # There is nothing typed to keep: the report page shows it as it now stands.
            messages.error(request, str(conflict))
        else:
            messages.success(request, self.done_message.format(reference=report.reference))
        return redirect("committee-report-detail", key=report.slug)


class CommitteeReportApproveView(CommitteeReportTransitionView):
    transition = staticmethod(committee_report_approve)
    done_message = "{reference} is approved for the agenda."


class CommitteeReportPublishView(CommitteeReportTransitionView):
    transition = staticmethod(committee_report_publish)
    done_message = "{reference} is published. It can no longer be changed."


class CommitteeMeetingCreateView(LoginRequiredMixin, FormView):
    form_class = CommitteeMeetingForm
    template_name = "reporting/committee/meeting_form.html"

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and not can_draft_committee_report(request.user):
            raise PermissionDenied("Only strategy leads can add committee meetings.")
        return super().dispatch(request, *args, **kwargs)

    def form_valid(self, form):
        try:
            meeting = committee_meeting_create(
                user=self.request.user, committee=form.cleaned_data["committee"], date=form.cleaned_data["date"]
            )
        except ValidationError as error:
            _add_service_errors(form, error)
            return self.form_invalid(form)
        messages.success(self.request, f"Added the meeting: {meeting}.")
        return redirect("committee-report-list")
