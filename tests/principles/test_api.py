"""/api/v1/principles/"""

import pytest
from rest_framework.test import APIClient

from principles.models import Principle
from tests import factories
from tests.helpers import csv_rows, query_count, token_client

URL = "/api/v1/principles/"


@pytest.fixture
def principles(db):
    first = factories.PrincipleFactory(number=1, title="Fit for the future", lead_officer="Head of ICT Strategy")
    factories.PrincipleFactory(number=2, title="Data as an asset", strategy=first.strategy)


def test_anonymous_gets_401(principles):
    assert APIClient().get(URL).status_code == 401


def test_lists_principles_in_number_order(principles):
    body = token_client(factories.api_client_user()).get(URL).json()
    assert body["count"] == 2
    assert [(row["number"], row["title"]) for row in body["results"]] == [(1, "Fit for the future"), (2, "Data as an asset")]


@pytest.mark.parametrize(("params", "numbers"), [({"number": "2"}, [2]), ({"q": "ict strategy"}, [1]), ({"q": "data"}, [2])])
def test_filters(principles, params, numbers):
    body = token_client(factories.api_client_user()).get(URL, params).json()
    assert [row["number"] for row in body["results"]] == numbers


def test_bad_number_is_400(principles):
    response = token_client(factories.api_client_user()).get(URL, {"number": "9"})
    assert response.status_code == 400
    assert "number" in response.json()["errors"]


def test_csv_has_the_principle_columns(principles):
    response = token_client(factories.api_client_user()).get(URL, {"format": "csv"})
    assert response["Content-Disposition"] == 'attachment; filename="principles.csv"'
    rows = csv_rows(response)
    assert rows[0] == ["Number", "Title", "Summary", "Rationale", "Benefits", "Deliverables", "Lead officer"]
    assert [row[1] for row in rows[1:]] == ["Fit for the future", "Data as an asset"]


def _principles(count: int, first: int) -> None:
    """`count` principles, seven to a strategy (numbers are unique within one)."""
    strategies = [factories.StrategyFactory(title=f"Strategy {first + n}") for n in range(0, count, 7)]
    Principle.objects.bulk_create(
        Principle(strategy=strategies[n // 7], number=n % 7 + 1, title=f"Principle {n}") for n in range(count)
    )


def test_queries_do_not_grow_with_rows(db):
    client = token_client(factories.api_client_user())
    _principles(14, first=0)
    fourteen = query_count(client, f"{URL}?page_size=500")
    _principles(490, first=100)
    assert Principle.objects.count() == 504
    assert query_count(client, f"{URL}?page_size=500") == fourteen
    assert query_count(client, f"{URL}?format=csv") == query_count(client, f"{URL}?format=csv&number=1")
