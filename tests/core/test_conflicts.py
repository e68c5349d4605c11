"""core.conflicts: how a versioned record states its version and who changed it, and the one refusal."""

import datetime
from types import SimpleNamespace

import pytest

from core.conflicts import EditConflict, VersionedBySaveTime, lock_for_edit
from tests import factories


class SavedRecord(VersionedBySaveTime, SimpleNamespace):
    last_updated_by = None


def test_a_save_time_version_is_whole_microseconds_since_1970():
    saved = SavedRecord(updated_at=datetime.datetime(2024, 12, 1, 14, 5, 0, 123456, tzinfo=datetime.UTC))
    assert saved.version == 1733061900123456
    assert saved.last_updated_at == saved.updated_at


def test_the_message_names_who_and_when_in_uk_time():
    jane = factories.UserFactory.build(first_name="Jane", last_name="Smith")
    saved = SavedRecord(
        reference="HLBC-2023-01",
        updated_at=datetime.datetime(2026, 6, 1, 13, 5, tzinfo=datetime.UTC),
        last_updated_by=jane,
    )
    conflict = EditConflict(saved)
    assert str(conflict) == (
        "HLBC-2023-01 was changed by Jane Smith at 14:05 on 1 June 2026, after you opened it. "
        "Nothing has been saved: check it as it now stands and make your change again."
    )
    assert (conflict.current_version, conflict.changed_by) == (saved.version, jane)


def test_a_change_nobody_signed_names_someone(db):
    action = factories.ActionFactory(reference="P1-01", version=3)
    with pytest.raises(EditConflict, match=r"^P1-01 was changed by someone, after you opened it\.") as caught:
        lock_for_edit(action, expected_version=2)
    assert caught.value.current_version == 3
    assert lock_for_edit(action, expected_version=3) == action
