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
