"""The RAG rule for a measure's quarter, at each band edge, with its reason in words."""

from decimal import Decimal

import pytest

from measures.choices import Direction, ToleranceKind, Unit
from measures.formatting import format_value
from measures.rag import assess


def rate(actual, target="95", *, direction=Direction.HIGHER, unit=Unit.PERCENTAGE, places=1, tolerance="2", kind=ToleranceKind.ABSOLUTE, deadline_passed=False):
    return assess(
        direction=direction,
        unit=unit,
        places=places,
        tolerance=Decimal(tolerance),
        tolerance_kind=kind,
        target=Decimal(target),
        actual=None if actual is None else Decimal(actual),
        deadline_passed=deadline_passed,
    )


@pytest.mark.parametrize(
    ("actual", "rag", "reason"),
    [
        ("97.5", "green", "2.5 points above the target of 95.0%"),
        ("95", "green", "Meets the target of 95.0%"),
        ("94.9", "amber", "0.1 points below the target of 95.0%, within the tolerance of 2.0 points"),
        ("93", "amber", "2.0 points below the target of 95.0%, within the tolerance of 2.0 points"),
        ("92.9", "red", "2.1 points below the target of 95.0%, beyond the tolerance of 2.0 points"),
    ],
)
def test_higher_is_better_bands_with_an_absolute_tolerance(actual, rag, reason):
    assert (rate(actual).rag, rate(actual).reason) == (rag, reason)


@pytest.mark.parametrize(
    ("actual", "rag", "reason"),
    [
        ("40000", "green", "£10,000 under the target of £50,000"),
        ("50000", "green", "Meets the target of £50,000"),
        ("50001", "amber", "£1 over the target of £50,000, within the tolerance of £5,000"),
        ("55000", "amber", "£5,000 over the target of £50,000, within the tolerance of £5,000"),
        ("55001", "red", "£5,001 over the target of £50,000, beyond the tolerance of £5,000"),
    ],
)
def test_lower_is_better_bands_with_a_percent_tolerance(actual, rag, reason):
    assessed = rate(actual, "50000", direction=Direction.LOWER, unit=Unit.POUNDS, places=0, tolerance="10", kind=ToleranceKind.PERCENT)
    assert (assessed.rag, assessed.reason) == (rag, reason)


@pytest.mark.parametrize(
    ("actual", "rag"),
    [("3", "green"), ("2.5", "amber"), ("3.5", "amber"), ("2.49", "red"), ("3.51", "red"), ("1", "red"), ("5", "red")],
)
def test_on_target_misses_either_side(actual, rag):
    assert rate(actual, "3", direction=Direction.ON_TARGET, unit=Unit.DAYS, places=2, tolerance="0.5").rag == rag


def test_on_target_with_a_percent_tolerance_and_its_words():
    assessed = rate("110", "100", direction=Direction.ON_TARGET, unit=Unit.HOURS, places=0, tolerance="10", kind=ToleranceKind.PERCENT)
    assert (assessed.rag, assessed.reason) == ("amber", "10 hours above the target of 100 hours, within the tolerance of 10 hours")
    assert rate("89", "100", direction=Direction.ON_TARGET, unit=Unit.HOURS, places=0, tolerance="10", kind=ToleranceKind.PERCENT).rag == "red"


def test_lower_is_better_with_an_absolute_tolerance_and_higher_with_a_percent_one():
    assert rate("12", "10", direction=Direction.LOWER, unit=Unit.DAYS, places=0, tolerance="2").rag == "amber"
    assert rate("13", "10", direction=Direction.LOWER, unit=Unit.DAYS, places=0, tolerance="2").reason == (
        "3 days above the target of 10 days, beyond the tolerance of 2 days"
    )
    # 5% of 200 is 10.
    assert rate("190", "200", unit=Unit.COUNT, places=0, tolerance="5", kind=ToleranceKind.PERCENT).rag == "amber"
    assert rate("189", "200", unit=Unit.COUNT, places=0, tolerance="5", kind=ToleranceKind.PERCENT).rag == "red"


def test_figures_are_compared_as_written_at_the_measures_places():
    # 94.96 is written 95.0: it meets a target of 95.
    assert rate("94.96").rag == "green"
    assert rate("92.95").rag == "amber"
    assert rate("92.94").rag == "red"


def test_a_missing_actual_is_not_reported_after_the_deadline_and_never_green():
    assert (rate(None).rag, rate(None).reason) == (None, "Not yet reported")
    late = rate(None, deadline_passed=True)
    assert (late.rag, late.reason) == ("not_reported", "No actual reported by the deadline")
    no_target = assess(
        direction=Direction.HIGHER, unit=Unit.SCORE, places=1, tolerance=Decimal(0), tolerance_kind=ToleranceKind.ABSOLUTE,
        target=None, actual=None, deadline_passed=True,
    )
    assert no_target.rag == "not_reported"


@pytest.mark.parametrize(
    ("value", "unit", "places", "written"),
    [
        ("12400", Unit.POUNDS, 0, "£12,400"),
        ("-250.5", Unit.POUNDS, 2, "-£250.50"),
        ("99.95", Unit.PERCENTAGE, 1, "100.0%"),
        ("1", Unit.DAYS, 0, "1 day"),
        ("2.5", Unit.HOURS, 1, "2.5 hours"),
        ("1234567", Unit.COUNT, 0, "1,234,567"),
        ("4.25", Unit.SCORE, 1, "4.3"),
    ],
)
def test_values_are_written_in_their_unit(value, unit, places, written):
    assert format_value(Decimal(value), unit=unit, places=places) == written
