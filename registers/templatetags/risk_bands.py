"""The risk register's bands and escalation threshold, for page and pack texts that state them."""

from django import template

from registers.models import ESCALATION_THRESHOLD, SCORE_BANDS, SCORE_BANDS_TEXT

register = template.Library()


@register.simple_tag
def score_bands() -> str:
    """The bands as the register states them: "low 1–4, medium 5–9, high 10–14, very high 15–25"."""
    return SCORE_BANDS_TEXT


@register.simple_tag
def escalation_threshold() -> int:
    """The residual score from which a risk goes on the Strategic Risk Register."""
    return ESCALATION_THRESHOLD


@register.simple_tag
def score_band_list() -> tuple:
    """The bands themselves (key, label, low, high), for legends in the bands' colours."""
    return SCORE_BANDS
