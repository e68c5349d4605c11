from decimal import Decimal

import pytest

from registers.selectors import business_case_queryset, business_case_totals, risk_heat_map, risk_queryset
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
