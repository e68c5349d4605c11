"""What every refused stale edit must say, for the tests of each versioned record's services."""

from core.conflicts import EditConflict


def assert_names_who_changed_it(conflict: EditConflict, changed, who) -> None:
    """The refusal carries the record as `who` left it (its version, who, when) and says so."""
    assert (conflict.current_version, conflict.changed_by, conflict.changed_at) == (changed.version, who, changed.updated_at)
    assert str(conflict).startswith(f"{changed.reference} was changed by {who.get_full_name()} at ")


def saved_by(user, record, **changes):
    """The record as `user` saved it with `changes` after the caller read it: their page's save, recorded as theirs."""
    changed = type(record).objects.get(pk=record.pk)
    for name, value in changes.items():
        setattr(changed, name, value)
    changed._history_user = user
    changed.save()
    return changed
