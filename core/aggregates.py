"""Aggregates over the whole plan (the summary's and the dashboard's roll-ups) kept in the cache
until a write changes what they count, so a cached answer is never stale.

Every entry's key carries a generation, which each save or delete of a counted model replaces
(actions/apps.py connects them): at once, for readers in the writing transaction, and again
when it commits, since a reader elsewhere may have cached the figures before the commit under
the newer generation. A reader that began before a write stores its answer under the old
generation, which no one reads again. Entries also expire after LIFETIME.

Only a cache every process shares (Redis: CACHE_URL) can be invalidated for all of them, so
CACHE_AGGREGATES is on by default only with CACHE_URL; per-process memory would leave the other
gunicorn workers stale.
"""

import uuid
from collections.abc import Callable
from typing import TypeVar

from django.conf import settings
from django.core.cache import cache
from django.db import transaction

GENERATION = "aggregates:generation"
LIFETIME = 60 * 60
Value = TypeVar("Value")


def cached_aggregate(key: str, compute: Callable[[], Value]) -> Value:
    """`compute()`, from the cache while nothing it counts has been written since."""
    if not settings.CACHE_AGGREGATES:
        return compute()
    generation = cache.get(GENERATION)
    if generation is None:
        cache.add(GENERATION, uuid.uuid4().hex, timeout=None)
        generation = cache.get(GENERATION)
    entry = f"aggregates:{generation}:{key}"
    value = cache.get(entry)
    if value is None:
        value = compute()
        cache.set(entry, value, timeout=LIFETIME)
    return value


def aggregates_changed(**_signal_arguments) -> None:
    """A counted row was written: every cached aggregate is out of date."""
    _new_generation()
    transaction.on_commit(_new_generation)


def _new_generation() -> None:
    cache.set(GENERATION, uuid.uuid4().hex, timeout=None)
