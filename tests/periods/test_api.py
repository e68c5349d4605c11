"""/api/v1/periods/"""

import pytest

from core.financial_year import FinancialQuarter
from periods.models import ReportingPeriod
from tests import factories
from tests.helpers import query_count, results, token_client

PERIODS = "/api/v1/periods/"


def test_periods_list(periods):
    response = token_client(factories.api_client_user()).get(PERIODS)
    assert results(response, "key") == ["2024-25-Q1", "2024-25-Q2", "2024-25-Q3", "2025-26-Q1"]
    first = response.json()["results"][0]
    assert (first["label"], first["start_date"], first["end_date"], first["is_open"]) == (
        "2024/25 Q1", "2024-04-01", "2024-06-30", False,
    )


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"financial_year": "2024"}, ["2024-25-Q1", "2024-25-Q2", "2024-25-Q3"]),
        ({"quarter": "1"}, ["2024-25-Q1", "2025-26-Q1"]),
        ({"financial_year": "2025", "quarter": "1"}, ["2025-26-Q1"]),
    ],
)
def test_periods_filters(periods, params, expected):
    assert results(token_client(factories.api_client_user()).get(PERIODS, params), "key") == expected


def test_periods_open_filter(periods):
    current = factories.open_period()
    client = token_client(factories.api_client_user())
    assert results(client.get(PERIODS, {"is_open": "true"}), "key") == [current.key]
    assert current.key not in results(client.get(PERIODS, {"is_open": "false"}), "key")


@pytest.mark.parametrize("params", [{"financial_year": "99999999999999999999"}, {"financial_year": "2024.5"}, {"quarter": "5"}])
def test_bad_period_filters_are_400(periods, params):
    response = token_client(factories.api_client_user()).get(PERIODS, params)
    assert response.status_code == 400
    assert set(params) <= set(response.json()["errors"])


def test_periods_csv(periods):
    response = token_client(factories.api_client_user()).get(PERIODS, {"format": "csv", "quarter": "2"})
    lines = response.content.decode("utf-8-sig").splitlines()
    assert lines[0].startswith("Period,Period key,Financial year,Quarter,Start date")
    assert lines[1].startswith("2024/25 Q2,2024-25-Q2,2024/25,2,2024-07-01")


def test_periods_queries_do_not_grow_with_rows(db):
    client = token_client(factories.api_client_user())

    def add(years):
        ReportingPeriod.objects.bulk_create(
            ReportingPeriod(
                financial_year=year, quarter=q, start_date=fq.start_date, end_date=fq.end_date,
                update_deadline=fq.update_deadline(),
            )
            for year in years
            for q in range(1, 5)
            if (fq := FinancialQuarter(year, q))
        )

    add(range(2000, 2003))
    twelve = query_count(client, f"{PERIODS}?page_size=500")
    add(range(2003, 2125))
    assert ReportingPeriod.objects.count() == 500
    assert query_count(client, f"{PERIODS}?page_size=500") == twelve
