"""The open data's columns, defined once for the CSV, the JSON and their description on the page.

A row is one quarter's figures for one principle, or for all of them: a (PeriodSummary, Rollup) pair
from `reporting.selectors.period_summary`, the figures the API's summary gives.
"""

from dataclasses import dataclass

from actions.choices import Rag, Status
from core.exports import Column


@dataclass(frozen=True)
class OpenDataColumn(Column):
    description: str = ""


OPEN_DATA_COLUMNS = [
    OpenDataColumn(
        "period", lambda row: row[0].period.key,
        description="The quarter, as a key: 2024-25-Q2 is July to September 2024 (UK financial years run April to March).",
    ),
    OpenDataColumn("quarter", lambda row: row[0].period.label, description="The quarter as the council writes it, e.g. 2024/25 Q2."),
    OpenDataColumn(
        "as_at", lambda row: row[0].as_at,
        description="The quarter's last day (YYYY-MM-DD). Each action counts as its latest progress update for the quarter "
        "or earlier reported it; later updates are left out, so a quarter's figures do not change.",
    ),
    OpenDataColumn(
        "principle_number", lambda row: row[1].number,
        description="The principle's number (1 to 7); empty on the row that totals all principles.",
    ),
    OpenDataColumn("principle", lambda row: row[1].title, description='The principle\'s title, or "All principles".'),
    OpenDataColumn("actions", lambda row: row[1].total, description="Number of actions in the plan."),
    *(
        OpenDataColumn(status.value, lambda row, status=status: row[1].by_status[status], description=f"Actions {status.label.lower()}.")
        for status in Status
    ),
    *(
        OpenDataColumn(f"rag_{rag.value}", lambda row, rag=rag: row[1].by_rag[rag], description=f"Actions rated {rag.label.lower()}.")
        for rag in Rag
    ),
    OpenDataColumn(
        "average_percent_complete", lambda row: row[1].average_percent,
        description="The actions' mean percent complete, to one decimal place.",
    ),
    OpenDataColumn(
        "overdue", lambda row: row[1].overdue,
        description="Actions past their due date on the quarter's last day and neither completed nor cancelled.",
    ),
]


def open_data_rows(summaries) -> list[tuple]:
    """For each quarter, its all-principles row, then one row per principle in number order."""
    return [(summary, rollup) for summary in summaries for rollup in (summary.overall, *summary.principles)]
