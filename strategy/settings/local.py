"""`make run`: debug on, a fixed development key, SQLite, eager Celery, e-mail and readable logs on the console unless configured."""

import os

os.environ.setdefault("DEBUG", "true")
os.environ.setdefault("SECRET_KEY", "django-insecure-local-development-only")
os.environ.setdefault("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
os.environ.setdefault("LOG_FORMAT", "console")

from .base import *  # noqa: E402,F403
