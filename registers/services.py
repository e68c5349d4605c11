"""Every write to business cases and the risk register.

Each function checks who may do it (core.permissions), validates with clear messages
(django ValidationError, by field where there is one) and writes inside one transaction.
"""

import datetime
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from core.financial_year import financial_year_label
from core.permissions import can_edit_risk, can_manage_business_cases, can_manage_risks
from principles.models import Principle

from .choices import BusinessCaseStatus, RiskCategory
from .models import (
    MONEY_FIELD_NAMES,
    SCORE_FIELDS,
    BusinessCase,
    BusinessCaseLine,
    BusinessCaseRevision,
    BusinessCaseTransition,
    Risk,
    RiskReview,
    Strategy,
    escalation_reason,
    needs_escalation,
)

ZERO = Decimal("0.00")

# The workflow: draft → submitted → approved or rejected → closed.
ALLOWED_TRANSITIONS: dict[str, tuple[str, ...]] = {
    BusinessCaseStatus.DRAFT: (BusinessCaseStatus.SUBMITTED,),
    BusinessCaseStatus.SUBMITTED: (BusinessCaseStatus.APPROVED, BusinessCaseStatus.REJECTED),
    BusinessCaseStatus.APPROVED: (BusinessCaseStatus.CLOSED,),
    BusinessCaseStatus.REJECTED: (BusinessCaseStatus.CLOSED,),
    BusinessCaseStatus.CLOSED: (),
}
TRANSITION_VERBS = {
    BusinessCaseStatus.SUBMITTED: "Submit for approval",
    BusinessCaseStatus.APPROVED: "Approve",
    BusinessCaseStatus.REJECTED: "Reject",
    BusinessCaseStatus.CLOSED: "Close",
}
# Details (title, summary, sponsor, principles) may change while a case is live; figures only
# in draft, and after approval only through an annual revision.
DETAILS_EDITABLE = (BusinessCaseStatus.DRAFT, BusinessCaseStatus.SUBMITTED, BusinessCaseStatus.APPROVED)


@dataclass(frozen=True)
class LineFigures:
    """One financial year's figures in pounds, as Decimal: a float is refused, never rounded."""

    financial_year: int
    capital_cost: Decimal = ZERO
    revenue_cost: Decimal = ZERO
    cashable_benefit: Decimal = ZERO
    non_cashable_benefit: Decimal = ZERO

    def __post_init__(self):
        for name in MONEY_FIELD_NAMES:
            value = getattr(self, name)
            if not isinstance(value, Decimal):
                raise TypeError(f"{name} must be a Decimal in pounds, not {type(value).__name__}.")

    @property
    def is_empty(self) -> bool:
        return all(getattr(self, name) == 0 for name in MONEY_FIELD_NAMES)


def _status_label(status: str) -> str:
    return BusinessCaseStatus(status).label.lower()


def _require_business_case_manager(user: AbstractBaseUser, doing: str) -> None:
    if not can_manage_business_cases(user):
        raise PermissionDenied(f"Only a strategy lead can {doing}.")


def _replace_lines(business_case: BusinessCase, lines: Sequence[LineFigures]) -> None:
    """Write `lines` as the case's figures; a year with no figures at all has no line."""
    years = [line.financial_year for line in lines]
    duplicates = sorted({year for year in years if years.count(year) > 1})
    if duplicates:
        labels = ", ".join(financial_year_label(year) for year in duplicates)
        raise ValidationError({"lines": f"Each financial year may appear once: {labels} is repeated."})
    new_lines = [
        BusinessCaseLine(
            business_case=business_case,
            financial_year=line.financial_year,
            **{name: getattr(line, name) for name in MONEY_FIELD_NAMES},
        )
        for line in lines
        if not line.is_empty
    ]
    for line in new_lines:
        line.full_clean(exclude=["business_case"], validate_unique=False)
    business_case.lines.all().delete()
    BusinessCaseLine.objects.bulk_create(new_lines)


def _line_snapshot(business_case: BusinessCase) -> list[dict]:
    return [
        {"financial_year": line.financial_year, **{name: str(getattr(line, name)) for name in MONEY_FIELD_NAMES}}
        for line in business_case.lines.order_by("financial_year")
    ]


def _locked_case(business_case: BusinessCase) -> BusinessCase:
    """Re-read the case under a row lock, so two people acting at once see each other's change."""
    return BusinessCase.objects.select_for_update().get(pk=business_case.pk)


@transaction.atomic
def business_case_create(
    *,
    user: AbstractBaseUser,
    strategy: Strategy,
    reference: str,
    title: str,
    sponsor: AbstractBaseUser,
    summary: str = "",
    principles: Iterable[Principle] = (),
    lines: Sequence[LineFigures] = (),
) -> BusinessCase:
    """A new business case, in draft."""
    _require_business_case_manager(user, "create a business case")
    business_case = BusinessCase(
        strategy=strategy,
        reference=reference.strip(),
        title=title.strip(),
        summary=summary,
        sponsor=sponsor,
        status=BusinessCaseStatus.DRAFT,
    )
    business_case.full_clean()
    business_case.save()
    business_case.principles.set(list(principles))
    _replace_lines(business_case, lines)
    return business_case


