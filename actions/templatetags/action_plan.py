"""Small presentation helpers for action pages."""

import datetime

from django import template

register = template.Library()


@register.filter
def is_overdue_on(action, day: datetime.date) -> bool:
    """{% if action|is_overdue_on:today %}: past its (revised) target date and still open."""
    return action.is_overdue(day)
