
import datetime
from dataclasses import dataclass

from django.contrib.auth.base_user import AbstractBaseUser
from django.db.models import Prefetch, QuerySet
from django.utils import timezone

from actions.models import ActionItem
from actions.selectors import Rollup, actions_missing_update, rollups_as_at
from core.exports import display_name
from core.permissions import can_edit_committee_report
from measures.selectors import measure_counts_by_principle, measure_counts_total
from periods.models import ReportingPeriod
from principles.models import Principle
from principles.selectors import principle_list
from strategy.models import Strategy

from .choices import OWNER_REMINDER_KINDS, ImplicationArea, PackStatus, ReportStatus
from .filtersets import CommitteeReportFilterSet
from .models import CommitteeMeeting, CommitteeReport, ReminderSent, ReportPack, reference_from_slug
from .sections import ACCESS_TO_INFORMATION, IMPLICATIONS_NUMBER, NUMBERED_SECTIONS
from .text import text_blocks


# What "published" means, for every reader: the signed-in pages, the API and the public page.
# A published report or pack never changes again (reporting.services, reporting.packs).


def published_reports(queryset: QuerySet[CommitteeReport] | None = None) -> QuerySet[CommitteeReport]:
    return (CommitteeReport.objects.all() if queryset is None else queryset).filter(status=ReportStatus.PUBLISHED)


def published_packs(queryset: QuerySet[ReportPack] | None = None) -> QuerySet[ReportPack]:
    return (ReportPack.objects.all() if queryset is None else queryset).filter(status=PackStatus.PUBLISHED)


def public_reports() -> QuerySet[CommitteeReport]:
    """Published reports, newest meeting first, as the public page lists them."""
    return published_reports(CommitteeReport.objects.select_related("meeting")).order_by(
        "-meeting__date", "-financial_year", "-sequence"
    )


def public_packs() -> QuerySet[ReportPack]:
    """Published packs with their file, newest quarter first, as the public page lists them."""
    return published_packs(ReportPack.objects.select_related("period", "committee_report__meeting")).exclude(file="")


def published_periods() -> list[ReportingPeriod]:
    """The quarters with a published pack, oldest first: the quarters the public open data covers."""
    return list(ReportingPeriod.objects.filter(pk__in=published_packs().values("period")).order_by("start_date"))


def published_fingerprint() -> str:
    """Changes whenever anything is published: the public page's ETag and cache key."""
    latest = [
        (published.count(), published.order_by("-published_at").values_list("pk", "published_at").first())
        for published in (published_packs(), published_reports())
    ]
    # A report published before reports kept their PDF gets its file at its first download.
    return repr([*latest, published_reports().exclude(pdf="").count()])


@dataclass(frozen=True)
class SummaryRow:
    """One line of a summary: a principle's figures (or the plan's, `rollup.number` None) at a period's end."""

    period: ReportingPeriod
    rollup: Rollup


@dataclass(frozen=True)
class PeriodSummary:
    """Per principle and overall, how the action plan stood at the end of `period` (the Rollups'
    counting rule: RAG counts and the average percent are of open actions)."""

    period: ReportingPeriod
    principles: list[Rollup]
    overall: Rollup
    # Per principle with measures, its measures by MeasureState in the period (measures.selectors).
    measures_by_principle: list[dict]

    @property
    def measures_overall(self) -> dict[str, int]:
        return measure_counts_total(self.measures_by_principle)

    @property
    def as_at(self) -> datetime.date:
        return self.period.end_date

    @property
    def rows(self) -> list[SummaryRow]:
        """Each principle's line in number order, then the plan's."""
        return [SummaryRow(self.period, rollup) for rollup in (*self.principles, self.overall)]


def period_summary(*, period: ReportingPeriod, principles: list[Principle] | None = None) -> PeriodSummary:
    """The plan as at the end of `period`, from each action's latest update for it or earlier
    (so a past quarter's figures never change; two queries, cached until a write), and its measures
    by RAG from the quarter's own figures (one query); plus one without `principles`."""
    principles = principles if principles is not None else list(principle_list())
    per_principle, overall = rollups_as_at(period=period, principles=principles)
    return PeriodSummary(
        period=period,
        principles=[rollup for _, rollup in per_principle],
        overall=overall,
        measures_by_principle=measure_counts_by_principle(period=period),
    )


def summary_history(*, on: datetime.date | None = None) -> list[PeriodSummary]:
    """The summary of every reporting period begun by `on` (default today), oldest first: a
    quarter not yet begun has no figures of its own."""
    principles = list(principle_list())
    periods = ReportingPeriod.objects.filter(start_date__lte=on or timezone.localdate()).order_by("start_date")
    return [period_summary(period=period, principles=principles) for period in periods]


def committee_report_queryset(*, user: AbstractBaseUser | None = None) -> QuerySet[CommitteeReport]:
    """The reports `user` may read, with the meeting and workflow people joined in (one query for a list).

    Drafts and approved reports are the leads' working papers; everyone else reads published ones.
    """
    queryset = CommitteeReport.objects.select_related("meeting", "period", "approved_by", "published_by")
    if user is not None and not can_edit_committee_report(user):
        queryset = published_reports(queryset)
    return queryset


