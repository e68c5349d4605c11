"""20 API clients updating actions for 20 seconds on gunicorn while a worker builds a pack.

No answer may be a 5xx; every accepted update must be stored (and counted in its action's
version), and every refused one refused as a conflict (412, or 409). The figures are printed.
"""

import random
import sys
import threading
import time
import uuid
from collections import Counter

import pytest
import requests
from django.utils import timezone

from actions.models import ActionItem, ProgressUpdate
from core.services import api_token_rotate
from reporting.choices import PackStatus
from reporting.models import ReportPack
from reporting.packs import pack_request
from tests import factories
from tests.faults.conftest import app_environment
from tests.reporting.builders import build_plan
from tests.servers import free_port, running, wait_until

pytestmark = [pytest.mark.faults, pytest.mark.postgres, pytest.mark.pdf, pytest.mark.timeout(300)]

CLIENTS = 20
SECONDS = 20
# Few actions for many clients, so they collide.
REFERENCES = ["P1-01", "P2-01", "P3-01", "P4-01", "P5-01"]


def client_loop(base: str, token: str, stop_at: float, outcomes: list, lock: threading.Lock) -> None:
    session = requests.Session()
    session.headers["Authorization"] = f"Token {token}"
    while time.monotonic() < stop_at:
        reference = random.choice(REFERENCES)
        commentary = f"load {uuid.uuid4().hex}"
        try:
            etag = session.get(f"{base}/api/v1/actions/{reference}/", timeout=30).headers.get("ETag", '"0"')
            response = session.post(
                f"{base}/api/v1/actions/{reference}/updates/", headers={"If-Match": etag}, timeout=30,
                json={"status": "on_track", "rag": "green", "percent_complete": random.randint(0, 99), "commentary": commentary},
            )
            outcome = (response.status_code, reference, commentary, response.headers.get("ETag"))
        except requests.RequestException as exc:
            outcome = (f"error: {exc}", reference, commentary, None)
        with lock:
            outcomes.append(outcome)


def test_twenty_clients_update_actions_while_a_pack_builds(own_redis, start_worker, capsys):
    plan = build_plan(actions_per_principle=6)
    factories.PeriodFactory(key="2026-27-Q3")  # taking updates on the suite's "today"
    tokens = [api_token_rotate(user=factories.lead(username=f"load-{n}")).key for n in range(CLIENTS)]
    versions_before = dict(ActionItem.objects.filter(reference__in=REFERENCES).values_list("reference", "version"))
    port = free_port()
    gunicorn = [sys.executable, "-m", "gunicorn", "strategy.wsgi:application", "--bind", f"127.0.0.1:{port}",
                "--workers", "2", "--threads", "8", "--timeout", "60"]
    outcomes: list = []
    lock = threading.Lock()
    with own_redis.run(), start_worker(own_redis.url), running(gunicorn, port=port, env=app_environment(own_redis.url), timeout=60):
        pack = pack_request(period=plan["q2"], requested_by=factories.lead(username="load-lead"))
        wait_until(lambda: ReportPack.objects.filter(pk=pack.pk, status=PackStatus.BUILDING).exists(), timeout=60, what="the build to start")
        load_started = timezone.now()
        stop_at = time.monotonic() + SECONDS
        threads = [threading.Thread(target=client_loop, args=(f"http://127.0.0.1:{port}", token, stop_at, outcomes, lock))
                   for token in tokens]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=SECONDS + 60)
        assert not any(thread.is_alive() for thread in threads)
        wait_until(lambda: ReportPack.objects.filter(pk=pack.pk, status__in=(PackStatus.READY, PackStatus.FAILED)).exists(),
                   timeout=180, what="the pack to finish", interval=0.5)

    codes = Counter(code for code, *_ in outcomes)
    accepted = [outcome for outcome in outcomes if outcome[0] in (200, 201)]
    refused = [outcome for outcome in outcomes if outcome[0] in (409, 412)]
    server_errors = sum(count for code, count in codes.items() if isinstance(code, int) and code >= 500)
    with capsys.disabled():  # the figures are shown on a passing run too
        print(f"\n{len(outcomes)} requests, {len(accepted)} accepted, {len(refused)} refused (409/412), "
              f"{server_errors} 5xx; by status: {dict(codes)}")

    assert server_errors == 0
    assert len(accepted) + len(refused) == len(outcomes), dict(codes)  # nothing else: no 400, no dropped connection
    assert accepted and refused  # the clients did collide
    stored = set(ProgressUpdate.history.filter(action__reference__in=REFERENCES).values_list("commentary", flat=True))
    assert [commentary for _code, _ref, commentary, _etag in accepted if commentary not in stored] == []
    assert [commentary for _code, _ref, commentary, _etag in refused if commentary in stored] == []
    per_action = Counter(reference for _code, reference, *_ in accepted)
    versions_after = dict(ActionItem.objects.filter(reference__in=REFERENCES).values_list("reference", "version"))
    assert {ref: versions_after[ref] - versions_before[ref] for ref in REFERENCES} == {ref: per_action[ref] for ref in REFERENCES}
    pack.refresh_from_db()
    assert pack.status == PackStatus.READY, pack.error
    assert pack.started_at < load_started < pack.finished_at  # the build and the load overlapped
