"""Horizontal stacked bar charts as plain numbers, for SVG drawn by a template.

Every position and width is computed here, so templates write only SVG attributes (no inline
styles, which a content security policy would block, and no arithmetic in templates). The
figures are always written out beside the bars or in a table too: colour never carries them alone.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from math import ceil

LEGEND_ROW_HEIGHT = 20
LEGEND_COLUMN_WIDTH = 140
TEXT_GAP = 8
# Narrower segments have no room for their count: the words beside the bar still give it.
MIN_COUNT_WIDTH = 14


@dataclass(frozen=True)
class Series:
    """One kind of segment: a status, a RAG rating."""

    key: str
    label: str
    colour: str
    text_colour: str = "#ffffff"  # for a count written on the segment: contrast with `colour`


@dataclass(frozen=True)
class ChartSize:
    """In SVG user units; `text_width` leaves room after the longest bar for the words beside it."""

    label_width: int
    bar_width: int
    row_height: int
    bar_height: int
    text_width: int
    legend_columns: int = 0  # 0: no legend, the words beside each bar name the colours
    caption_height: int = 0  # room above each bar (within `row_height`) for its label; 0: the label is left of it


def stacked_bars(bars: Sequence[tuple[str, Mapping[str, int]]], series: Sequence[Series], size: ChartSize) -> dict:
    """One bar per (label, counts by series key), segments in `series` order, scaled to the longest bar."""
    longest = max((sum(counts[s.key] for s in series) for _, counts in bars), default=0) or 1
    rows = []
    for index, (label, counts) in enumerate(bars):
        y = index * size.row_height + size.caption_height
        x = size.label_width
        segments = []
        for kind in series:
            count = counts[kind.key]
            if not count:
                continue
            width = round(size.bar_width * count / longest, 2)
            segments.append(
                {
                    "key": kind.key,
                    "label": kind.label,
                    "colour": kind.colour,
                    "text_colour": kind.text_colour,
                    "x": x,
                    "width": width,
                    "count": count,
                    "text_x": round(x + width / 2, 2),
                    "shows_count": width >= MIN_COUNT_WIDTH,
                }
            )
            x += width
        rows.append(
            {
                "label": label,
                "y": y,
                "label_y": y - TEXT_GAP // 2,
                "text_y": y + size.bar_height - size.bar_height // 4,
                "text_x": x + TEXT_GAP,
                "segments": segments,
                "total": sum(counts[kind.key] for kind in series),
                "words": ", ".join(f"{counts[kind.key]} {kind.label.lower()}" for kind in series),
                "nonzero_words": ", ".join(f"{counts[kind.key]} {kind.label.lower()}" for kind in series if counts[kind.key]),
            }
        )
    bars_height = len(rows) * size.row_height
    legend, legend_height = [], 0
    if size.legend_columns:
        top = bars_height + LEGEND_ROW_HEIGHT // 2
        legend = [
            {
                "x": size.label_width + i % size.legend_columns * LEGEND_COLUMN_WIDTH,
                "y": top + i // size.legend_columns * LEGEND_ROW_HEIGHT,
                "colour": kind.colour,
                "label": kind.label,
            }
            for i, kind in enumerate(series)
        ]
        legend_height = LEGEND_ROW_HEIGHT // 2 + ceil(len(series) / size.legend_columns) * LEGEND_ROW_HEIGHT + 4
    return {
        "width": size.label_width + size.bar_width + size.text_width,
        "height": bars_height + legend_height,
        "bar_height": size.bar_height,
        "rows": rows,
        "legend": legend,
    }


@dataclass(frozen=True)
class PercentBar:
    """One bar of a percent chart: the words written above it, its percent and its colour."""

    words: str
    percent: int
    colour: str


# Narrow enough to be read at 320 px (scaled by at most a tenth): the words sit above each bar, not beside it.
PERCENT_CHART_WIDTH = 320
PERCENT_ROW_HEIGHT = 48
PERCENT_BAR_HEIGHT = 16
PERCENT_BAR_TOP = 22


def percent_bars(bars: Sequence[PercentBar]) -> dict:
    """One row per bar, each under its words, on a track whose full width is 100%."""
    rows = [
        {
            "words": bar.words,
            "text_y": index * PERCENT_ROW_HEIGHT + PERCENT_BAR_TOP - 6,
            "y": index * PERCENT_ROW_HEIGHT + PERCENT_BAR_TOP,
            "width": round((PERCENT_CHART_WIDTH - 1) * bar.percent / 100, 2),
            "colour": bar.colour,
        }
        for index, bar in enumerate(bars)
    ]
    return {
        "width": PERCENT_CHART_WIDTH,
        "height": len(rows) * PERCENT_ROW_HEIGHT,
        "track_width": PERCENT_CHART_WIDTH - 1,
        "bar_height": PERCENT_BAR_HEIGHT,
        "rows": rows,
    }
