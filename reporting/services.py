"""Every write to committee meetings and reports: drafting, editing, approving for the agenda, publishing."""

import datetime
import hashlib
from dataclasses import field, make_dataclass

from django.contrib.auth.base_user import AbstractBaseUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.formats import date_format

from core.conflicts import lock_for_edit
from core.financial_year import financial_year_label, financial_year_short_label, financial_year_start
from core.limits import length_errors
from core.permissions import can_draft_committee_report, can_edit_committee_report

from periods.models import ReportingPeriod

from .choices import ImplicationArea, ReportStatus
from .drafting import progress_report_draft
from .models import REFERENCE_PREFIX, CommitteeMeeting, CommitteeReport, ReferenceSequence, ReportImplication
from .pdf import committee_report_document_pdf
from .sections import REQUIRED_FOR_APPROVAL, TEXT_SECTIONS
from .selectors import committee_report_document


# The text of a report as its author writes it; the reference and workflow are the service's.
ReportSections = make_dataclass(
    "ReportSections",
    [
        ("title", str),
        ("report_of", str),
        ("wards_affected", str, field(default="All")),
        *((section.field, str, field(default="")) for section in TEXT_SECTIONS),
    ],
    frozen=True,
)
# Before Python 3.12 make_dataclass files the class under "types", where pickle would not find it.
ReportSections.__module__ = __name__


def _refuse_published(report: CommitteeReport) -> None:
    if report.status == ReportStatus.PUBLISHED:
        when = f" on {date_format(timezone.localtime(report.published_at).date())}" if report.published_at else ""
        raise ValidationError(
            f"{report.reference} was published{when} and can no longer be changed: write a new report instead."
        )


def _allocate_sequence(*, financial_year: int) -> int:
    """The next number in the year, under a row lock so concurrent drafts never share one.

    Takes the higher of the counter and the highest number already on a report, so reports
    loaded from outside (the seeded CP/35/22-23) are never reused; the counter keeps numbers
    of deleted reports used.
    """
    ReferenceSequence.objects.get_or_create(financial_year=financial_year)
    counter = ReferenceSequence.objects.select_for_update().get(financial_year=financial_year)
    highest_on_reports = (
        CommitteeReport.objects.filter(financial_year=financial_year).aggregate(highest=Max("sequence"))["highest"] or 0
    )
    counter.last_number = max(counter.last_number, highest_on_reports) + 1
    counter.save(update_fields=["last_number"])
    return counter.last_number


def _save_implications(*, report: CommitteeReport, implications: dict[str, str]) -> None:
    unknown = sorted(set(implications) - set(ImplicationArea.values))
    if unknown:
        raise ValidationError(f"Unknown implication area: {', '.join(unknown)}.")
    too_long = {
        area: message for area, text in implications.items() for message in length_errors(ReportImplication, text=text.strip()).values()
    }
    if too_long:
        raise ValidationError({"implications": [f"{ImplicationArea(area).label}: {message}" for area, message in too_long.items()]})
    existing = {item.area: item for item in report.implications.all()}
    for area in ImplicationArea.values:
        if area not in implications:
            continue
        text = implications[area].strip()
        current = existing.get(area)
        if not text:
            if current is not None:
                current.delete()
        elif current is None:
            ReportImplication.objects.create(report=report, area=area, text=text)
        elif current.text != text:
            current.text = text
            current.save(update_fields=["text"])


def _apply_sections(report: CommitteeReport, sections: ReportSections) -> None:
    for name, value in vars(sections).items():
        setattr(report, name, value.strip())


def committee_meeting_create(*, user: AbstractBaseUser, committee: str, date: datetime.date) -> CommitteeMeeting:
    """Add a committee meeting that reports can be written for."""
    if not can_draft_committee_report(user):
        raise PermissionDenied("Only strategy leads can add committee meetings.")
    meeting = CommitteeMeeting(committee=committee.strip(), date=date)
    with transaction.atomic():
        try:
            meeting.full_clean()
        except ValidationError as error:
            if "__all__" in getattr(error, "error_dict", {}):
                raise ValidationError(
                    {"date": f"The {meeting.committee} already has a meeting on {date_format(date)}."}
                ) from None
            raise
        meeting.save()
    return meeting


