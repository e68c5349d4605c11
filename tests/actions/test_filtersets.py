import datetime

import pytest
from django.utils import timezone

from actions.filtersets import ActionFilterSet, ProgressUpdateFilterSet
from actions.models import ActionItem, ProgressUpdate
from actions.selectors import action_queryset
from tests import factories


def refs(params: dict) -> list[str]:
    filterset = ActionFilterSet(params, queryset=action_queryset())
    assert filterset.is_valid(), filterset.errors
    return sorted(filterset.qs.values_list("reference", flat=True))


@pytest.fixture
def plan(db):
    alice = factories.manager(username="alice")
    bob = factories.manager(username="bob")
    p1 = factories.PrincipleFactory(number=1)
    p2 = factories.PrincipleFactory(number=2, strategy=p1.strategy)
    past = timezone.localdate() - datetime.timedelta(days=10)
    future = timezone.localdate() + datetime.timedelta(days=100)
    factories.ActionFactory(reference="P1-01", title="Cloud migration", principle=p1, owner=alice, target_date=future)
    factories.ActionFactory(
        reference="P1-02", title="Device refresh", principle=p1, owner=bob, target_date=past,
        status="off_track", rag="red",
    )
    factories.ActionFactory(
        reference="P2-01", title="Architecture board", principle=p2, owner=alice, target_date=past,
        status="completed", percent_complete=100,
    )
    factories.ActionFactory(
        reference="P2-02", title="Cloud costs", principle=p2, owner=bob, target_date=past,
        revised_target_date=future, status="at_risk", rag="amber",
    )


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({}, ["P1-01", "P1-02", "P2-01", "P2-02"]),
        ({"q": "cloud"}, ["P1-01", "P2-02"]),
        ({"q": "p2-0"}, ["P2-01", "P2-02"]),
        ({"principle": ["2"]}, ["P2-01", "P2-02"]),
        ({"status": ["off_track", "at_risk"]}, ["P1-02", "P2-02"]),
        ({"rag": ["red"]}, ["P1-02"]),
        ({"owner": "alice"}, ["P1-01", "P2-01"]),
        ({"overdue": "true"}, ["P1-02"]),
        ({"overdue": "false"}, ["P1-01", "P2-01", "P2-02"]),
        ({"owner": "bob", "rag": ["amber"]}, ["P2-02"]),
    ],
)
def test_filters(plan, params, expected):
    assert refs(params) == expected


def test_updated_and_not_updated_in_a_period(plan, period):
    action = ActionItem.objects.get(reference="P1-01")
    factories.ProgressUpdateFactory(action=action, period=period, percent_complete=5)
    assert refs({"updated_in": "2024-25-Q2"}) == ["P1-01"]
    assert refs({"not_updated_in": "2024/25 Q2"}) == ["P1-02", "P2-01", "P2-02"]


def test_bad_period_key_is_a_form_error_not_a_crash(plan):
    filterset = ActionFilterSet({"updated_in": "2024-26-Q9"}, queryset=action_queryset())
    assert not filterset.is_valid()
    assert "'2024-26-Q9' is not a" in filterset.errors["updated_in"][0]


def test_unknown_owner_is_a_form_error(plan):
    filterset = ActionFilterSet({"owner": "nobody"}, queryset=action_queryset())
    assert not filterset.is_valid()
    assert "owner" in filterset.errors


def test_ordering(plan):
    filterset = ActionFilterSet({"ordering": "-percent_complete,reference"}, queryset=action_queryset())
    assert [a.reference for a in filterset.qs] == ["P2-01", "P1-01", "P1-02", "P2-02"]


def test_one_period_filter_serves_actions_and_progress_updates(plan):
    q1, q2 = factories.PeriodFactory(key="2024-25-Q1"), factories.PeriodFactory(key="2024-25-Q2")
    now = timezone.now()
    for reference, period in [("P1-01", q1), ("P1-01", q2), ("P1-02", q2)]:
        action = ActionItem.objects.get(reference=reference)
        ProgressUpdate.objects.create(
            action=action, period=period, status=action.status, rag=action.rag, percent_complete=action.percent_complete,
            commentary="Moving.", author=action.owner, created_at=now, updated_at=now,
        )
    assert type(ActionFilterSet.base_filters["updated_in"]) is type(ProgressUpdateFilterSet.base_filters["period"])
    # Each action once, however many updates it has, and "not updated" is exactly the rest.
    assert refs({"updated_in": "2024-25-Q2"}) == ["P1-01", "P1-02"]
    assert refs({"not_updated_in": "2024-25-Q2"}) == ["P2-01", "P2-02"]
    updates = ProgressUpdateFilterSet({"period": "2024/25 Q2"}, queryset=ProgressUpdate.objects.all())
    assert sorted(update.action.reference for update in updates.qs) == ["P1-01", "P1-02"]
