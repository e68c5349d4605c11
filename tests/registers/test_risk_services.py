import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from core.conflicts import EditConflict
from registers.choices import RiskCategory
from registers.models import Risk, RiskReview, ScoreBand, needs_escalation
from registers.services.risks import RiskDetails, RiskScores, risk_create, risk_review, risk_update
from tests import factories
from tests.conflicts import assert_names_who_changed_it, saved_by
from tests.factories import NEXT_YEAR


def _details(risk: Risk, **changes) -> RiskDetails:
    values = {
        "title": risk.title,
        "category": risk.category,
        "owner": risk.owner,
        "review_date": risk.review_date,
        "description": risk.description,
        "mitigation": risk.mitigation,
        "on_strategic_register": risk.on_strategic_register,
        "escalation_reason": risk.escalation_reason,
        "business_cases": list(risk.business_cases.all()),
    }
    return RiskDetails(**{**values, **changes})


def _scores(residual_likelihood: int, residual_impact: int) -> RiskScores:
    return RiskScores(5, 5, residual_likelihood, residual_impact)


@pytest.mark.parametrize(("score", "escalated"), [(14, False), (15, True), (25, True)])
def test_the_escalation_rule_at_14_15_and_25(score, escalated):
    assert needs_escalation(score) is escalated
    assert ScoreBand.for_score(score).key == ("high" if score == 14 else "very_high")


@pytest.mark.parametrize(
    ("likelihood", "impact", "escalated"),
    # 12 is the highest residual score below 15 that likelihood × impact can make.
    [(4, 3, False), (3, 5, True), (5, 3, True), (5, 5, True)],
)
def test_review_escalates_at_15_and_above_with_the_reason_recorded(db, likelihood, impact, escalated):
    risk = factories.RiskFactory(residual_likelihood=2, residual_impact=3)

    review = risk_review(
        risk=risk,
        user=risk.owner,
        expected_version=risk.version,
        scores=_scores(likelihood, impact),
        note="Threat level up",
        next_review_date=NEXT_YEAR,
    )

    risk.refresh_from_db()
    score = likelihood * impact
    assert review.escalated is escalated
    assert review.residual_score == score
    assert risk.on_strategic_register is escalated
    if escalated:
        assert risk.escalation_reason == f"Residual score {score} is 15 or more: escalated to the Strategic Risk Register."
        assert risk.history.first().history_change_reason == risk.escalation_reason
    else:
        assert risk.escalation_reason == ""


@pytest.mark.parametrize(("likelihood", "impact", "on_register"), [(4, 3, False), (5, 3, True), (5, 5, True)])
def test_update_escalates_and_records_the_score_change(db, likelihood, impact, on_register):
    risk = factories.RiskFactory(residual_likelihood=1, residual_impact=1)
    lead = factories.lead()

    risk_update(
        risk=risk, user=lead, expected_version=risk.version, details=_details(risk), scores=_scores(likelihood, impact)
    )

    risk.refresh_from_db()
    assert risk.on_strategic_register is on_register
    review = RiskReview.objects.get(risk=risk)
    assert review.reviewed_by == lead and review.escalated is on_register
    assert (review.residual_likelihood, review.residual_impact) == (likelihood, impact)


def test_an_already_escalated_risk_keeps_its_reason(db):
    risk = factories.RiskFactory(
        residual_likelihood=5, residual_impact=5, on_strategic_register=True, escalation_reason="Agreed by SIGG"
    )
    review = risk_review(
        risk=risk,
        user=risk.owner,
        expected_version=risk.version,
        scores=_scores(4, 4),
        note="Still high",
        next_review_date=NEXT_YEAR,
    )
    risk.refresh_from_db()
    assert risk.escalation_reason == "Agreed by SIGG" and review.escalated is False


def test_owner_edits_their_risk_but_cannot_hand_it_on_or_deregister_it(db):
    risk = factories.RiskFactory(on_strategic_register=True, escalation_reason="SIGG decision")
    owner = risk.owner

    risk_update(
        risk=risk,
        user=owner,
        expected_version=risk.version,
        details=_details(risk, mitigation="MFA everywhere"),
        scores=_scores(2, 3),
    )
    risk.refresh_from_db()
    assert risk.mitigation == "MFA everywhere"

    with pytest.raises(PermissionDenied, match="another owner"):
        risk_update(
            risk=risk,
            user=owner,
            expected_version=risk.version,
            details=_details(risk, owner=factories.manager()),
            scores=_scores(2, 3),
        )
    with pytest.raises(PermissionDenied, match="off the strategic register"):
        risk_update(
            risk=risk,
            user=owner,
            expected_version=risk.version,
            details=_details(risk, on_strategic_register=False),
            scores=_scores(2, 3),
        )
    with pytest.raises(PermissionDenied, match="business cases"):
        risk_update(
            risk=risk,
            user=owner,
            expected_version=risk.version,
            details=_details(risk, business_cases=[factories.BusinessCaseFactory()]),
            scores=_scores(2, 3),
        )


