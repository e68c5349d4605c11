from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from core.conflicts import EditConflict
from registers.choices import BusinessCaseStatus as S
from registers.models import BusinessCase, BusinessCaseLine, BusinessCaseRevision, BusinessCaseTransition
from registers.selectors import business_case_detail, business_case_rows, business_case_totals
from registers.services.business_cases import (
    LineFigures,
    business_case_create,
    business_case_revise,
    business_case_transition,
    business_case_update,
)
from tests import factories
from tests.conflicts import assert_names_who_changed_it, saved_by

ALL_STATUSES = list(S.values)
ALLOWED = {
    (S.DRAFT, S.SUBMITTED),
    (S.SUBMITTED, S.APPROVED),
    (S.SUBMITTED, S.REJECTED),
    (S.APPROVED, S.CLOSED),
    (S.REJECTED, S.CLOSED),
}
REFUSED = [(a, b) for a in ALL_STATUSES for b in ALL_STATUSES if (a, b) not in ALLOWED]


def _case(status: str) -> BusinessCase:
    case = factories.BusinessCaseFactory(status=status)
    factories.BusinessCaseLineFactory(business_case=case)
    return case


@pytest.mark.parametrize(("from_status", "to_status"), sorted(ALLOWED))
def test_each_allowed_transition_is_recorded_with_who_and_when(db, from_status, to_status):
    user = factories.lead()
    case = _case(from_status)

    step = business_case_transition(
        business_case=case, user=user, expected_version=case.version, to_status=to_status, note="Agreed at SIGG"
    )

    case.refresh_from_db()
    assert case.status == to_status
    assert (step.from_status, step.to_status, step.actor, step.note) == (from_status, to_status, user, "Agreed at SIGG")
    assert step.at is not None
    assert BusinessCaseTransition.objects.filter(business_case=case).count() == 1


@pytest.mark.parametrize(("from_status", "to_status"), REFUSED)
def test_every_other_transition_is_refused_with_a_clear_error(db, from_status, to_status):
    case = _case(from_status)

    with pytest.raises(ValidationError) as raised:
        business_case_transition(
            business_case=case,
            user=factories.lead(),
            expected_version=case.version,
            to_status=to_status,
            note="Because",
        )

    message = raised.value.message_dict["to_status"][0]
    assert f"{case.reference} is {S(from_status).label.lower()}, so it cannot be {S(to_status).label.lower()}" in message
    case.refresh_from_db()
    assert case.status == from_status
    assert not BusinessCaseTransition.objects.exists()


@pytest.mark.parametrize("make_user", [factories.manager, factories.committee_member, factories.api_client_user])
@pytest.mark.parametrize(("from_status", "to_status"), sorted(ALLOWED))
def test_only_a_strategy_lead_moves_a_case(db, make_user, from_status, to_status):
    case = _case(from_status)

    with pytest.raises(PermissionDenied, match="Only a strategy lead can"):
        business_case_transition(
            business_case=case, user=make_user(), expected_version=case.version, to_status=to_status, note="x"
        )

    case.refresh_from_db()
    assert case.status == from_status


def test_rejecting_needs_a_reason(db):
    case = _case(S.SUBMITTED)
    with pytest.raises(ValidationError) as raised:
        business_case_transition(
            business_case=case, user=factories.lead(), expected_version=case.version, to_status=S.REJECTED, note="  "
        )
    assert raised.value.message_dict["note"] == ["Give a reason for rejecting the business case."]


def test_a_case_without_figures_cannot_be_submitted(db):
    case = factories.BusinessCaseFactory(status=S.DRAFT)
    with pytest.raises(ValidationError, match="at least one financial year"):
        business_case_transition(
            business_case=case, user=factories.lead(), expected_version=case.version, to_status=S.SUBMITTED
        )


def test_unknown_status_is_a_validation_error_not_a_crash(db):
    with pytest.raises(ValidationError):
        case = _case(S.DRAFT)
        business_case_transition(
            business_case=case, user=factories.lead(), expected_version=case.version, to_status="published"
        )


def test_create_makes_a_draft_with_decimal_lines(db):
    lead = factories.lead()
    principle = factories.PrincipleFactory(number=3)
    case = business_case_create(
        user=lead,
        strategy=factories.StrategyFactory(),
        reference="HLBC-2026-01",
        title="Telephony",
        sponsor=lead,
        principles=[principle],
        lines=[
            LineFigures(2026, capital_cost=Decimal("1250000.00"), cashable_benefit=Decimal("0.01")),
            LineFigures(2027),  # no figures: no line
        ],
    )
    assert case.status == S.DRAFT
    assert list(case.principles.all()) == [principle]
    line = case.lines.get()
    assert (line.financial_year, line.capital_cost, line.cashable_benefit) == (2026, Decimal("1250000.00"), Decimal("0.01"))


