"""ICT Strategy governance: the project package and the strategy-level domain."""

# Loading the Celery app with Django makes @shared_task use it and its settings.
from .celery import app as celery_app

__all__ = ("celery_app",)
