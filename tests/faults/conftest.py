"""What the fault tests share: a Redis of their own, Celery workers on it, the test database's URL.

Each test starts what it needs as subprocesses on free ports and stops them however it ends
(tests/servers.py); pytest-timeout bounds each test as a whole.
"""

import os
import sys
import uuid
from collections.abc import Callable, Iterator

import pytest
from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.db import connection

from core.roles import sync_role_groups
from strategy.celery import app as celery_app
from tests.servers import free_port, redis_server, running

# A task whose worker was killed goes back to the queue after this many seconds (the deployed
# default is an hour, above a pack's 12-minute limit).
VISIBILITY_TIMEOUT = 5


def database_url() -> str:
    db = connection.settings_dict
    return f"postgres://{db['USER']}:{db['PASSWORD']}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


def app_environment(broker_url: str) -> dict[str, str]:
    """The environment of a worker or web server started on the test database and `broker_url`."""
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "strategy.settings.test",
        "CELERY_EAGER": "false",
        "CELERY_BROKER_URL": broker_url,
        "CELERY_VISIBILITY_TIMEOUT": str(VISIBILITY_TIMEOUT),
        "DATABASE_URL": database_url(),
        "TEST_MEDIA_ROOT": str(settings.MEDIA_ROOT),
    }


@pytest.fixture
def roles(transactional_db):
    # A transactional test before this one may have flushed the role groups the migration made.
    sync_role_groups(Group, Permission)


class OwnRedis:
    def __init__(self) -> None:
        self.port = free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"

    def run(self):
        return running(redis_server(self.port), port=self.port)


@pytest.fixture
def own_redis(monkeypatch) -> Iterator[OwnRedis]:
    """A Redis for this test alone, not yet started, with this process's Celery producer pointed at it."""
    redis = OwnRedis()
    # Celery reads CELERY_BROKER_URL from the environment before its configuration (.ci/run sets it).
    monkeypatch.setenv("CELERY_BROKER_URL", redis.url)
    saved = {key: celery_app.conf[key] for key in ("broker_url", "task_always_eager")}
    celery_app.conf.update(broker_url=redis.url, task_always_eager=False)
    _reset_producer()
    try:
        yield redis
    finally:
        celery_app.conf.update(saved)
        _reset_producer()


def _reset_producer() -> None:
    # The app caches its connection pool and routing; drop them so the new broker takes effect.
    celery_app.__dict__.pop("amqp", None)
    celery_app._pool = None


@pytest.fixture
def start_worker(roles) -> Callable:
    """start_worker(broker_url): a context manager running one `celery -A strategy worker`."""

    def start(broker_url: str):
        command = [
            sys.executable, "-m", "celery", "-A", "strategy", "worker", "--pool=solo", "--concurrency=1",
            "-n", f"fault-{uuid.uuid4().hex[:8]}@%h", "--without-heartbeat", "--without-gossip", "--without-mingle",
            "--loglevel=WARNING",
        ]
        return running(command, env=app_environment(broker_url))

    return start
