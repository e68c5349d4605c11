"""Every write to measures."""

import datetime
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format

from core.conflicts import lock_for_edit
from core.limits import length_errors
from core.permissions import can_record_progress, has_progress_to_report
from periods.models import ReportingPeriod

from .choices import ANNUAL_QUARTER, Frequency, MeasureRag
from .models import Measure, MeasureValue
from .selectors import assessment_of


def _value_errors(*, measure: Measure, period: ReportingPeriod, commentary: str, rag: str | None, on: datetime.date) -> dict[str, str]:
    errors: dict[str, str] = {}
    if not period.is_open(on):
        errors["period"] = (
            f"{period.label} is not taking values: it runs from {date_format(period.start_date)} "
            f"until its deadline of {date_format(period.update_deadline)}"
            + (", and it has been closed." if period.closed_at else ".")
        )
    if measure.frequency == Frequency.ANNUAL and period.quarter != ANNUAL_QUARTER:
        errors["period"] = f"{measure.reference} is reported once a year, for the fourth quarter."
    too_long = length_errors(MeasureValue, commentary=commentary)
    if too_long:
        errors.update(too_long)
    elif rag in (MeasureRag.AMBER, MeasureRag.RED) and not commentary:
        errors["commentary"] = f"Explain why the measure is {MeasureRag(rag).label.lower()}: commentary is required for amber and red."
    return errors


def measure_value_record(
    *,
    measure: Measure,
    user,
    period: ReportingPeriod,
    target: Decimal,
    actual: Decimal | None,
    commentary: str = "",
    expected_version: int,
    recorded_at: datetime.datetime | None = None,
) -> MeasureValue:
    """Record a measure's target and actual for a period, by the rules progress updates keep:
    its data owner and delegates (or a strategy lead) record it while the period takes updates,
    and a save on an older version of the measure is refused. Recording again amends the value,
    kept in its history. `recorded_at` lets the demo seed record history when it happened."""
    # The same rule as an action's progress: the owner and delegates, or a lead for any.
    if not can_record_progress(user, measure):
        if has_progress_to_report(user):
            raise PermissionDenied("You can enter values only for the measures you own or are delegated.")
        raise PermissionDenied("Your role can read measures but not enter their values.")
    recorded_at = recorded_at or timezone.now()
    commentary = commentary.strip()
    value = MeasureValue(measure=measure, period=period, target=target, actual=actual, commentary=commentary)
    errors: dict[str, str] = {}
    try:
        # The figures' digits and decimal places, as the database holds them, before they are rated.
        value.full_clean(exclude=["measure", "period", "rag", "entered_by", "created_at", "entered_at", "commentary"], validate_unique=False)
    except ValidationError as invalid:
        errors = {field: " ".join(messages) for field, messages in invalid.message_dict.items()}
    else:
        value.rag = assessment_of(measure, value, deadline_passed=False).rag or ""
    errors.update(_value_errors(measure=measure, period=period, commentary=commentary, rag=value.rag, on=timezone.localdate(recorded_at)))
    if errors:
        raise ValidationError(errors)

    with transaction.atomic():
        locked = lock_for_edit(measure, expected_version=expected_version)
        entered = {
            "target": value.target,
            "actual": value.actual,
            "rag": value.rag,
            "commentary": commentary,
            "entered_by": user,
            "entered_at": recorded_at,
        }
        value, _ = MeasureValue.objects.update_or_create(
            measure=locked, period=period, defaults=entered, create_defaults={**entered, "created_at": recorded_at}
        )
        locked.version += 1
        locked.last_updated_at = recorded_at
        locked.last_updated_by = user
        locked.save()
    measure.refresh_from_db()
    return value
