import logging.config
import os

from celery import Celery
from celery.signals import setup_logging
from django_structlog.celery.steps import DjangoStructLogInitStep

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "strategy.settings.local")

app = Celery("strategy")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
# django-structlog's worker step: task_received and task_started lines carry the request_id of
# the request that enqueued the task.
app.steps["worker"].add(DjangoStructLogInitStep)


@setup_logging.connect
def use_django_logging(**kwargs) -> None:
    """Workers and beat log as the web process does (settings.base LOGGING), not Celery's way."""
    from django.conf import settings

    logging.config.dictConfig(settings.LOGGING)
