"""The open data: the API's summary columns (reporting.columns.SUMMARY_COLUMNS, the same CSV as
/api/v1/summary/history/), each with the description the page and the JSON give it.

A row is one quarter's figures for one principle, or for all of them: a SummaryRow of
`reporting.selectors.period_summary`, the figures the API's summary gives.
"""

from dataclasses import dataclass

from actions.choices import Rag, Status
from core.exports import Column
from reporting.columns import SUMMARY_COLUMNS


@dataclass(frozen=True)
class OpenDataColumn(Column):
    description: str = ""


DESCRIPTIONS = {
    "Period": "The quarter as the council writes it, e.g. 2024/25 Q2 (UK financial years run April to March).",
    "Period key": "The quarter as a key: 2024-25-Q2 is July to September 2024.",
    "As at": "The quarter's last day (YYYY-MM-DD). Each action counts as its latest progress update for the quarter "
    "or earlier reported it; later updates are left out, so a quarter's figures do not change.",
    "Principle": "The principle's number (1 to 7); empty on the row that totals all principles.",
    "Principle title": 'The principle\'s title, or "All principles".',
    "Actions": "Number of actions in the plan.",
    **{status.label: f"Actions {status.label.lower()}." for status in Status},
    "Open": "Actions neither completed nor cancelled: the actions the RAG counts and the average are of.",
    **{rag.label: f"Open actions rated {rag.label.lower()}." for rag in Rag},
    "Average complete of open": "The open actions' mean percent complete, to one decimal place; empty when none is open.",
    "Overdue": "Actions past their target date on the quarter's last day and neither completed nor cancelled.",
}

OPEN_DATA_COLUMNS = [
    OpenDataColumn(column.header, column.value, description=DESCRIPTIONS[column.header]) for column in SUMMARY_COLUMNS
]


def open_data_rows(summaries) -> list:
    """For each quarter, one row per principle in number order, then the all-principles row."""
    return [row for summary in summaries for row in summary.rows]
