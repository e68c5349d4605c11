"""/api/v1/summary/history/ and the summary as CSV, against figures worked out by hand."""

import datetime

import pytest
from rest_framework.test import APIClient

from tests import factories
from tests.helpers import csv_rows, query_count, token_client

SUMMARY = "/api/v1/summary/"
HISTORY = "/api/v1/summary/history/"
FAR = datetime.date(2027, 3, 31)


@pytest.fixture
def plan(periods):
    """Four actions over 2024/25 Q1-Q3 (the `periods` fixture also has 2025/26 Q1, with no updates).

    Updates:
      P1-01 (due 31/3/2027)  Q1 on track, green, 20%   Q2 at risk, amber, 40%   Q3 completed, green, 100%
      P1-02 (due 30/6/2024)  Q1 off track, red, 30%   Q2 cancelled, rated amber, 30%
      P2-01 (due 31/8/2024)  -                        Q2 on track, green, 60%
      P2-02 (due 31/3/2027)  Q1 at risk, amber, 10%                            Q3 off track, red, 25%

    Completed and cancelled actions count under their status only: not in RAG, not in the average.

    As at 30 June 2024 (Q1): P2-01 has no update (not started, green, 0%); P1-02 is due that very
      day, so not yet overdue.
      P1  2 actions, on track 1, off track 1; open 2: red 1, green 1; average (20 + 30) / 2 = 25.0; overdue 0
      P2  2 actions, not started 1, at risk 1; open 2: amber 1, green 1; average (0 + 10) / 2 = 5.0; overdue 0
      All 4 actions; open 4: red 1, amber 1, green 2; average 60 / 4 = 15.0; overdue 0
    As at 30 September 2024 (Q2): P1-02 cancelled (its amber not counted); P2-01 past due: overdue.
      P1  at risk 1, cancelled 1; open 1: amber 1; average 40.0; overdue 0
      P2  on track 1, at risk 1 (P2-02's Q1 update); open 2: amber 1, green 1; average (60 + 10) / 2 = 35.0; overdue 1
      All open 3: amber 2, green 1; average 110 / 3 = 36.7; overdue 1
    As at 31 December 2024 (Q3), and unchanged at 30 June 2025 (2025/26 Q1):
      P1  completed 1, cancelled 1; open 0: no RAG, no average (null); overdue 0
      P2  on track 1, off track 1; open 2: red 1, green 1; average (60 + 25) / 2 = 42.5; overdue 1
      All open 2: red 1, green 1; average 42.5; overdue 1
    """
    q1, q2, q3, _ = periods
    owner = factories.manager(username="dwhitfield", first_name="Daniel", last_name="Whitfield")
    p1 = factories.PrincipleFactory(number=1, title="First")
    p2 = factories.PrincipleFactory(number=2, title="Second", strategy=p1.strategy)
    actions = {
        "P1-01": factories.ActionFactory(reference="P1-01", principle=p1, owner=owner, target_date=FAR),
        "P1-02": factories.ActionFactory(reference="P1-02", principle=p1, owner=owner, target_date=datetime.date(2024, 6, 30)),
        "P2-01": factories.ActionFactory(reference="P2-01", principle=p2, owner=owner, target_date=datetime.date(2024, 8, 31)),
        "P2-02": factories.ActionFactory(reference="P2-02", principle=p2, owner=owner, target_date=FAR),
    }
    factories.progress_updates(
        actions,
        (
            ("P1-01", q1, "on_track", "green", 20),
            ("P1-01", q2, "at_risk", "amber", 40),
            ("P1-01", q3, "completed", "green", 100),
            ("P1-02", q1, "off_track", "red", 30),
            ("P1-02", q2, "cancelled", "amber", 30),
            ("P2-01", q2, "on_track", "green", 60),
            ("P2-02", q1, "at_risk", "amber", 10),
            ("P2-02", q3, "off_track", "red", 25),
        ),
        commentary="Reported.",
    )


STATUSES = ("not_started", "on_track", "at_risk", "off_track", "completed", "cancelled")


def figures(total, statuses: dict, open_, rag: tuple, average, overdue) -> dict:
    return {
        "total": total,
        "by_status": dict.fromkeys(STATUSES, 0) | statuses,
        "open": open_,
        "by_rag": dict(zip(("red", "amber", "green"), rag, strict=True)),
        "average_percent": average,
        "overdue": overdue,
    }


Q3_FIGURES = (
    figures(2, {"completed": 1, "cancelled": 1}, 0, (0, 0, 0), None, 0),
    figures(2, {"on_track": 1, "off_track": 1}, 2, (1, 0, 1), 42.5, 1),
    figures(4, {"on_track": 1, "off_track": 1, "completed": 1, "cancelled": 1}, 2, (1, 0, 1), 42.5, 1),
)
# Per period key: principle 1, principle 2, all principles.
BY_HAND = {
    "2024-25-Q1": (
        figures(2, {"on_track": 1, "off_track": 1}, 2, (1, 0, 1), 25.0, 0),
        figures(2, {"not_started": 1, "at_risk": 1}, 2, (0, 1, 1), 5.0, 0),
        figures(4, {"not_started": 1, "on_track": 1, "at_risk": 1, "off_track": 1}, 4, (1, 1, 2), 15.0, 0),
    ),
    "2024-25-Q2": (
        figures(2, {"at_risk": 1, "cancelled": 1}, 1, (0, 1, 0), 40.0, 0),
        figures(2, {"on_track": 1, "at_risk": 1}, 2, (0, 1, 1), 35.0, 1),
        figures(4, {"on_track": 1, "at_risk": 2, "cancelled": 1}, 3, (0, 2, 1), 36.7, 1),
    ),
    "2024-25-Q3": Q3_FIGURES,
    "2025-26-Q1": Q3_FIGURES,
}
END_DATES = {"2024-25-Q1": "2024-06-30", "2024-25-Q2": "2024-09-30", "2024-25-Q3": "2024-12-31", "2025-26-Q1": "2025-06-30"}


