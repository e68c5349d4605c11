"""A Celery worker killed (SIGKILL) in the middle of building a pack: the next worker finishes it."""

import hashlib
import os
import signal
import time

import pytest
from django.urls import reverse

from reporting.choices import PackStatus
from reporting.models import ReportPack
from reporting.packs import pack_request
from tests import factories
from tests.helpers import pdf_text
from tests.reporting.builders import build_plan
from tests.servers import wait_until

pytestmark = [pytest.mark.faults, pytest.mark.postgres, pytest.mark.pdf, pytest.mark.timeout(300)]


def _downloads_are_whole(client, pack_id: int, seen: list[int]) -> None:
    """Whatever the state of the build, a download is either refused or the whole, fingerprinted PDF."""
    response = client.get(reverse("pack-download", args=[pack_id]))
    seen.append(response.status_code)
    if response.status_code == 200:
        content = b"".join(response.streaming_content)
        assert content.startswith(b"%PDF") and content.rstrip().endswith(b"%%EOF")
        assert hashlib.sha256(content).hexdigest() == response["X-Pack-SHA256"]
    else:
        assert response.status_code == 404


def test_a_pack_whose_worker_is_killed_is_built_once_by_the_next_worker(own_redis, start_worker, client, tmp_path):
    plan = build_plan(actions_per_principle=6)
    lead = factories.lead()
    client.force_login(lead)
    downloads: list[int] = []
    storage = ReportPack._meta.get_field("file").storage
    files_before = set(storage.listdir("packs")[1]) if storage.exists("packs") else set()
    with own_redis.run():
        with start_worker(own_redis.url) as first:
            pack = pack_request(period=plan["q2"], requested_by=lead, committee_report=plan["report"])

            def rendering() -> bool:
                _downloads_are_whole(client, pack.pk, downloads)
                return ReportPack.objects.filter(pk=pack.pk, progress_step="Rendering the PDF").exists()

            wait_until(rendering, timeout=90, what="the first worker to start rendering")
            os.kill(first.pid, signal.SIGKILL)
            first.wait(timeout=10)
        assert ReportPack.objects.get(pk=pack.pk).status == PackStatus.BUILDING  # left half-done

        with start_worker(own_redis.url):
            def finished() -> bool:
                _downloads_are_whole(client, pack.pk, downloads)
                return ReportPack.objects.filter(pk=pack.pk, status__in=(PackStatus.READY, PackStatus.FAILED)).exists()

            wait_until(finished, timeout=150, what="the second worker to finish the pack", interval=0.5)
            time.sleep(2)  # a duplicate delivery, if any, has had time to run

    pack.refresh_from_db()
    assert pack.status == PackStatus.READY, pack.error
    assert ReportPack.objects.filter(period=plan["q2"]).count() == 1
    # One new file: the killed build wrote none, and no second build ran.
    assert set(storage.listdir("packs")[1]) - files_before == {pack.file.name.removeprefix("packs/")}
    content = pack.file.read()
    assert content.startswith(b"%PDF") and hashlib.sha256(content).hexdigest() == pack.sha256
    (tmp_path / "pack.pdf").write_bytes(content)
    assert "ICT Strategy 2023–27: progress report 2024/25 Q2" in " ".join(pdf_text(tmp_path / "pack.pdf").split())
    _downloads_are_whole(client, pack.pk, downloads)
    assert downloads[-1] == 200 and set(downloads) <= {200, 404}
