"""Optimistic locking over HTTP: a versioned record's version (see core.conflicts) is its ETag, and
a write names the version it read, so a newer change is never silently overwritten. The version
is parsed here, at the edge, and handed to the service, which compares it under a row lock; a
stale one gets 412 with who changed the record and when (core.api.exceptions)."""

from rest_framework.exceptions import ValidationError

from core.conflicts import EditConflict

MISSING_VERSION = (
    'Send the version you read, as an If-Match header (the ETag, e.g. "7") or as expected_version, '
    "so that someone else's newer change is never overwritten."
)
MISSING_ETAG = (
    'Send the ETag you read as an If-Match header (e.g. "1732500000000000"), or * for any version, '
    "so that someone else's newer change is never overwritten."
)


def etag_for(version: int) -> str:
    return f'"{version}"'


def not_modified(*, if_none_match: str, version: int) -> bool:
    """The client's copy (If-None-Match naming the version, or *) is current: answer 304."""
    tags = _tag_versions(if_none_match)
    return "*" in tags or str(version) in tags


def _tag_versions(header: str) -> set[str]:
    # Weak and strong tags name the same version here: W/"7" and "7" both mean version 7.
    return {tag.strip().removeprefix("W/").strip('"') for tag in header.split(",") if tag.strip()}


def version_read(*, if_match: str | None, body_version: int | None, record, body_allowed: bool) -> int:
    """The version of `record` the client read, for the service's `expected_version`.

    An If-Match naming none of the record's current version is refused at once. Otherwise (its
    tag, or * for any version) it is the version `record` was read at, which the service checks
    again under its row lock. Where `body_allowed`, expected_version in the body may be sent instead.
    """
    if if_match is not None:
        tags = _tag_versions(if_match)
        if "*" not in tags and str(record.version) not in tags:
            raise EditConflict(record)
        return record.version if body_version is None else body_version
    if body_version is not None:
        return body_version
    if body_allowed:
        raise ValidationError({"expected_version": [MISSING_VERSION]})
    raise ValidationError({"If-Match": [MISSING_ETAG]})
