"""/api/v1/summary/"""

import datetime
import re
from decimal import Decimal

import pytest
from django.utils import timezone
from rest_framework.test import APIClient

from actions.models import ActionItem
from actions.selectors import Rollup
from actions.services import progress_record
from periods.models import ReportingPeriod
from reporting.pack_data import pack_data
from reporting.pack_pdf import pack_html
from tests import factories
from tests.helpers import aware, query_count, token_client

SUMMARY = "/api/v1/summary/"


# Summary, checked against figures worked out by hand.


@pytest.fixture
def plan(periods):
    """Five actions; updates before, in and after 2024/25 Q2 (ends 30 September 2024).

    As at the end of Q2:
      P1-01  at risk, amber, 40%  (its Q3 completion comes later and is ignored)
      P1-02  completed, green, 100%  (Q1), due date past but completed: not overdue
      P2-01  no update: not started, green, 0%; due 31 August 2024: overdue
      P2-02  off track, red, 10%
      P2-03  only a Q3 update: not started, green, 0%
    Completed (and cancelled) actions count under their status only, never in RAG or the average:
    Principle 1: 2 actions, 1 open (amber), avg of open 40 / 1 = 40.0, overdue 0
    Principle 2: 3 actions, 3 open (1 red, 2 green), avg (0 + 10 + 0) / 3 = 3.3, overdue 1
    Overall: 5 actions, 4 open (1 red, 1 amber, 2 green), avg 50 / 4 = 12.5, overdue 1
    """
    q1, q2, q3, _ = periods
    owner = factories.manager()
    p1 = factories.PrincipleFactory(number=1, title="First")
    p2 = factories.PrincipleFactory(number=2, title="Second", strategy=p1.strategy)
    far = datetime.date(2027, 3, 31)
    actions = {
        "P1-01": factories.ActionFactory(reference="P1-01", principle=p1, owner=owner, target_date=far),
        "P1-02": factories.ActionFactory(reference="P1-02", principle=p1, owner=owner, target_date=datetime.date(2024, 6, 30)),
        "P2-01": factories.ActionFactory(reference="P2-01", principle=p2, owner=owner, target_date=datetime.date(2024, 8, 31)),
        "P2-02": factories.ActionFactory(reference="P2-02", principle=p2, owner=owner, target_date=far),
        "P2-03": factories.ActionFactory(reference="P2-03", principle=p2, owner=owner, target_date=far),
    }
    factories.progress_updates(
        actions,
        (
            ("P1-01", q1, "on_track", "green", 20),
            ("P1-01", q2, "at_risk", "amber", 40),
            ("P1-01", q3, "completed", "green", 100),
            ("P1-02", q1, "completed", "green", 100),
            ("P2-02", q2, "off_track", "red", 10),
            ("P2-03", q3, "on_track", "green", 50),
        ),
        commentary="Reported.",
        created_at=aware(2024, 7, 1),
    )


def counts(**given) -> dict:
    return {"not_started": 0, "on_track": 0, "at_risk": 0, "off_track": 0, "completed": 0, "cancelled": 0} | given


def test_summary_as_at_a_period_end_matches_hand_computed_figures(plan):
    body = token_client(factories.api_client_user()).get(SUMMARY, {"period": "2024-25-Q2"}).json()
    assert body["period"]["key"] == "2024-25-Q2"
    assert body["as_at"] == "2024-09-30"
    assert body["overall"] == {
        "total": 5,
        "by_status": counts(not_started=2, at_risk=1, off_track=1, completed=1),
        "open": 4,
        "by_rag": {"red": 1, "amber": 1, "green": 2},
        "average_percent": 12.5,
        "overdue": 1,
    }
    first, second = body["principles"]
    assert (first["number"], first["title"], first["total"], first["average_percent"], first["overdue"]) == (1, "First", 2, 40.0, 0)
    assert first["by_status"] == counts(at_risk=1, completed=1)
    assert (first["open"], first["by_rag"]) == (1, {"red": 0, "amber": 1, "green": 0})
    assert (second["number"], second["total"], Decimal(str(second["average_percent"])), second["overdue"]) == (
        2, 3, Decimal("3.3"), 1,
    )
    assert second["by_status"] == counts(not_started=2, off_track=1)
    assert (second["open"], second["by_rag"]) == (3, {"red": 1, "amber": 0, "green": 2})


def test_summary_for_a_later_period_counts_later_updates(plan):
    body = token_client(factories.api_client_user()).get(SUMMARY, {"period": "2024-25-Q3"}).json()
    assert body["overall"]["by_status"] == counts(not_started=1, on_track=1, off_track=1, completed=2)
    # Open: P2-01 0%, P2-02 10% (its Q2 update), P2-03 50%: 60 / 3.
    assert (body["overall"]["open"], body["overall"]["average_percent"]) == (3, 20.0)


