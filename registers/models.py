"""The High Level Business Cases and the risk register."""

import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from simple_history.models import HistoricalRecords

from core.conditions import holds
from core.conflicts import VersionedByHistory
from core.financial_year import financial_year_label
from core.limits import (
    DESCRIPTION_LENGTH,
    REASON_LENGTH,
    TITLE_LENGTH,
    LimitedTextField,
    ReferenceField,
    length_checks,
)
from strategy.models import Strategy

from .choices import BusinessCaseStatus, RiskCategory

# The tables keep the names they had when these models lived in `strategy`, so a database
# created before the move carries on with nothing copied (see migrations/0001_initial.py).
ONE_TO_FIVE = [MinValueValidator(1), MaxValueValidator(5)]
MONEY_FIELD_NAMES = ("capital_cost", "revenue_cost", "cashable_benefit", "non_cashable_benefit")


@dataclass(frozen=True)
class ScoreBand:
    """A band of likelihood × impact scores (1–25), as the council's risk matrix names them."""

    key: str
    label: str
    low: int
    high: int

    @classmethod
    def for_score(cls, score: int) -> "ScoreBand":
        return next(band for band in SCORE_BANDS if band.low <= score <= band.high)


SCORE_BANDS = (
    ScoreBand("low", "Low", 1, 4),
    ScoreBand("medium", "Medium", 5, 9),
    ScoreBand("high", "High", 10, 14),
    ScoreBand("very_high", "Very high", 15, 25),
)
VERY_HIGH = SCORE_BANDS[-1]
# How the register, its pages and the packs state the bands.
SCORE_BANDS_TEXT = ", ".join(f"{band.label.lower()} {band.low}–{band.high}" for band in SCORE_BANDS)
# A very high residual score puts a risk on the Strategic Risk Register (report 8.6).
ESCALATION_THRESHOLD = VERY_HIGH.low


def needs_escalation(residual_score: int) -> bool:
    """The rule for the Strategic Risk Register. Scores are likelihood × impact, so 14 never
    occurs in practice; the rule is a threshold and is tested as one (14, 15, 25)."""
    return residual_score >= ESCALATION_THRESHOLD


def escalation_reason(residual_score: int) -> str:
    return (
        f"Residual score {residual_score} is {ESCALATION_THRESHOLD} or more: "
        "escalated to the Strategic Risk Register."
    )


