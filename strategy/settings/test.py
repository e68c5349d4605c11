"""The test suite: SQLite in memory unless DATABASE_URL points at PostgreSQL."""

import os
import tempfile

os.environ.setdefault("SECRET_KEY", "django-insecure-test-only")

from .base import *  # noqa: E402,F403

# The suite's own broker URL is only for integration tests that start a worker;
# everything else runs tasks eagerly.
INTEGRATION_BROKER_URL = CELERY_BROKER_URL  # noqa: F405
# CELERY_EAGER=false is for the worker an integration test starts with these settings: it
# takes tasks from the real broker instead of running them in-process.
if env_bool("CELERY_EAGER", True):  # noqa: F405
    CELERY_BROKER_URL = "memory://"
    CELERY_TASK_ALWAYS_EAGER = True
else:
    CELERY_BROKER_URL = INTEGRATION_BROKER_URL
    CELERY_TASK_ALWAYS_EAGER = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# A worker started by an integration test is given the suite's media folder in TEST_MEDIA_ROOT.
MEDIA_ROOT = os.environ.get("TEST_MEDIA_ROOT") or tempfile.mkdtemp(prefix="ict-strategy-test-media-")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
LOGGING["root"]["level"] = "WARNING"  # noqa: F405
# Serve static files from the app folders without a collectstatic run.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True


# One process: the per-process cache is shared by every reader and writer (tests/conftest.py
# empties it before each test).
CACHE_AGGREGATES = True

# The schemathesis run (tests/strategy/test_api_schema.py) sends hundreds of requests as one
# user; throttling tests set their own low rates.
API_THROTTLE_RATES = {"user": "1000000/hour", "anon": "1000000/hour"}
