"""The database itself refuses bad reporting periods, even when code bypasses validation."""

import datetime

import pytest

from periods.models import ReportingPeriod
from tests.helpers import refused


def test_one_reporting_period_per_quarter(period):
    refused(
        lambda: ReportingPeriod.objects.create(
            financial_year=2024, quarter=2, start_date=datetime.date(2024, 7, 1),
            end_date=datetime.date(2024, 9, 30), update_deadline=datetime.date(2024, 10, 21),
        )
    )


@pytest.mark.parametrize(
    "changes",
    [{"quarter": 5}, {"quarter": 0}, {"end_date": datetime.date(2024, 6, 1)}, {"update_deadline": datetime.date(2024, 9, 1)}],
)
def test_reporting_period_dates_are_coherent(period, changes):
    refused(lambda: ReportingPeriod.objects.filter(pk=period.pk).update(**changes))