def test_summary_defaults_to_the_current_period(plan):
    ReportingPeriod.objects.update(closed_at=timezone.now())
    current = factories.open_period()
    body = token_client(factories.api_client_user()).get(SUMMARY).json()
    assert body["period"]["key"] == current.key
    assert body["as_at"] == current.end_date.isoformat()


@pytest.mark.parametrize(
    ("key", "message"),
    [
        ("2024-25-Q9", "not a valid financial-year quarter"),
        ("Q2", "not a financial-year quarter"),
        ("2030-31-Q1", "There is no reporting period 2030-31-Q1."),
    ],
)
def test_summary_bad_period_is_400_with_a_message(plan, key, message):
    response = token_client(factories.api_client_user()).get(SUMMARY, {"period": key})
    assert response.status_code == 400
    assert message in response.json()["errors"]["period"][0]


def test_summary_without_a_current_period_is_400(plan):
    ReportingPeriod.objects.update(closed_at=timezone.now())
    response = token_client(factories.api_client_user()).get(SUMMARY)
    assert response.status_code == 400
    assert "name one" in response.json()["errors"]["period"][0]


def test_summary_needs_authentication(plan):
    assert APIClient().get(SUMMARY, {"period": "2024-25-Q2"}).status_code == 401


def test_summary_queries_do_not_grow_with_actions(periods):
    client = token_client(factories.api_client_user())
    principle = factories.PrincipleFactory(number=1)
    factories.ActionFactory.create_batch(10, principle=principle)
    ten = query_count(client, f"{SUMMARY}?period=2024-25-Q2")
    factories.ActionFactory.create_batch(490, principle=principle, owner=factories.manager())
    assert query_count(client, f"{SUMMARY}?period=2024-25-Q2") == ten


def test_summary_needs_a_role_that_reads_actions(plan):
    response = token_client(factories.UserFactory()).get(SUMMARY, {"period": "2024-25-Q2"})
    assert response.status_code == 403
    assert "role" in response.json()["detail"]


def test_the_api_summary_and_the_pack_read_the_same_rollups(plan):
    """Both figure the period from one Rollup per principle; the pack's table shows what the API sends."""
    period = ReportingPeriod.objects.get(financial_year=2024, quarter=2)
    body = token_client(factories.api_client_user()).get(SUMMARY, {"period": period.key}).json()
    summary = pack_data(period=period)["summary"]
    for sent, rollup in zip([body["overall"], *body["principles"]], [summary["overall"], *summary["principles"]], strict=True):
        assert isinstance(rollup, Rollup)
        assert sent["by_status"] == {count.key: count.count for count in rollup.status_counts}
        assert sent["by_rag"] == {count.key: count.count for count in rollup.rag_counts}
        assert (sent["total"], sent["open"], Decimal(str(sent["average_percent"])), sent["overdue"]) == (
            rollup.total, rollup.open, rollup.average_percent, rollup.overdue,
        )
    assert [(p["number"], p["title"]) for p in body["principles"]] == [(r.number, r.title) for r in summary["principles"]]
    assert summary["completed"] == body["overall"]["by_status"]["completed"] == 1
    html = pack_html(data=pack_data(period=period))

    def cells(table_class: str) -> list[str]:
        table = html.split(f'<table class="data summary-table {table_class}">')[1].split("</table>")[0]
        return re.findall(r'<td class="num">([^<]*)</td>', table)

    # Principle 2's rows: its statuses and total; its open, red, amber, green, overdue and average of open.
    assert cells("summary-table--status")[7:14] == ["2", "0", "0", "1", "0", "0", "3"]
    assert cells("summary-table--rag")[6:12] == ["3", "1", "0", "2", "1", "3.3%"]


def test_a_cached_summary_changes_after_a_progress_update(plan, lead):
    client = token_client(factories.api_client_user())
    url = f"{SUMMARY}?period=2024-25-Q2"
    computed = query_count(client, url)
    assert query_count(client, url) < computed  # the roll-up's queries are answered from the cache
    before = client.get(url).json()["overall"]
    action = ActionItem.objects.get(reference="P2-01")

    progress_record(
        action=action, user=lead, period=ReportingPeriod.objects.get(financial_year=2024, quarter=2), status="at_risk",
        rag="amber", percent_complete=30, commentary="Started late.", expected_version=action.version, recorded_at=aware(2024, 9, 2),
    )

    after = client.get(url).json()["overall"]
    assert (before["by_status"]["at_risk"], after["by_status"]["at_risk"]) == (1, 2)
    assert (before["by_rag"]["amber"], after["by_rag"]["amber"]) == (1, 2)
    assert after["average_percent"] == 20.0  # of the four open actions: (40 + 30 + 10 + 0) / 4
