"""Tests that need real services are marked; without the service they skip, except in CI.

CI (CI=true, as .ci/run is run) must exercise them all, so there a missing service is a
failure rather than a quiet skip.
"""

import os
import shutil

import pytest
from django.conf import settings
from django.db import connection

CHROMIUM = "/usr/bin/chromium"


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
