"""Pages cost the same number of queries with 10 actions as with 200."""

import datetime

import pytest
from django.urls import reverse

from actions.models import ActionItem
from tests import factories
from tests.helpers import query_count


def add_actions(count: int, *, owner, delegate, principles, period, risk, business_case):
    """`count` more actions spread over the principles, each with a delegate, a risk and an update."""
    start = ActionItem.objects.count()
    for n in range(start, start + count):
        principle = principles[n % len(principles)]
        action = factories.ActionFactory(
            reference=f"P{principle.number}-{n:03d}", principle=principle, owner=owner, delegates=[delegate],
            business_case=business_case, target_date=datetime.date(2024 + n % 5, 3, 31),
            rag=["green", "amber", "red"][n % 3], status=["on_track", "at_risk", "off_track"][n % 3],
        )
        action.risks.add(risk)
        if n % 2:
            factories.ProgressUpdateFactory(action=action, period=period, status=action.status, rag=action.rag, commentary="Reported.")


@pytest.mark.parametrize("url", [
    reverse("dashboard"), reverse("action-list"), reverse("my-actions"), reverse("action-detail", args=["P1-000"]),
    reverse("principle-list"), reverse("principle-detail", args=[1]),
])
def test_query_count_does_not_grow_with_the_number_of_actions(client, owner, url):
    period = factories.open_period()
    delegate = factories.manager(username="delegate")
    first = factories.PrincipleFactory(number=1)
    principles = [first] + [factories.PrincipleFactory(number=n, strategy=first.strategy) for n in range(2, 8)]
    setup = {
        "owner": owner, "delegate": delegate, "principles": principles, "period": period,
        "risk": factories.RiskFactory(), "business_case": factories.BusinessCaseFactory(),
    }
    client.force_login(owner)
    add_actions(10, **setup)
    with_10 = query_count(client, url)
    add_actions(190, **setup)
    assert ActionItem.objects.count() == 200
    assert query_count(client, url) == with_10