@pytest.mark.parametrize("make_user", [factories.manager, factories.committee_member, factories.api_client_user])
def test_someone_elses_risk_cannot_be_edited_or_reviewed(db, make_user):
    risk = factories.RiskFactory()
    user = make_user()
    with pytest.raises(PermissionDenied):
        risk_update(
            risk=risk,
            user=user,
            expected_version=risk.version,
            details=_details(risk, title="Changed"),
            scores=_scores(1, 1),
        )
    with pytest.raises(PermissionDenied):
        risk_review(
            risk=risk,
            user=user,
            expected_version=risk.version,
            scores=_scores(1, 1),
            note="x",
            next_review_date=NEXT_YEAR,
        )
    risk.refresh_from_db()
    assert risk.title != "Changed" and not RiskReview.objects.exists()


def test_review_needs_a_note_and_a_future_date(db):
    risk = factories.RiskFactory()
    with pytest.raises(ValidationError) as raised:
        risk_review(
            risk=risk, user=risk.owner, expected_version=risk.version, scores=_scores(
                1, 1), note=" ", next_review_date=datetime.date(2020, 1, 1
            )
        )
    assert set(raised.value.message_dict) == {"note", "next_review_date"}


def test_a_lead_putting_a_risk_on_the_register_must_say_why(db):
    risk = factories.RiskFactory()
    with pytest.raises(ValidationError) as raised:
        risk_update(
            risk=risk, user=factories.lead(
                ), expected_version=risk.version, details=_details(risk,
                on_strategic_register=True), scores=_scores(2,
                3,
            )
        )
    assert raised.value.message_dict["escalation_reason"] == ["Say why the risk is on the strategic register."]


def test_create_is_for_leads_and_escalates_at_once(db):
    strategy = factories.StrategyFactory()
    owner = factories.manager()
    details = RiskDetails(
        title="Ransomware", category=RiskCategory.CYBER_SECURITY, owner=owner, review_date=NEXT_YEAR
    )
    with pytest.raises(PermissionDenied):
        risk_create(user=owner, strategy=strategy, reference="ICT-R99", details=details, scores=_scores(5, 5))

    risk = risk_create(user=factories.lead(), strategy=strategy, reference="ICT-R99", details=details, scores=_scores(5, 5))

    assert risk.on_strategic_register and "25" in risk.escalation_reason
    assert risk.reviews.get().escalated is True


def test_scores_out_of_range_are_refused(db):
    risk = factories.RiskFactory()
    with pytest.raises(ValidationError) as raised:
        risk_update(
            risk=risk,
            user=factories.lead(),
            expected_version=risk.version,
            details=_details(risk),
            scores=RiskScores(6, 0, 1, 1),
        )
    assert {"inherent_likelihood", "inherent_impact"} <= set(raised.value.message_dict)


# Two people editing one risk: each edit names the version it was based on.

EDITS_OF_A_RISK = {
    "update": lambda risk, version: risk_update(
        risk=risk, user=risk.owner, expected_version=version, details=_details(risk, title="Mine"), scores=_scores(1, 1)
    ),
    "review": lambda risk, version: risk_review(
        risk=risk, user=risk.owner, expected_version=version, scores=_scores(1, 1), note="Mine", next_review_date=NEXT_YEAR
    ),
}


@pytest.mark.parametrize("edit", EDITS_OF_A_RISK.values(), ids=EDITS_OF_A_RISK.keys())
def test_an_edit_on_a_stale_version_is_refused_naming_who_changed_it(db, edit):
    risk = factories.RiskFactory(residual_likelihood=3, residual_impact=3)
    read = risk.version
    jane = factories.lead(first_name="Jane", last_name="Smith")
    changed = saved_by(jane, risk, mitigation="Jane's mitigation")

    with pytest.raises(EditConflict) as caught:
        edit(risk, read)

    assert_names_who_changed_it(caught.value, changed, jane)
    risk.refresh_from_db()
    assert (risk.title, risk.mitigation, risk.residual_score) == (changed.title, "Jane's mitigation", 9)
    assert not RiskReview.objects.exists()
