import datetime
from decimal import Decimal

import pytest
from django.utils import timezone

from registers.choices import BusinessCaseStatus
from registers.selectors import (
    business_case_queryset,
    business_case_totals,
    business_cases_as_at,
    risk_heat_map,
    risk_queryset,
    risks_as_at,
)
from registers.services.business_cases import LineFigures, business_case_update
from registers.services.risks import RiskScores, risk_review
from tests import factories


def test_totals_per_year_and_overall_stay_decimal(db):
    case = factories.BusinessCaseFactory()
    factories.BusinessCaseLineFactory(
        business_case=case, financial_year=2024, capital_cost=Decimal("0.10"), revenue_cost=Decimal("0.20"),
        cashable_benefit=Decimal("-0.05"), non_cashable_benefit=Decimal("0.00"),
    )
    factories.BusinessCaseLineFactory(
        business_case=case, financial_year=2023, capital_cost=Decimal("1000000.01"), revenue_cost=Decimal("0"),
        cashable_benefit=Decimal("250000.99"), non_cashable_benefit=Decimal("1.00"),
    )
    other = factories.BusinessCaseFactory()
    factories.BusinessCaseLineFactory(
        business_case=other, financial_year=2024, capital_cost=Decimal("0.20"), revenue_cost=Decimal("0"),
        cashable_benefit=Decimal("0"), non_cashable_benefit=Decimal("0"),
    )

    totals = business_case_totals(cases=list(business_case_queryset()))

    assert list(totals.by_year) == [2023, 2024]
    assert totals.by_year[2024].capital_cost == Decimal("0.30")
    assert totals.by_year[2024].net == Decimal("-0.55")
    assert totals.overall.capital_cost == Decimal("1000000.31")
    assert totals.overall.net == Decimal("-749998.57")
    assert all(isinstance(getattr(totals.overall, f), Decimal) for f in ("capital_cost", "revenue_cost"))


def test_heat_map_places_each_risk_once(db):
    factories.RiskFactory(inherent_likelihood=5, inherent_impact=5, residual_likelihood=3, residual_impact=5)
    factories.RiskFactory(inherent_likelihood=5, inherent_impact=5, residual_likelihood=1, residual_impact=1)
    factories.RiskFactory(inherent_likelihood=2, inherent_impact=4, residual_likelihood=1, residual_impact=1)
    risks = list(risk_queryset())

    inherent = risk_heat_map(risks=risks, basis="inherent")
    residual = risk_heat_map(risks=risks, basis="residual")

    assert [cell.likelihood for cell in (row[0] for row in inherent)] == [5, 4, 3, 2, 1]
    assert inherent[0][4].count == 2 and inherent[0][4].score == 25
    assert inherent[3][3].count == 1
    assert residual[4][0].count == 2 and residual[2][4].count == 1
    assert sum(cell.count for row in residual for cell in row) == 3
    with pytest.raises(ValueError):
        risk_heat_map(risks=risks, basis="gross")


def test_business_cases_and_risks_as_at_a_moment_read_their_history(db):
    lead = factories.lead()
    case = factories.BusinessCaseFactory(reference="HLBC-A", status=BusinessCaseStatus.DRAFT)
    factories.BusinessCaseLineFactory(business_case=case, financial_year=2024, capital_cost=Decimal("100.00"))
    risk = factories.RiskFactory(reference="R-A", residual_likelihood=2, residual_impact=2)
    before = timezone.now()
    business_case_update(
        business_case=case, user=lead, expected_version=case.version, title="Renamed", sponsor=case.sponsor,
        lines=[LineFigures(financial_year=2025, revenue_cost=Decimal("7.00"))],
    )
    risk_review(
        risk=risk, user=lead, expected_version=risk.version, scores=RiskScores(5, 5, 4, 4), note="Worse.",
        next_review_date=timezone.localdate() + datetime.timedelta(days=7),
    )
    factories.BusinessCaseFactory(reference="HLBC-B")  # not yet there at `before`

    [then] = business_cases_as_at(moment=before)
    assert (then.reference, then.title) == ("HLBC-A", case.title)
    assert [(line.financial_year, line.capital_cost) for line in then.lines.all()] == [(2024, Decimal("100.00"))]
    assert business_case_totals(cases=[then]).overall.capital_cost == Decimal("100.00")
    [risk_then] = risks_as_at(moment=before)
    assert risk_then.residual_score == 4

    now = business_cases_as_at(moment=timezone.now())
    assert [(c.reference, [line.financial_year for line in c.lines.all()]) for c in now] == [("HLBC-A", [2025]), ("HLBC-B", [])]
    assert risks_as_at(moment=timezone.now())[0].residual_score == 16
