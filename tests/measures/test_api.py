"""/api/v1/measures/ and /api/v1/measures/{reference}/values/."""

from decimal import Decimal

import pytest

from measures.exports import MEASURE_VALUE_COLUMNS
from measures.models import Measure, MeasureValue
from tests import factories
from tests.helpers import aware, csv_rows, query_count, results, token_client

MEASURES = "/api/v1/measures/"


@pytest.fixture
def plan(owner):
    period = factories.open_period()
    p1 = factories.PrincipleFactory(number=1)
    measure = factories.MeasureFactory(reference="KPI-01", principle=p1, owner=owner)
    other = factories.MeasureFactory(reference="KPI-02", principle=factories.PrincipleFactory(number=2, strategy=p1.strategy))
    factories.MeasureValueFactory(measure=other, period=period, target=Decimal(95), actual=Decimal(92), rag="red")
    return {"period": period, "measure": measure}


@pytest.mark.parametrize("role", [factories.lead, factories.manager, factories.committee_member, factories.api_client_user])
def test_every_role_reads_measures_with_the_quarters_rag_and_reason(plan, role):
    response = token_client(role()).get(MEASURES)
    assert results(response, "reference") == ["KPI-01", "KPI-02"]
    row = response.json()["results"][1]
    assert (row["period"], row["target"], row["actual"], row["rag"]) == (plan["period"].key, 95, 92, "red")
    assert row["rag_reason"] == "3.0 points below the target of 95.0%, beyond the tolerance of 2.0 points"
    assert response.json()["results"][0]["rag"] == "awaiting"


def test_filters_and_csv(plan):
    client = token_client(factories.api_client_user())
    assert results(client.get(MEASURES, {"rag": "red"}), "reference") == ["KPI-02"]
    assert results(client.get(MEASURES, {"principle": 1, "owner": "owner"}), "reference") == ["KPI-01"]
    bad = client.get(MEASURES, {"rag": "blue"})
    assert bad.status_code == 400 and "rag" in bad.json()["errors"]
    header, *rows = csv_rows(client.get(MEASURES, {"format": "csv"}))
    assert "Data owner username" in header and [row[0] for row in rows] == ["KPI-01", "KPI-02"]


def test_detail_carries_the_version_as_etag_and_unknown_is_404(plan):
    client = token_client(factories.api_client_user())
    assert client.get(f"{MEASURES}KPI-01/")["ETag"] == '"1"'
    assert client.get(f"{MEASURES}NOPE/").status_code == 404


def test_owner_enters_figures_then_amends_them(plan, owner):
    client = token_client(owner)
    response = client.post(f"{MEASURES}KPI-01/values/", {"target": "95", "actual": "96.5"}, format="json", HTTP_IF_MATCH='"1"')
    assert response.status_code == 201, response.content
    assert response["ETag"] == '"2"'
    body = response.json()
    assert (body["period"], body["rag"], body["entered_by"]) == (plan["period"].key, "green", "owner")
    assert body["rag_reason"] == "1.5 points above the target of 95.0%"

    amended = client.post(
        f"{MEASURES}KPI-01/values/", {"target": "95", "actual": "94", "commentary": "Outage.", "expected_version": 2}, format="json"
    )
    assert amended.status_code == 200, amended.content
    assert MeasureValue.objects.get(measure__reference="KPI-01").rag == "amber"


@pytest.mark.parametrize("role", [factories.manager, factories.committee_member, factories.api_client_user])
def test_others_may_not_enter_figures(plan, role):
    response = token_client(role()).post(f"{MEASURES}KPI-01/values/", {"target": "95", "actual": "96"}, format="json", HTTP_IF_MATCH='"1"')
    assert response.status_code == 403
    assert not MeasureValue.objects.filter(measure__reference="KPI-01").exists()


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"actual": "96"}, "target"),
        ({"target": "lots"}, "target"),
        ({"target": "1e40"}, "target"),
        ({"target": "95", "actual": "1.23456"}, "actual"),
        ({"target": "95", "actual": "80"}, "commentary"),
        ({"target": "95", "commentary": "x" * 5001}, "commentary"),
        ({"target": "95", "period": "2024-25-Q9"}, "period"),
        ({"target": "95", "rag": "green"}, "rag"),
    ],
)
def test_bad_figures_are_400_with_the_field_named(plan, owner, body, field):
    response = token_client(owner).post(f"{MEASURES}KPI-01/values/", body, format="json", HTTP_IF_MATCH='"1"')
    assert response.status_code == 400, response.content
    assert field in response.json()["errors"]


