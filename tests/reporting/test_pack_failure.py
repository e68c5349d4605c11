"""A build task that gives up marks its pack failed, so the quarter can be requested again."""

import pytest
from django.db import DatabaseError

from reporting import packs, tasks
from reporting.choices import PackStatus
from reporting.models import ReportPack
from reporting.tasks import build_pack
from strategy.celery import app


@pytest.fixture
def like_a_worker(monkeypatch):
    """Eager tasks as a worker runs them: a worker never propagates a task's error, it calls on_failure.

    Propagating (the test settings' default) skips on_failure and raises Retry after the first
    attempt; without it eager Celery runs each retry inline, so the whole chain runs here.
    """
    monkeypatch.setitem(app.conf, "task_eager_propagates", False)


@pytest.mark.usefixtures("like_a_worker")
def test_a_build_that_keeps_hitting_transient_errors_ends_failed_and_frees_its_quarter(lead, period, monkeypatch):
    pack = packs.pack_request(period=period, requested_by=lead)  # on_commit not run: nothing built yet
    attempts = []

    def database_down(**kwargs):
        attempts.append(1)
        raise DatabaseError("connection reset by peer")

    monkeypatch.setattr(packs, "pack_data", database_down)
    result = build_pack.apply(kwargs={"pack_id": pack.pk})
    assert result.state == "FAILURE"
    assert len(attempts) == build_pack.max_retries + 1  # every retry ran: the pack stayed queued until the last
    pack.refresh_from_db()
    assert pack.status == PackStatus.FAILED and pack.finished_at
    assert "connection reset by peer" in pack.error
    assert packs.pack_request(period=period, requested_by=lead).version == 2


@pytest.mark.usefixtures("like_a_worker")
def test_an_unexpected_error_in_the_task_marks_the_pack_failed(lead, period, monkeypatch):
    pack = packs.pack_request(period=period, requested_by=lead)

    def lost_connection(*, pack_id):
        raise RuntimeError("the database went away while claiming the pack")

    monkeypatch.setattr(tasks, "pack_build", lost_connection)
    assert build_pack.apply(kwargs={"pack_id": pack.pk}).state == "FAILURE"
    pack.refresh_from_db()
    assert pack.status == PackStatus.FAILED and "the database went away" in pack.error


@pytest.mark.parametrize("status", [PackStatus.READY, PackStatus.PUBLISHED, PackStatus.FAILED])
def test_the_failure_handler_leaves_a_finished_pack_alone(lead, period, status):
    pack = ReportPack.objects.create(
        period=period, version=1, status=status, requested_by=lead,
        file="packs/pack.pdf", sha256="a" * 64, error="the first failure" if status == PackStatus.FAILED else "",
    )
    before = ReportPack.objects.filter(pk=pack.pk).values().get()
    build_pack.on_failure(RuntimeError("a late duplicate failed"), "task-id", (), {"pack_id": pack.pk}, None)
    packs.pack_mark_failed(pack_id=pack.pk, message="again")
    assert ReportPack.objects.filter(pk=pack.pk).values().get() == before


def test_marking_a_deleted_pack_failed_does_nothing(db):
    assert packs.pack_mark_failed(pack_id=999_999, message="gone") is None
