"""Edit conflicts: two people change one record, and the second save must not silently undo the first.

Every versioned record (an action, a business case, a risk, a committee report) says what
version it is (`version`), who saved it last (`last_updated_by`) and when (`last_updated_at`).
The caller reads the version when it shows the record (a hidden form field, an ETag) and hands
it back to the service as `expected_version`; the service re-reads the record under a row lock
with `lock_for_edit`, which refuses the save with EditConflict if anyone saved it in between.
"""

import datetime
from typing import TypeVar

from django import forms
from django.db import models
from django.utils import timezone
from django.utils.formats import date_format

from .exports import display_name

EPOCH = datetime.datetime(1970, 1, 1, tzinfo=datetime.UTC)
Record = TypeVar("Record", bound=models.Model)
INCOMPLETE_FORM = "The form was incomplete: open the record again and resubmit."


class VersionedBySaveTime:
    """For a model with no version column: its version is its last save (`updated_at`, auto_now)
    in whole microseconds since the epoch. It changes on every save and is compared under a row
    lock, so it is as strong as a counter."""

    version_fields = ("updated_at",)

    @property
    def version(self) -> int:
        return (self.updated_at - EPOCH) // datetime.timedelta(microseconds=1)

    @property
    def last_updated_at(self) -> datetime.datetime:
        return self.updated_at


class VersionedByHistory(VersionedBySaveTime):
    """A model whose saves django-simple-history records: who saved it last is its latest history's user."""

    @property
    def last_updated_by(self):
        latest = self.history.select_related("history_user").first()
        return latest.history_user if latest is not None else None


def current_version(queryset: models.QuerySet, **lookup) -> int | None:
    """The version of the record `lookup` finds in `queryset` (None if none), read from the columns
    it is made of alone: a model's `version_fields`, else its `version` column."""
    model = queryset.model
    fields = getattr(model, "version_fields", ("version",))
    row = queryset.select_related(None).prefetch_related(None).filter(**lookup).values(*fields).first()
    return None if row is None else model(**row).version


def _describe_change(changed_by, changed_at: datetime.datetime | None) -> str:
    who = display_name(changed_by) if changed_by else "someone"
    if changed_at is None:
        return f"by {who}"
    return f"by {who} at " + date_format(timezone.localtime(changed_at), "H:i \\o\\n j F Y")


class EditConflict(Exception):
    """The record was saved after the caller read it. Carries its version now and who saved it
    when, for the page or the API to say; nothing of the refused save has been written."""

    def __init__(self, record):
        self.current_version = record.version
        self.changed_by = record.last_updated_by
        self.changed_at = record.last_updated_at
        super().__init__(
            f"{record.reference} was changed {_describe_change(self.changed_by, self.changed_at)}, after you opened it. "
            "Nothing has been saved: check it as it now stands and make your change again."
        )


def lock_for_edit(record: Record, *, expected_version: int) -> Record:
    """The record re-read under a row lock, refused with EditConflict unless it is still at `expected_version`.

    Call it inside the transaction that writes, and write to what it returns: nobody can save
    between the check and the write.
    """
    locked = type(record)._default_manager.select_for_update().get(pk=record.pk)
    if locked.version != expected_version:
        raise EditConflict(locked)
    return locked


class VersionedForm(forms.Form):
    """A form that changes a versioned record: it carries, hidden, the version it was opened on."""

    expected_version = forms.IntegerField(
        widget=forms.HiddenInput, error_messages={"required": INCOMPLETE_FORM, "invalid": INCOMPLETE_FORM}
    )

    def refuse_stale(self, conflict: EditConflict) -> None:
        """Keep what the user typed and say who changed the record and when.

        Saving again then goes on the version now current: the user has been told what changed.
        """
        self.data = self.data.copy()
        self.data["expected_version"] = str(conflict.current_version)
        self.add_error(None, str(conflict))
