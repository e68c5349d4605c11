"""Reads of measures that pages, the API and packs share."""

import datetime

from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from periods.models import ReportingPeriod

from .choices import MeasureState
from .models import Measure, MeasureValue, with_figures_in
from .rag import Assessment, assess


def assessment_of(measure: Measure, value: MeasureValue | None, *, deadline_passed: bool) -> Assessment:
    """The RAG and its reason for `measure` in a quarter whose value is `value` (None: none recorded)."""
    return assess(
        direction=measure.direction,
        unit=measure.unit,
        places=measure.decimal_places,
        tolerance=measure.tolerance,
        tolerance_kind=measure.tolerance_kind,
        target=value.target if value else None,
        actual=value.actual if value else None,
        deadline_passed=deadline_passed,
    )


def measure_queryset() -> QuerySet:
    """Measures with what their rows show; the FilterSet adds a quarter's figures (models.with_figures_in)."""
    return Measure.objects.select_related("principle", "owner").prefetch_related("delegates")


def measures_in(*, period: ReportingPeriod | None, on: datetime.date | None = None) -> QuerySet:
    """Every measure with its figures in `period` (see models.with_figures_in)."""
    closed = period is not None and period.is_closed(on or timezone.localdate())
    return with_figures_in(measure_queryset(), period=period, closed=closed)


def shown_assessment(measure: Measure) -> Assessment:
    """The RAG and reason of a measure from `measures_in`, for the quarter it was read for."""
    value = MeasureValue(target=measure.shown_target, actual=measure.shown_actual) if measure.shown_target is not None else None
    return assessment_of(measure, value, deadline_passed=measure.period_closed)


def measure_detail(*, reference: str) -> Measure:
    return (
        Measure.objects.select_related("principle", "owner", "action", "business_case", "last_updated_by")
        .prefetch_related("delegates")
        .get(reference=reference)
    )


def measure_value_queryset() -> QuerySet:
    """Values with what their rows show (measure, period, who entered them), oldest quarter first."""
    return MeasureValue.objects.select_related("measure", "period", "entered_by").order_by("measure__reference", "period__start_date")


def measure_values(*, measure: Measure) -> list[MeasureValue]:
    """The measure's values, oldest quarter first."""
    return list(measure_value_queryset().filter(measure=measure))


def value_assessment(value: MeasureValue, *, on: datetime.date | None = None) -> Assessment:
    """A recorded value's RAG and reason as its quarter stands on `on` (today by default)."""
    return assessment_of(value.measure, value, deadline_passed=value.period.is_closed(on or timezone.localdate()))


def my_measures_needing_a_value(*, user, period: ReportingPeriod | None) -> list[Measure]:
    """The measures `user` owns or is delegated that still need a value for the open `period`."""
    if period is None:
        return []
    mine = measures_in(period=period).filter(Q(owner=user) | Q(delegates=user)).distinct()
    return list(mine.filter(shown_state=MeasureState.AWAITING))


# The dashboard's columns: on target (green), near it (amber), off it (red), then those with no rating.
DASHBOARD_STATES = (MeasureState.GREEN, MeasureState.AMBER, MeasureState.RED, MeasureState.NOT_REPORTED, MeasureState.AWAITING)


def measure_counts_by_principle(*, period: ReportingPeriod | None, on: datetime.date | None = None) -> list[dict]:
    """Per principle with measures, in number order, how many stand in each MeasureState in
    `period`, from that quarter's figures alone (a later quarter's never change it), in one query:
    {"number", "counts": {state: n}}."""
    counts = {state.value: Count("pk", filter=Q(shown_state=state)) for state in MeasureState}
    rows = measures_in(period=period, on=on).order_by().values("principle__number").annotate(**counts).order_by("principle__number")
    return [{"number": row["principle__number"], "counts": {state.value: row[state.value] for state in MeasureState}} for row in rows]


def measure_counts_total(by_principle: list[dict]) -> dict[str, int]:
    """The counts of measure_counts_by_principle over every principle."""
    return {state.value: sum(row["counts"][state.value] for row in by_principle) for state in MeasureState}


TREND_QUARTERS = 4


def measures_as_at(*, period: ReportingPeriod, on: datetime.date | None = None) -> list[dict]:
    """For a quarter's pack: each measure reported in `period` or before, with that quarter's
    figures, RAG and reason and its last TREND_QUARTERS quarters' actuals up to it, oldest first.
    Only figures for quarters ending by the period's end are read, so a later quarter's never
    change it; one query. Rows are in principle then reference order:
    {"measure", "value" (or None), "assessment", "trend": [MeasureValue]}."""
    values = (
        MeasureValue.objects.filter(period__end_date__lte=period.end_date)
        .select_related("measure__principle", "period")
        .order_by("measure__principle__number", "measure__reference", "period__start_date")
    )
    closed = period.is_closed(on or timezone.localdate())
    by_measure: dict[int, list[MeasureValue]] = {}
    for value in values:
        by_measure.setdefault(value.measure_id, []).append(value)
    rows = []
    for history in by_measure.values():
        measure = history[-1].measure
        this_quarter = history[-1] if history[-1].period_id == period.pk else None
        rows.append(
            {
                "measure": measure,
                "value": this_quarter,
                "assessment": assessment_of(measure, this_quarter, deadline_passed=closed),
                "trend": history[-TREND_QUARTERS:],
            }
        )
    return rows
