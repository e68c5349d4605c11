"""The manager's quarterly progress sheet: its columns, defined once for the download and the upload."""

from dataclasses import dataclass

from actions.exports import parse_rag, parse_status
from actions.models import ActionItem, ProgressUpdate
from core import cells
from core.exports import Column


@dataclass(frozen=True)
class ProgressSheetRow:
    """An action and its update for the period taking updates (None until one is recorded)."""

    action: ActionItem
    update: ProgressUpdate | None


# Commentary and next steps start empty unless this quarter's update has them: last quarter's
# words are never handed back to be re-submitted unread. Version is the action's version when
# the sheet was made, so a row saved over someone else's later change is refused.
PROGRESS_SHEET_COLUMNS = [
    Column("Reference", lambda r: r.action.reference, cells.text, "reference"),
    Column("Title", lambda r: r.action.title),
    Column("Status", lambda r: r.action.get_status_display(), parse_status, "status"),
    Column("RAG", lambda r: r.action.get_rag_display(), parse_rag, "rag"),
    Column("Percent complete", lambda r: r.action.percent_complete, cells.whole_number, "percent_complete"),
    Column("Commentary", lambda r: r.update.commentary if r.update else "", cells.text, "commentary"),
    Column("Next steps", lambda r: r.update.next_steps if r.update else "", cells.text, "next_steps"),
    Column("Version", lambda r: r.action.version, cells.whole_number, "expected_version"),
]
