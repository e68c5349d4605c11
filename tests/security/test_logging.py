"""Structured logs: one JSON object a line, each request's lines with its request_id, user_id and
duration, and the Celery task a request enqueues logging the same request_id."""

import io
import json
import logging
import time

import pytest
import structlog
from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.urls import reverse

from core.roles import sync_role_groups
from reporting.choices import PackStatus
from reporting.models import ReportPack
from strategy.celery import app
from tests import factories
from tests.reporting.builders import build_plan


@pytest.fixture
def json_log_lines():
    """What the JSON formatter of settings.LOGGING writes, at INFO (the suite logs warnings only)."""
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    options = {key: value for key, value in settings.LOGGING["formatters"]["json"].items() if key != "()"}
    handler.setFormatter(structlog.stdlib.ProcessorFormatter(**options))
    root = logging.getLogger()
    level = root.level
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    yield lambda: [json.loads(line) for line in stream.getvalue().splitlines()]
    root.removeHandler(handler)
    root.setLevel(level)


def test_a_request_logs_json_with_its_request_id_user_and_duration(client, db, json_log_lines):
    lead = factories.lead()
    client.force_login(lead)
    assert client.get(reverse("dashboard"), HTTP_X_REQUEST_ID="forged").status_code == 200
    lines = json_log_lines()
    finished = next(line for line in lines if line["event"] == "request_finished")
    started = next(line for line in lines if line["event"] == "request_started")
    assert finished["request_id"] == started["request_id"] != "forged"
    assert finished["user_id"] == lead.pk
    assert finished["code"] == 200 and finished["request"] == "GET /"
    assert isinstance(finished["duration_ms"], float) and finished["duration_ms"] >= 0
    assert finished["level"] == "info" and finished["timestamp"].endswith("Z")


@pytest.fixture
def roles(transactional_db):
    """The role groups, which a data migration made and the last transactional test flushed."""
    sync_role_groups(Group, Permission)


def test_the_task_a_request_runs_eagerly_logs_the_same_request_id(client, roles, json_log_lines):
    """No broker (`make run`, the suite): the task runs inside the request, in its log context."""
    plan = build_plan()
    lead = factories.lead()
    client.force_login(lead)
    assert client.post(reverse("pack-request", args=[plan["q2"].key]), {"committee_report": ""}).status_code == 302

    lines = json_log_lines()
    request_id = next(line["request_id"] for line in lines if line["event"] == "request_started")
    task_line = next(line for line in lines if "reporting.tasks.build_pack" in line["event"])
    assert "succeeded" in task_line["event"]
    assert (task_line["request_id"], task_line["user_id"]) == (request_id, lead.pk)


@pytest.fixture
def broker_worker(roles):
    """A Celery worker in a thread, taking tasks from the in-memory broker, as a real one would."""
    from celery.contrib.testing.worker import start_worker

    app.conf.task_always_eager = False
    try:
        with start_worker(app, pool="solo", perform_ping_check=False, shutdown_timeout=30):
            yield
    finally:
        app.conf.task_always_eager = True


def test_a_task_delivered_by_the_broker_logs_the_request_id_of_the_request_that_queued_it(client, broker_worker, json_log_lines):
    plan = build_plan()
    lead = factories.lead()
    client.force_login(lead)
    assert client.post(reverse("pack-request", args=[plan["q2"].key]), {"committee_report": ""}).status_code == 302
    pack = ReportPack.objects.get(period=plan["q2"])
    for _ in range(300):
        pack.refresh_from_db()
        if pack.status not in {PackStatus.QUEUED, PackStatus.BUILDING}:
            break
        time.sleep(0.1)

    lines = json_log_lines()
    request_id = next(line["request_id"] for line in lines if line["event"] == "request_started")
    enqueued = next(line for line in lines if line["event"] == "task_enqueued")
    assert enqueued["request_id"] == request_id and enqueued["child_task_name"] == "reporting.tasks.build_pack"
    assert pack.status == PackStatus.READY
    task_lines = [line for line in lines if line.get("task_id") == enqueued["child_task_id"]]
    assert {"task_started", "task_succeeded"} <= {line["event"] for line in task_lines}
    assert {(line["request_id"], line["user_id"]) for line in task_lines} == {(request_id, lead.pk)}
