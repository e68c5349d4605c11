from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save


class ActionsConfig(AppConfig):
    name = "actions"
    verbose_name = "Action plan"

    def ready(self) -> None:
        from core.aggregates import aggregates_changed
        from periods.models import ReportingPeriod
        from principles.models import Principle

        from .models import ActionItem, ProgressUpdate

        # What the plan's roll-ups count (actions.selectors): a save or delete of any of these
        # makes every cached roll-up out of date.
        for model in (ActionItem, ProgressUpdate, ReportingPeriod, Principle):
            post_save.connect(aggregates_changed, sender=model, dispatch_uid=f"aggregates-saved-{model._meta.label}")
            post_delete.connect(aggregates_changed, sender=model, dispatch_uid=f"aggregates-deleted-{model._meta.label}")
