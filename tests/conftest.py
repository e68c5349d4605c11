"""Fixtures more than one test module uses, and the markers for tests that need real services.

Tests that need a service are marked; without the service they skip, except in CI. CI
(CI=true, as .ci/run is run) must exercise them all, so there a missing service is a
failure rather than a quiet skip.
"""

import os
import shutil

import pytest
from django.conf import settings
from django.core.cache import cache
from django.db import connection

from reporting import packs
from reporting.models import ReportPack
from tests import factories
from tests.browser import CHROMIUM
from tests.reporting.builders import build_plan


def _missing(marker: str) -> str | None:
    if marker == "postgres" and connection.vendor != "postgresql":
        return "needs PostgreSQL: set DATABASE_URL (as .ci/run does)"
    if marker == "integration" and not settings.INTEGRATION_BROKER_URL.startswith("redis://"):
        return "needs Redis: set CELERY_BROKER_URL=redis://... (as .ci/run does)"
    if marker == "browser" and not shutil.which(CHROMIUM):
        return f"needs Debian's chromium at {CHROMIUM} (apt-get install chromium)"
    if marker == "pdf" and not shutil.which("pdftotext"):
        return "needs pdftotext and pdfinfo (apt-get install poppler-utils)"
    return None


def pytest_runtest_setup(item):
    for marker in ("postgres", "integration", "browser", "pdf"):
        if marker not in item.keywords:
            continue
        reason = _missing(marker)
        if reason is None:
            continue
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"CI must run this test: {reason}", pytrace=False)
        pytest.skip(reason)


@pytest.fixture(autouse=True)
def empty_cache():
    """Nothing cached by one test (roll-ups, throttle counts) reaches the next, whose rows may reuse its ids."""
    cache.clear()


@pytest.fixture
def lead(db):
    """A strategy lead whose username the API's answers give."""
    return factories.lead(username="lead")


@pytest.fixture
def owner(db):
    """The manager who owns what a test builds, named as messages name people."""
    return factories.manager(username="owner", first_name="Priya", last_name="Shah")


@pytest.fixture
def staff_client(client, db):
    client.force_login(factories.UserFactory(is_staff=True, is_superuser=True))
    return client


@pytest.fixture
def period(db):
    return factories.PeriodFactory(key="2024-25-Q2")


@pytest.fixture
def periods(db):
    """2024/25 Q1 to Q3, and 2025/26 Q1."""
    return [factories.PeriodFactory(key=key) for key in ("2024-25-Q1", "2024-25-Q2", "2024-25-Q3", "2025-26-Q1")]


@pytest.fixture
def meeting(db):
    return factories.MeetingFactory()


@pytest.fixture
def reports(meeting):
    """CP/1/24-25 published and CP/2/24-25 approved, for `meeting`; CP/3/24-25 a draft with no meeting yet."""
    factories.CommitteeReportFactory(sequence=1, title="Published one", status="published", meeting=meeting)
    factories.CommitteeReportFactory(sequence=2, title="Approved one", status="approved", meeting=meeting)
    factories.CommitteeReportFactory(sequence=3, title="Draft one", status="draft", meeting=None)


@pytest.fixture
def pack_plan(db):
    return build_plan()


@pytest.fixture
def built_packs(pack_plan, lead, django_capture_on_commit_callbacks):
    """The 2024/25 Q1 pack, built and published, and the Q2 pack, built but not yet published."""
    with django_capture_on_commit_callbacks(execute=True):
        published = packs.pack_request(period=pack_plan["q1"], requested_by=lead)
        ready = packs.pack_request(period=pack_plan["q2"], requested_by=lead)
    packs.pack_publish(pack_id=published.pk, user=lead)
    return {"published": ReportPack.objects.get(pk=published.pk), "ready": ReportPack.objects.get(pk=ready.pk)}