def committee_report_filterset(*, filters: dict | None, user: AbstractBaseUser | None = None) -> CommitteeReportFilterSet:
    """The list page's (and API's) CommitteeReportFilterSet over the reports `user` may read.

    Returned whole so callers can show its form and errors; use `.qs` only when it is valid.
    """
    return CommitteeReportFilterSet(filters, queryset=committee_report_queryset(user=user))


def committee_meeting_list(*, user: AbstractBaseUser | None = None) -> QuerySet[CommitteeMeeting]:
    """Meetings, newest first, each with the reports the user may read (two queries)."""
    reports = CommitteeReport.objects.order_by("sequence")
    if user is not None and not can_edit_committee_report(user):
        reports = published_reports(reports)
    return CommitteeMeeting.objects.prefetch_related(Prefetch("reports", queryset=reports, to_attr="visible_reports"))


def committee_report_get(*, key: str) -> CommitteeReport:
    """The report a URL names, by primary key or by slugified reference (cp-35-22-23).

    Raises CommitteeReport.DoesNotExist for anything else, so a bad URL is a 404, never a 500.
    """
    queryset = CommitteeReport.objects.select_related(
        "meeting", "period", "created_by", "updated_by", "approved_by", "published_by"
    )
    if key.isdigit():
        return queryset.get(pk=int(key))
    reference = reference_from_slug(key)
    if reference is None:
        raise CommitteeReport.DoesNotExist(f"{key!r} is not a report reference.")
    return queryset.get(reference=reference)


def committee_report_document(*, report: CommitteeReport) -> dict:
    """Everything the committee-report templates need, as plain data (two queries).

    The report's own row (with its meeting) is already loaded by the caller; this adds the
    implications and the council's name. The quarterly packs pass the same dict to the same
    templates for their cover and report sections.
    """
    implications = {item.area: item.text for item in report.implications.all()}
    meeting = report.meeting
    strategy = Strategy.objects.current()
    return {
        "council": strategy.council if strategy else "",
        "committee": meeting.committee if meeting else "",
        "meeting_date": meeting.date if meeting else None,
        "title": report.title,
        "report_of": report.report_of,
        "reference": report.reference,
        "wards_affected": report.wards_affected,
        "status": report.status,
        "status_label": report.get_status_display(),
        "sections": [
            {
                "number": str(number),
                "field": section.field,
                "title": section.title,
                "blocks": text_blocks(getattr(report, section.field)),
            }
            for number, section in enumerate(NUMBERED_SECTIONS, start=1)
        ],
        "implications_number": str(IMPLICATIONS_NUMBER),
        "implications": [
            {
                "number": f"{IMPLICATIONS_NUMBER}.{index}",
                "area": area.value,
                "title": area.label,
                "blocks": text_blocks(implications.get(area.value, "")),
            }
            for index, area in enumerate(ImplicationArea, start=1)
        ],
        "access_to_information": [
            {
                "title": section.title,
                "lines": _lines(getattr(report, section.field)),
                # A required item still missing says so; an optional one is simply none.
                "empty_text": "Not given" if section.required_for_approval else "None",
            }
            for section in ACCESS_TO_INFORMATION
        ],
    }


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def committee_reports_for_packs() -> list[CommitteeReport]:
    """Reports a lead may attach to a progress pack, newest first, with their meetings."""
    return list(CommitteeReport.objects.select_related("meeting").order_by("-financial_year", "-sequence"))


def _by_name(user: AbstractBaseUser) -> tuple[str, int]:
    return display_name(user).casefold(), user.pk


@dataclass(frozen=True)
class OwnerToChase:
    """An owner's actions without an update for a period, and the last reminder the owner was sent."""

    owner: AbstractBaseUser
    actions: list[ActionItem]
    last_reminder: ReminderSent | None


def chase_list(*, period: ReportingPeriod) -> list[OwnerToChase]:
    """Who has not updated for `period`: each owner by name, with their actions lacking an update."""
    owners: dict[int, AbstractBaseUser] = {}
    actions_by_owner: dict[int, list[ActionItem]] = {}
    for action in actions_missing_update(period=period):
        owners[action.owner_id] = action.owner
        actions_by_owner.setdefault(action.owner_id, []).append(action)
    last_reminders = {
        reminder.recipient_id: reminder
        for reminder in ReminderSent.objects.filter(
            period=period, recipient_id__in=owners, kind__in=OWNER_REMINDER_KINDS
        ).order_by("sent_at")
    }
    groups = [
        OwnerToChase(owner=owner, actions=actions_by_owner[pk], last_reminder=last_reminders.get(pk))
        for pk, owner in owners.items()
    ]
    return sorted(groups, key=lambda group: _by_name(group.owner))


def people_to_remind(*, period: ReportingPeriod) -> list[tuple[AbstractBaseUser, list[ActionItem]]]:
    """Everyone who owns or is delegated an action lacking an update for `period`, by name, with those actions."""
    people: dict[int, AbstractBaseUser] = {}
    actions_by_person: dict[int, list[ActionItem]] = {}
    for action in actions_missing_update(period=period):
        for person in {user.pk: user for user in [action.owner, *action.delegates.all()]}.values():
            people[person.pk] = person
            actions_by_person.setdefault(person.pk, []).append(action)
    return sorted(((people[pk], actions) for pk, actions in actions_by_person.items()), key=lambda pair: _by_name(pair[0]))
