"""Spreadsheet columns for actions and progress updates, defined once for every export and import."""

from core.exports import Column

ACTION_COLUMNS = [
    Column("Reference", lambda a: a.reference),
    Column("Title", lambda a: a.title),
    Column("Principle", lambda a: a.principle.number),
    Column("Owner", lambda a: a.owner.get_username()),
    Column("Delegates", lambda a: ", ".join(sorted(d.get_username() for d in a.delegates.all()))),
    Column("Business case", lambda a: a.business_case.reference if a.business_case else ""),
    Column("Start date", lambda a: a.start_date),
    Column("Target date", lambda a: a.target_date),
    Column("Revised target date", lambda a: a.revised_target_date),
    Column("Status", lambda a: a.get_status_display()),
    Column("RAG", lambda a: a.get_rag_display()),
    Column("Percent complete", lambda a: a.percent_complete),
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