def test_create_is_for_leads_only(db):
    manager = factories.manager()
    with pytest.raises(PermissionDenied):
        business_case_create(
            user=manager, strategy=factories.StrategyFactory(), reference="HLBC-X", title="X", sponsor=manager
        )
    assert not BusinessCase.objects.exists()


def test_create_refuses_a_repeated_year_and_a_duplicate_reference(db):
    lead = factories.lead()
    existing = factories.BusinessCaseFactory()
    strategy = existing.strategy
    with pytest.raises(ValidationError) as raised:
        business_case_create(user=lead, strategy=strategy, reference=existing.reference, title="X", sponsor=lead)
    assert "reference" in raised.value.message_dict
    with pytest.raises(ValidationError, match="2024/25 is repeated"):
        business_case_create(
            user=lead,
            strategy=strategy,
            reference="HLBC-NEW",
            title="X",
            sponsor=lead,
            lines=[LineFigures(2024, capital_cost=Decimal("1")), LineFigures(2024, capital_cost=Decimal("2"))],
        )
    assert BusinessCase.objects.count() == 1


def test_money_must_be_decimal_never_float():
    with pytest.raises(TypeError, match="must be a Decimal"):
        LineFigures(2024, capital_cost=1250.5)


def test_approved_figures_change_only_through_a_revision(db):
    lead = factories.lead()
    case = _case(S.APPROVED)
    with pytest.raises(ValidationError) as raised:
        business_case_update(
            business_case=case,
            user=lead,
            expected_version=case.version,
            title="New",
            sponsor=case.sponsor,
            lines=[LineFigures(2024)],
        )
    assert raised.value.message_dict["lines"] == [
        "The figures of an approved business case change only through an annual revision."
    ]
    # Details may still change while the case is live.
    business_case_update(
        business_case=case, user=lead, expected_version=case.version, title="New title", sponsor=case.sponsor
    )
    case.refresh_from_db()
    assert case.title == "New title"
    assert case.lines.get().capital_cost == Decimal("1000.00")


@pytest.mark.parametrize("status", [S.REJECTED, S.CLOSED])
def test_rejected_and_closed_cases_are_read_only(db, status):
    case = _case(status)
    with pytest.raises(ValidationError, match="can no longer be edited"):
        business_case_update(
            business_case=case, user=factories.lead(), expected_version=case.version, title="New", sponsor=case.sponsor
        )


def test_update_by_a_manager_is_refused(db):
    case = _case(S.DRAFT)
    with pytest.raises(PermissionDenied):
        business_case_update(
            business_case=case,
            user=factories.manager(),
            expected_version=case.version,
            title="New",
            sponsor=case.sponsor,
        )


def test_revision_keeps_the_old_figures_visible(db):
    lead = factories.lead()
    case = _case(S.APPROVED)

    first = business_case_revise(
        business_case=case,
        user=lead,
        expected_version=case.version,
        reason="2025/26 annual review",
        lines=[LineFigures(2024, capital_cost=Decimal("900.00")), LineFigures(2025, revenue_cost=Decimal("10.10"))],
    )
    case.refresh_from_db()
    second = business_case_revise(
        business_case=case,
        user=lead,
        expected_version=case.version,
        reason="2026/27 annual review",
        lines=[LineFigures(2025, revenue_cost=Decimal("5"))],
    )

    assert (first.number, second.number) == (1, 2)
    assert [(l.financial_year, l.capital_cost, l.revenue_cost) for l in first.superseded_lines] == [
        (2024, Decimal("1000.00"), Decimal("250.50"))
    ]
    assert [(l.financial_year, l.capital_cost) for l in second.superseded_lines] == [
        (2024, Decimal("900.00")),
        (2025, Decimal("0.00")),
    ]
    assert all(isinstance(l.revenue_cost, Decimal) for l in second.superseded_lines)
    assert list(case.lines.values_list("financial_year", "revenue_cost")) == [(2025, Decimal("5.00"))]
    assert first.revised_by == lead and first.reason == "2025/26 annual review"