@transaction.atomic
def business_case_update(
    *,
    business_case: BusinessCase,
    user: AbstractBaseUser,
    title: str,
    sponsor: AbstractBaseUser,
    summary: str = "",
    principles: Iterable[Principle] = (),
    lines: Sequence[LineFigures] | None = None,
) -> BusinessCase:
    """Change a case's details and, while it is a draft, its figures (`lines=None` leaves them)."""
    _require_business_case_manager(user, "edit a business case")
    business_case = _locked_case(business_case)
    if business_case.status not in DETAILS_EDITABLE:
        raise ValidationError(
            f"{business_case.reference} is {_status_label(business_case.status)}: it can no longer be edited."
        )
    if lines is not None and business_case.status != BusinessCaseStatus.DRAFT:
        if business_case.status == BusinessCaseStatus.APPROVED:
            message = "The figures of an approved business case change only through an annual revision."
        else:
            message = f"{business_case.reference} is {_status_label(business_case.status)}: its figures are fixed."
        raise ValidationError({"lines": message})
    business_case.title = title.strip()
    business_case.summary = summary
    business_case.sponsor = sponsor
    business_case.full_clean()
    business_case.save()
    business_case.principles.set(list(principles))
    if lines is not None:
        _replace_lines(business_case, lines)
    return business_case


@transaction.atomic
def business_case_transition(
    *, business_case: BusinessCase, user: AbstractBaseUser, to_status: str, note: str = ""
) -> BusinessCaseTransition:
    """Move a case one step through its workflow, recording who did it and when."""
    if to_status not in BusinessCaseStatus.values:
        raise ValidationError({"to_status": "Choose a status from the list."})
    verb = TRANSITION_VERBS.get(BusinessCaseStatus(to_status), "Change").lower()
    _require_business_case_manager(user, f"{verb} a business case")
    business_case = _locked_case(business_case)
    current = business_case.status
    if to_status not in ALLOWED_TRANSITIONS[BusinessCaseStatus(current)]:
        allowed = ALLOWED_TRANSITIONS[BusinessCaseStatus(current)]
        next_steps = " or ".join(_status_label(s) for s in allowed)
        hint = f" From {_status_label(current)} it can only be {next_steps}." if allowed else " It is closed."
        raise ValidationError(
            {
                "to_status": f"{business_case.reference} is {_status_label(current)}, so it cannot be "
                f"{_status_label(to_status)}.{hint}"
            }
        )
    if to_status == BusinessCaseStatus.REJECTED and not note.strip():
        raise ValidationError({"note": "Give a reason for rejecting the business case."})
    if to_status == BusinessCaseStatus.SUBMITTED and not business_case.lines.exists():
        raise ValidationError({"to_status": "Add the figures for at least one financial year before submitting."})
    step = BusinessCaseTransition(
        business_case=business_case, from_status=current, to_status=to_status, actor=user, note=note.strip()
    )
    step.full_clean()
    step.save()
    business_case.status = to_status
    business_case.save(update_fields=["status", "updated_at"])
    return step


@transaction.atomic
def business_case_revise(
    *, business_case: BusinessCase, user: AbstractBaseUser, lines: Sequence[LineFigures], reason: str
) -> BusinessCaseRevision:
    """The annual revision of an approved case: keep the figures it replaces, then write the new ones."""
    _require_business_case_manager(user, "revise a business case")
    business_case = _locked_case(business_case)
    if business_case.status != BusinessCaseStatus.APPROVED:
        raise ValidationError(
            f"Only an approved business case is revised; {business_case.reference} is "
            f"{_status_label(business_case.status)}."
        )
    if not reason.strip():
        raise ValidationError({"reason": "Say why the figures are being revised."})
    revision = BusinessCaseRevision(
        business_case=business_case,
        number=business_case.revisions.count() + 1,
        superseded_figures=_line_snapshot(business_case),
        reason=reason.strip(),
        revised_by=user,
    )
    revision.full_clean()
    revision.save()
    _replace_lines(business_case, lines)
    business_case.save(update_fields=["updated_at"])
    return revision


# Risks -------------------------------------------------------------------------------------


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
def risk_update(*, risk: Risk, user: AbstractBaseUser, details: RiskDetails, scores: RiskScores) -> Risk:
    """Edit a risk. Leads edit any; an owner edits their own but cannot hand it on or de-register it.

    A change of scores is recorded in the review history; a residual score that needs escalation
    puts the risk on the strategic register with the reason recorded.
    """
    risk = Risk.objects.select_for_update().get(pk=risk.pk)
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
    *, risk: Risk, user: AbstractBaseUser, scores: RiskScores, note: str, next_review_date: datetime.date
) -> RiskReview:
    """Record a review: the scores now, what the reviewer found, and when to look again."""
    risk = Risk.objects.select_for_update().get(pk=risk.pk)
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
