"""One overdue rule (actions.models.overdue_on) for filters, the API, pages and packs."""

import datetime
from itertools import product

import pytest
from django.utils import timezone

from actions.api.serializers import ActionSerializer
from actions.choices import Status
from actions.filtersets import ActionFilterSet
from actions.models import ActionItem, overdue_on
from actions.selectors import action_queryset, plan_now
from principles.models import Principle
from tests import factories

TODAY = datetime.date(2025, 6, 15)
DAY = datetime.timedelta(days=1)
DATES = [TODAY - DAY, TODAY, TODAY + DAY]


@pytest.fixture
def actions(db):
    """Every status against due dates either side of today, with and without a revised date."""
    principle = factories.PrincipleFactory(number=1)
    made = []
    for index, (status, target, revised) in enumerate(product(Status, DATES, [None, *DATES])):
        done = status == Status.COMPLETED
        made.append(
            factories.ActionFactory(
                reference=f"P1-{index + 100:03d}", principle=principle, status=status, target_date=target,
                start_date=target - 10 * DAY, revised_target_date=revised,
                percent_complete=100 if done else 10, rag="green",
            )
        )
    return made


def test_the_query_and_the_method_agree(actions):
    for day in DATES:
        by_query = set(ActionItem.objects.filter(overdue_on(day)))
        assert by_query == {a for a in actions if a.is_overdue(day)}, day
        assert set(ActionItem.objects.exclude(overdue_on(day))) == set(actions) - by_query


def test_the_revised_date_replaces_the_target_and_closed_actions_are_never_overdue(actions):
    late_but_revised = next(a for a in actions if a.status == Status.ON_TRACK and a.target_date < TODAY and a.revised_target_date == TODAY)
    assert not late_but_revised.is_overdue(TODAY) and late_but_revised.is_overdue(TODAY + DAY)
    assert not any(a.is_overdue(TODAY + 10 * DAY) for a in actions if a.status in (Status.COMPLETED, Status.CANCELLED))
    # As at an earlier update, the status of that update counts, not the action's own.
    assert late_but_revised.is_overdue(TODAY + DAY, status=Status.AT_RISK)
    assert not late_but_revised.is_overdue(TODAY + DAY, status=Status.COMPLETED)


def test_filter_api_and_dashboard_states_use_the_same_rule(actions, monkeypatch):
    monkeypatch.setattr(timezone, "localdate", lambda *args, **kwargs: TODAY)
    expected = {a.reference for a in actions if a.is_overdue(TODAY)}
    assert expected  # the fixture has overdue and not overdue actions
    assert {a.reference for a in ActionFilterSet({"overdue": "true"}, queryset=action_queryset()).qs} == expected
    assert {row["reference"] for row in ActionSerializer(actions, many=True).data if row["overdue"]} == expected
    assert plan_now(principles=list(Principle.objects.all()), period=None).overall.overdue == len(expected)
