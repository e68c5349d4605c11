"""Render a progress pack: the plain dict from `pack_data` → HTML → tagged PDF (PDF/UA-1) via `reporting.pdf`.

No ORM here: everything comes in through the dict, so the renderer can be measured and
tested on its own, and a build's only reads are the selectors'.
"""

from __future__ import annotations

from pathlib import Path

from django.conf import settings
from django.template.loader import render_to_string

from actions.choices import STATUS_SERIES
from actions.selectors import Rollup
from core.charts import ChartSize, stacked_bars

from .pdf import COMMITTEE_REPORT_STYLESHEET, RenderedPdf
from .pdf import html_to_pdf as committee_html_to_pdf

PACK_TEMPLATE = "reporting/pack/pack.html"
# The committee-report house style first (cover, sections, page footer), then the pages' colours, then the pack's additions.
PACK_STYLESHEETS = (
    COMMITTEE_REPORT_STYLESHEET,
    Path(settings.BASE_DIR) / "static" / "css" / "palette.css",
    Path(settings.BASE_DIR) / "static" / "css" / "print" / "pack.css",
)

# Each bar has its principle's number and title above it, each segment its count, and the words
# beside the bar the non-zero counts; the legend names the colours and the table under it repeats the figures.
STATUS_CHART_SIZE = ChartSize(
    label_width=0, bar_width=300, row_height=40, bar_height=18, text_width=340, legend_columns=3, caption_height=16
)


def status_chart(principles: list[Rollup]) -> dict:
    """A horizontal stacked bar of actions by status per principle, scaled to the largest principle."""
    return stacked_bars(
        [(f"{rollup.number}. {rollup.title}", rollup.by_status) for rollup in principles], STATUS_SERIES, STATUS_CHART_SIZE
    )


def pack_html(*, data: dict) -> str:
    """The pack as one HTML document (what WeasyPrint lays out)."""
    return render_to_string(PACK_TEMPLATE, {**data, "chart": status_chart(data["summary"]["principles"])})


def html_to_pdf(*, html: str) -> RenderedPdf:
    """Lay out and write the pack's HTML as a tagged PDF/UA-1 document, in the house print style."""
    return committee_html_to_pdf(html=html, stylesheets=PACK_STYLESHEETS)


def render_pack(*, data: dict) -> RenderedPdf:
    return html_to_pdf(html=pack_html(data=data))
