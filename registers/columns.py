"""Columns of the business case and risk lists, defined once for the pages, CSV/XLSX exports and imports."""

from django.urls import reverse
from django.utils.html import format_html

from core import cells
from core.exports import Column, person_columns, yes_no
from core.financial_year import FinancialQuarter, PeriodKeyError
from core.tables import Cell, ListTable, PageColumn, display_cell, page_columns
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
    *person_columns("Sponsor", lambda r: r.case.sponsor, parse=cells.person, field="sponsor"),
]
BUSINESS_CASE_COLUMNS = BUSINESS_CASE_DETAIL_COLUMNS + [
    Column(column.header, lambda r, column=column: column.value(r.money)) for column in MONEY_COLUMNS
]


REVIEW_OVERDUE = Column("Review overdue", lambda r: yes_no(r.is_review_overdue))
RISK_COLUMNS = [
    Column("Reference", lambda r: r.reference, cells.text, "reference"),
    Column("Title", lambda r: r.title, cells.text, "title"),
    Column("Category", lambda r: r.get_category_display(), cells.choice(RiskCategory), "category"),
    *person_columns("Owner", lambda r: r.owner, parse=cells.person, field="owner"),
    Column("Inherent likelihood", lambda r: r.inherent_likelihood, cells.whole_number, "inherent_likelihood"),
    Column("Inherent impact", lambda r: r.inherent_impact, cells.whole_number, "inherent_impact"),
    Column("Residual likelihood", lambda r: r.residual_likelihood, cells.whole_number, "residual_likelihood"),
    Column("Residual impact", lambda r: r.residual_impact, cells.whole_number, "residual_impact"),
    Column("Residual score", lambda r: r.residual_score),
    Column("Residual band", lambda r: r.residual_band.label),
    Column("Strategic register", lambda r: yes_no(r.on_strategic_register), cells.yes_no, "on_strategic_register"),
    Column("Review date", lambda r: r.review_date, cells.date, "review_date"),
    REVIEW_OVERDUE,
]


BUSINESS_CASE_TABLE = ListTable(
    columns=page_columns(BUSINESS_CASE_COLUMNS),
    link=lambda r: reverse("business-case-detail", args=[r.case.reference]),
)


def _review_overdue(risk) -> Cell:
    if not risk.is_review_overdue:
        return display_cell(REVIEW_OVERDUE.value(risk))
    return Cell(
        format_html(
            '<strong class="govuk-tag govuk-tag--red">{}<span class="govuk-visually-hidden">, review overdue</span></strong>',
            REVIEW_OVERDUE.value(risk),
        )
    )


# An overdue review stands out twice: a red tag in its cell, and a red edge on its row.
RISK_TABLE = ListTable(
    columns=page_columns(RISK_COLUMNS, PageColumn(REVIEW_OVERDUE, show=_review_overdue)),
    link=lambda r: reverse("risk-detail", args=[r.reference]),
    flagged=lambda r: r.is_review_overdue,
)
