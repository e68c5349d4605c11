"""Reporting periods: the UK financial-year quarters that progress updates and packs belong to."""

import datetime

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone

from core.financial_year import FinancialQuarter


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

    def is_open(self, on: datetime.date | None = None) -> bool:
        on = on or timezone.localdate()
        return self.closed_at is None and self.start_date <= on <= self.update_deadline

    def is_closed(self, on: datetime.date | None = None) -> bool:
        """Closed for good: closed early by a lead, or its update deadline has passed."""
        on = on or timezone.localdate()
        return self.closed_at is not None or self.update_deadline < on
