"""A lost database connection is a 503 with a message, on pages and in the API."""

import pytest
from django.db import OperationalError
from django.urls import reverse

from actions import views as action_views
from actions.api import views as action_api_views
from core.middleware import DATABASE_UNAVAILABLE
from tests import factories
from tests.helpers import token_client


@pytest.fixture
def database_gone(monkeypatch):
    def lost(**kwargs):
        raise OperationalError("server closed the connection unexpectedly")

    monkeypatch.setattr(action_views, "progress_record", lost)
    monkeypatch.setattr(action_api_views, "progress_record", lost)


@pytest.fixture
def open_action(db):
    factories.PeriodFactory(key="2026-27-Q3")
    return factories.ActionFactory(reference="P1-01")


FIGURES = {"status": "on_track", "rag": "green", "percent_complete": 30, "commentary": "", "next_steps": ""}


def test_a_page_says_nothing_was_saved(client, open_action, database_gone):
    client.force_login(factories.lead())
    response = client.post(reverse("action-update", args=["P1-01"]), {**FIGURES, "expected_version": open_action.version})
    assert response.status_code == 503 and response["Retry-After"] == "30"
    assert DATABASE_UNAVAILABLE in response.content.decode()


def test_the_api_says_nothing_was_saved(open_action, database_gone):
    response = token_client(factories.lead()).post(
        "/api/v1/actions/P1-01/updates/", {**FIGURES, "expected_version": open_action.version}, format="json"
    )
    assert response.status_code == 503 and response.json() == {"detail": DATABASE_UNAVAILABLE}


def test_other_errors_are_left_alone(client, open_action, monkeypatch):
    monkeypatch.setattr(action_views, "progress_record", lambda **kwargs: 1 / 0)
    client.force_login(factories.lead())
    with pytest.raises(ZeroDivisionError):
        client.post(reverse("action-update", args=["P1-01"]), {**FIGURES, "expected_version": open_action.version})
