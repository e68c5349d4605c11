"""Columns of the reporting CSVs: the committee report list (defined once for the page, its CSV/XLSX
download and the API's ?format=csv), the meetings, the packs and the progress summary."""

from django.urls import reverse
from django.utils.html import format_html

from actions.choices import Rag, Status
from core.exports import Column, period_columns, person_columns, yes_no
from core.tables import Cell, ListTable, PageColumn, page_columns

from .choices import ReportStatus

NO_MEETING = "Not yet chosen"
STATUS = Column("Status", lambda r: r.get_status_display())

# Over CommitteeReport rows from selectors.committee_report_queryset (meeting joined in).
COMMITTEE_REPORT_COLUMNS = [
    Column("Reference", lambda r: r.reference),
    Column("Title", lambda r: r.title),
    Column("Meeting", lambda r: str(r.meeting) if r.meeting else NO_MEETING),
    STATUS,
    # The quarter a progress report presents; empty for other reports.
    *period_columns(lambda r: r.period),
]

STATUS_TAG_COLOURS = {ReportStatus.DRAFT: "grey", ReportStatus.APPROVED: "blue", ReportStatus.PUBLISHED: "green"}

COMMITTEE_REPORT_TABLE = ListTable(
    columns=page_columns(
        COMMITTEE_REPORT_COLUMNS,
        PageColumn(
            STATUS,
            show=lambda r: Cell(format_html('<strong class="govuk-tag govuk-tag--{}">{}</strong>', STATUS_TAG_COLOURS[r.status], STATUS.value(r))),
        ),
    ),
    link=lambda r: reverse("committee-report-detail", kwargs={"key": r.slug}),
)


# Over CommitteeMeeting rows from selectors.committee_meeting_list (the reports the user may read).
COMMITTEE_MEETING_COLUMNS = [
    Column("Committee", lambda m: m.committee),
    Column("Date", lambda m: m.date),
    Column("Demo data", lambda m: yes_no(m.is_demo)),
    Column("Reports", lambda m: "; ".join(report.reference for report in m.visible_reports)),
]

# Over ReportPack rows from pack_data.packs_visible_to.
PACK_COLUMNS = [
    *period_columns(lambda p: p.period),
    Column("Version", lambda p: p.version),
    Column("Status", lambda p: p.get_status_display()),
    Column("Progress step", lambda p: p.progress_step),
    Column("Committee report", lambda p: p.committee_report.reference if p.committee_report else ""),
    Column("SHA-256", lambda p: p.sha256),
    Column("Pages", lambda p: p.page_count),
    Column("Size in bytes", lambda p: p.size_bytes),
    Column("Error", lambda p: p.error),
    *person_columns("Requested by", lambda p: p.requested_by),
    Column("Requested at", lambda p: p.requested_at),
    Column("Finished at", lambda p: p.finished_at),
    *person_columns("Published by", lambda p: p.published_by),
    Column("Published at", lambda p: p.published_at),
]


# Over selectors.SummaryRow: the API's summary (one period) and its history (every period) as CSV.
# Completed and cancelled actions count under their status only: the RAG counts and the average
# are of the open actions, as on every page and in the packs.
SUMMARY_COLUMNS = [
    *period_columns(lambda r: r.period),
    Column("As at", lambda r: r.period.end_date),
    Column("Principle", lambda r: r.rollup.number),
    Column("Principle title", lambda r: r.rollup.title),
    Column("Actions", lambda r: r.rollup.total),
    *(Column(status.label, lambda r, status=status: r.rollup.by_status[status]) for status in Status),
    Column("Open", lambda r: r.rollup.open),
    *(Column(rag.label, lambda r, rag=rag: r.rollup.by_rag[rag]) for rag in Rag),
    Column("Average complete of open", lambda r: r.rollup.average_percent),
    Column("Overdue", lambda r: r.rollup.overdue),
]
