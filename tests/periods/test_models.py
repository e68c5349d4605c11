"""One rule for "taking updates" and one for "closed": queryset, filter, selector and instance agree."""

import datetime

import pytest
from django.utils import timezone

from periods.filtersets import ReportingPeriodFilterSet
from periods.models import ReportingPeriod, closed_on, taking_updates_on
from periods.selectors import period_current
from tests import factories


@pytest.fixture
def periods(db):
    q1 = factories.PeriodFactory(key="2024-25-Q1")
    q2 = factories.PeriodFactory(key="2024-25-Q2")
    q3 = factories.PeriodFactory(key="2024-25-Q3", closed_at=timezone.now())
    return [q1, q2, q3]


def _days(periods):
    """Every boundary of every period, and the days either side of it."""
    edges = {day for p in periods for day in (p.start_date, p.end_date, p.update_deadline)}
    return sorted({edge + datetime.timedelta(days=step) for edge in edges for step in (-1, 0, 1)})


def test_taking_updates_queryset_and_is_open_agree_on_every_boundary(periods):
    for day in _days(periods):
        by_query = set(ReportingPeriod.objects.taking_updates(on=day))
        assert by_query == {p for p in periods if p.is_open(day)}, day
        assert by_query == set(ReportingPeriod.objects.filter(taking_updates_on(day)))


def test_closed_queryset_and_is_closed_agree_on_every_boundary(periods):
    for day in _days(periods):
        by_query = set(ReportingPeriod.objects.closed(on=day))
        assert by_query == {p for p in periods if p.is_closed(day)}, day
        assert by_query == set(ReportingPeriod.objects.filter(closed_on(day)))


def test_the_deadline_is_the_last_day_and_a_closed_period_takes_nothing(periods):
    q1, q2, q3 = periods
    assert q1.is_open(q1.update_deadline) and not q1.is_open(q1.update_deadline + datetime.timedelta(days=1))
    assert not q1.is_open(q1.start_date - datetime.timedelta(days=1))
    assert not q3.is_open(q3.start_date) and q3.is_closed(q3.start_date)


def test_current_period_and_the_is_open_filter_use_the_same_rule(periods, monkeypatch):
    q1, q2, _ = periods
    in_both_windows = q2.start_date + datetime.timedelta(days=2)
    assert q1.is_open(in_both_windows) and q2.is_open(in_both_windows)
    assert period_current(on=in_both_windows) == q1  # the finished quarter first
    monkeypatch.setattr(timezone, "localdate", lambda *args, **kwargs: in_both_windows)
    assert set(ReportingPeriodFilterSet({"is_open": "true"}, queryset=ReportingPeriod.objects.all()).qs) == {q1, q2}
    assert list(ReportingPeriodFilterSet({"is_open": "false"}, queryset=ReportingPeriod.objects.all()).qs) == [periods[2]]
