"""Reads of measures that pages, the API and packs share."""

import datetime

from django.db.models import Case, CharField, OuterRef, Q, QuerySet, Subquery, Value, When
from django.utils import timezone

from periods.models import ReportingPeriod
from periods.selectors import period_current

from .choices import ANNUAL_QUARTER, Frequency, MeasureState
from .models import Measure, MeasureValue
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


def period_shown(*, on: datetime.date | None = None) -> ReportingPeriod | None:
    """The quarter the measure pages show: the one taking values, else the latest that has started."""
    on = on or timezone.localdate()
    return period_current(on=on) or ReportingPeriod.objects.filter(start_date__lte=on).order_by("-start_date").first()


def measures_in(*, period: ReportingPeriod | None, on: datetime.date | None = None) -> QuerySet:
    """Every measure with its value for `period` as `shown_target`, `shown_actual`, `shown_rag`,
    and `shown_state` (a MeasureState), in one query; `period_closed` says whether the quarter's
    deadline has passed, so a missing actual is "not reported"."""
    queryset = Measure.objects.select_related("principle", "owner").prefetch_related("delegates")
    if period is None:
        return queryset.annotate(
            shown_target=Value(None), shown_actual=Value(None), shown_rag=Value(""),
            shown_state=Value(MeasureState.AWAITING.value), period_closed=Value(False),
        )
    closed = period.is_closed(on or timezone.localdate())
    value = MeasureValue.objects.filter(measure=OuterRef("pk"), period=period)
    not_due = [When(frequency=Frequency.ANNUAL, then=Value(MeasureState.NOT_DUE.value))] if period.quarter != ANNUAL_QUARTER else []
    return queryset.annotate(
        shown_target=Subquery(value.values("target")[:1]),
        shown_actual=Subquery(value.values("actual")[:1]),
        shown_rag=Subquery(value.values("rag")[:1]),
        period_closed=Value(closed),
    ).annotate(
        shown_state=Case(
            *not_due,
            When(~Q(shown_rag="") & Q(shown_rag__isnull=False), then="shown_rag"),
            default=Value((MeasureState.NOT_REPORTED if closed else MeasureState.AWAITING).value),
            output_field=CharField(),
        )
    )


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


def measure_values(*, measure: Measure) -> list[MeasureValue]:
    """The measure's values, oldest quarter first."""
    return list(measure.values.select_related("period", "entered_by").order_by("period__start_date"))


def my_measures_needing_a_value(*, user, period: ReportingPeriod | None) -> list[Measure]:
    """The measures `user` owns or is delegated that still need a value for the open `period`."""
    if period is None:
        return []
    mine = measures_in(period=period).filter(Q(owner=user) | Q(delegates=user)).distinct()
    return list(mine.filter(shown_state=MeasureState.AWAITING))
