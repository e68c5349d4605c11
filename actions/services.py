"""Every write to the action plan."""

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format

from core.conflicts import lock_for_edit
from core.exports import display_name
from core.limits import length_errors
from core.permissions import can_change_delegates, can_edit_action, can_record_progress, has_progress_to_report
from periods.models import ReportingPeriod

from .choices import ALLOWED_RAG, CLOSED_STATUSES, Rag, Status
from .models import ActionItem, ProgressUpdate


def _progress_errors(*, status: str, rag: str, percent_complete: int, commentary: str) -> dict[str, str]:
    errors: dict[str, str] = {}
    if status not in Status.values:
        errors["status"] = "Choose a status from the list."
    if rag not in Rag.values:
        errors["rag"] = "Choose a RAG rating: red, amber or green."
    if not isinstance(percent_complete, int) or not 0 <= percent_complete <= 100:
        errors["percent_complete"] = "Enter a whole number from 0 to 100 for percent complete."
    if errors:
        return errors
    status_label = Status(status).label.lower()
    allowed = ALLOWED_RAG[Status(status)]
    if rag not in allowed:
        names = " or ".join(sorted(Rag(r).label.lower() for r in allowed))
        errors["rag"] = f"An action that is {status_label} must be rated {names}."
    has_commentary = bool(commentary.strip())
    if status == Status.COMPLETED and percent_complete != 100:
        errors["percent_complete"] = "A completed action is 100% complete: enter 100 or choose another status."
    if status == Status.CANCELLED and not has_commentary:
        errors["commentary"] = "Explain why the action was cancelled."
    elif rag in (Rag.AMBER, Rag.RED) and not has_commentary:
        errors["commentary"] = f"Explain why the action is {Rag(rag).label.lower()}: commentary is required for amber and red."
    return errors


def progress_record(
    *,
    action: ActionItem,
    user,
    period: ReportingPeriod,
    status: str,
    rag: str,
    percent_complete: int,
    commentary: str = "",
    next_steps: str = "",
    expected_version: int,
    recorded_at: datetime.datetime | None = None,
) -> ProgressUpdate:
    """Record an action's progress for a period and make it the action's current state.

    One update per action per period: recording again in the same period amends it (the
    amendment is kept in the update's history). `recorded_at` lets an import or the demo
    seed record history at the time it happened; otherwise it is now.
    """
    if not can_record_progress(user, action):
        if has_progress_to_report(user):
            raise PermissionDenied("You can update only the actions you own or are delegated.")
        raise PermissionDenied("Your role can read progress but not record it.")
    recorded_at = recorded_at or timezone.now()
    commentary, next_steps = commentary.strip(), next_steps.strip()
    errors = _progress_errors(status=status, rag=rag, percent_complete=percent_complete, commentary=commentary)
    errors |= length_errors(ProgressUpdate, commentary=commentary, next_steps=next_steps)
    if not period.is_open(timezone.localdate(recorded_at)):
        errors["period"] = (
            f"{period.label} is not taking updates: it runs from {date_format(period.start_date)} "
            f"until its deadline of {date_format(period.update_deadline)}"
            + (", and it has been closed." if period.closed_at else ".")
        )
    if errors:
        raise ValidationError(errors)

    with transaction.atomic():
        locked = lock_for_edit(action, expected_version=expected_version)
        reported = {
            "status": status,
            "rag": rag,
            "percent_complete": percent_complete,
            "commentary": commentary,
            "next_steps": next_steps,
            "author": user,
            "updated_at": recorded_at,
        }
        update, _ = ProgressUpdate.objects.update_or_create(
            action=locked, period=period, defaults=reported, create_defaults={**reported, "created_at": recorded_at}
        )
        # A late amendment to an earlier quarter must not overwrite a newer quarter's state.
        if not locked.updates.filter(period__start_date__gt=period.start_date).exists():
            locked.status, locked.rag, locked.percent_complete = status, rag, percent_complete
        locked.version += 1
        locked.last_updated_at = recorded_at
        locked.last_updated_by = user
        locked.save()
    action.refresh_from_db()
    return update


# The plan of an action; its status, RAG and percent change only through progress_record.
EDITABLE_ACTION_FIELDS = (
    "title", "description", "principle", "owner", "delegates", "business_case", "risks",
    "start_date", "target_date", "revised_target_date", "revised_target_reason",
)


def _plan_errors(action: ActionItem, *, revision_moved: bool) -> dict[str, str]:
    errors: dict[str, str] = {}
    if action.target_date < action.start_date:
        errors["target_date"] = f"The target date must be on or after the start date, {date_format(action.start_date)}."
    if action.revised_target_date and action.revised_target_date < action.start_date:
        errors["revised_target_date"] = (
            f"The revised target date must be on or after the start date, {date_format(action.start_date)}."
        )
    if revision_moved and action.revised_target_date and not action.revised_target_reason:
        errors["revised_target_reason"] = "Give the reason for the revised target date."
    return errors


def _names(people) -> str:
    return ", ".join(sorted(display_name(person) for person in people)) or "none"


def _links_note(*, delegates_before=(), delegates_after=None, risks_before=(), risks_after=None) -> str:
    """How the delegates and risks moved, for the save's history record: simple-history keeps an
    action's own columns, not its many-to-many links, so the audit history reads them from here."""
    notes = []
    if delegates_after is not None and set(delegates_before) != set(delegates_after):
        notes.append(f"Delegates: {_names(delegates_before)} → {_names(delegates_after)}")
    if risks_after is not None and set(risks_before) != set(risks_after):
        before = ", ".join(sorted(risk.reference for risk in risks_before)) or "none"
        after = ", ".join(sorted(risk.reference for risk in risks_after)) or "none"
        notes.append(f"Risks: {before} → {after}")
    return "; ".join(notes)


