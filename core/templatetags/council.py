"""Presentation in the council's conventions: pounds, percentages, and demo data marked as such."""

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from django import template
from django.utils.html import format_html

register = template.Library()


@register.filter
def pounds(value) -> str:
    """£1,250,000 for whole pounds, £1,250.50 with pence, -£300 for a saving shown as negative."""
    if value is None or value == "":
        return ""
    try:
        amount = Decimal(str(value)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    except InvalidOperation:
        return str(value)
    sign = "-" if amount < 0 else ""
    amount = abs(amount)
    text = f"{amount:,.0f}" if amount == amount.to_integral_value() else f"{amount:,.2f}"
    return f"{sign}£{text}"


@register.filter
def percent(value) -> str:
    """35.0%; a dash for an average with nothing to average (no open actions)."""
    return "–" if value is None else f"{value}%"


@register.simple_tag
def demo_tag(record) -> str:
    """Marks rows loaded by `seed_strategy --demo`, so nobody mistakes them for real plans."""
    if getattr(record, "is_demo", False):
        return format_html('<strong class="govuk-tag govuk-tag--grey app-demo-tag">{}</strong>', "Demo data")
    return ""


@register.filter
def elided_page_numbers(page) -> list:
    """The page numbers a pagination bar shows: the first and the last, and two each side of `page`,
    with `Paginator.ELLIPSIS` for each gap."""
    return list(page.paginator.get_elided_page_range(page.number, on_each_side=2, on_ends=1))