def test_history_gives_every_periods_figures_as_worked_out_by_hand(plan):
    response = token_client(factories.api_client_user()).get(HISTORY)
    assert response.status_code == 200
    body = response.json()
    assert [entry["period"]["key"] for entry in body] == list(BY_HAND)
    for entry in body:
        key = entry["period"]["key"]
        first, second, overall = BY_HAND[key]
        assert entry["as_at"] == END_DATES[key]
        assert [(p["number"], p["title"]) for p in entry["principles"]] == [(1, "First"), (2, "Second")]
        assert [{k: v for k, v in p.items() if k not in ("number", "title")} for p in entry["principles"]] == [first, second], key
        assert entry["overall"] == overall, key


def test_each_period_in_the_history_is_that_periods_summary(plan):
    client = token_client(factories.api_client_user())
    for entry in client.get(HISTORY).json():
        assert client.get(SUMMARY, {"period": entry["period"]["key"]}).json() == entry


def test_history_as_csv_is_one_row_per_period_and_principle_plus_all_principles(plan):
    response = token_client(factories.api_client_user()).get(HISTORY, {"format": "csv"})
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="summary-history.csv"'
    header, *rows = csv_rows(response)
    assert header == [
        "Period", "Period key", "As at", "Principle", "Principle title", "Actions",
        "Not started", "On track", "At risk", "Off track", "Completed", "Cancelled",
        "Open", "Red", "Amber", "Green", "Average complete of open", "Overdue",
    ]
    assert len(rows) == 4 * 3
    q2 = [row for row in rows if row[1] == "2024-25-Q2"]
    assert q2 == [
        ["2024/25 Q2", "2024-25-Q2", "2024-09-30", "1", "First", "2", "0", "0", "1", "0", "0", "1", "1", "0", "1", "0", "40.0", "0"],
        ["2024/25 Q2", "2024-25-Q2", "2024-09-30", "2", "Second", "2", "0", "1", "1", "0", "0", "0", "2", "0", "1", "1", "35.0", "1"],
        ["2024/25 Q2", "2024-25-Q2", "2024-09-30", "", "All principles", "4", "0", "1", "2", "0", "0", "1", "3", "0", "2", "1", "36.7", "1"],
    ]
    # Principle 1 at the end of Q3: both actions closed, so nothing to average.
    q3_first = next(row for row in rows if row[1] == "2024-25-Q3" and row[3] == "1")
    assert q3_first[5:] == ["2", "0", "0", "0", "0", "1", "1", "0", "0", "0", "0", "", "0"]


def test_the_summary_answers_csv_by_format_or_accept_header(plan):
    client = token_client(factories.api_client_user())
    by_format = client.get(SUMMARY, {"period": "2024-25-Q1", "format": "csv"})
    by_accept = client.get(SUMMARY, {"period": "2024-25-Q1"}, HTTP_ACCEPT="text/csv")
    assert by_format.status_code == by_accept.status_code == 200
    assert by_format["Content-Disposition"] == 'attachment; filename="summary-2024-25-Q1.csv"'
    assert by_accept.content == by_format.content
    header, *rows = csv_rows(by_format)
    # Principle, title, actions; then open, red, amber, green, average complete of open, overdue.
    assert [row[3:6] + row[12:] for row in rows] == [
        ["1", "First", "2", "2", "1", "0", "1", "25.0", "0"],
        ["2", "Second", "2", "2", "0", "1", "1", "5.0", "0"],
        ["", "All principles", "4", "4", "1", "1", "2", "15.0", "0"],
    ]


def test_a_bad_period_asked_as_csv_is_still_a_400(plan):
    response = token_client(factories.api_client_user()).get(SUMMARY, {"period": "2030-31-Q1", "format": "csv"})
    assert response.status_code == 400
    assert "There is no reporting period 2030-31-Q1." in response.content.decode()


def test_a_quarter_not_yet_begun_is_not_in_the_history(plan):
    factories.PeriodFactory(key="2090-91-Q1")
    body = token_client(factories.api_client_user()).get(HISTORY).json()
    assert "2090-91-Q1" not in [entry["period"]["key"] for entry in body]


@pytest.mark.parametrize(
    "make_user", [factories.lead, factories.manager, factories.committee_member, factories.api_client_user]
)
def test_every_role_with_a_token_reads_the_history(plan, make_user):
    client = token_client(make_user())
    assert client.get(HISTORY).status_code == 200
    assert client.get(HISTORY, {"format": "csv"}).status_code == 200


def test_the_history_is_read_only_and_needs_a_token_and_a_role(plan):
    assert APIClient().get(HISTORY).status_code == 401
    assert token_client(factories.UserFactory()).get(HISTORY).status_code == 403
    assert token_client(factories.lead()).post(HISTORY, {}, format="json").status_code == 405


def test_history_queries_do_not_grow_with_actions(plan):
    client = token_client(factories.api_client_user())
    before = query_count(client, HISTORY)
    factories.ActionFactory.create_batch(50, principle=factories.PrincipleFactory(number=3), owner=factories.manager())
    assert query_count(client, HISTORY) == before


def test_the_schema_offers_json_and_csv_for_the_summary_and_its_history(client):
    schema = client.get("/api/schema/", {"format": "json"}).json()
    for path in (SUMMARY, HISTORY):
        operation = schema["paths"][path]["get"]
        assert {"application/json", "text/csv"} <= set(operation["responses"]["200"]["content"])
        assert "format" in [parameter["name"] for parameter in operation["parameters"]]
