"""`make run`: debug on, a fixed development key, SQLite and eager Celery unless configured."""

import os

os.environ.setdefault("DEBUG", "true")
os.environ.setdefault("SECRET_KEY", "django-insecure-local-development-only")

from .base import *  # noqa: E402,F403
