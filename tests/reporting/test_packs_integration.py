"""A real Celery worker (Redis broker, PostgreSQL) builds a pack end to end."""

import os
import subprocess
import sys
import time
import uuid

import pytest
from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.db import connection

from core.roles import sync_role_groups
from reporting.choices import PackStatus
from reporting.models import ReportPack
from reporting.packs import pack_request
from strategy.celery import app as celery_app
from tests import factories
from tests.factories import PRINCIPLE_TITLES
from tests.helpers import pdf_info, pdf_text
from tests.reporting.builders import build_plan

WAIT_SECONDS = 90


def _reset_producer(app) -> None:
    # The app caches its connection pool and routing; drop them so new conf takes effect.
    app.__dict__.pop("amqp", None)
    app._pool = None


@pytest.fixture
def worker_queue(transactional_db):
    """Start `celery worker` on a queue of its own and point this process's producer at it."""
    # A transactional test before this one may have flushed the role groups the migration made.
    sync_role_groups(Group, Permission)
    queue = f"packs-test-{uuid.uuid4().hex[:8]}"
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "strategy.settings.test",
        "CELERY_EAGER": "false",
        "CELERY_BROKER_URL": settings.INTEGRATION_BROKER_URL,
        "DATABASE_URL": _database_url(),
        "TEST_MEDIA_ROOT": str(settings.MEDIA_ROOT),
    }
    worker = subprocess.Popen(
        [sys.executable, "-m", "celery", "-A", "strategy", "worker", "--pool=solo", "--concurrency=1",
         "-Q", queue, "--without-heartbeat", "--without-gossip", "--without-mingle", "--loglevel=WARNING"],
        env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )
    saved = {key: celery_app.conf[key] for key in ("broker_url", "task_always_eager", "task_default_queue")}
    celery_app.conf.update(broker_url=settings.INTEGRATION_BROKER_URL, task_always_eager=False, task_default_queue=queue)
    _reset_producer(celery_app)
    try:
        yield worker
    finally:
        celery_app.conf.update(saved)
        _reset_producer(celery_app)
        worker.terminate()
        try:
            output, _ = worker.communicate(timeout=20)
        except subprocess.TimeoutExpired:
            worker.kill()
            output, _ = worker.communicate()
        if output.strip():
            print("worker output:\n" + output)


def _database_url() -> str:
    db = connection.settings_dict
    return f"postgres://{db['USER']}:{db['PASSWORD']}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


@pytest.mark.integration
@pytest.mark.postgres
@pytest.mark.pdf
def test_a_real_worker_builds_the_pack(worker_queue):
    plan = build_plan()
    pack = pack_request(period=plan["q2"], requested_by=factories.lead(), committee_report=plan["report"])
    deadline = time.monotonic() + WAIT_SECONDS
    while time.monotonic() < deadline:
        pack.refresh_from_db()
        if pack.status in (PackStatus.READY, PackStatus.FAILED):
            break
        assert worker_queue.poll() is None, "the worker exited early"
        time.sleep(0.5)
    assert pack.status == PackStatus.READY, f"status {pack.status}: {pack.error or pack.progress_step}"
    text = " ".join(pdf_text(pack.file.path).split())
    for field in ("Cheshire East Council", "Corporate Policy Committee", "21 November 2024",
                  "ICT Strategy 2023–27: progress report 2024/25 Q2", "CP/41/24-25",
                  "Executive Director Corporate Services", "Ward(s) Affected: All"):
        assert field in text
    for title in PRINCIPLE_TITLES:
        assert title in text
    for reference in plan["red"]:
        assert reference in text
    assert "Page 1 of" in text and "2024/25 Q2" in text
    assert "Tagged: yes" in " ".join(pdf_info(pack.file.path).split())
    assert ReportPack.objects.filter(period=plan["q2"]).count() == 1
