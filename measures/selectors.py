"""Reads of measures that pages, the API and packs share."""

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