def committee_report_create(
    *, user: AbstractBaseUser, meeting: CommitteeMeeting, sections: ReportSections, implications: dict[str, str] | None = None
) -> CommitteeReport:
    """Draft a report for a meeting and give it the next reference in the meeting's financial year."""
    if not can_draft_committee_report(user):
        raise PermissionDenied("Only strategy leads can draft committee reports.")
    if meeting is None:
        raise ValidationError({"meeting": "Choose the committee meeting the report is for."})
    with transaction.atomic():
        return _draft(user=user, meeting=meeting, reference_day=meeting.date, sections=sections, implications=implications)


def _draft(
    *,
    user: AbstractBaseUser,
    meeting: CommitteeMeeting | None,
    reference_day: datetime.date,
    sections: ReportSections,
    implications: dict[str, str] | None,
    period: ReportingPeriod | None = None,
) -> CommitteeReport:
    """Save a draft numbered next in the financial year of `reference_day` (its meeting's date)."""
    financial_year = financial_year_start(reference_day)
    sequence = _allocate_sequence(financial_year=financial_year)
    report = CommitteeReport(
        reference=f"{REFERENCE_PREFIX}/{sequence}/{financial_year_short_label(reference_day)}",
        sequence=sequence,
        financial_year=financial_year,
        meeting=meeting,
        period=period,
        status=ReportStatus.DRAFT,
        created_at=timezone.now(),
        created_by=user,
        updated_by=user,
    )
    _apply_sections(report, sections)
    report.full_clean()
    report.save()
    _save_implications(report=report, implications=implications or {})
    return report


def committee_report_for_period(*, period: ReportingPeriod, user: AbstractBaseUser) -> CommitteeReport:
    """The quarter's progress report: the one already drafted for it, or a new draft from its figures.

    Called by the pack services for the people they let request packs (leads, or the scheduler
    for a quarter that closed), so it checks no permission itself. The draft goes to the
    committee's next meeting after the quarter's update deadline; with none on the calendar it
    is numbered in that deadline's financial year and waits for the lead to choose a meeting,
    which approval requires.
    """
    with transaction.atomic():
        period = ReportingPeriod.objects.select_for_update().get(pk=period.pk)
        existing = CommitteeReport.objects.filter(period=period).first()
        if existing is not None:
            return existing
        draft = progress_report_draft(period=period, drafted_by=user)
        return _draft(
            user=user,
            meeting=draft.meeting,
            reference_day=draft.meeting.date if draft.meeting else period.update_deadline,
            sections=ReportSections(**draft.sections),
            implications=draft.implications,
            period=period,
        )


def committee_report_update(
    *,
    report: CommitteeReport,
    user: AbstractBaseUser,
    expected_version: int,
    meeting: CommitteeMeeting,
    sections: ReportSections,
    implications: dict[str, str] | None = None,
) -> CommitteeReport:
    """Change a report not yet published. Editing an approved report sends it back to draft."""
    if not can_edit_committee_report(user):
        raise PermissionDenied("Only strategy leads can edit committee reports.")
    with transaction.atomic():
        report = _lock_unpublished(report, expected_version=expected_version)
        if meeting is None:
            raise ValidationError({"meeting": "Choose the committee meeting the report is for."})
        if financial_year_start(meeting.date) != report.financial_year:
            raise ValidationError(
                {
                    "meeting": f"{report.reference} is numbered in {financial_year_label(report.financial_year)}: "
                    "choose a meeting in that financial year, "
                    "or draft a new report for a meeting in another year."
                }
            )
        report.meeting = meeting
        _apply_sections(report, sections)
        report.updated_by = user
        if report.status == ReportStatus.APPROVED:
            # The approval was for the text the approver read; changed text needs approving again.
            report.status = ReportStatus.DRAFT
            report.approved_at = None
            report.approved_by = None
        report.full_clean()
        report.save()
        _save_implications(report=report, implications=implications or {})
    return report


