"""The database connection killed (pg_terminate_backend) while a progress update's transaction is open.

The update must be stored whole or refused with a message, never half-stored: the kill comes
after the progress update row (and its history row) are written and before the action's new
state and version are, so a half-stored update would show as one without the other.
"""

import contextlib

import psycopg2
import pytest
from django.db import connection
from django.db.models.signals import post_save
from django.urls import reverse

from actions.models import ActionItem, ProgressUpdate
from core.middleware import DATABASE_UNAVAILABLE
from tests import factories
from tests.faults.conftest import database_url
from tests.helpers import token_client

pytestmark = [pytest.mark.faults, pytest.mark.postgres, pytest.mark.timeout(120)]


@contextlib.contextmanager
def connection_killed_after_the_update_row():
    """Kill this process's database connection, from another one, as soon as a progress update row is saved."""
    killed = []

    def kill(sender, instance, **kwargs):
        if killed:
            return
        with contextlib.closing(psycopg2.connect(database_url())) as other:
            other.autocommit = True
            with other.cursor() as cursor:
                cursor.execute("SELECT pg_terminate_backend(%s)", [connection.connection.info.backend_pid])
                killed.append(cursor.fetchone()[0])

    post_save.connect(kill, sender=ProgressUpdate, weak=False)
    try:
        yield killed
    finally:
        post_save.disconnect(kill, sender=ProgressUpdate)
        connection.close()  # the test's own connection was the one killed


def state(action: ActionItem) -> tuple:
    action.refresh_from_db()
    return (
        action.version, action.status, action.rag, action.percent_complete,
        ProgressUpdate.objects.filter(action=action).count(), ProgressUpdate.history.filter(action=action).count(),
    )


@pytest.fixture
def open_action(roles):
    factories.PeriodFactory(key="2026-27-Q3")  # open on the suite's "today" (1 December 2026 or later)
    return factories.ActionFactory(reference="P1-01")


def form(action: ActionItem, percent: int) -> dict:
    return {
        "status": "at_risk", "rag": "amber", "percent_complete": str(percent),
        "commentary": "Supplier delays pushed the cut-over back a month.", "next_steps": "Agree a new date.",
        "expected_version": str(action.version),
    }


def test_a_form_update_cut_off_by_the_database_is_refused_whole_and_can_be_sent_again(open_action, client):
    lead = factories.lead()
    client.force_login(lead)
    before = state(open_action)
    with connection_killed_after_the_update_row() as killed:
        response = client.post(reverse("action-update", args=[open_action.reference]), form(open_action, 45))
    assert killed == [True]
    assert response.status_code == 503 and response["Retry-After"] == "30"
    assert DATABASE_UNAVAILABLE in response.content.decode()
    assert state(open_action) == before  # nothing of it stored

    again = client.post(reverse("action-update", args=[open_action.reference]), form(open_action, 45))
    assert again.status_code == 302
    version, status, rag, percent, updates, history = state(open_action)
    assert (version, status, rag, percent, updates, history) == (before[0] + 1, "at_risk", "amber", 45, before[4] + 1, before[5] + 1)


def test_an_api_update_cut_off_by_the_database_is_a_503_and_stores_nothing(open_action):
    api = token_client(factories.lead())
    before = state(open_action)
    body = {**form(open_action, 60), "expected_version": open_action.version}
    with connection_killed_after_the_update_row() as killed:
        response = api.post(f"/api/v1/actions/{open_action.reference}/updates/", body, format="json")
    assert killed == [True]
    assert response.status_code == 503 and response.json() == {"detail": DATABASE_UNAVAILABLE}
    assert state(open_action) == before
    assert api.post(f"/api/v1/actions/{open_action.reference}/updates/", body, format="json").status_code == 201
    assert state(open_action)[0] == before[0] + 1