class BusinessCase(VersionedByHistory, models.Model):
    """A High Level Business Case (HLBC): updated annually, its benefits assessed for the MTFS."""

    reference = ReferenceField(unique=True)
    strategy = models.ForeignKey(Strategy, on_delete=models.PROTECT, related_name="business_cases")
    title = models.CharField(max_length=TITLE_LENGTH)
    summary = LimitedTextField(max_length=DESCRIPTION_LENGTH, blank=True)
    principles = models.ManyToManyField(
        "principles.Principle", related_name="business_cases", blank=True, db_table="strategy_businesscase_principles"
    )
    sponsor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="sponsored_cases")
    status = models.CharField(max_length=20, choices=BusinessCaseStatus.choices, default=BusinessCaseStatus.DRAFT)
    is_demo = models.BooleanField(default=False, help_text="Demo data loaded by seed_strategy --demo.")
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords(table_name="strategy_historicalbusinesscase")

    class Meta:
        db_table = "strategy_businesscase"
        ordering = ["reference"]
        constraints = [
            *length_checks("businesscase", summary=DESCRIPTION_LENGTH),
            models.CheckConstraint(
                condition=Q(status__in=BusinessCaseStatus.values), name="businesscase_status_valid"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.reference} {self.title}"


class BusinessCaseLine(models.Model):
    """One financial year of a business case, in pounds (Decimal, never float)."""

    business_case = models.ForeignKey(BusinessCase, on_delete=models.CASCADE, related_name="lines")
    financial_year = models.PositiveSmallIntegerField(help_text="Start year: 2024 means 2024/25.")
    capital_cost = models.DecimalField(max_digits=14, decimal_places=2, default=Decimal("0.00"))
    revenue_cost = models.DecimalField(max_digits=14, decimal_places=2, default=Decimal("0.00"))
    cashable_benefit = models.DecimalField(max_digits=14, decimal_places=2, default=Decimal("0.00"))
    non_cashable_benefit = models.DecimalField(max_digits=14, decimal_places=2, default=Decimal("0.00"))
    # A draft's figures are replaced freely, so the history is what tells a past quarter's pack
    # the figures that stood then (see registers.selectors.business_cases_as_at).
    history = HistoricalRecords()

    class Meta:
        db_table = "strategy_businesscaseline"
        ordering = ["business_case", "financial_year"]
        constraints = [
            models.UniqueConstraint(fields=["business_case", "financial_year"], name="businesscaseline_one_per_year"),
        ]

    def __str__(self) -> str:
        return f"{self.business_case.reference} {self.financial_year_label}"

    @property
    def financial_year_label(self) -> str:
        return financial_year_label(self.financial_year)

    @property
    def net(self) -> Decimal:
        """Benefit less cost: negative means the year costs more than it returns."""
        return self.cashable_benefit + self.non_cashable_benefit - self.capital_cost - self.revenue_cost


SCORE_FIELDS = ("inherent_likelihood", "inherent_impact", "residual_likelihood", "residual_impact")


class Scored(models.Model):
    """Likelihood and impact, each 1 to 5, before (inherent) and after (residual) mitigation."""

    inherent_likelihood = models.PositiveSmallIntegerField(validators=ONE_TO_FIVE)
    inherent_impact = models.PositiveSmallIntegerField(validators=ONE_TO_FIVE)
    residual_likelihood = models.PositiveSmallIntegerField(validators=ONE_TO_FIVE)
    residual_impact = models.PositiveSmallIntegerField(validators=ONE_TO_FIVE)

    class Meta:
        abstract = True
        constraints = [
            models.CheckConstraint(
                condition=Q(**{f"{field}__gte": 1, f"{field}__lte": 5}), name=f"%(class)s_{field}_1_to_5"
            )
            for field in SCORE_FIELDS
        ]

    @property
    def inherent_score(self) -> int:
        return self.inherent_likelihood * self.inherent_impact

    @property
    def residual_score(self) -> int:
        return self.residual_likelihood * self.residual_impact


def review_overdue_on(day: datetime.date) -> Q:
    """Past its review date on `day` (each review sets the next one)."""
    return Q(review_date__lt=day)


class Risk(VersionedByHistory, Scored):
    reference = ReferenceField(unique=True)
    strategy = models.ForeignKey(Strategy, on_delete=models.PROTECT, related_name="risks")
    title = models.CharField(max_length=TITLE_LENGTH)
    description = LimitedTextField(max_length=DESCRIPTION_LENGTH, blank=True)
    category = models.CharField(max_length=20, choices=RiskCategory.choices)
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="owned_risks")
    mitigation = LimitedTextField(max_length=DESCRIPTION_LENGTH, blank=True)
    review_date = models.DateField()
    on_strategic_register = models.BooleanField(default=False)
    escalation_reason = LimitedTextField(max_length=REASON_LENGTH, blank=True)
    business_cases = models.ManyToManyField(
        BusinessCase, related_name="risks", blank=True, db_table="strategy_risk_business_cases"
    )
    is_demo = models.BooleanField(default=False, help_text="Demo data loaded by seed_strategy --demo.")
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords(table_name="strategy_historicalrisk")

    class Meta:
        db_table = "strategy_risk"
        ordering = ["reference"]
        constraints = [
            *length_checks(
                "risk",
                description=DESCRIPTION_LENGTH,
                mitigation=DESCRIPTION_LENGTH,
                escalation_reason=REASON_LENGTH,
            ),
            *Scored.Meta.constraints,
            models.CheckConstraint(condition=Q(category__in=RiskCategory.values), name="risk_category_valid"),
        ]

    def __str__(self) -> str:
        return f"{self.reference} {self.title}"


    @property
    def residual_band(self) -> "ScoreBand":
        return ScoreBand.for_score(self.residual_score)

    @property
    def is_review_overdue(self) -> bool:
        return holds(review_overdue_on(timezone.localdate()), self)


