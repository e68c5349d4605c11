import datetime
from decimal import Decimal

import pytest
from django.utils import timezone

from actions.models import ActionItem
from actions.selectors import ReportingCoverage, action_states_as_at, plan_now, rollup_by_principle, rollups_as_at
from principles.models import Principle
from tests import factories


@pytest.fixture
def history(periods):
    q1, q2, q3, _ = periods
    p1 = factories.PrincipleFactory(number=1)
    p2 = factories.PrincipleFactory(number=2, strategy=p1.strategy)
    a = factories.ActionFactory(reference="P1-01", principle=p1, target_date=datetime.date(2024, 8, 31))
    b = factories.ActionFactory(reference="P1-02", principle=p1, target_date=datetime.date(2025, 3, 31))
    c = factories.ActionFactory(reference="P2-01", principle=p2, target_date=datetime.date(2025, 3, 31))
    for action, period, status, rag, percent in (
        (a, q1, "on_track", "green", 40),
        (a, q2, "at_risk", "amber", 60),
        (b, q1, "on_track", "green", 10),
        (b, q3, "completed", "green", 100),
        (c, q3, "off_track", "red", 5),
    ):
        factories.ProgressUpdateFactory(action=action, period=period, status=status, rag=rag, percent_complete=percent, commentary="ok")
    return {"q1": q1, "q2": q2, "q3": q3, "principles": [p1, p2]}


def test_state_as_at_a_period_ignores_later_updates(history, django_assert_num_queries):
    with django_assert_num_queries(3):
        states = {s.action.reference: s for s in action_states_as_at(period=history["q2"])}
    assert (states["P1-01"].status, states["P1-01"].percent_complete, states["P1-01"].overdue) == ("at_risk", 60, True)
    assert (states["P1-02"].status, states["P1-02"].update.period.key) == ("on_track", "2024-25-Q1")
    assert (states["P2-01"].status, states["P2-01"].update) == ("not_started", None)


def test_rollup_counts_and_average(history):
    states = action_states_as_at(period=history["q3"])
    per_principle, overall = rollup_by_principle(states=states, principles=history["principles"])
    (p1, first), (p2, second) = per_principle
    # P1-02 is completed: counted under its status only, not in RAG or the average of open work.
    assert first.total == 2 and first.by_status["completed"] == 1 and first.open == 1
    assert first.by_rag == {"red": 0, "amber": 1, "green": 0}
    assert first.average_percent == Decimal("60.0")
    assert first.overdue == 1
    assert second.by_rag["red"] == 1
    assert (overall.total, overall.open) == (3, 2)
    assert overall.average_percent == Decimal("32.5")  # (60 + 5) / 2


def test_a_cancelled_action_rated_amber_counts_as_cancelled_only(history):
    cancelled = factories.ActionFactory(reference="P2-02", principle=history["principles"][1], target_date=datetime.date(2025, 3, 31))
    factories.ProgressUpdateFactory(
        action=cancelled, period=history["q3"], status="cancelled", rag="amber", percent_complete=20, commentary="Stopped."
    )
    per_principle, overall = rollup_by_principle(states=action_states_as_at(period=history["q3"]), principles=history["principles"])
    second = per_principle[1][1]
    assert (second.total, second.by_status["cancelled"], second.open) == (2, 1, 1)
    assert second.by_rag == {"red": 1, "amber": 0, "green": 0}
    assert second.average_percent == Decimal("5.0")
    assert (overall.by_rag["amber"], overall.average_percent) == (1, Decimal("32.5"))


def test_rollups_counted_in_sql_match_the_states_counted_one_by_one(history, periods, django_assert_num_queries):
    for period in periods:
        with django_assert_num_queries(2):
            in_sql = rollups_as_at(period=period, principles=history["principles"])
        one_by_one = rollup_by_principle(states=action_states_as_at(period=period), principles=history["principles"])
        assert in_sql == one_by_one, period.key


def test_the_plan_now_uses_the_action_fields(history, monkeypatch):
    monkeypatch.setattr(timezone, "localdate", lambda *args, **kwargs: datetime.date(2024, 9, 1))
    ActionItem.objects.filter(reference="P1-02").update(status="completed", rag="green", percent_complete=100)
    plan = plan_now(principles=list(Principle.objects.all()), period=history["q3"])
    assert (plan.overall.total, plan.overall.overdue, plan.overall.by_status["completed"]) == (3, 1, 1)
    # The open actions' own percents, not their updates'; P1-02, completed, counts under its status only.
    assert (plan.overall.open, plan.overall.open_percent_sum) == (2, 10 + 10)
    # Updated for Q3: P1-02 (closed in it, so still due) and P2-01; P1-01 is due and not updated.
    assert (plan.coverage.updated, plan.coverage.due) == (2, 3)
    assert [(rollup.total, coverage) for _, rollup, coverage in plan.rows] == [
        (2, ReportingCoverage(updated=1, due=2)), (1, ReportingCoverage(updated=1, due=1)),
    ]


def test_a_running_quarter_counts_overdue_as_at_today_not_its_end(db):
    today = timezone.localdate()
    period = factories.open_period()
    factories.ActionFactory(reference="P1-09", start_date=today - datetime.timedelta(days=400), target_date=today)

    (state,) = action_states_as_at(period=period)

    # Due today: not overdue yet, although the quarter's end is (usually) still to come.
    assert state.overdue is False
