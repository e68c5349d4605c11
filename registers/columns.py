"""Columns of the business case and risk lists, defined once for the pages, CSV/XLSX exports and imports."""

import datetime
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.utils.formats import date_format

from core import cells
from core.exports import Column
from core.financial_year import FinancialQuarter, PeriodKeyError
from core.templatetags.council import pounds
from principles.cells import principle_list

from .choices import BusinessCaseStatus, RiskCategory

# Over anything with the four money fields and `net`: a BusinessCaseLine or selectors.MoneyTotals.
MONEY_COLUMNS = [
    Column("Capital cost", lambda m: m.capital_cost, cells.money, "capital_cost"),
    Column("Revenue cost", lambda m: m.revenue_cost, cells.money, "revenue_cost"),
    Column("Cashable benefit", lambda m: m.cashable_benefit, cells.money, "cashable_benefit"),
    Column("Non-cashable benefit", lambda m: m.non_cashable_benefit, cells.money, "non_cashable_benefit"),
    Column("Net", lambda m: m.net),
]


def _financial_year(cell) -> int:
    """"2024/25" as its start year, by the same rule as a quarter's label."""
    try:
        return FinancialQuarter.from_label(f"{cells.text(cell)} Q1").start_year
    except PeriodKeyError:
        raise cells.CellError("Enter a financial year like 2024/25.") from None


# Over a BusinessCaseLine: one financial year of a case, the rows of a plan's figures sheet.
BUSINESS_CASE_LINE_COLUMNS = [
    Column("Business case", lambda line: line.business_case.reference, cells.text, "business_case"),
    Column("Financial year", lambda line: line.financial_year_label, _financial_year, "financial_year"),
    *MONEY_COLUMNS,
]

# Over selectors.BusinessCaseRow.
BUSINESS_CASE_DETAIL_COLUMNS = [
    Column("Reference", lambda r: r.case.reference, cells.text, "reference"),
    Column("Title", lambda r: r.case.title, cells.text, "title"),
    Column("Status", lambda r: r.case.get_status_display(), cells.choice(BusinessCaseStatus), "status"),
    Column("Principles", lambda r: ", ".join(str(p.number) for p in r.case.principles.all()), principle_list, "principles"),
    Column("Sponsor", lambda r: r.case.sponsor.get_full_name() or r.case.sponsor.get_username(), cells.person, "sponsor"),
]
BUSINESS_CASE_COLUMNS = BUSINESS_CASE_DETAIL_COLUMNS + [
    Column(column.header, lambda r, column=column: column.value(r.money)) for column in MONEY_COLUMNS
]


def _yes_no(value: bool) -> str:
    return "Yes" if value else "No"


RISK_COLUMNS = [
    Column("Reference", lambda r: r.reference, cells.text, "reference"),
    Column("Title", lambda r: r.title, cells.text, "title"),
    Column("Category", lambda r: r.get_category_display(), cells.choice(RiskCategory), "category"),
    Column("Owner", lambda r: r.owner.get_full_name() or r.owner.get_username(), cells.person, "owner"),
    Column("Inherent likelihood", lambda r: r.inherent_likelihood, cells.whole_number, "inherent_likelihood"),
    Column("Inherent impact", lambda r: r.inherent_impact, cells.whole_number, "inherent_impact"),
    Column("Residual likelihood", lambda r: r.residual_likelihood, cells.whole_number, "residual_likelihood"),
    Column("Residual impact", lambda r: r.residual_impact, cells.whole_number, "residual_impact"),
    Column("Residual score", lambda r: r.residual_score),
    Column("Residual band", lambda r: r.residual_band.label),
    Column("Strategic register", lambda r: _yes_no(r.on_strategic_register), cells.yes_no, "on_strategic_register"),
    Column("Review date", lambda r: r.review_date, cells.date, "review_date"),
    Column("Review overdue", lambda r: _yes_no(r.is_review_overdue)),
]


@dataclass(frozen=True)
class Cell:
    """A column's value as a page shows it: pounds as £1,250,000, dates as 23 March 2023."""

    text: str
    numeric: bool


def display_cell(value: Any) -> Cell:
    if isinstance(value, Decimal):
        return Cell(pounds(value), True)
    if isinstance(value, datetime.date):
        return Cell(date_format(value, "j F Y"), False)
    if isinstance(value, int):
        return Cell(str(value), True)
    return Cell("" if value is None else str(value), False)


def table_cells(row: Any, columns: list[Column]) -> list[Cell]:
    return [display_cell(column.value(row)) for column in columns]


def table_headers(columns: list[Column], sample: Any | None) -> list[tuple[str, bool]]:
    """(header, numeric) for each column, numeric as its values are, so headers align with cells."""
    if sample is None:
        return [(column.header, False) for column in columns]
    return [(column.header, cell.numeric) for column, cell in zip(columns, table_cells(sample, columns), strict=True)]
