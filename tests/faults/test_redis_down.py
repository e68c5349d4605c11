"""Redis (the broker) stopped while a lead requests packs: the request is kept and sent once Redis is back."""

import base64
import json
import time

import pytest
import redis
from django.urls import reverse

from reporting.choices import PackStatus
from reporting.models import ReportPack
from reporting.packs import WAITING_FOR_QUEUE, packs_resend_unsent
from tests import factories
from tests.helpers import token_client
from tests.reporting.builders import build_plan

pytestmark = [pytest.mark.faults, pytest.mark.postgres, pytest.mark.timeout(120)]


def queued_pack_ids(url: str) -> list[int]:
    """The pack ids of the build tasks waiting in Redis's default queue (Celery's JSON messages)."""
    messages = redis.Redis.from_url(url).lrange("celery", 0, -1)
    bodies = (json.loads(base64.b64decode(json.loads(raw)["body"])) for raw in messages)
    return sorted(kwargs["pack_id"] for _args, kwargs, _embed in bodies)


def test_a_pack_requested_while_redis_is_down_is_kept_and_sent_when_it_returns(own_redis, roles, client):
    plan = build_plan(actions_per_principle=1)
    lead = factories.lead()
    client.force_login(lead)
    with own_redis.run():
        pass  # started and stopped: the broker is down from here on

    started = time.monotonic()
    page = client.post(reverse("pack-request", args=[plan["q1"].key]), follow=True)
    api = token_client(lead).post("/api/v1/packs/", {"period": plan["q2"].key}, format="json")
    assert time.monotonic() - started < 30, "a request must not hang on a broker that is down"

    assert page.status_code == 200
    assert "is saved, but the task queue is not answering: it will be built as soon as the queue is back" in page.content.decode()
    assert api.status_code == 202
    assert (api.json()["status"], api.json()["progress_step"]) == ("queued", WAITING_FOR_QUEUE)
    kept = list(ReportPack.objects.order_by("pk").values_list("pk", "status", "progress_step"))
    assert [(status, step) for _pk, status, step in kept] == [(PackStatus.QUEUED, WAITING_FOR_QUEUE)] * 2

    # The beat sweep while Redis is still down sends nothing and loses nothing.
    packs_resend_unsent()
    assert ReportPack.objects.filter(progress_step=WAITING_FOR_QUEUE).count() == 2

    with own_redis.run():
        assert queued_pack_ids(own_redis.url) == []
        assert sorted(packs_resend_unsent()) == [pk for pk, _status, _step in kept]
        assert queued_pack_ids(own_redis.url) == [pk for pk, _status, _step in kept]
        assert set(ReportPack.objects.values_list("status", "progress_step")) == {(PackStatus.QUEUED, "Waiting for a worker")}
        assert packs_resend_unsent() == []  # sent once: the next sweep leaves them to the worker
