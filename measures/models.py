"""Measures: the benefits the strategy promised, as KPIs with a target and an actual each quarter."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Case, OuterRef, Q, QuerySet, Subquery, Value, When
from simple_history.models import HistoricalRecords

from core.limits import (
    COMMENTARY_LENGTH,
    DESCRIPTION_LENGTH,
    REFERENCE_PATTERN,
    TITLE_LENGTH,
    URL_WORDS,
    LimitedTextField,
    ReferenceField,
    length_checks,
)

from .choices import ANNUAL_QUARTER, Direction, Frequency, MeasureRag, MeasureState, ToleranceKind, Unit

# Words the site's addresses use beside a reference, as a reference would be written.
RESERVED_REFERENCES = sorted(word.upper() for word in URL_WORDS)
MAX_PLACES = 3
RATED = [(rag.value, rag.label) for rag in (MeasureRag.RED, MeasureRag.AMBER, MeasureRag.GREEN)]
FIGURE = {"max_digits": 15, "decimal_places": MAX_PLACES}


class Measure(models.Model):
    reference = ReferenceField(unique=True)
    name = models.CharField(max_length=TITLE_LENGTH)
    description = LimitedTextField(blank=True, max_length=DESCRIPTION_LENGTH)
    principle = models.ForeignKey("principles.Principle", on_delete=models.PROTECT, related_name="measures")
    # The action or business case whose benefit the measure evidences, when there is one.
    action = models.ForeignKey("actions.ActionItem", on_delete=models.PROTECT, null=True, blank=True, related_name="measures")
    business_case = models.ForeignKey(
        "registers.BusinessCase", on_delete=models.PROTECT, null=True, blank=True, related_name="measures"
    )
    unit = models.CharField(max_length=12, choices=Unit.choices)
    direction = models.CharField(max_length=12, choices=Direction.choices)
    decimal_places = models.PositiveSmallIntegerField(default=0, validators=[MaxValueValidator(MAX_PLACES)])
    tolerance = models.DecimalField(**FIGURE, default=0, validators=[MinValueValidator(0)])
    tolerance_kind = models.CharField(max_length=10, choices=ToleranceKind.choices, default=ToleranceKind.ABSOLUTE)
    baseline_value = models.DecimalField(**FIGURE, null=True, blank=True)
    baseline_date = models.DateField(null=True, blank=True)
    # The data owner reports its values, as an action's owner reports its progress (core.permissions).
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="owned_measures", verbose_name="data owner"
    )
    delegates = models.ManyToManyField(settings.AUTH_USER_MODEL, related_name="delegated_measures", blank=True)
    source = models.CharField(max_length=200, blank=True, help_text="Where the figures come from.")
    frequency = models.CharField(max_length=10, choices=Frequency.choices, default=Frequency.QUARTERLY)
    # Optimistic locking, as on actions: every value recorded bumps it.
    version = models.PositiveIntegerField(default=1)
    last_updated_at = models.DateTimeField(null=True, blank=True)
    last_updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    is_demo = models.BooleanField(default=False, help_text="Demo data loaded by seed_strategy --demo.")
    history = HistoricalRecords(excluded_fields=["last_updated_at"])

    class Meta:
        ordering = ["reference"]
        constraints = [
            models.CheckConstraint(condition=Q(reference__regex=REFERENCE_PATTERN), name="measure_reference_pattern"),
            models.CheckConstraint(condition=~Q(reference__in=RESERVED_REFERENCES), name="measure_reference_not_reserved"),
            models.CheckConstraint(condition=Q(unit__in=Unit.values), name="measure_unit_valid"),
            models.CheckConstraint(condition=Q(direction__in=Direction.values), name="measure_direction_valid"),
            models.CheckConstraint(condition=Q(tolerance_kind__in=ToleranceKind.values), name="measure_tolerance_kind_valid"),
            models.CheckConstraint(condition=Q(frequency__in=Frequency.values), name="measure_frequency_valid"),
            models.CheckConstraint(condition=Q(tolerance__gte=0), name="measure_tolerance_not_negative"),
            models.CheckConstraint(condition=Q(decimal_places__lte=MAX_PLACES), name="measure_decimal_places_0_to_3"),
            *length_checks("measure", description=DESCRIPTION_LENGTH),
        ]

    def __str__(self) -> str:
        return f"{self.reference} {self.name}"


class MeasureValue(models.Model):
    """A measure's target and actual for one reporting period; amendments are kept in its history."""

    measure = models.ForeignKey(Measure, on_delete=models.PROTECT, related_name="values")
    period = models.ForeignKey("periods.ReportingPeriod", on_delete=models.PROTECT, related_name="measure_values")
    target = models.DecimalField(**FIGURE)
    # Empty until the figure is known: a target may be set ahead of the quarter.
    actual = models.DecimalField(**FIGURE, null=True, blank=True)
    # rag.assess's rating of the actual against the target, kept by the service so lists filter
    # and count it in SQL; empty until there is an actual.
    rag = models.CharField("RAG", max_length=10, choices=RATED, blank=True)
    commentary = LimitedTextField(blank=True, max_length=COMMENTARY_LENGTH)
    entered_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="measure_values")
    created_at = models.DateTimeField()
    entered_at = models.DateTimeField()
    history = HistoricalRecords()

    class Meta:
        ordering = ["measure__reference", "period__start_date"]
        constraints = [
            models.UniqueConstraint(fields=["measure", "period"], name="measurevalue_one_per_measure_per_period"),
            *length_checks("measurevalue", commentary=COMMENTARY_LENGTH),
            models.CheckConstraint(
                condition=Q(actual__isnull=True, rag="") | Q(actual__isnull=False, rag__in=[value for value, _ in RATED]),
                name="measurevalue_rated_when_actual",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.measure.reference} {self.period}"


def with_figures_in(measures: QuerySet, *, period, closed: bool) -> QuerySet:
    """`measures` with their value for `period` (a ReportingPeriod, or None for none): its key as
    `shown_period_key`, the figures as `shown_target`, `shown_actual`, `shown_rag`, and
    `shown_state`, a MeasureState: the rating, else not due (an annual measure outside the fourth
    quarter), else not reported once the quarter is `closed`, else awaiting. `period_closed` is `closed`.
    """
    if period is None:
        return measures.annotate(
            shown_period_key=Value(""), shown_target=Value(None, output_field=models.DecimalField(**FIGURE)),
            shown_actual=Value(None, output_field=models.DecimalField(**FIGURE)), shown_rag=Value(""),
            shown_state=Value(MeasureState.AWAITING.value), period_closed=Value(False),
        )
    value = MeasureValue.objects.filter(measure=OuterRef("pk"), period=period)
    not_due = [When(frequency=Frequency.ANNUAL, then=Value(MeasureState.NOT_DUE.value))] if period.quarter != ANNUAL_QUARTER else []
    return measures.annotate(
        shown_period_key=Value(period.key),
        shown_target=Subquery(value.values("target")[:1]),
        shown_actual=Subquery(value.values("actual")[:1]),
        shown_rag=Subquery(value.values("rag")[:1]),
        period_closed=Value(closed),
    ).annotate(
        shown_state=Case(
            *not_due,
            When(~Q(shown_rag="") & Q(shown_rag__isnull=False), then="shown_rag"),
            default=Value((MeasureState.NOT_REPORTED if closed else MeasureState.AWAITING).value),
            output_field=models.CharField(),
        )
    )
