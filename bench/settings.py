"""The settings the API benchmark serves with: production's, plus the floor view (bench/urls.py).

bench/api.py sets the environment production needs (a secret key, plain HTTP on 127.0.0.1);
static files are linked without collectstatic's manifest, which the benchmark never fetches.
"""

from strategy.settings.production import *  # noqa: F403
from strategy.settings.production import STORAGES

ROOT_URLCONF = "bench.urls"
STORAGES = {**STORAGES, "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}