def _missing_for_approval(report: CommitteeReport) -> list[str]:
    missing = [section.title for section in REQUIRED_FOR_APPROVAL if not getattr(report, section.field).strip()]
    if report.meeting_id is None:
        missing.insert(0, "the committee meeting")
    covered = set(report.implications.exclude(text="").values_list("area", flat=True))
    return missing + [f"Implications: {area.label}" for area in ImplicationArea if area.value not in covered]


def _lock_unpublished(report: CommitteeReport, *, expected_version: int) -> CommitteeReport:
    """The report's row, locked for this transaction; refused if it has changed since the caller
    read `expected_version`, or if it is already published."""
    report = lock_for_edit(report, expected_version=expected_version)
    _refuse_published(report)
    return report


def _record_step(report: CommitteeReport, *, status: str, user: AbstractBaseUser) -> CommitteeReport:
    """Move to `status`, stamping who and when in that step's <step>_by/<step>_at fields."""
    report.status = status
    setattr(report, f"{status}_at", timezone.now())
    setattr(report, f"{status}_by", user)
    # A step is a change too: whoever's save is refused next is told who made it.
    report.updated_by = user
    report.full_clean()
    report.save()
    return report


def committee_report_approve(
    *, report: CommitteeReport, user: AbstractBaseUser, expected_version: int
) -> CommitteeReport:
    """Approve a complete draft for the committee's agenda."""
    if not can_edit_committee_report(user):
        raise PermissionDenied("Only strategy leads can approve committee reports for the agenda.")
    with transaction.atomic():
        report = _lock_unpublished(report, expected_version=expected_version)
        if report.status != ReportStatus.DRAFT:
            raise ValidationError(f"{report.reference} is already approved for the agenda.")
        if missing := _missing_for_approval(report):
            raise ValidationError(f"{report.reference} cannot go on the agenda until it has: {'; '.join(missing)}.")
        return _record_step(report, status=ReportStatus.APPROVED, user=user)


def committee_report_publish(
    *, report: CommitteeReport, user: AbstractBaseUser, expected_version: int
) -> CommitteeReport:
    """Publish an approved report. From now on it is read-only."""
    if not can_edit_committee_report(user):
        raise PermissionDenied("Only strategy leads can publish committee reports.")
    with transaction.atomic():
        report = _lock_unpublished(report, expected_version=expected_version)
        if report.status != ReportStatus.APPROVED:
            raise ValidationError(f"{report.reference} must be approved for the agenda before it is published.")
        report = _record_step(report, status=ReportStatus.PUBLISHED, user=user)
        _store_published_pdf(report)
        return report


def _store_published_pdf(report: CommitteeReport) -> None:
    """Render the published report once and keep the file with its SHA-256, pages and size.

    Saved through the storage API under a name no other file uses; the row names the file only
    once it is saved whole. An update, not save(), so the report's version does not move.
    """
    rendered = committee_report_document_pdf(document=committee_report_document(report=report))
    storage = CommitteeReport._meta.get_field("pdf").storage
    stored = {
        "pdf": storage.save(f"committee-reports/{report.slug}.pdf", ContentFile(rendered.content)),
        "pdf_sha256": hashlib.sha256(rendered.content).hexdigest(),
        "pdf_page_count": rendered.page_count,
        "pdf_size_bytes": len(rendered.content),
    }
    CommitteeReport.objects.filter(pk=report.pk).update(**stored)
    for name, value in stored.items():
        setattr(report, name, value)


def committee_report_published_pdf(*, report: CommitteeReport) -> CommitteeReport:
    """A published report with its PDF stored: stored now if it was published before reports kept
    their PDF (or published outside the services, as the seed loads CP/35/22-23)."""
    if report.status != ReportStatus.PUBLISHED:
        raise ValidationError(f"{report.reference} is not published, so it has no published PDF.")
    if report.pdf:
        return report
    with transaction.atomic():
        report = CommitteeReport.objects.select_for_update(of=("self",)).select_related("meeting").get(pk=report.pk)
        if not report.pdf:
            _store_published_pdf(report)
    return report
