"""Pages for the quarterly progress packs under /reports/: thin callers of packs and pack_data."""

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponseRedirect, JsonResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.views import View
from django.views.generic import TemplateView

from core.financial_year import FinancialQuarter, PeriodKeyError
from core.permissions import (
    can_close_period,
    can_download_published_pack,
    can_publish_pack,
    can_request_pack,
    can_see_unpublished_packs,
)

from .choices import PackStatus
from .models import CommitteeReport, ReportingPeriod
from .pack_data import pack_periods, packs_visible_to
from .pack_downloads import pack_file_response, readable_pack_or_403
from .packs import IN_FLIGHT, pack_publish, pack_request, pack_retry, period_close, report_fits_pack
from .selectors import committee_reports_for_packs

POLL_SECONDS = 3


def _readable_error(exc: ValidationError) -> str:
    return " ".join(exc.messages)


def _period_or_404(period_key: str) -> ReportingPeriod:
    try:
        quarter = FinancialQuarter.parse(period_key)
    except PeriodKeyError as exc:
        raise Http404(str(exc)) from exc
    return get_object_or_404(ReportingPeriod, financial_year=quarter.start_year, quarter=quarter.quarter)


class PackReaderMixin(LoginRequiredMixin):
    """Readers of packs: leads (every version) and anyone who may download published ones."""

    def dispatch(self, request, *args, **kwargs):
        user = request.user
        if user.is_authenticated and not (can_see_unpublished_packs(user) or can_download_published_pack(user)):
            raise PermissionDenied("You do not have access to progress packs.")
        return super().dispatch(request, *args, **kwargs)


class PackListView(PackReaderMixin, TemplateView):
    template_name = "reporting/packs/pack_list.html"

    def get_context_data(self, **kwargs):
        user = self.request.user
        today = timezone.localdate()
        packs_by_period: dict[int, list] = {}
        for pack in packs_visible_to(user=user):
            packs_by_period.setdefault(pack.period_id, []).append(pack)
        reports = committee_reports_for_packs() if can_request_pack(user) else []
        periods = [
            {
                "period": period,
                "packs": packs_by_period.get(period.pk, []),
                "committee_reports": [r for r in reports if report_fits_pack(report=r, period=period)],
                "closed": period.is_closed(today),
                "building": any(p.status in IN_FLIGHT for p in packs_by_period.get(period.pk, [])),
            }
            for period in pack_periods(on=today)
        ]
        return super().get_context_data(
            periods=periods,
            any_building=any(row["building"] for row in periods),
            may_request=can_request_pack(user),
            may_publish=can_publish_pack(user),
            may_close=can_close_period(user),
            poll_seconds=POLL_SECONDS,
            **kwargs,
        )


class _LeadAction(LoginRequiredMixin, View):
    """A POST from the packs page that runs one service and returns to the page with a message."""

    http_method_names = ["post"]

    def post(self, request, **kwargs):
        try:
            message = self.act(request, **kwargs)
        except ValidationError as exc:
            messages.error(request, _readable_error(exc))
        else:
            messages.success(request, message)
        return HttpResponseRedirect(reverse("pack-list"))


class PackRequestView(_LeadAction):
    def act(self, request, period_key):
        period = _period_or_404(period_key)
        report_id = request.POST.get("committee_report") or None
        report = None
        if report_id:
            if not report_id.isdigit():
                raise ValidationError("Choose a committee report from the list.")
            report = CommitteeReport.objects.filter(pk=report_id).first()
            if report is None:
                raise ValidationError("That committee report no longer exists; choose another.")
        pack = pack_request(period=period, requested_by=request.user, committee_report=report)
        # Without a broker the build ran as the request committed, so say what actually happened.
        pack.refresh_from_db(fields=["status"])
        outcome = "is ready" if pack.status == PackStatus.READY else "is queued for building"
        return f"The {period.label} pack (version {pack.version}) {outcome}."


class PeriodCloseView(_LeadAction):
    def act(self, request, period_key):
        period = period_close(period=_period_or_404(period_key), user=request.user)
        return f"{period.label} is closed to updates and its pack has been requested."


class PackPublishView(_LeadAction):
    def act(self, request, pack_id):
        pack = pack_publish(pack_id=pack_id, user=request.user)
        return f"The {pack.period.label} pack (version {pack.version}) is published."


class PackRetryView(_LeadAction):
    def act(self, request, pack_id):
        pack = pack_retry(pack_id=pack_id, user=request.user)
        return f"The {pack.period.label} pack (version {pack.version}) is queued again."


class PackStatusView(PackReaderMixin, View):
    """The small JSON document the packs page polls while a build runs."""

    def get(self, request, pack_id):
        pack = readable_pack_or_403(request.user, pack_id)
        return JsonResponse(
            {
                "id": pack.pk,
                "status": pack.status,
                "status_label": pack.get_status_display(),
                "progress_step": pack.progress_step,
                "error": pack.error,
                "finished": pack.status not in IN_FLIGHT,
            }
        )


class PackDownloadView(PackReaderMixin, View):
    """Streams a built pack; committee members and managers get published ones only."""

    def get(self, request, pack_id):
        return pack_file_response(readable_pack_or_403(request.user, pack_id))
