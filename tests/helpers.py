"""Helpers shared by the test modules: signed-in clients, query budgets, downloads read back."""

import csv
import datetime
import io
import subprocess

import pytest
from django.db import IntegrityError, connection, transaction
from django.test.utils import CaptureQueriesContext
from openpyxl import load_workbook
from rest_framework.test import APIClient

from core.services import api_token_rotate
from registers.models import BusinessCase, BusinessCaseLine, Risk


def signed_in(client, user):
    client.force_login(user)
    return client


def token_client(user) -> APIClient:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {api_token_rotate(user=user).key}")
    return client


def query_count(client, url: str) -> int:
    """The queries one successful GET costs: a page or list must cost the same at any size."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, response.content
    return len(queries)


def results(response, field: str) -> list:
    """`field` of each row of an API list page, in order."""
    assert response.status_code == 200, response.content
    return [row[field] for row in response.json()["results"]]


def refused(make) -> None:
    """The database refuses what `make` writes, whatever the code above it allowed."""
    with pytest.raises(IntegrityError), transaction.atomic():
        make()


def aware(year: int, month: int, day: int, hour: int = 12) -> datetime.datetime:
    return datetime.datetime(year, month, day, hour, tzinfo=datetime.UTC)


def csv_rows(response) -> list[list[str]]:
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))


def xlsx_rows(response) -> list[list]:
    return [list(row) for row in load_workbook(io.BytesIO(response.content)).active.iter_rows(values_only=True)]


def pdf_text(path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True, text=True).stdout


def pdf_info(path) -> str:
    return subprocess.run(["pdfinfo", str(path)], check=True, capture_output=True, text=True).stdout


def on_the_register_since(moment: datetime.datetime) -> None:
    """Date every business case, line and risk recorded so far at `moment`, as if entered then.

    Packs read the registers' history as at their quarter's end, and a test builds its plan today.
    """
    for model in (BusinessCase, BusinessCaseLine, Risk):
        model.history.update(history_date=moment)
