"""The strategy itself, its High Level Business Cases and its risk register."""

from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords

from .choices import BusinessCaseStatus, RiskCategory

ONE_TO_FIVE = [MinValueValidator(1), MaxValueValidator(5)]


class Strategy(models.Model):
    title = models.CharField(max_length=200, unique=True)
    council = models.CharField(max_length=200)
    start_year = models.PositiveSmallIntegerField(help_text="First financial year, e.g. 2023 for 2023/24.")
    end_year = models.PositiveSmallIntegerField(help_text="Calendar year the strategy ends, e.g. 2027.")
    vision = models.TextField()
    ict_services_vision = models.TextField(blank=True)
    approved_at = models.ForeignKey(
        "reporting.CommitteeMeeting", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name_plural = "strategies"
        constraints = [
            models.CheckConstraint(condition=Q(end_year__gt=models.F("start_year")), name="strategy_period_forwards"),
        ]

    def __str__(self) -> str:
        return self.title


class BusinessCase(models.Model):
    """A High Level Business Case (HLBC): updated annually, its benefits assessed for the MTFS."""

    reference = models.CharField(max_length=30, unique=True)
    strategy = models.ForeignKey(Strategy, on_delete=models.PROTECT, related_name="business_cases")
    title = models.CharField(max_length=200)
    summary = models.TextField(blank=True)
    principles = models.ManyToManyField("principles.Principle", related_name="business_cases", blank=True)
    sponsor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="sponsored_cases")
    status = models.CharField(max_length=20, choices=BusinessCaseStatus.choices, default=BusinessCaseStatus.DRAFT)
    is_demo = models.BooleanField(default=False, help_text="Demo data loaded by seed_strategy --demo.")
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["reference"]
        constraints = [
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

    class Meta:
        ordering = ["business_case", "financial_year"]
        constraints = [
            models.UniqueConstraint(fields=["business_case", "financial_year"], name="businesscaseline_one_per_year"),
        ]

    def __str__(self) -> str:
        return f"{self.business_case.reference} {self.financial_year_label}"

    @property
    def financial_year_label(self) -> str:
        return f"{self.financial_year}/{(self.financial_year + 1) % 100:02d}"

    @property
    def net(self) -> Decimal:
        """Benefit less cost: negative means the year costs more than it returns."""
        return self.cashable_benefit + self.non_cashable_benefit - self.capital_cost - self.revenue_cost


class Risk(models.Model):
    reference = models.CharField(max_length=30, unique=True)
    strategy = models.ForeignKey(Strategy, on_delete=models.PROTECT, related_name="risks")
    title = models.CharField(max_length=200)
    description = models.TextField(blank=True)
    category = models.CharField(max_length=20, choices=RiskCategory.choices)
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="owned_risks")
    inherent_likelihood = models.PositiveSmallIntegerField(validators=ONE_TO_FIVE)
    inherent_impact = models.PositiveSmallIntegerField(validators=ONE_TO_FIVE)
    residual_likelihood = models.PositiveSmallIntegerField(validators=ONE_TO_FIVE)
    residual_impact = models.PositiveSmallIntegerField(validators=ONE_TO_FIVE)
    mitigation = models.TextField(blank=True)
    review_date = models.DateField()
    on_strategic_register = models.BooleanField(default=False)
    escalation_reason = models.TextField(blank=True)
    business_cases = models.ManyToManyField(BusinessCase, related_name="risks", blank=True)
    is_demo = models.BooleanField(default=False, help_text="Demo data loaded by seed_strategy --demo.")
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["reference"]
        constraints = [
            *[
                models.CheckConstraint(condition=Q(**{f"{field}__gte": 1, f"{field}__lte": 5}), name=f"risk_{field}_1_to_5")
                for field in ("inherent_likelihood", "inherent_impact", "residual_likelihood", "residual_impact")
            ],
            models.CheckConstraint(condition=Q(category__in=RiskCategory.values), name="risk_category_valid"),
        ]

    def __str__(self) -> str:
        return f"{self.reference} {self.title}"

    @property
    def inherent_score(self) -> int:
        return self.inherent_likelihood * self.inherent_impact

    @property
    def residual_score(self) -> int:
        return self.residual_likelihood * self.residual_impact
