"""Small presentation helpers for action pages."""

import datetime
import re
from urllib.parse import urlencode

from django import template
from django.urls import reverse
from django.utils.html import conditional_escape, format_html, format_html_join
from django.utils.safestring import mark_safe

from actions.choices import Rag
from core import permissions

register = template.Library()


@register.filter
def is_overdue_on(action, day: datetime.date) -> bool:
    """{% if action|is_overdue_on:today %}: past its (revised) target date and still open."""
    return action.is_overdue(day)


@register.filter
def govuk_text(text: str) -> str:
    """Plain text as GOV.UK paragraphs; a run of lines starting "- " becomes a bulleted list."""
    blocks = []
    for block in re.split(r"\n\s*\n", (text or "").strip()):
        lines = [line.strip() for line in block.splitlines() if line.strip()]
        if not lines:
            continue
        if all(line.startswith("- ") for line in lines):
            items = format_html_join("", "<li>{}</li>", ((line[2:],) for line in lines))
            blocks.append(format_html('<ul class="govuk-list govuk-list--bullet">{}</ul>', items))
        else:
            blocks.append(format_html('<p class="govuk-body">{}</p>', mark_safe("<br>".join(conditional_escape(line) for line in lines))))
    return mark_safe("".join(blocks))


@register.simple_tag
def rag_tag(rag: str) -> str:
    """The RAG rating as a word in a coloured box: colour never carries it alone."""
    label = Rag(rag).label if rag in Rag.values else "Not rated"
    return format_html('<strong class="app-rag app-rag--{}">{}</strong>', rag or "none", label)


# The plan's buttons ask core.permissions from the template, so the pages showing them need no view of their own.
@register.filter
def may_edit_plan(user) -> bool:
    """{% if user|may_edit_plan %}: add, edit and cancel actions."""
    return permissions.can_edit_action(user)


@register.filter
def may_change_delegates_of(user, action) -> bool:
    """{% if user|may_change_delegates_of:action %}"""
    return permissions.can_change_delegates(user, action)


@register.simple_tag
def actions_url(**filters) -> str:
    """{% actions_url principle=1 rag="red" open="true" %}: the actions list filtered so, dropping empty filters."""
    query = urlencode({name: value for name, value in filters.items() if value not in (None, "")})
    return reverse("action-list") + (f"?{query}" if query else "")
