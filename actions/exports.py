"""Spreadsheet columns for actions and progress updates, defined once for every export and import,
and the action lists' page columns made from them."""

from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html

from core import cells
from core.exports import Column, display_name, period_columns, person_columns
from core.tables import Cell, ListTable, PageColumn
from core.templatetags.council import demo_tag
from principles.cells import principle
from registers.models import BusinessCase

from .choices import Rag, Status
from .templatetags.action_plan import rag_tag


def _business_case(cell) -> BusinessCase | None:
    reference = cells.text(cell)
    if not reference:
        return None
    business_case = BusinessCase.objects.filter(reference=reference).first()
    if business_case is None:
        raise cells.CellError(f"There is no business case {reference[:40]}.")
    return business_case


parse_status = cells.choice(Status)
parse_rag = cells.choice(Rag)

REFERENCE = Column("Reference", lambda a: a.reference, cells.text, "reference")
TITLE = Column("Title", lambda a: a.title, cells.text, "title")
OWNER, OWNER_USERNAME = person_columns("Owner", lambda a: a.owner, parse=cells.person, field="owner")
TARGET_DATE = Column("Target date", lambda a: a.target_date, cells.date, "target_date")
STATUS = Column("Status", lambda a: a.get_status_display(), parse_status, "status")
RAG = Column("RAG", lambda a: a.get_rag_display(), parse_rag, "rag")
PERCENT_COMPLETE = Column("Percent complete", lambda a: a.percent_complete, cells.whole_number, "percent_complete")

ACTION_COLUMNS = [
    REFERENCE,
    TITLE,
    Column("Principle", lambda a: a.principle.number, principle, "principle"),
    OWNER,
    OWNER_USERNAME,
    Column("Delegates", lambda a: ", ".join(sorted(display_name(d) for d in a.delegates.all()))),
    Column(
        "Delegate usernames",
        lambda a: ", ".join(sorted(d.get_username() for d in a.delegates.all())),
        cells.people,
        "delegates",
        on_pages=False,
    ),
    Column(
        "Business case", lambda a: a.business_case.reference if a.business_case else "", _business_case, "business_case"
    ),
    Column("Start date", lambda a: a.start_date, cells.date, "start_date"),
    TARGET_DATE,
    Column("Revised target date", lambda a: a.revised_target_date, cells.optional_date, "revised_target_date"),
    STATUS,
    RAG,
    PERCENT_COMPLETE,
    Column("Last updated", lambda a: a.last_updated_at),
]

PROGRESS_UPDATE_COLUMNS = [
    Column("Action", lambda u: u.action.reference),
    *period_columns(lambda u: u.period),
    Column("Status", lambda u: u.get_status_display()),
    Column("RAG", lambda u: u.get_rag_display()),
    Column("Percent complete", lambda u: u.percent_complete),
    Column("Commentary", lambda u: u.commentary),
    Column("Next steps", lambda u: u.next_steps),
    *person_columns("Author", lambda u: u.author),
    Column("Recorded", lambda u: u.updated_at),
]


def _due(action) -> Cell:
    # A page shows the date the action is now due (the revised target, if any), flagged when past.
    due = date_format(action.due_date, "j M Y")
    if action.is_overdue(timezone.localdate()):
        return Cell(format_html('{} <strong class="govuk-tag govuk-tag--red">Overdue</strong>', due))
    return Cell(due)


def _action_table(*, due_heading: str = "") -> ListTable:
    return ListTable(
        columns=[
            PageColumn(REFERENCE, ordering="reference"),
            PageColumn(TITLE, show=lambda a: Cell(format_html("{} {}", a.title, demo_tag(a))), ordering="title"),
            PageColumn(OWNER, ordering="owner"),
            PageColumn(TARGET_DATE, heading=due_heading, show=_due, ordering="target_date"),
            PageColumn(STATUS, ordering="status"),
            PageColumn(RAG, show=lambda a: Cell(rag_tag(a.rag)), ordering="rag"),
            PageColumn(PERCENT_COMPLETE, heading="Complete", show=lambda a: Cell(f"{a.percent_complete}%", True), ordering="percent_complete"),
        ],
        link=lambda a: reverse("action-detail", args=[a.reference]),
    )


ACTION_TABLE = _action_table()
# Rows a page of either table shows: the Actions page and a principle's page.
ACTIONS_PER_PAGE = 25
# A principle's page lists its actions unsorted, and calls the date "Due".
PRINCIPLE_ACTION_TABLE = _action_table(due_heading="Due")
