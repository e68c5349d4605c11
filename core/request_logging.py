"""Adds each request's duration to django-structlog's request_finished line."""

import time

from django.dispatch import receiver
from django_structlog import signals


@receiver(signals.bind_extra_request_metadata)
def start_clock(request, **kwargs) -> None:
    request.log_started_at = time.monotonic()


@receiver(signals.bind_extra_request_finished_metadata)
def add_duration(request, log_kwargs, **kwargs) -> None:
    log_kwargs["duration_ms"] = round((time.monotonic() - request.log_started_at) * 1000, 1)
