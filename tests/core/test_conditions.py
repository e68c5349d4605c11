"""core.conditions.holds: a Q rule answered for one instance, as SQL's filter() would answer it."""

import datetime
from types import SimpleNamespace

import pytest
from django.db.models import F, Q

from core.conditions import holds

DAY = datetime.date(2024, 10, 1)


@pytest.mark.parametrize(
    "rule, row, expected",
    [
        (Q(n=1), {"n": 1}, True),
        (Q(n__lt=2) & Q(n__gte=1), {"n": 1}, True),
        (Q(n__gt=1) | Q(n__lte=0), {"n": 1}, False),
        (Q(n__in={1, 2}), {"n": 3}, False),
        (~Q(n__in={1, 2}), {"n": 3}, True),
        (Q(n__isnull=True), {"n": None}, True),
        (Q(n=None), {"n": None}, True),
        # A comparison with NULL is unknown: neither it nor its negation holds.
        (Q(n__lt=DAY), {"n": None}, False),
        (~Q(n__lt=DAY), {"n": None}, False),
        # Unknown OR true is true; unknown AND false is false.
        (Q(n__lt=DAY) | Q(m=1), {"n": None, "m": 1}, True),
        (~(Q(n__lt=DAY) & Q(m=2)), {"n": None, "m": 1}, True),
    ],
)
def test_rules_follow_sql(rule, row, expected):
    assert holds(rule, SimpleNamespace(**row)) is expected


def test_values_given_replace_the_instances_own():
    assert holds(Q(status="completed"), SimpleNamespace(status="on_track"), status="completed")


@pytest.mark.parametrize("rule", [Q(owner__username="lead"), Q(n__contains="x"), Q(F("n")), Q(n=1) ^ Q(m=1)])
def test_what_sql_alone_could_answer_is_refused(rule):
    with pytest.raises(ValueError):
        holds(rule, SimpleNamespace(n=1, m=1, owner=SimpleNamespace(username="lead")))
