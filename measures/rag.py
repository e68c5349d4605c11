"""The RAG rule for a measure's quarter, with its reason in words: one pure function."""

from dataclasses import dataclass
from decimal import Decimal

from .choices import Direction, MeasureRag, ToleranceKind, Unit
from .formatting import at_places, format_difference, format_value


@dataclass(frozen=True)
class Assessment:
    rag: str | None  # a MeasureRag, or None while the quarter may still be reported
    reason: str


def _gap_words(actual: Decimal, target: Decimal, *, unit: str, places: int) -> str:
    if actual == target:
        return f"Meets the target of {format_value(target, unit=unit, places=places)}"
    above, below = ("over", "under") if unit == Unit.POUNDS else ("above", "below")
    side = above if actual > target else below
    gap = format_difference(abs(actual - target), unit=unit, places=places)
    return f"{gap} {side} the target of {format_value(target, unit=unit, places=places)}"


def allowed_miss(*, target: Decimal, tolerance: Decimal, tolerance_kind: str) -> Decimal:
    """How far the actual may miss the target and still be amber, in the measure's unit."""
    if tolerance_kind == ToleranceKind.PERCENT:
        return abs(target) * tolerance / 100
    return tolerance


def assess(
    *,
    direction: str,
    unit: str,
    places: int,
    tolerance: Decimal,
    tolerance_kind: str,
    target: Decimal | None,
    actual: Decimal | None,
    deadline_passed: bool,
) -> Assessment:
    """Green when the actual meets the target in its direction (for "on target", equals it),
    amber when it misses by no more than the tolerance, red beyond. Figures are compared as
    written, at the measure's decimal places. No actual after the deadline: not reported."""
    if target is None:
        return Assessment(MeasureRag.NOT_REPORTED if deadline_passed else None, "No target set")
    if actual is None:
        if deadline_passed:
            return Assessment(MeasureRag.NOT_REPORTED, "No actual reported by the deadline")
        return Assessment(None, "Not yet reported")
    target, actual = at_places(target, places), at_places(actual, places)
    words = _gap_words(actual, target, unit=unit, places=places)
    if direction == Direction.HIGHER:
        miss = target - actual
    elif direction == Direction.LOWER:
        miss = actual - target
    else:
        miss = abs(actual - target)
    if miss <= 0:
        return Assessment(MeasureRag.GREEN, words)
    allowed = allowed_miss(target=target, tolerance=tolerance, tolerance_kind=tolerance_kind)
    tolerance_words = format_difference(allowed, unit=unit, places=places)
    if miss <= allowed:
        return Assessment(MeasureRag.AMBER, f"{words}, within the tolerance of {tolerance_words}")
    return Assessment(MeasureRag.RED, f"{words}, beyond the tolerance of {tolerance_words}")
