"""Every write to the risk register: adding, editing and reviewing risks, and escalating them."""

import datetime
from dataclasses import dataclass, field

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from core.conflicts import lock_for_edit
from core.permissions import can_edit_risk, can_manage_risks
from registers.choices import RiskCategory
from registers.models import SCORE_FIELDS, BusinessCase, Risk, RiskReview, escalation_reason, needs_escalation
from strategy.models import Strategy


@dataclass(frozen=True)
class RiskScores:
    inherent_likelihood: int
    inherent_impact: int
    residual_likelihood: int
    residual_impact: int

    def as_dict(self) -> dict[str, int]:
        return {name: getattr(self, name) for name in SCORE_FIELDS}


@dataclass
class RiskDetails:
    """Everything about a risk a person edits (scores apart)."""

    title: str
    category: str
    owner: AbstractBaseUser
    review_date: datetime.date
    description: str = ""
    mitigation: str = ""
    on_strategic_register: bool = False
    escalation_reason: str = ""
    business_cases: list[BusinessCase] = field(default_factory=list)


def _apply_escalation(risk: Risk) -> bool:
    """Put a risk whose residual score reaches the threshold on the strategic register, with why."""
    if not needs_escalation(risk.residual_score):
        return False
    if risk.on_strategic_register and risk.escalation_reason.strip():
        return False
    risk.on_strategic_register = True
    risk.escalation_reason = escalation_reason(risk.residual_score)
    return True


def _save_risk(risk: Risk, *, escalated: bool) -> None:
    if risk.on_strategic_register and not risk.escalation_reason:
        raise ValidationError({"escalation_reason": "Say why the risk is on the strategic register."})
    risk.full_clean()
    if escalated:
        # simple-history stores this with the change, so the audit trail says why it moved.
        risk._change_reason = risk.escalation_reason
    risk.save()


def _record_review(risk: Risk, *, user: AbstractBaseUser, note: str, escalated: bool) -> RiskReview:
    review = RiskReview(
        risk=risk,
        reviewed_by=user,
        note=note,
        next_review_date=risk.review_date,
        escalated=escalated,
        **{name: getattr(risk, name) for name in SCORE_FIELDS},
    )
    review.full_clean()
    review.save()
    return review


@transaction.atomic
def risk_create(
    *, user: AbstractBaseUser, strategy: Strategy, reference: str, details: RiskDetails, scores: RiskScores
) -> Risk:
    """A new risk on the register, escalated at once if its residual score calls for it."""
    if not can_manage_risks(user):
        raise PermissionDenied("Only a strategy lead can add a risk to the register.")
    risk = Risk(strategy=strategy, reference=reference.strip(), **scores.as_dict())
    _set_details(risk, details)
    escalated = _apply_escalation(risk)
    _save_risk(risk, escalated=escalated)
    risk.business_cases.set(details.business_cases)
    _record_review(risk, user=user, note="Risk added to the register.", escalated=escalated)
    return risk


def _set_details(risk: Risk, details: RiskDetails) -> None:
    if details.category not in RiskCategory.values:
        raise ValidationError({"category": "Choose a category from the list."})
    risk.title = details.title.strip()
    risk.description = details.description
    risk.category = details.category
    risk.owner = details.owner
    risk.mitigation = details.mitigation
    risk.review_date = details.review_date
    risk.on_strategic_register = details.on_strategic_register
    risk.escalation_reason = details.escalation_reason.strip() if details.on_strategic_register else ""


@transaction.atomic
def risk_update(
    *, risk: Risk, user: AbstractBaseUser, expected_version: int, details: RiskDetails, scores: RiskScores
) -> Risk:
    """Edit a risk. Leads edit any; an owner edits their own but cannot hand it on or de-register it.

    A change of scores is recorded in the review history; a residual score that needs escalation
    puts the risk on the strategic register with the reason recorded.
    """
    risk = lock_for_edit(risk, expected_version=expected_version)
    if not can_edit_risk(user, risk):
        raise PermissionDenied("Only a strategy lead or the risk's owner can edit this risk.")
    if not can_manage_risks(user):
        if details.owner.pk != risk.owner_id:
            raise PermissionDenied("Only a strategy lead can give a risk to another owner.")
        if risk.on_strategic_register and not details.on_strategic_register:
            raise PermissionDenied("Only a strategy lead can take a risk off the strategic register.")
        if set(details.business_cases) != set(risk.business_cases.all()):
            raise PermissionDenied("Only a strategy lead can change which business cases a risk affects.")
    scores_before = RiskScores(**{name: getattr(risk, name) for name in SCORE_FIELDS})
    _set_details(risk, details)
    for name, value in scores.as_dict().items():
        setattr(risk, name, value)
    escalated = _apply_escalation(risk)
    _save_risk(risk, escalated=escalated)
    risk.business_cases.set(details.business_cases)
    if scores != scores_before:
        _record_review(risk, user=user, note="Scores changed when the risk was edited.", escalated=escalated)
    return risk


@transaction.atomic
def risk_review(
    *,
    risk: Risk,
    user: AbstractBaseUser,
    expected_version: int,
    scores: RiskScores,
    note: str,
    next_review_date: datetime.date,
) -> RiskReview:
    """Record a review: the scores now, what the reviewer found, and when to look again."""
    risk = lock_for_edit(risk, expected_version=expected_version)
    if not can_edit_risk(user, risk):
        raise PermissionDenied("Only a strategy lead or the risk's owner can review this risk.")
    errors = {}
    if not note.strip():
        errors["note"] = "Say what the review found."
    if next_review_date <= timezone.localdate():
        errors["next_review_date"] = "The next review date must be in the future."
    if errors:
        raise ValidationError(errors)
    for name, value in scores.as_dict().items():
        setattr(risk, name, value)
    risk.review_date = next_review_date
    escalated = _apply_escalation(risk)
    _save_risk(risk, escalated=escalated)
    return _record_review(risk, user=user, note=note.strip(), escalated=escalated)
