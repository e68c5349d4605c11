"""Shared by the reminder and chase-list tests."""

from types import SimpleNamespace

import pytest

from actions.choices import Rag, Status
from tests import factories


@pytest.fixture
def reminder_plan(db, settings):
    """2026/27 Q3 with two actions lacking an update (one delegated), one updated and one completed."""
    settings.SITE_URL = "https://ict-strategy.example.gov.uk"
    period = factories.PeriodFactory(key="2026-27-Q3")
    factories.PeriodFactory(key="2026-27-Q4")  # open too from 1 January: Q3 is reported on first
    people = SimpleNamespace(
        lead=factories.lead(username="chase-lead", first_name="Helen", last_name="Ashworth"),
        owner=factories.manager(username="chase-owner", first_name="Daniel", last_name="Whitfield"),
        delegate=factories.manager(username="chase-delegate", first_name="Priya", last_name="Sharma"),
        updated=factories.manager(username="chase-updated", first_name="Uma", last_name="Updated"),
        closed=factories.manager(username="chase-closed", first_name="Colin", last_name="Closed"),
    )
    missing = factories.ActionFactory(reference="P1-01", title="Migrate the data centre", owner=people.owner, delegates=[people.delegate])
    factories.ActionFactory(reference="P1-02", title="Renew the network", owner=people.owner)
    factories.ProgressUpdateFactory(
        action=factories.ActionFactory(reference="P1-03", owner=people.updated),
        period=period, status=Status.ON_TRACK, rag=Rag.GREEN, percent_complete=40,
    )
    factories.ActionFactory(reference="P1-04", owner=people.closed, status=Status.COMPLETED, rag=Rag.GREEN, percent_complete=100)
    return SimpleNamespace(period=period, missing=missing, **vars(people))
