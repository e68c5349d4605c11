"""core.charts.stacked_bars: the one bar-chart builder behind the dashboard and the packs."""

from actions.choices import RAG_SERIES
from actions.dashboard_views import RAG_CHART_SIZE
from core.charts import ChartSize, PercentBar, Series, percent_bars, stacked_bars
from reporting.pack_pdf import STATUS_CHART_SIZE

SERIES = (Series("red", "Red", "#d4351c"), Series("green", "Green", "#00703c"))
SIZE = ChartSize(label_width=100, bar_width=300, row_height=30, bar_height=20, text_width=50)


def test_bars_scale_to_the_longest_and_skip_empty_segments():
    chart = stacked_bars([("A", {"red": 1, "green": 2}), ("B", {"red": 0, "green": 1})], SERIES, SIZE)
    first, second = chart["rows"]
    assert [(s["key"], s["x"], s["width"], s["count"]) for s in first["segments"]] == [
        ("red", 100, 100.0, 1), ("green", 200.0, 200.0, 2),
    ]
    assert [(s["key"], s["x"], s["width"]) for s in second["segments"]] == [("green", 100, 100.0)]
    assert (first["words"], first["total"], first["text_x"]) == ("1 red, 2 green", 3, 408.0)
    assert (second["y"], second["text_y"]) == (30, 45)
    assert (chart["width"], chart["height"], chart["legend"]) == (450, 60, [])


def test_an_empty_plan_draws_empty_bars_not_an_error():
    chart = stacked_bars([("A", {"red": 0, "green": 0})], SERIES, SIZE)
    assert chart["rows"][0]["segments"] == [] and chart["rows"][0]["words"] == "0 red, 0 green"


def test_the_legend_goes_under_the_bars_in_columns():
    chart = stacked_bars([("A", {"red": 1, "green": 1})], SERIES, ChartSize(100, 300, 30, 20, 50, legend_columns=1))
    assert [(key["x"], key["y"], key["label"], key["colour"]) for key in chart["legend"]] == [
        (100, 40, "Red", "#d4351c"), (100, 60, "Green", "#00703c"),
    ]
    assert chart["height"] == 30 + 10 + 2 * 20 + 4


def test_dashboard_and_pack_keep_their_sizes_and_the_rag_colours():
    assert (RAG_CHART_SIZE.label_width, RAG_CHART_SIZE.bar_width, RAG_CHART_SIZE.legend_columns) == (0, 320, 0)
    assert (STATUS_CHART_SIZE.label_width, STATUS_CHART_SIZE.bar_width, STATUS_CHART_SIZE.legend_columns) == (0, 300, 3)
    assert [(s.key, s.label, s.colour) for s in RAG_SERIES] == [
        ("red", "Red", "#d4351c"), ("amber", "Amber", "#ffdd00"), ("green", "Green", "#00703c"),
    ]


def test_percent_bars_put_words_above_each_bar_on_a_full_width_track():
    chart = percent_bars([PercentBar("Q1: 0%", 0, "#00703c"), PercentBar("Q2: 50%", 50, "#ffdd00"), PercentBar("Q3: 100%", 100, "#00703c")])
    assert [(row["words"], row["text_y"], row["y"], row["width"]) for row in chart["rows"]] == [
        ("Q1: 0%", 16, 22, 0.0), ("Q2: 50%", 64, 70, 159.5), ("Q3: 100%", 112, 118, 319.0),
    ]
    assert (chart["width"], chart["height"], chart["track_width"], chart["bar_height"]) == (320, 144, 319, 16)
