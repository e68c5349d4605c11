"""The database itself refuses bad actions and updates, even when code bypasses services and validation."""

import datetime

import pytest

from actions.models import ActionItem
from tests import factories
from tests.helpers import refused


@pytest.fixture
def action(db):
    return factories.ActionFactory(reference="P1-01")


@pytest.mark.parametrize("percent", [-1, 101, 1000])
def test_action_percent_must_be_0_to_100(action, percent):
    refused(lambda: ActionItem.objects.filter(pk=action.pk).update(percent_complete=percent))


def test_action_reference_is_unique(action):
    refused(lambda: factories.ActionFactory(reference="P1-01", principle=action.principle))


@pytest.mark.parametrize(
    "changes",
    [
        {"status": "paused"},
        {"rag": "blue"},
        {"status": "completed", "percent_complete": 80},
        {"status": "completed", "percent_complete": 100, "rag": "amber"},
        {"target_date": datetime.date(2020, 1, 1)},
    ],
)
def test_action_state_must_be_coherent(action, changes):
    refused(lambda: ActionItem.objects.filter(pk=action.pk).update(**changes))


def test_one_progress_update_per_action_per_period(action, period):
    factories.ProgressUpdateFactory(action=action, period=period)
    refused(lambda: factories.ProgressUpdateFactory(action=action, period=period))


@pytest.mark.parametrize(
    "changes",
    [{"percent_complete": 101}, {"rag": "amber", "commentary": ""}, {"rag": "red", "commentary": ""}, {"status": "x"}],
)
def test_progress_update_rules_hold_in_the_database(action, period, changes):
    refused(lambda: factories.ProgressUpdateFactory(action=action, period=period, **changes))