def _save_edit(locked: ActionItem, user, *, note: str = "") -> None:
    """Save an accepted change to a locked action as a new version, by `user`, now."""
    locked.version += 1
    locked.last_updated_at = timezone.now()
    locked.last_updated_by = user
    locked._change_reason = note or None
    locked.save()


def action_update(*, action: ActionItem, user, expected_version: int, **fields) -> ActionItem:
    """Change an action's plan (a strategy lead's job): its details, links and dates.

    Refused with EditConflict when the action has been saved since the caller read
    `expected_version`; every accepted change bumps the version. A revised target date that
    moves needs its reason; clearing the date clears the reason.
    """
    if not can_edit_action(user):
        raise PermissionDenied("Only a strategy lead can change an action's details.")
    not_editable = sorted(set(fields) - set(EDITABLE_ACTION_FIELDS))
    if not_editable:
        raise ValidationError({name: "This field cannot be changed here." for name in not_editable})
    delegates = fields.pop("delegates", None)
    risks = fields.pop("risks", None)
    if "revised_target_reason" in fields:
        fields["revised_target_reason"] = fields["revised_target_reason"].strip()

    with transaction.atomic():
        locked = lock_for_edit(action, expected_version=expected_version)
        revision_moved = "revised_target_date" in fields and fields["revised_target_date"] != locked.revised_target_date
        for name, value in fields.items():
            setattr(locked, name, value)
        if locked.revised_target_date is None:
            locked.revised_target_reason = ""
        errors = _plan_errors(locked, revision_moved=revision_moved)
        if errors:
            raise ValidationError(errors)
        locked.full_clean()
        note = _links_note(
            delegates_before=locked.delegates.all(), delegates_after=delegates, risks_before=locked.risks.all(), risks_after=risks
        )
        _save_edit(locked, user, note=note)
        if delegates is not None:
            locked.delegates.set(delegates)
        if risks is not None:
            locked.risks.set(risks)
    action.refresh_from_db()
    return action


def action_delegates_set(*, action: ActionItem, user, expected_version: int, delegates) -> ActionItem:
    """Choose who may report progress on an action alongside its owner: the owner's call, or a lead's."""
    if not can_change_delegates(user, action):
        raise PermissionDenied("Only the action's owner or a strategy lead can change its delegates.")
    with transaction.atomic():
        locked = lock_for_edit(action, expected_version=expected_version)
        _save_edit(locked, user, note=_links_note(delegates_before=locked.delegates.all(), delegates_after=delegates))
        locked.delegates.set(delegates)
    action.refresh_from_db()
    return action


def action_cancel(*, action: ActionItem, user, expected_version: int, reason: str) -> ActionItem:
    """Stop an action (a strategy lead's decision), keeping why.

    Its RAG stays as last reported: a cancelled action may carry any rating (choices.ALLOWED_RAG).
    """
    if not can_edit_action(user):
        raise PermissionDenied("Only a strategy lead can cancel an action.")
    reason = reason.strip()
    if not reason:
        raise ValidationError({"reason": "Give the reason for cancelling the action."})
    if too_long := length_errors(ActionItem, cancellation_reason=reason):
        raise ValidationError({"reason": too_long["cancellation_reason"]})
    with transaction.atomic():
        locked = lock_for_edit(action, expected_version=expected_version)
        if locked.status in CLOSED_STATUSES:
            raise ValidationError(f"{locked.reference} is already {locked.get_status_display().lower()}: it cannot be cancelled.")
        locked.status = Status.CANCELLED
        locked.cancellation_reason = reason
        _save_edit(locked, user)
    action.refresh_from_db()
    return action


def action_create(
    *,
    reference: str,
    title: str,
    principle,
    owner,
    start_date: datetime.date,
    target_date: datetime.date,
    user,
    description: str = "",
    delegates=(),
    business_case=None,
    risks=(),
    revised_target_date: datetime.date | None = None,
    revised_target_reason: str = "",
) -> ActionItem:
    """Add an action to the plan (a strategy lead's job). It starts not started, green, 0%:
    its status, RAG and percent change only through progress_record."""
    if not can_edit_action(user):
        raise PermissionDenied("Only a strategy lead can add an action to the plan.")
    action = ActionItem(
        reference=reference.strip(),
        title=title.strip(),
        description=description,
        principle=principle,
        owner=owner,
        business_case=business_case,
        start_date=start_date,
        target_date=target_date,
        revised_target_date=revised_target_date,
        revised_target_reason=revised_target_reason.strip() if revised_target_date else "",
        last_updated_at=timezone.now(),
        last_updated_by=user,
    )
    errors = _plan_errors(action, revision_moved=revised_target_date is not None)
    if ActionItem.objects.filter(reference=action.reference).exists():
        errors["reference"] = f"There is already an action {action.reference}: choose another reference."
    if errors:
        raise ValidationError(errors)
    action.full_clean()
    action._change_reason = _links_note(delegates_after=delegates, risks_after=risks) or None
    with transaction.atomic():
        action.save()
        action.delegates.set(delegates)
        action.risks.set(risks)
    return action
