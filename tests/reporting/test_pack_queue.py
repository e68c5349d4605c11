"""A pack requested while the broker is down is kept, says so, and is sent by the beat sweep."""

import datetime
from types import SimpleNamespace

import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import reverse
from django.utils import timezone
from kombu.exceptions import OperationalError

from core.roles import sync_role_groups
from reporting import packs
from reporting.choices import PackStatus
from reporting.models import ReportPack
from reporting.tasks import build_pack, resend_unsent_packs
from tests import factories
from tests.reporting.builders import build_plan


@pytest.fixture
def broker(monkeypatch):
    """`broker.sent`: the pack ids handed to the broker; while `broker.down` it refuses them."""
    broker = SimpleNamespace(sent=[], down=False)

    def delay(*, pack_id):
        if broker.down:
            raise OperationalError("Error 111 connecting to 127.0.0.1:6379. Connection refused.")
        broker.sent.append(pack_id)

    monkeypatch.setattr(build_pack, "delay", delay)
    return broker


# Transactional, so the build is handed over as the request's transaction commits, as in production.
@pytest.mark.django_db(transaction=True)
def test_a_request_the_broker_refuses_is_kept_and_the_page_says_so(broker, client):
    # A transactional test before this one may have flushed the role groups the migration made.
    sync_role_groups(Group, Permission)
    pack_plan = build_plan()
    broker.down = True
    client.force_login(factories.lead())
    response = client.post(reverse("pack-request", args=[pack_plan["q2"].key]), follow=True)
    assert "is saved, but the task queue is not answering: it will be built as soon as the queue is back" in response.content.decode()
    pack = ReportPack.objects.get(period=pack_plan["q2"])
    assert (pack.status, pack.progress_step) == (PackStatus.QUEUED, packs.WAITING_FOR_QUEUE) and broker.sent == []

    assert packs.packs_resend_unsent() == [pack.pk] and broker.sent == []  # still down: kept as it was
    broker.down = False
    assert resend_unsent_packs.apply().get() == 1 and broker.sent == [pack.pk]
    pack.refresh_from_db()
    assert pack.progress_step == "Waiting for a worker"
    assert packs.packs_resend_unsent() == []


def test_the_sweep_sends_again_a_pack_no_worker_took_for_a_long_time(pack_plan, broker, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        pack = packs.pack_request(period=pack_plan["q2"], requested_by=factories.lead())
    assert broker.sent == [pack.pk]
    assert packs.packs_resend_unsent() == []
    later = timezone.now() + packs.RESEND_AFTER + datetime.timedelta(minutes=1)
    assert packs.packs_resend_unsent(now=later) == [pack.pk] and broker.sent == [pack.pk, pack.pk]
    ReportPack.objects.filter(pk=pack.pk).update(status=PackStatus.BUILDING)
    assert packs.packs_resend_unsent(now=later) == []  # a worker has it
