"""The API's summary and its history count measures by RAG; a later quarter's figures never change a past one's."""

import datetime
from zoneinfo import ZoneInfo
from decimal import Decimal

import pytest

from measures.services import measure_value_record
from tests import factories
from tests.helpers import query_count, token_client

SUMMARY = "/api/v1/summary/"


@pytest.fixture
def measures(owner, periods):
    q1, q2, q3, _ = periods
    p1 = factories.PrincipleFactory(number=1)
    p2 = factories.PrincipleFactory(number=2, strategy=p1.strategy)
    fix = factories.MeasureFactory(reference="KPI-01", principle=p1, owner=owner)
    patch = factories.MeasureFactory(reference="KPI-02", principle=p1, owner=owner)
    saving = factories.MeasureFactory(reference="KPI-03", principle=p2, owner=owner)
    factories.MeasureValueFactory(measure=fix, period=q2, actual=Decimal(96), rag="green")
    factories.MeasureValueFactory(measure=patch, period=q2, actual=Decimal(94), rag="amber")
    factories.MeasureValueFactory(measure=saving, period=q2, actual=Decimal(80), rag="red")
    return {"fix": fix, "periods": periods}


def test_summary_counts_measures_by_rag_overall_and_per_principle(measures):
    body = token_client(factories.api_client_user()).get(SUMMARY, {"period": "2024-25-Q2"}).json()
    assert {k: v for k, v in body["measures"].items() if v} == {"green": 1, "amber": 1, "red": 1}
    assert [(row["number"], row["counts"]["red"], row["counts"]["amber"]) for row in body["measures_by_principle"]] == [(1, 0, 1), (2, 1, 0)]
    # 2024/25 Q1 closed long ago with no figures: every measure was not reported, none green.
    q1 = token_client(factories.api_client_user()).get(SUMMARY, {"period": "2024-25-Q1"}).json()["measures"]
    assert (q1["not_reported"], q1["green"]) == (3, 0)


def test_a_later_quarters_figures_never_change_a_past_quarters_summary(measures, owner):
    client = token_client(factories.api_client_user())
    before = client.get(SUMMARY, {"period": "2024-25-Q2"}).json()["measures"]
    history_before = client.get(f"{SUMMARY}history/").json()
    q3 = measures["periods"][2]
    fix = measures["fix"]
    # Entered in Q3's window: the measure falls to red in Q3.
    measure_value_record(
        measure=fix, user=owner, period=q3, target=Decimal(95), actual=Decimal(80), commentary="Outage.",
        expected_version=fix.version, recorded_at=datetime.datetime(2025, 1, 10, 10, tzinfo=ZoneInfo("Europe/London")),
    )
    assert client.get(SUMMARY, {"period": "2024-25-Q2"}).json()["measures"] == before
    history_after = client.get(f"{SUMMARY}history/").json()
    q2_before = next(s for s in history_before if s["period"]["key"] == "2024-25-Q2")
    q2_after = next(s for s in history_after if s["period"]["key"] == "2024-25-Q2")
    assert q2_after["measures"] == q2_before["measures"]
    assert next(s for s in history_after if s["period"]["key"] == "2024-25-Q3")["measures"]["red"] == 1


def test_summary_queries_do_not_grow_with_measures(measures):
    client = token_client(factories.api_client_user())
    few = query_count(client, f"{SUMMARY}?period=2024-25-Q2")
    principle = factories.PrincipleFactory(number=3, strategy=measures["fix"].principle.strategy)
    for n in range(20):
        measure = factories.MeasureFactory(reference=f"M-{n:02d}", principle=principle)
        factories.MeasureValueFactory(measure=measure, period=measures["periods"][1])
    assert query_count(client, f"{SUMMARY}?period=2024-25-Q2") == few
