"""Spreadsheet columns for actions and progress updates, defined once for every export and import."""

from core import cells
from core.exports import Column
from principles.cells import principle
from registers.models import BusinessCase

from .choices import Rag, Status


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

ACTION_COLUMNS = [
    Column("Reference", lambda a: a.reference, cells.text, "reference"),
    Column("Title", lambda a: a.title, cells.text, "title"),
    Column("Principle", lambda a: a.principle.number, principle, "principle"),
    Column("Owner", lambda a: a.owner.get_username(), cells.person, "owner"),
    Column(
        "Delegates",
        lambda a: ", ".join(sorted(d.get_username() for d in a.delegates.all())),
        cells.people,
        "delegates",
    ),
    Column(
        "Business case", lambda a: a.business_case.reference if a.business_case else "", _business_case, "business_case"
    ),
    Column("Start date", lambda a: a.start_date, cells.date, "start_date"),
    Column("Target date", lambda a: a.target_date, cells.date, "target_date"),
    Column("Revised target date", lambda a: a.revised_target_date, cells.optional_date, "revised_target_date"),
    Column("Status", lambda a: a.get_status_display(), parse_status, "status"),
    Column("RAG", lambda a: a.get_rag_display(), parse_rag, "rag"),
    Column("Percent complete", lambda a: a.percent_complete, cells.whole_number, "percent_complete"),
    Column("Last updated", lambda a: a.last_updated_at),
]

PROGRESS_UPDATE_COLUMNS = [
    Column("Action", lambda u: u.action.reference),
    Column("Period", lambda u: u.period.label),
    Column("Status", lambda u: u.get_status_display()),
    Column("RAG", lambda u: u.get_rag_display()),
    Column("Percent complete", lambda u: u.percent_complete),
    Column("Commentary", lambda u: u.commentary),
    Column("Next steps", lambda u: u.next_steps),
    Column("Author", lambda u: u.author.get_username()),
    Column("Recorded", lambda u: u.updated_at),
]
