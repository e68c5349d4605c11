"""actions.services.action_update: a lead changes an action's plan, guarded by its version."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from actions.services import action_update
from core.conflicts import EditConflict
from tests import factories


@pytest.fixture
def action(db):
    return factories.ActionFactory(reference="P3-04", start_date=datetime.date(2024, 4, 1))


def test_update_changes_the_plan_and_bumps_the_version(action, lead):
    delegate = factories.manager()
    action_update(
        action=action, user=lead, expected_version=1, title="New title", delegates=[delegate],
        target_date=datetime.date(2026, 3, 31),
    )
    action.refresh_from_db()
    assert (action.title, action.version, action.last_updated_by) == ("New title", 2, lead)
    assert action.last_updated_at is not None
    assert list(action.delegates.all()) == [delegate]
    assert action.history.first().title == "New title"


def test_stale_version_is_refused_with_who_changed_it(action):
    lead = factories.lead(first_name="Sam", last_name="Lee")
    action_update(action=action, user=lead, expected_version=1, title="First")
    with pytest.raises(EditConflict) as conflict:
        action_update(action=action, user=lead, expected_version=1, title="Second")
    assert conflict.value.current_version == 2
    assert "Sam Lee" in str(conflict.value)
    action.refresh_from_db()
    assert action.title == "First"


@pytest.mark.parametrize("role", [factories.manager, factories.committee_member, factories.api_client_user])
def test_only_leads_may_update(action, role):
    with pytest.raises(PermissionDenied):
        action_update(action=action, user=role(), expected_version=1, title="X")


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"target_date": datetime.date(2024, 3, 31)}, "target_date"),
        ({"revised_target_date": datetime.date(2024, 1, 1)}, "revised_target_date"),
        ({"title": ""}, "title"),
        ({"status": "completed"}, "status"),
    ],
)
def test_invalid_changes_are_refused_with_field_messages(action, fields, field):
    with pytest.raises(ValidationError) as error:
        action_update(action=action, user=factories.lead(), expected_version=1, **fields)
    assert field in error.value.message_dict
    action.refresh_from_db()
    assert action.version == 1