@pytest.mark.parametrize("status", [S.DRAFT, S.SUBMITTED, S.REJECTED, S.CLOSED])
def test_only_an_approved_case_is_revised(db, status):
    case = _case(status)
    with pytest.raises(ValidationError, match="Only an approved business case is revised"):
        business_case_revise(
            business_case=case, user=factories.lead(), expected_version=case.version, reason="x", lines=[]
        )
    assert not BusinessCaseRevision.objects.exists()


def test_revision_needs_a_reason_and_a_lead(db):
    case = _case(S.APPROVED)
    with pytest.raises(ValidationError) as raised:
        business_case_revise(
            business_case=case, user=factories.lead(), expected_version=case.version, reason=" ", lines=[]
        )
    assert "reason" in raised.value.message_dict
    with pytest.raises(PermissionDenied):
        business_case_revise(
            business_case=case, user=factories.committee_member(), expected_version=case.version, reason="x", lines=[]
        )
    assert case.lines.count() == 1


def test_totals_with_pennies_savings_and_many_years_stay_decimal(db):
    lead = factories.lead()
    case = business_case_create(
        user=lead,
        strategy=factories.StrategyFactory(),
        reference="HLBC-MANY",
        title="Many years",
        sponsor=lead,
        lines=[
            LineFigures(
                year,
                capital_cost=Decimal("0.01"),
                revenue_cost=Decimal("-333.33"),  # a saving entered as a negative cost
                cashable_benefit=Decimal("0.10"),
                non_cashable_benefit=Decimal("-0.02"),
            )
            for year in range(2020, 2040)
        ],
    )
    other = factories.BusinessCaseFactory()
    BusinessCaseLine.objects.create(business_case=other, financial_year=2030, capital_cost=Decimal("999999999999.99"))

    cases = [business_case_detail(reference=case.reference), business_case_detail(reference=other.reference)]
    totals = business_case_totals(cases=cases)
    rows = business_case_rows(cases=cases)
    year_rows = business_case_rows(cases=cases, financial_year=2030)

    assert len(totals.by_year) == 20
    assert totals.overall.capital_cost == Decimal("1000000000000.19")
    assert totals.overall.revenue_cost == Decimal("-6666.60")
    assert totals.overall.cashable_benefit == Decimal("2.00")
    assert totals.overall.non_cashable_benefit == Decimal("-0.40")
    assert totals.overall.net == Decimal("2.00") - Decimal("0.40") - Decimal("1000000000000.19") + Decimal("6666.60")
    assert totals.by_year[2030].capital_cost == Decimal("1000000000000.00")
    assert rows[0].money.net == Decimal("6668.00")
    assert year_rows[0].money.revenue_cost == Decimal("-333.33")
    assert year_rows[1].money.capital_cost == Decimal("999999999999.99")
    values = [
        getattr(money, name)
        for money in [totals.overall, *totals.by_year.values(), *(r.money for r in rows + year_rows)]
        for name in ("capital_cost", "revenue_cost", "cashable_benefit", "non_cashable_benefit", "net")
    ]
    values += [
        getattr(line, name)
        for line in BusinessCaseLine.objects.all()
        for name in ("capital_cost", "revenue_cost", "cashable_benefit", "non_cashable_benefit", "net")
    ]
    assert values and all(type(value) is Decimal for value in values)


# Two people editing one case: each edit names the version it was based on.

EDITS_OF_AN_APPROVED_CASE = {
    "update": lambda case, user, version: business_case_update(
        business_case=case, user=user, expected_version=version, title="Mine", sponsor=case.sponsor
    ),
    "transition": lambda case, user, version: business_case_transition(
        business_case=case, user=user, expected_version=version, to_status=S.CLOSED
    ),
    "revise": lambda case, user, version: business_case_revise(
        business_case=case, user=user, expected_version=version, reason="Mine", lines=[LineFigures(2024)]
    ),
}


@pytest.mark.parametrize("edit", EDITS_OF_AN_APPROVED_CASE.values(), ids=EDITS_OF_AN_APPROVED_CASE.keys())
def test_an_edit_on_a_stale_version_is_refused_naming_who_changed_it(db, edit):
    case = _case(S.APPROVED)
    read = case.version
    jane = factories.lead(first_name="Jane", last_name="Smith")
    changed = saved_by(jane, case, title="Jane's title")

    with pytest.raises(EditConflict) as caught:
        edit(case, factories.lead(), read)

    assert_names_who_changed_it(caught.value, changed, jane)
    assert caught.value.current_version != read
    case.refresh_from_db()
    assert (case.title, case.status, case.lines.get().capital_cost) == ("Jane's title", S.APPROVED, Decimal("1000.00"))
    assert not case.transitions.exists() and not case.revisions.exists()
