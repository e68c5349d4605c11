"""Measure figures and states on pages: written once, by measures.formatting."""

from django import template
from django.utils.html import format_html

from measures.choices import MeasureState
from measures.formatting import format_value
from measures.selectors import DASHBOARD_STATES, measure_counts_by_principle, my_measures_needing_a_value
from periods.selectors import period_latest_begun

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


@register.inclusion_tag("measures/_my_measures.html")
def my_measures_to_do(user, period) -> dict:
    """On My actions: the measures the user owns or is delegated that still need figures for `period`."""
    return {"measures": my_measures_needing_a_value(user=user, period=period), "period": period}


@register.inclusion_tag("measures/_measures_by_principle.html")
def measures_by_principle() -> dict:
    """On the dashboard: per principle, how many measures are on target, near it, off it or unrated."""
    period = period_latest_begun()
    rows = [
        {
            "number": row["number"],
            "cells": [{"key": state.value, "label": STATE_HEADINGS[state], "count": row["counts"][state]} for state in DASHBOARD_STATES],
        }
        for row in measure_counts_by_principle(period=period)
    ]
    return {"period": period, "rows": rows, "headings": [STATE_HEADINGS[state] for state in DASHBOARD_STATES]}


STATE_HEADINGS = {
    MeasureState.GREEN: "On target (green)",
    MeasureState.AMBER: "Near target (amber)",
    MeasureState.RED: "Off target (red)",
    MeasureState.NOT_REPORTED: "Not reported",
    MeasureState.AWAITING: "Not yet reported",
}
