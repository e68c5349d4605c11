"""The pack's measures section: each measure as at the quarter, with its RAG and reason; later figures never change it."""

from decimal import Decimal

from django.db import connection
from django.test.utils import CaptureQueriesContext

from reporting.pack_data import pack_data
from tests import factories


def _plan(owner, periods):
    q1, q2, q3, _ = periods
    principle = factories.PrincipleFactory(number=3)
    fix = factories.MeasureFactory(reference="KPI-01", principle=principle, owner=owner, name="First-time fix")
    factories.MeasureValueFactory(measure=fix, period=q1, target=Decimal(95), actual=Decimal(91), rag="red")
    factories.MeasureValueFactory(measure=fix, period=q2, target=Decimal(95), actual=Decimal(93.5), rag="amber", commentary="Outages.")
    silent = factories.MeasureFactory(reference="KPI-02", principle=principle, owner=owner)
    factories.MeasureValueFactory(measure=silent, period=q1, actual=Decimal(96), rag="green")
    return q2, q3, fix


def test_pack_shows_each_measure_as_at_the_quarter_with_its_reason_and_trend(owner, periods):
    q2, _, _ = _plan(owner, periods)
    section = pack_data(period=q2)["measures"]
    [principle] = section["principles"]
    assert principle["number"] == 3
    fix, silent = principle["measures"]
    assert (fix["target"], fix["actual"], fix["rag_label"]) == ("95.0%", "93.5%", "Amber")
    assert fix["reason"] == "1.5 points below the target of 95.0%, within the tolerance of 2.0 points"
    assert fix["trend"] == "2024/25 Q1 91.0%; 2024/25 Q2 93.5%"
    # No figures for 2024/25 Q2, long closed: not reported, never green.
    assert (silent["rag_label"], silent["actual"]) == ("Not reported", "–")
    assert {c["key"]: c["count"] for c in section["counts"]} == {"amber": 1, "not_reported": 1}


def test_a_later_quarters_figures_never_change_a_past_quarters_pack(owner, periods):
    q2, q3, fix = _plan(owner, periods)
    before = pack_data(period=q2)["measures"]
    factories.MeasureValueFactory(measure=fix, period=q3, target=Decimal(95), actual=Decimal(99), rag="green")
    factories.MeasureValueFactory(measure=factories.MeasureFactory(reference="KPI-09", principle=fix.principle), period=q3)
    assert pack_data(period=q2)["measures"] == before


def test_pack_measures_cost_the_same_queries_at_any_size(owner, periods):
    q2, _, fix = _plan(owner, periods)
    with CaptureQueriesContext(connection) as small:
        pack_data(period=q2)
    for n in range(20):
        measure = factories.MeasureFactory(reference=f"M-{n:02d}", principle=fix.principle)
        for period in periods[:2]:
            factories.MeasureValueFactory(measure=measure, period=period)
    with CaptureQueriesContext(connection) as large:
        pack_data(period=q2)
    assert len(small.captured_queries) == len(large.captured_queries)
