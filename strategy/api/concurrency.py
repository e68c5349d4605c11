"""Optimistic locking over HTTP: an action's version is its ETag, and a write must name the
version it read (If-Match header or expected_version in the body), so a newer change is never
silently overwritten. Either way a stale version gets 412 with who changed it and when."""

from rest_framework.exceptions import ValidationError

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
