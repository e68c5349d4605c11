"""Adds each request's duration to django-structlog's request_finished line, and keeps a
request's log context in the Celery tasks it runs in-process."""

import time

import structlog
from celery.signals import task_postrun, task_prerun
from django.dispatch import receiver
from django_structlog import signals


@receiver(signals.bind_extra_request_metadata)
def start_clock(request, **kwargs) -> None:
    request.log_started_at = time.monotonic()


@receiver(signals.bind_extra_request_finished_metadata)
def add_duration(request, log_kwargs, **kwargs) -> None:
    log_kwargs["duration_ms"] = round((time.monotonic() - request.log_started_at) * 1000, 1)


# A task the broker delivers gets its request's context (request_id, user_id) from the message
# headers django-structlog adds when it is published. A task run eagerly (no broker: `make run`,
# the tests) is never published, and django-structlog's task_prerun clears the context: hand it
# the request's context the way the headers would, and give the request its context back after.
# Celery calls receivers in the order they connect; this module is connected before
# django-structlog's (strategy/celery.py imports it before Django's apps are ready).
@task_prerun.connect
def carry_request_context_into_eager_task(task, **kwargs) -> None:
    if task.request.is_eager:
        context = structlog.contextvars.get_contextvars()
        task.request.request_log_context = context
        task.request.__django_structlog__ = context


@task_postrun.connect
def restore_request_context_after_eager_task(task, **kwargs) -> None:
    if task.request.is_eager:
        structlog.contextvars.clear_contextvars()
        structlog.contextvars.bind_contextvars(**task.request.request_log_context)