class BusinessCaseTransition(models.Model):
    """One step of a business case's workflow: who moved it from which status to which, and when."""

    business_case = models.ForeignKey(BusinessCase, on_delete=models.CASCADE, related_name="transitions")
    from_status = models.CharField(max_length=20, choices=BusinessCaseStatus.choices)
    to_status = models.CharField(max_length=20, choices=BusinessCaseStatus.choices)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField(default=timezone.now)
    note = LimitedTextField(max_length=REASON_LENGTH, blank=True)

    class Meta:
        db_table = "strategy_businesscasetransition"
        ordering = ["business_case", "at", "pk"]
        constraints = [
            *length_checks("businesscasetransition", note=REASON_LENGTH),
            models.CheckConstraint(
                condition=~Q(from_status=models.F("to_status")), name="businesscasetransition_changes_status"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.business_case.reference}: {self.from_status} → {self.to_status}"


class BusinessCaseRevision(models.Model):
    """The figures of an approved business case as they stood before an annual revision replaced them.

    Design: the case's `lines` always hold its current figures, so every read of current figures
    (lists, totals, packs, the API) stays one simple query. Once a case is approved its lines
    change only through `business_case_revise`, which first copies them here, with who revised
    them, when and why, then writes the new figures. Revision 1 therefore holds the figures
    originally approved, revision 2 those that replaced them, and so on; the current figures are
    revision `revisions.count() + 1`. The snapshot is JSON with money as strings ("1250.50"), read
    back as Decimal by `superseded_lines`, so no float ever touches the money.
    """

    business_case = models.ForeignKey(BusinessCase, on_delete=models.CASCADE, related_name="revisions")
    number = models.PositiveSmallIntegerField(help_text="1 for the figures first approved, 2 for the next, ...")
    superseded_figures = models.JSONField(help_text="The replaced lines: financial year and money as strings.")
    reason = LimitedTextField(max_length=REASON_LENGTH)
    revised_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    revised_at = models.DateTimeField(default=timezone.now)

    class Meta:
        db_table = "strategy_businesscaserevision"
        ordering = ["business_case", "number"]
        constraints = [
            *length_checks("businesscaserevision", reason=REASON_LENGTH),
            models.UniqueConstraint(fields=["business_case", "number"], name="businesscaserevision_number_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.business_case.reference} revision {self.number}"

    @property
    def superseded_lines(self) -> list[BusinessCaseLine]:
        """The replaced figures as unsaved lines, so templates show them exactly like current ones."""
        return [
            BusinessCaseLine(
                financial_year=figures["financial_year"],
                **{name: Decimal(figures[name]) for name in MONEY_FIELD_NAMES},
            )
            for figures in self.superseded_figures
        ]


class RiskReview(Scored):
    """A dated review of a risk: the scores the reviewer set and what they noted."""

    risk = models.ForeignKey(Risk, on_delete=models.CASCADE, related_name="reviews")
    reviewed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    reviewed_at = models.DateTimeField(default=timezone.now)
    note = LimitedTextField(max_length=REASON_LENGTH)
    next_review_date = models.DateField()
    escalated = models.BooleanField(default=False, help_text="This review put the risk on the strategic register.")

    class Meta:
        db_table = "strategy_riskreview"
        ordering = ["risk", "-reviewed_at", "-pk"]
        constraints = [*Scored.Meta.constraints, *length_checks("riskreview", note=REASON_LENGTH)]

    def __str__(self) -> str:
        return f"{self.risk.reference} reviewed {self.reviewed_at:%d %B %Y}"

