"""The strategy itself: the one record every principle, business case and risk belongs to."""

from django.db import models
from django.db.models import Q

from core.limits import SECTION_LENGTH, TITLE_LENGTH, LimitedTextField, length_checks


class StrategyQuerySet(models.QuerySet):
    def current(self) -> "Strategy | None":
        """The strategy the application tracks: the first one loaded, should another ever join it."""
        return self.order_by("pk").first()


class Strategy(models.Model):
    title = models.CharField(max_length=TITLE_LENGTH, unique=True)
    council = models.CharField(max_length=TITLE_LENGTH)
    start_year = models.PositiveSmallIntegerField(help_text="First financial year, e.g. 2023 for 2023/24.")
    end_year = models.PositiveSmallIntegerField(help_text="Calendar year the strategy ends, e.g. 2027.")
    vision = LimitedTextField(max_length=SECTION_LENGTH)
    ict_services_vision = LimitedTextField(max_length=SECTION_LENGTH, blank=True)
    approved_at = models.ForeignKey(
        "reporting.CommitteeMeeting", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    objects = StrategyQuerySet.as_manager()

    class Meta:
        verbose_name_plural = "strategies"
        constraints = [
            *length_checks("strategy", vision=SECTION_LENGTH, ict_services_vision=SECTION_LENGTH),
            models.CheckConstraint(condition=Q(end_year__gt=models.F("start_year")), name="strategy_period_forwards"),
        ]

    def __str__(self) -> str:
        return self.title
