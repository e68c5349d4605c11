"""Optimistic locking over HTTP: an action's version is its ETag, and a write must name the
version it read (If-Match header or expected_version in the body), so a newer change is never
silently overwritten. Either way a stale version gets 412 with who changed it and when."""

import datetime
from contextlib import contextmanager

from django.db import transaction
from rest_framework.exceptions import ValidationError

from core.conflicts import EditConflict

MISSING_VERSION = (
    'Send the version you read, as an If-Match header (the ETag, e.g. "7") or as expected_version, '
    "so that someone else's newer change is never overwritten."
)


def etag_for(version: int) -> str:
    return f'"{version}"'


def _tag_versions(header: str) -> set[str]:
    # Weak and strong tags name the same version here: W/"7" and "7" both mean version 7.
    return {tag.strip().removeprefix("W/").strip('"') for tag in header.split(",") if tag.strip()}


def expected_version(*, if_match: str | None, body_version: int | None, obj, conflict) -> int:
    """The version the client read; `conflict(obj)` is raised at once when If-Match is stale.

    A stale expected_version is passed on: the service compares it under a row lock.
    """
    if if_match is not None:
        tags = _tag_versions(if_match)
        if "*" not in tags and str(obj.version) not in tags:
            raise conflict(obj)
        return obj.version if body_version is None else body_version
    if body_version is None:
        raise ValidationError({"expected_version": [MISSING_VERSION]})
    return body_version


# Business cases, risks and committee reports have no version column: their version is the
# moment of their last save (updated_at, auto_now) in whole microseconds since the epoch. It
# changes on every save, and is compared under a row lock, so it is as strong as a counter.
EPOCH = datetime.datetime(1970, 1, 1, tzinfo=datetime.UTC)
MISSING_ETAG = (
    'Send the ETag you read as an If-Match header (e.g. "1732500000000000"), or * for any version, '
    "so that someone else's newer change is never overwritten."
)


def record_version(record) -> int:
    return (record.updated_at - EPOCH) // datetime.timedelta(microseconds=1)


class RecordConflict(EditConflict):
    def __init__(self, record):
        latest = record.history.first() if hasattr(record, "history") else None
        current_version = record_version(record)
        super().__init__(
            f"{record.reference} was changed after you read it (its ETag is now \"{current_version}\"). "
            "Nothing has been saved: read it again and resend your change.",
            current_version=current_version,
            changed_by=latest.history_user if latest is not None else getattr(record, "updated_by", None),
            changed_at=record.updated_at,
        )


@contextmanager
def locked_if_match(request, record):
    """The record re-read under a row lock, once the request's If-Match names its current version.

    The caller writes inside the block, so nobody can save in between the check and the write.
    """
    with transaction.atomic():
        locked = type(record).objects.select_for_update().get(pk=record.pk)
        header = request.headers.get("If-Match")
        if header is None:
            raise ValidationError({"If-Match": [MISSING_ETAG]})
        tags = _tag_versions(header)
        if "*" not in tags and str(record_version(locked)) not in tags:
            raise RecordConflict(locked)
        yield locked
