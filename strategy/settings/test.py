"""The test suite: SQLite in memory unless DATABASE_URL points at PostgreSQL."""

import os
import tempfile

os.environ.setdefault("SECRET_KEY", "django-insecure-test-only")

from .base import *  # noqa: E402,F403

# The suite's own broker URL is only for integration tests that start a worker;
# everything else runs tasks eagerly.
INTEGRATION_BROKER_URL = CELERY_BROKER_URL  # noqa: F405
CELERY_BROKER_URL = "memory://"
CELERY_TASK_ALWAYS_EAGER = True
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
MEDIA_ROOT = tempfile.mkdtemp(prefix="ict-strategy-test-media-")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
LOGGING["root"]["level"] = "WARNING"  # noqa: F405
# Serve static files from the app folders without a collectstatic run.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True


# The schemathesis run (tests/strategy/test_api_schema.py) sends hundreds of requests as one
# user; throttling tests set their own low rates.
API_THROTTLE_RATES = {"user": "1000000/hour", "anon": "1000000/hour"}
