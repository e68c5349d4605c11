"""Measure figures and states on pages: written once, by measures.formatting."""

from django import template
from django.utils.html import format_html

from measures.choices import MeasureState
from measures.formatting import format_value

register = template.Library()

# GOV.UK tag colours; "not reported" is never green, and states with no rating are grey.
STATE_TAG_CLASSES = {
    MeasureState.RED: "govuk-tag--red",
    MeasureState.AMBER: "govuk-tag--yellow",
    MeasureState.GREEN: "govuk-tag--green",
    MeasureState.NOT_REPORTED: "govuk-tag--purple",
    MeasureState.AWAITING: "govuk-tag--grey",
    MeasureState.NOT_DUE: "govuk-tag--grey",
}


@register.filter
def measure_figure(value, measure) -> str:
    """{{ value.actual|measure_figure:measure }}: the figure in the measure's unit and decimal places."""
    return format_value(value, unit=measure.unit, places=measure.decimal_places)


@register.simple_tag
def measure_state_tag(state: str) -> str:
    return format_html('<strong class="govuk-tag {}">{}</strong>', STATE_TAG_CLASSES[state], MeasureState(state).label)
