"""Render a progress pack: the plain dict from `pack_data` → HTML → tagged PDF (PDF/UA-1) via `reporting.pdf`.

No ORM here: everything comes in through the dict, so the renderer can be measured and
tested on its own, and a build's only reads are the selectors'.
"""

from __future__ import annotations

from pathlib import Path

from django.conf import settings
from django.template.loader import render_to_string

from actions.choices import Status

from .pdf import COMMITTEE_REPORT_STYLESHEET, RenderedPdf
from .pdf import html_to_pdf as committee_html_to_pdf

PACK_TEMPLATE = "reporting/pack/pack.html"
# The committee-report house style first (cover, sections, page footer), then the pack's additions.
PACK_STYLESHEETS = (COMMITTEE_REPORT_STYLESHEET, Path(settings.BASE_DIR) / "static" / "css" / "print" / "pack.css")

# Fills for the summary chart, one per status; the chart's legend and the table under it
# carry the same counts in words, so colour is never the only cue.
STATUS_FILLS = {
    Status.NOT_STARTED: "#b1b4b6",
    Status.ON_TRACK: "#00703c",
    Status.AT_RISK: "#f47738",
    Status.OFF_TRACK: "#d4351c",
    Status.COMPLETED: "#1d70b8",
    Status.CANCELLED: "#505a5f",
}
CHART_LABEL_WIDTH = 90
CHART_BAR_WIDTH = 380
CHART_ROW_HEIGHT = 26
CHART_BAR_HEIGHT = 18


def status_chart(principles: list[dict]) -> dict:
    """Geometry of a horizontal stacked bar per principle, scaled to the largest principle."""
    largest = max((p["total"] for p in principles), default=0) or 1
    rows = []
    for index, principle in enumerate(principles):
        x = CHART_LABEL_WIDTH
        segments = []
        for item in principle["by_status"]:
            if not item["count"]:
                continue
            width = round(item["count"] / largest * CHART_BAR_WIDTH, 2)
            segments.append({"x": x, "width": width, "fill": STATUS_FILLS[item["status"]], "label": item["label"], "count": item["count"]})
            x += width
        rows.append(
            {
                "label": f"Principle {principle['number']}",
                "y": index * CHART_ROW_HEIGHT,
                "text_y": index * CHART_ROW_HEIGHT + CHART_BAR_HEIGHT - 4,
                "total_x": x + 6,
                "total": principle["total"],
                "segments": segments,
            }
        )
    legend_y = len(principles) * CHART_ROW_HEIGHT + 10
    legend = [
        {"x": CHART_LABEL_WIDTH + i % 3 * 140, "y": legend_y + i // 3 * 20, "fill": fill, "label": Status(status).label}
        for i, (status, fill) in enumerate(STATUS_FILLS.items())
    ]
    return {
        "width": CHART_LABEL_WIDTH + CHART_BAR_WIDTH + 40,
        "height": legend_y + 2 * 20 + 4,
        "bar_height": CHART_BAR_HEIGHT,
        "rows": rows,
        "legend": legend,
    }


def pack_html(*, data: dict) -> str:
    """The pack as one HTML document (what WeasyPrint lays out)."""
    return render_to_string(PACK_TEMPLATE, {**data, "chart": status_chart(data["summary"]["principles"])})


def html_to_pdf(*, html: str) -> RenderedPdf:
    """Lay out and write the pack's HTML as a tagged PDF/UA-1 document, in the house print style."""
    return committee_html_to_pdf(html=html, stylesheets=PACK_STYLESHEETS)


def render_pack(*, data: dict) -> RenderedPdf:
    return html_to_pdf(html=pack_html(data=data))
