"""Hostile input is a 4xx with a message, never a 500: JSON nested too deep, a NUL byte in an
address, and a "%" (or any other junk) in every filter of every FilterSet, on the pages and in the API."""

import pytest
from django.urls import reverse

from actions.filtersets import ActionFilterSet, ProgressUpdateFilterSet
from core.api.parsers import MAX_JSON_DEPTH, TOO_DEEP, nesting_depth
from periods.filtersets import ReportingPeriodFilterSet
from principles.filtersets import PrincipleFilterSet
from registers.filtersets import BusinessCaseFilterSet, RiskFilterSet
from reporting.filtersets import CommitteeReportFilterSet
from tests import factories
from tests.helpers import token_client


@pytest.fixture
def lead(db):
    factories.StrategyFactory()
    factories.open_period()
    return factories.lead()


def _nested(depth: int) -> str:
    return "[" * depth + "]" * depth


def test_nesting_depth_counts_arrays_and_objects():
    assert [nesting_depth(value) for value in (1, [], {"a": [1, {"b": []}]}, [[[]]])] == [0, 1, 4, 3]


@pytest.mark.parametrize("depth", [MAX_JSON_DEPTH + 1, 1_000, 100_000])
def test_json_nested_too_deep_is_a_400_saying_so(lead, depth):
    response = token_client(lead).post("/api/v1/risks/", _nested(depth), content_type="application/json")
    assert response.status_code == 400
    assert response.json()["detail"] == TOO_DEEP


def test_json_at_the_depth_limit_is_read_and_judged_on_its_fields(lead):
    response = token_client(lead).post("/api/v1/risks/", _nested(MAX_JSON_DEPTH), content_type="application/json")
    assert response.status_code == 400
    assert response.json()["detail"] != TOO_DEEP


@pytest.mark.parametrize("path", ["/actions/%00/", "/risks/%00/", "/business-cases/a%00b/", "/reports/committee/%00/"])
def test_a_nul_byte_in_a_page_address_is_a_404(client, lead, path):
    client.force_login(lead)
    assert client.get(path).status_code == 404


@pytest.mark.parametrize("path", ["/api/v1/risks/%00/", "/api/v1/actions/%00/", "/api/v1/committee-reports/%00/approve/"])
def test_a_nul_byte_in_an_api_address_is_a_404(lead, path):
    response = token_client(lead).get(path)
    assert response.status_code == 404 and response.json()["detail"]


@pytest.mark.parametrize("path", ["/actions/?owner=%00", "/risks/?q=a%00", "/api/v1/actions/?q=%00"])
def test_a_nul_byte_in_a_query_is_a_400(client, lead, path):
    client.force_login(lead)
    response = client.get(path)
    assert response.status_code == 400 and "NUL" in response.content.decode()


# Each FilterSet with the page and the API list it filters.
FILTERED_LISTS = [
    (ActionFilterSet, ["action-list", "/api/v1/actions/"]),
    (ProgressUpdateFilterSet, ["/api/v1/progress-updates/"]),
    (BusinessCaseFilterSet, ["business-case-list", "/api/v1/business-cases/"]),
    (RiskFilterSet, ["risk-list", "/api/v1/risks/"]),
    (CommitteeReportFilterSet, ["committee-report-list", "/api/v1/committee-reports/"]),
    (ReportingPeriodFilterSet, ["/api/v1/periods/"]),
    (PrincipleFilterSet, ["/api/v1/principles/"]),
]
JUNK = ["%", "%s%(x)s%d", "%25", "9" * 40, "2024-25-Q2%", "-1", "\u202e\ufffd", "' OR 1=1 --"]


@pytest.mark.parametrize(("filterset", "lists"), FILTERED_LISTS, ids=[f.__name__ for f, _ in FILTERED_LISTS])
def test_junk_in_any_filter_is_answered_without_a_server_error(client, lead, filterset, lists):
    client.force_login(lead)
    api = token_client(lead)
    failures = []
    for target in lists:
        url = target if target.startswith("/") else reverse(target)
        for name in filterset.base_filters:
            for value in JUNK:
                response = (api if url.startswith("/api/") else client).get(url, {name: value})
                if response.status_code >= 500:
                    failures.append((url, name, value, response.status_code))
    assert not failures
