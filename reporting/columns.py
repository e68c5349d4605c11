"""Columns of the committee report list, defined once for the page, its CSV/XLSX download and the API's ?format=csv."""

from django.urls import reverse
from django.utils.html import format_html

from core.exports import Column
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
