"""Reporting periods: the UK financial-year quarters that progress updates and packs belong to."""

import datetime

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone

from core.conditions import holds
from core.financial_year import FinancialQuarter


def taking_updates_on(day: datetime.date) -> Q:
    """Taking progress updates on `day`: started, its update deadline not passed, not closed early."""
    return Q(closed_at__isnull=True, start_date__lte=day, update_deadline__gte=day)


def closed_on(day: datetime.date) -> Q:
    """Closed for good on `day`: closed early by a lead, or its update deadline has passed."""
    return Q(closed_at__isnull=False) | Q(update_deadline__lt=day)


class ReportingPeriodQuerySet(models.QuerySet):
    def taking_updates(self, *, on: datetime.date) -> "ReportingPeriodQuerySet":
        return self.filter(taking_updates_on(on))

    def closed(self, *, on: datetime.date) -> "ReportingPeriodQuerySet":
        return self.filter(closed_on(on))


class ReportingPeriod(models.Model):
    """A UK financial-year quarter that takes progress updates until its update deadline."""

    financial_year = models.PositiveSmallIntegerField(help_text="Start year: 2024 means 2024/25.")
    quarter = models.PositiveSmallIntegerField(validators=[MinValueValidator(1), MaxValueValidator(4)])
    start_date = models.DateField()
    end_date = models.DateField()
    update_deadline = models.DateField(help_text="Last day managers may report on this quarter.")
    closed_at = models.DateTimeField(null=True, blank=True, help_text="Set when a lead closes the period early.")
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    objects = ReportingPeriodQuerySet.as_manager()

    class Meta:
        # The table keeps the name it had in `reporting` (see migrations/0001_initial.py).
        db_table = "reporting_reportingperiod"
        ordering = ["start_date"]
        constraints = [
            models.UniqueConstraint(fields=["financial_year", "quarter"], name="reportingperiod_one_per_quarter"),
            models.CheckConstraint(condition=Q(quarter__gte=1, quarter__lte=4), name="reportingperiod_quarter_1_to_4"),
            models.CheckConstraint(condition=Q(end_date__gt=models.F("start_date")), name="reportingperiod_ends_after_start"),
            models.CheckConstraint(
                condition=Q(update_deadline__gte=models.F("end_date")), name="reportingperiod_deadline_after_end"
            ),
        ]

    def __str__(self) -> str:
        return self.label

    @property
    def financial_quarter(self) -> FinancialQuarter:
        return FinancialQuarter(self.financial_year, self.quarter)

    @property
    def label(self) -> str:
        return self.financial_quarter.label

    @property
    def key(self) -> str:
        return self.financial_quarter.key

    @property
    def end_moment(self) -> datetime.datetime:
        """The last instant of the quarter in the council's time zone: registers are read as at this."""
        return timezone.make_aware(datetime.datetime.combine(self.end_date, datetime.time.max))

    def is_open(self, on: datetime.date | None = None) -> bool:
        return holds(taking_updates_on(on or timezone.localdate()), self)

    def is_closed(self, on: datetime.date | None = None) -> bool:
        return holds(closed_on(on or timezone.localdate()), self)
