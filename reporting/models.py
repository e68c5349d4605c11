"""Committee meetings and reports, the quarterly PDF packs, and the reminders that chase updates."""

import re

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.formats import date_format

from core.conflicts import VersionedBySaveTime
from core.financial_year import financial_year_label
from core.limits import COVER_LINE_LENGTH, ERROR_LENGTH, SECTION_LENGTH, TITLE_LENGTH, LimitedTextField, length_checks
from periods.models import ReportingPeriod

from .choices import ImplicationArea, PackStatus, ReminderKind, ReportStatus


class CommitteeMeeting(models.Model):
    committee = models.CharField(max_length=TITLE_LENGTH)
    date = models.DateField()
    is_demo = models.BooleanField(default=False, help_text="Demo data loaded by seed_strategy --demo.")

    class Meta:
        ordering = ["-date"]
        constraints = [models.UniqueConstraint(fields=["committee", "date"], name="committeemeeting_unique")]

    def __str__(self) -> str:
        return f"{self.committee}, {date_format(self.date)}"


class CommitteeReport(VersionedBySaveTime, models.Model):
    """A report to committee in the council's house form (see CP/35/22-23)."""

    reference = models.CharField(max_length=30, unique=True, help_text="CP/<number>/<yy-yy>")
    sequence = models.PositiveIntegerField(help_text="The <number> in the reference, in sequence per financial year.")
    financial_year = models.PositiveSmallIntegerField(help_text="Start year of the reference's financial year.")
    meeting = models.ForeignKey(CommitteeMeeting, on_delete=models.PROTECT, null=True, blank=True, related_name="reports")
    # The quarter whose progress the report presents: its packs carry this report.
    period = models.OneToOneField(
        ReportingPeriod, on_delete=models.PROTECT, null=True, blank=True, related_name="progress_report"
    )
    title = models.CharField(max_length=COVER_LINE_LENGTH)
    report_of = models.CharField(max_length=COVER_LINE_LENGTH)
    wards_affected = models.CharField(max_length=COVER_LINE_LENGTH, default="All")
    # The texts an author writes, declared in reporting.sections' order (which a test holds them to).
    purpose = LimitedTextField(max_length=SECTION_LENGTH, blank=True)
    executive_summary = LimitedTextField(max_length=SECTION_LENGTH, blank=True)
    recommendations = LimitedTextField(max_length=SECTION_LENGTH, blank=True)
    reasons = LimitedTextField(max_length=SECTION_LENGTH, blank=True)
    other_options = LimitedTextField(max_length=SECTION_LENGTH, blank=True)
    background = LimitedTextField(max_length=SECTION_LENGTH, blank=True)
    consultation = LimitedTextField(max_length=SECTION_LENGTH, blank=True)
    contact_officer = LimitedTextField(max_length=SECTION_LENGTH, blank=True)
    appendices = LimitedTextField(max_length=SECTION_LENGTH, blank=True)
    background_papers = LimitedTextField(max_length=SECTION_LENGTH, blank=True)
    status = models.CharField(max_length=20, choices=ReportStatus.choices, default=ReportStatus.DRAFT)
    updated_at = models.DateTimeField(auto_now=True)
    # Who moved the report through its workflow, and when (blank for the seeded historical report).
    created_at = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    approved_at = models.DateTimeField(null=True, blank=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    published_at = models.DateTimeField(null=True, blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    # The PDF as published, stored once, so every reader (and the public page's SHA-256) gets
    # the same bytes: a report never changes once published, but a fresh rendering would.
    pdf = models.FileField("PDF", upload_to="committee-reports/", blank=True)
    pdf_sha256 = models.CharField("PDF SHA-256", max_length=64, blank=True)
    pdf_page_count = models.PositiveIntegerField("PDF pages", null=True, blank=True)
    pdf_size_bytes = models.PositiveBigIntegerField("PDF size in bytes", null=True, blank=True)

    class Meta:
        ordering = ["-financial_year", "-sequence"]
        constraints = [
            *length_checks(
                "committeereport",
                purpose=SECTION_LENGTH,
                executive_summary=SECTION_LENGTH,
                recommendations=SECTION_LENGTH,
                reasons=SECTION_LENGTH,
                other_options=SECTION_LENGTH,
                background=SECTION_LENGTH,
                consultation=SECTION_LENGTH,
                contact_officer=SECTION_LENGTH,
                appendices=SECTION_LENGTH,
                background_papers=SECTION_LENGTH,
            ),
            models.UniqueConstraint(fields=["financial_year", "sequence"], name="committeereport_sequence_unique_per_year"),
            models.CheckConstraint(condition=Q(status__in=ReportStatus.values), name="committeereport_status_valid"),
        ]

    def __str__(self) -> str:
        return f"{self.reference} {self.title}"

    @property
    def slug(self) -> str:
        """The reference in URL form: CP/35/22-23 is cp-35-22-23."""
        return reference_slug(self.reference)

    @property
    def is_published(self) -> bool:
        return self.status == ReportStatus.PUBLISHED

    @property
    def last_updated_by(self):
        return self.updated_by


REFERENCE_PREFIX = "CP"
_SLUG_RE = re.compile(r"([a-z]+)-(\d+)-(\d{2})-(\d{2})", re.ASCII)


def reference_slug(reference: str) -> str:
    return reference.lower().replace("/", "-")


def reference_from_slug(slug: str) -> str | None:
    """cp-35-22-23 back to CP/35/22-23, or None when the slug is not a reference."""
    match = _SLUG_RE.fullmatch(slug.lower())
    if match is None:
        return None
    prefix, number, first, second = match.groups()
    return f"{prefix.upper()}/{int(number)}/{first}-{second}"


class ReferenceSequence(models.Model):
    """The last report number used in a financial year.

    Kept apart from the reports so a number stays used even if its report is deleted:
    a committee reference is cited in minutes and must never point at two reports.
    """

    financial_year = models.PositiveSmallIntegerField(unique=True, help_text="Start year: 2022 means 2022/23.")
    last_number = models.PositiveIntegerField(default=0)

    def __str__(self) -> str:
        return f"{financial_year_label(self.financial_year)}: {self.last_number}"


class ReportImplication(models.Model):
    report = models.ForeignKey(CommitteeReport, on_delete=models.CASCADE, related_name="implications")
    area = models.CharField(max_length=40, choices=ImplicationArea.choices)
    text = LimitedTextField(max_length=SECTION_LENGTH)

    class Meta:
        constraints = [
            *length_checks("reportimplication", text=SECTION_LENGTH),
            models.UniqueConstraint(fields=["report", "area"], name="reportimplication_one_per_area"),
            models.CheckConstraint(condition=Q(area__in=ImplicationArea.values), name="reportimplication_area_valid"),
        ]

    def __str__(self) -> str:
        return f"{self.report.reference} {self.get_area_display()}"


class ReportPack(models.Model):
    """One build of a quarter's progress pack: a job row the Celery task fills in."""

    period = models.ForeignKey(ReportingPeriod, on_delete=models.PROTECT, related_name="packs")
    committee_report = models.ForeignKey(
        CommitteeReport, on_delete=models.PROTECT, null=True, blank=True, related_name="packs"
    )
    version = models.PositiveIntegerField()
    status = models.CharField(max_length=20, choices=PackStatus.choices, default=PackStatus.QUEUED)
    progress_step = models.CharField(max_length=200, blank=True)
    file = models.FileField(upload_to="packs/", blank=True)
    sha256 = models.CharField("SHA-256", max_length=64, blank=True)
    page_count = models.PositiveIntegerField(null=True, blank=True)
    size_bytes = models.PositiveBigIntegerField(null=True, blank=True)
    error = LimitedTextField(max_length=ERROR_LENGTH, blank=True)
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="requested_packs")
    requested_at = models.DateTimeField(default=timezone.now)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    published_at = models.DateTimeField(null=True, blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["-period__start_date", "-version"]
        constraints = [
            *length_checks("reportpack", error=ERROR_LENGTH),
            models.UniqueConstraint(fields=["period", "version"], name="reportpack_version_unique_per_period"),
            models.CheckConstraint(condition=Q(status__in=PackStatus.values), name="reportpack_status_valid"),
        ]
        permissions = [
            ("request_pack", "Can request a progress pack build"),
            ("publish_pack", "Can publish a progress pack"),
            ("download_published_pack", "Can download published progress packs"),
        ]

    def __str__(self) -> str:
        return f"{self.period.label} pack v{self.version}"


class ReminderSent(models.Model):
    """One reminder e-mail: the row is claimed before the e-mail goes, so each is sent once."""

    period = models.ForeignKey(ReportingPeriod, on_delete=models.PROTECT, related_name="reminders_sent")
    # The log only stops repeats: it needs nothing from a person who has been deleted.
    recipient = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=20, choices=ReminderKind.choices)
    sent_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-sent_at"]
        constraints = [
            models.UniqueConstraint(fields=["period", "recipient", "kind"], name="remindersent_once_per_period_recipient_kind"),
            models.CheckConstraint(condition=Q(kind__in=ReminderKind.values), name="remindersent_kind_valid"),
        ]
        permissions = [("chase_updates", "Can see missing progress updates and send reminders")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} for {self.period.label} to {self.recipient}"
