"""How a measure's figures are written, once for pages, exports, the API's words and packs."""

from decimal import ROUND_HALF_UP, Decimal

from django.contrib.humanize.templatetags.humanize import intcomma

from .choices import Unit


def at_places(value: Decimal | None, places: int) -> Decimal | None:
    """`value` as written at a measure's decimal places (half up, as people round)."""
    if value is None:
        return None
    return Decimal(value).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def _number(value: Decimal, places: int) -> str:
    return intcomma(f"{at_places(value, places):.{places}f}", use_l10n=False)


def format_value(value: Decimal | None, *, unit: str, places: int) -> str:
    """`value` in its unit at the measure's decimal places: "95.0%", "£12,400", "3 days", "1 hour"."""
    if value is None:
        return "–"
    number = _number(abs(value), places)
    sign = "-" if value < 0 and Decimal(number.replace(",", "")) else ""
    if unit == Unit.PERCENTAGE:
        return f"{sign}{number}%"
    if unit == Unit.POUNDS:
        return f"{sign}£{number}"
    if unit in (Unit.DAYS, Unit.HOURS):
        singular = Unit(unit).label.lower().rstrip("s")
        return f"{sign}{number} {singular if number == '1' else singular + 's'}"
    return f"{sign}{number}"


def format_difference(value: Decimal, *, unit: str, places: int) -> str:
    """A gap between two figures: percentages differ by points ("2.1 points"), others in their unit."""
    if unit == Unit.PERCENTAGE:
        number = _number(value, places)
        return f"{number} point" if number == "1" else f"{number} points"
    return format_value(value, unit=unit, places=places)
