"""Columns of the business case and risk lists, defined once for the pages, CSV/XLSX exports and imports."""

import datetime
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.utils.formats import date_format

from core.exports import Column
from core.templatetags.council import pounds

# Over anything with the four money fields and `net`: a BusinessCaseLine or selectors.MoneyTotals.
MONEY_COLUMNS = [
    Column("Capital cost", lambda m: m.capital_cost),
    Column("Revenue cost", lambda m: m.revenue_cost),
    Column("Cashable benefit", lambda m: m.cashable_benefit),
    Column("Non-cashable benefit", lambda m: m.non_cashable_benefit),
    Column("Net", lambda m: m.net),
]

# Over selectors.BusinessCaseRow.
BUSINESS_CASE_DETAIL_COLUMNS = [
    Column("Reference", lambda r: r.case.reference),
    Column("Title", lambda r: r.case.title),
    Column("Status", lambda r: r.case.get_status_display()),
    Column("Principles", lambda r: ", ".join(str(p.number) for p in r.case.principles.all())),
    Column("Sponsor", lambda r: r.case.sponsor.get_full_name() or r.case.sponsor.get_username()),
]
BUSINESS_CASE_COLUMNS = BUSINESS_CASE_DETAIL_COLUMNS + [
    Column(column.header, lambda r, column=column: column.value(r.money)) for column in MONEY_COLUMNS
]


def _yes_no(value: bool) -> str:
    return "Yes" if value else "No"


RISK_COLUMNS = [
    Column("Reference", lambda r: r.reference),
    Column("Title", lambda r: r.title),
    Column("Category", lambda r: r.get_category_display()),
    Column("Owner", lambda r: r.owner.get_full_name() or r.owner.get_username()),
    Column("Inherent likelihood", lambda r: r.inherent_likelihood),
    Column("Inherent impact", lambda r: r.inherent_impact),
    Column("Residual likelihood", lambda r: r.residual_likelihood),
    Column("Residual impact", lambda r: r.residual_impact),
    Column("Residual score", lambda r: r.residual_score),
    Column("Residual band", lambda r: r.residual_band.label),
    Column("Strategic register", lambda r: _yes_no(r.on_strategic_register)),
    Column("Review date", lambda r: r.review_date),
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
