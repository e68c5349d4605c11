"""Reads of reporting periods that pages, the API and packs share."""

import datetime

from django.utils import timezone

from core.financial_year import FinancialQuarter

from .models import ReportingPeriod


def period_current(*, on: datetime.date | None = None) -> ReportingPeriod | None:
    """The period an update made on `on` belongs to: the earliest one still open.

    Early in a quarter two periods are open (the one just ended is in its grace window);
    managers report on the finished quarter first.
    """
    return ReportingPeriod.objects.taking_updates(on=on or timezone.localdate()).order_by("start_date").first()


def period_get_by_key(*, key: str) -> ReportingPeriod:
    """Raises PeriodKeyError for a malformed key and ReportingPeriod.DoesNotExist for an unknown one."""
    quarter = FinancialQuarter.parse(key)
    return ReportingPeriod.objects.get(financial_year=quarter.start_year, quarter=quarter.quarter)


def period_latest_begun(*, on: datetime.date | None = None) -> ReportingPeriod | None:
    """The period taking updates on `on`, else the latest that has started by then."""
    on = on or timezone.localdate()
    return period_current(on=on) or ReportingPeriod.objects.filter(start_date__lte=on).order_by("-start_date").first()


def period_of(*, quarter: FinancialQuarter) -> ReportingPeriod | None:
    return ReportingPeriod.objects.filter(financial_year=quarter.start_year, quarter=quarter.quarter).first()


def periods_compared(*, on: datetime.date | None = None) -> tuple[ReportingPeriod, ReportingPeriod] | None:
    """The quarter whose change "since last quarter" the dashboard shows, and the quarter before it.

    That is the quarter taking updates (else the latest that has started), so early in a
    quarter it is the one just ended; None when it or the quarter before has no period.
    """
    period = period_latest_begun(on=on)
    previous = period_previous(period=period) if period else None
    return (period, previous) if previous else None


def period_previous(*, period: ReportingPeriod) -> ReportingPeriod | None:
    """The reporting period of the quarter before `period`'s, which "since last quarter" compares with."""
    quarter = period.financial_quarter.previous()
    return ReportingPeriod.objects.filter(financial_year=quarter.start_year, quarter=quarter.quarter).first()
