"""Helpers for REST API tests: a client signed in by token, and query counting for list budgets."""

import csv
import datetime
import io

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from rest_framework.test import APIClient

from core.services import api_token_rotate
from core.financial_year import FinancialQuarter
from periods.models import ReportingPeriod
from tests import factories


def token_client(user) -> APIClient:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {api_token_rotate(user=user).key}")
    return client


def query_count(client: APIClient, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, response.content
    return len(queries)


def open_period() -> ReportingPeriod:
    """The reporting period taking updates today (the quarter containing today)."""
    return factories.PeriodFactory(key=FinancialQuarter.containing(timezone.localdate()).key)


def aware(year: int, month: int, day: int, hour: int = 12) -> datetime.datetime:
    return datetime.datetime(year, month, day, hour, tzinfo=datetime.UTC)


def csv_rows(response) -> list[list[str]]:
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
