"""Columns of the committee report list, defined once for the page's CSV/XLSX download and the API's ?format=csv."""

from core.exports import Column

NO_MEETING = "Not yet chosen"

# Over CommitteeReport rows from selectors.committee_report_queryset (meeting joined in).
COMMITTEE_REPORT_COLUMNS = [
    Column("Reference", lambda r: r.reference),
    Column("Title", lambda r: r.title),
    Column("Meeting", lambda r: str(r.meeting) if r.meeting else NO_MEETING),
    Column("Status", lambda r: r.get_status_display()),
]
