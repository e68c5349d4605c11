"""The quarterly sheet's download link and upload form, for the My actions page to show."""

from django import template

from ..forms import progress_sheet_form

register = template.Library()


@register.inclusion_tag("spreadsheets/_progress_sheet_panel.html")
def progress_sheet_panel(period):
    return {"form": progress_sheet_form(), "period": period}