def test_missing_or_stale_version_is_refused(plan, owner):
    Measure.objects.filter(reference="KPI-01").update(version=4, last_updated_by=owner, last_updated_at=aware(2024, 7, 2))
    client = token_client(owner)
    missing = client.post(f"{MEASURES}KPI-01/values/", {"target": "95"}, format="json")
    assert missing.status_code == 400 and "expected_version" in missing.json()["errors"]
    for response in (
        client.post(f"{MEASURES}KPI-01/values/", {"target": "95"}, format="json", HTTP_IF_MATCH='"3"'),
        client.post(f"{MEASURES}KPI-01/values/", {"target": "95", "expected_version": 3}, format="json"),
    ):
        assert response.status_code == 412
        assert (response.json()["current_version"], response.json()["changed_by"]) == (4, "owner")
    assert not MeasureValue.objects.filter(measure__reference="KPI-01").exists()


def test_values_list_and_csv(plan, periods):
    measure = plan["measure"]
    for period, actual in zip(periods[:2], ("90", "97"), strict=True):
        factories.MeasureValueFactory(measure=measure, period=period, actual=Decimal(actual), rag="red" if actual == "90" else "green")
    client = token_client(factories.api_client_user())
    response = client.get(f"{MEASURES}KPI-01/values/")
    assert response["ETag"] == '"1"'
    assert [(row["period"], row["rag"]) for row in response.json()["results"]] == [("2024-25-Q1", "red"), ("2024-25-Q2", "green")]
    header, *rows = csv_rows(client.get(f"{MEASURES}KPI-01/values/", {"format": "csv"}))
    assert header == [column.header for column in MEASURE_VALUE_COLUMNS]
    assert [row[1] for row in rows] == ["2024/25 Q1", "2024/25 Q2"]


@pytest.mark.parametrize("path", ["", "KPI-000/values/"])
def test_queries_do_not_grow_with_measures_or_values(db, path):
    principle = factories.PrincipleFactory(number=1)
    periods = [factories.PeriodFactory(key=key) for key in ("2024-25-Q1", "2024-25-Q2", "2024-25-Q3", "2024-25-Q4")]
    client = token_client(factories.api_client_user())

    def add(first, count, quarters):
        for n in range(first, first + count):
            measure = factories.MeasureFactory(reference=f"KPI-{n:03d}", principle=principle)
            for period in quarters:
                factories.MeasureValueFactory(measure=measure, period=period)

    add(0, 3, periods[:1])
    few = query_count(client, f"{MEASURES}{path}")
    for measure in Measure.objects.all():
        for period in periods[1:]:
            factories.MeasureValueFactory(measure=measure, period=period)
    add(3, 30, periods)
    assert query_count(client, f"{MEASURES}{path}") == few


def test_period_chooses_the_quarter_whose_figures_are_shown(plan, periods):
    factories.MeasureValueFactory(measure=plan["measure"], period=periods[1], target=Decimal(95), actual=Decimal(97))
    client = token_client(factories.api_client_user())
    row = client.get(MEASURES, {"period": "2024-25-Q2", "rag": "green"}).json()["results"]
    assert [(r["reference"], r["period"], r["actual"]) for r in row] == [("KPI-01", "2024-25-Q2", 97)]
    # A quarter with no figures, long closed: nothing was reported.
    assert results(client.get(MEASURES, {"period": "2024-25-Q1"}), "rag") == ["not_reported", "not_reported"]
    bad = client.get(MEASURES, {"period": "2024-25-Q9"})
    assert bad.status_code == 400 and "period" in bad.json()["errors"]
