"""Every write to business cases: drafting, editing, the workflow and the annual revision of the figures."""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from simple_history.utils import bulk_create_with_history

from core.conflicts import lock_for_edit
from core.financial_year import financial_year_label
from core.permissions import can_manage_business_cases
from principles.models import Principle
from registers.choices import BusinessCaseStatus
from registers.models import (
    MONEY_FIELD_NAMES,
    BusinessCase,
    BusinessCaseLine,
    BusinessCaseRevision,
    BusinessCaseTransition,
)
from strategy.models import Strategy

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
    # A queryset delete still sends each row's post_delete, so the history records the removals too.
    business_case.lines.all().delete()
    bulk_create_with_history(new_lines, BusinessCaseLine)


def _line_snapshot(business_case: BusinessCase) -> list[dict]:
    return [
        {"financial_year": line.financial_year, **{name: str(getattr(line, name)) for name in MONEY_FIELD_NAMES}}
        for line in business_case.lines.order_by("financial_year")
    ]


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
    expected_version: int,
    title: str,
    sponsor: AbstractBaseUser,
    summary: str = "",
    principles: Iterable[Principle] = (),
    lines: Sequence[LineFigures] | None = None,
) -> BusinessCase:
    """Change a case's details and, while it is a draft, its figures (`lines=None` leaves them)."""
    _require_business_case_manager(user, "edit a business case")
    business_case = lock_for_edit(business_case, expected_version=expected_version)
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
    *, business_case: BusinessCase, user: AbstractBaseUser, expected_version: int, to_status: str, note: str = ""
) -> BusinessCaseTransition:
    """Move a case one step through its workflow, recording who did it and when."""
    if to_status not in BusinessCaseStatus.values:
        raise ValidationError({"to_status": "Choose a status from the list."})
    verb = TRANSITION_VERBS.get(BusinessCaseStatus(to_status), "Change").lower()
    _require_business_case_manager(user, f"{verb} a business case")
    business_case = lock_for_edit(business_case, expected_version=expected_version)
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
    *,
    business_case: BusinessCase,
    user: AbstractBaseUser,
    expected_version: int,
    lines: Sequence[LineFigures],
    reason: str,
) -> BusinessCaseRevision:
    """The annual revision of an approved case: keep the figures it replaces, then write the new ones."""
    _require_business_case_manager(user, "revise a business case")
    business_case = lock_for_edit(business_case, expected_version=expected_version)
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
