import datetime
from decimal import Decimal

import pytest
from django.utils import timezone

from registers.choices import BusinessCaseStatus, RiskCategory
from registers.selectors import business_case_list, risk_heat_map, risk_list
from tests import factories

# (reference, inherent L, inherent I, residual L, residual I, category)
HEAT_MAP_FIXTURE = [
    ("R-A", 5, 5, 3, 5, RiskCategory.CYBER_SECURITY),
    ("R-B", 5, 5, 1, 1, RiskCategory.CYBER_SECURITY),
    ("R-C", 5, 4, 3, 5, RiskCategory.INFORMATION),
    ("R-D", 4, 4, 2, 2, RiskCategory.COMPLIANCE),
    ("R-E", 4, 4, 2, 2, RiskCategory.DELIVERY),
    ("R-F", 2, 3, 1, 1, RiskCategory.FINANCIAL),
    ("R-G", 1, 1, 1, 1, RiskCategory.FINANCIAL),
]
# Counted by hand from the fixture: {(likelihood, impact): count}; every other cell is 0.
INHERENT_BY_HAND = {(5, 5): 2, (5, 4): 1, (4, 4): 2, (2, 3): 1, (1, 1): 1}
RESIDUAL_BY_HAND = {(3, 5): 2, (2, 2): 2, (1, 1): 3}


@pytest.fixture
def heat_map_risks(db):
    return [
        factories.RiskFactory(
            reference=ref,
            inherent_likelihood=il,
            inherent_impact=ii,
            residual_likelihood=rl,
            residual_impact=ri,
            category=category,
        )
        for ref, il, ii, rl, ri, category in HEAT_MAP_FIXTURE
    ]


@pytest.mark.parametrize(("basis", "by_hand"), [("inherent", INHERENT_BY_HAND), ("residual", RESIDUAL_BY_HAND)])
def test_heat_map_counts_match_the_hand_computed_fixture(heat_map_risks, basis, by_hand):
    grid = risk_heat_map(risks=list(risk_list().qs), basis=basis)

    counts = {(cell.likelihood, cell.impact): cell.count for row in grid for cell in row}
    assert len(counts) == 25
    assert counts == {(l, i): by_hand.get((l, i), 0) for l in range(1, 6) for i in range(1, 6)}


@pytest.mark.parametrize(("basis", "by_hand"), [("inherent", INHERENT_BY_HAND), ("residual", RESIDUAL_BY_HAND)])
def test_each_cell_filter_lists_exactly_that_cells_risks(heat_map_risks, basis, by_hand):
    for (likelihood, impact), count in by_hand.items():
        filtered = risk_list(filters={f"{basis}_likelihood": str(likelihood), f"{basis}_impact": str(impact)})
        assert filtered.is_valid()
        assert filtered.qs.count() == count


@pytest.mark.parametrize(
    ("band", "expected"),
    [("low", ["R-B", "R-D", "R-E", "R-F", "R-G"]), ("medium", []), ("high", []), ("very_high", ["R-A", "R-C"])],
)
def test_band_filters_on_residual_score(heat_map_risks, band, expected):
    assert sorted(risk_list(filters={"band": band}).qs.values_list("reference", flat=True)) == expected


def test_category_owner_register_and_overdue_filters(db):
    today = timezone.localdate()
    owner = factories.manager(username="priya")
    overdue = factories.RiskFactory(owner=owner, review_date=today - datetime.timedelta(days=1))
    due_today = factories.RiskFactory(review_date=today, on_strategic_register=True, escalation_reason="SIGG")
    info = factories.RiskFactory(category=RiskCategory.INFORMATION, review_date=today + datetime.timedelta(days=9))

    def refs(**filters):
        filterset = risk_list(filters=filters)
        assert filterset.is_valid(), filterset.errors
        return set(filterset.qs.values_list("reference", flat=True))

    assert refs(review_overdue="true") == {overdue.reference}
    assert refs(review_overdue="false") == {due_today.reference, info.reference}
    assert refs(on_strategic_register="true") == {due_today.reference}
    assert refs(category=["information"]) == {info.reference}
    assert refs(owner="priya") == {overdue.reference}
    assert overdue.is_review_overdue and not due_today.is_review_overdue


def test_bad_filter_values_are_form_errors_not_crashes(db):
    filterset = risk_list(filters={"band": "enormous", "residual_likelihood": "9"})
    assert not filterset.is_valid()
    assert filterset.errors["band"] == ["Choose a residual score band from the list."]
    assert filterset.errors["residual_likelihood"] == ["Choose a likelihood or impact from 1 to 5."]


def test_business_case_filters(db):
    principle = factories.PrincipleFactory(number=6)
    matching = factories.BusinessCaseFactory(status=BusinessCaseStatus.APPROVED)
    matching.principles.add(principle)
    factories.BusinessCaseLineFactory(business_case=matching, financial_year=2025)
    factories.BusinessCaseLineFactory(business_case=matching, financial_year=2026)
    draft = factories.BusinessCaseFactory(status=BusinessCaseStatus.DRAFT)
    factories.BusinessCaseLineFactory(business_case=draft, financial_year=2024, capital_cost=Decimal("1"))

    def refs(**filters):
        filterset = business_case_list(filters=filters)
        assert filterset.is_valid(), filterset.errors
        return list(filterset.qs.values_list("reference", flat=True))

    assert refs(status=["approved"]) == [matching.reference]
    assert refs(principle=["6"]) == [matching.reference]
    assert refs(financial_year="2025") == [matching.reference]  # one row, though two years of lines
    assert refs(financial_year="2024") == [draft.reference]
    assert refs() == [matching.reference, draft.reference]
    assert not business_case_list(filters={"financial_year": "1999"}).is_valid()
