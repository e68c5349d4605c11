"""Pages for the quarterly progress packs under /reports/: thin callers of packs and pack_data."""

import datetime
from dataclasses import dataclass, field

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponseRedirect, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.template.defaultfilters import pluralize
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
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

from actions.selectors import actions_missing_update

from .choices import PackStatus
from .models import CommitteeReport, ReportingPeriod, ReportPack
from .pack_data import pack_periods, packs_visible_to
from .pack_downloads import pack_file_response, readable_pack_or_403
from .packs import (
    IN_FLIGHT,
    pack_publish,
    pack_publish_refusal,
    pack_request,
    pack_retry,
    period_close,
    period_close_refusal,
    period_reopen,
    period_reopen_refusal,
    report_fits_pack,
    waiting_for_queue,
)
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
                "may_reopen": can_close_period(user) and period.closed_at is not None and not period_reopen_refusal(period, today),
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
    """A one-click POST from the packs page, for steps that can be repeated or undone; returns to the page with a message."""

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
        pack.refresh_from_db(fields=["status", "progress_step"])
        if waiting_for_queue(pack):
            outcome = "is saved, but the task queue is not answering: it will be built as soon as the queue is back"
        else:
            outcome = "is ready" if pack.status == PackStatus.READY else "is queued for building"
        return f"The {period.label} pack (version {pack.version}) {outcome}."


@dataclass(frozen=True)
class Confirmation:
    """What a confirmation page says: the step's consequence in plain words, then any details."""

    title: str
    consequence: str
    button: str
    details: list[str] = field(default_factory=list)


class _ConfirmedLeadStep(LoginRequiredMixin, View):
    """A step that cannot be undone: GET explains it, and only the POST from that page takes it.

    The page's form carries `confirmed`; a POST without it (a one-click form on an old copy of
    the packs page) is sent to the confirmation page instead of acting.
    """

    template_name = "reporting/packs/confirm.html"
    forbidden = "Only strategy leads may do this."

    def allowed(self, user) -> bool:
        raise NotImplementedError

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and not self.allowed(request.user):
            raise PermissionDenied(self.forbidden)
        return super().dispatch(request, *args, **kwargs)

    def get(self, request, **kwargs):
        target = self.target(**kwargs)
        refusal = self.refusal(target)
        if refusal:
            messages.error(request, refusal)
            return HttpResponseRedirect(reverse("pack-list"))
        return render(request, self.template_name, {"confirmation": self.confirmation(target)})

    def post(self, request, **kwargs):
        target = self.target(**kwargs)
        if request.POST.get("confirmed") != "yes":
            return HttpResponseRedirect(request.path)
        try:
            message = self.act(request.user, target)
        except ValidationError as exc:
            messages.error(request, _readable_error(exc))
        else:
            messages.success(request, message)
        return HttpResponseRedirect(reverse("pack-list"))


def _day(day: datetime.date) -> str:
    return date_format(day, "j F Y")


class PeriodCloseView(_ConfirmedLeadStep):
    forbidden = "Only strategy leads may close a reporting period."

    def allowed(self, user) -> bool:
        return can_close_period(user)

    def target(self, period_key):
        return _period_or_404(period_key)

    def refusal(self, period):
        return period_close_refusal(period, timezone.localdate())

    def confirmation(self, period):
        packs = "and leaves its packs as they are" if period.packs.exists() else "and requests its pack"
        missing = actions_missing_update(period=period).count()
        return Confirmation(
            title=f"Close {period.label} early?",
            consequence=f"Closing {period.label} early stops managers updating now "
            f"(the deadline was {_day(period.update_deadline)}) {packs}.",
            details=[
                f"{missing} open action{pluralize(missing)} {pluralize(missing, 'has,have')} no update for {period.label} yet.",
                "You can reopen the quarter until its deadline, as long as no pack for it has been published.",
            ],
            button="Close the quarter",
        )

    def act(self, user, period):
        period = period_close(period=period, user=user)
        return f"{period.label} is closed to updates and its pack has been requested."


class PeriodReopenView(PeriodCloseView):
    forbidden = "Only strategy leads may reopen a reporting period."

    def refusal(self, period):
        return period_reopen_refusal(period, timezone.localdate())

    def confirmation(self, period):
        latest = period.packs.order_by("-version").first()
        details = []
        if latest is not None:
            details.append(
                f"Its pack (version {latest.version}) stays as it is and will not show updates made from now on: "
                "build a new version once the quarter closes."
            )
        return Confirmation(
            title=f"Reopen {period.label}?",
            consequence=f"Reopening {period.label} lets managers update it again until its deadline, {_day(period.update_deadline)}.",
            details=details,
            button="Reopen the quarter",
        )

    def act(self, user, period):
        period = period_reopen(period=period, user=user)
        return f"{period.label} is open for updates again until {_day(period.update_deadline)}."


class PackPublishView(_ConfirmedLeadStep):
    forbidden = "Only strategy leads may publish a progress pack."

    def allowed(self, user) -> bool:
        return can_publish_pack(user)

    def target(self, pack_id):
        return get_object_or_404(ReportPack.objects.select_related("period", "committee_report"), pk=pack_id)

    def refusal(self, pack):
        return pack_publish_refusal(pack)

    def confirmation(self, pack):
        label = f"version {pack.version} of the {pack.period.label} pack"
        return Confirmation(
            title=f"Publish {label}?",
            consequence=f"Publishing makes {label} visible to committee members and everyone else who reads published "
            "packs (ICT managers and council systems using the API); it can never be changed or unpublished.",
            details=["Download and check the PDF first. A rebuild after publishing is a new version, published separately."],
            button="Publish the pack",
        )

    def act(self, user, pack):
        pack = pack_publish(pack_id=pack.pk, user=user)
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
