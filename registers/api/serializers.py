"""Business cases (with their yearly figures) and risks (with their scores) in the REST API.

Money is pounds as decimal strings ("1250000.00"), never floats, in and out.
"""

from decimal import Decimal

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from core.api.fields import LimitedCharField, ReferenceField, RefuseUnknownFields, UsernameField, VersionField
from core.limits import DESCRIPTION_LENGTH, REASON_LENGTH, TITLE_LENGTH
from principles.models import Principle
from registers.choices import BusinessCaseStatus, RiskCategory
from registers.models import SCORE_FIELDS, BusinessCase, BusinessCaseTransition, Risk, RiskReview, ScoreBand
from registers.selectors import MoneyTotals


def money_field(**kwargs) -> serializers.DecimalField:
    return serializers.DecimalField(max_digits=14, decimal_places=2, coerce_to_string=True, **kwargs)


class MoneySerializer(serializers.Serializer):
    capital_cost = money_field(read_only=True)
    revenue_cost = money_field(read_only=True)
    cashable_benefit = money_field(read_only=True)
    non_cashable_benefit = money_field(read_only=True)
    net = money_field(read_only=True, help_text="Benefits less costs: negative when it costs more than it returns.")


class BusinessCaseLineSerializer(MoneySerializer):
    financial_year = serializers.IntegerField(read_only=True, help_text="Start year: 2024 means 2024/25.")
    financial_year_label = serializers.CharField(read_only=True, help_text="e.g. 2024/25")


class BusinessCaseSerializer(serializers.ModelSerializer):
    principles = serializers.SerializerMethodField(help_text="Numbers of the principles the case delivers.")
    sponsor = UsernameField(read_only=True)
    lines = BusinessCaseLineSerializer(many=True, read_only=True, help_text="The current figures per financial year.")
    totals = serializers.SerializerMethodField(help_text="The lines summed over the MTFS.")
    version = VersionField()

    class Meta:
        model = BusinessCase
        fields = ["reference", "title", "summary", "status", "principles", "sponsor", "lines", "totals", "version", "updated_at"]
        read_only_fields = fields

    def get_principles(self, business_case: BusinessCase) -> list[int]:
        return sorted(principle.number for principle in business_case.principles.all())

    @extend_schema_field(MoneySerializer)
    def get_totals(self, business_case: BusinessCase) -> dict:
        totals = MoneyTotals()
        for line in business_case.lines.all():
            totals.add(line)
        return MoneySerializer(totals).data


class LineFiguresSerializer(RefuseUnknownFields, serializers.Serializer):
    financial_year = serializers.IntegerField(min_value=2000, max_value=2100, help_text="Start year: 2024 means 2024/25.")
    capital_cost = money_field(required=False, default=Decimal("0.00"))
    revenue_cost = money_field(required=False, default=Decimal("0.00"))
    cashable_benefit = money_field(required=False, default=Decimal("0.00"))
    non_cashable_benefit = money_field(required=False, default=Decimal("0.00"))


class BusinessCaseChangeSerializer(RefuseUnknownFields, serializers.Serializer):
    """PATCH /business-cases/{reference}/: details while live; figures (lines) only in draft."""

    title = LimitedCharField(max_length=TITLE_LENGTH)
    summary = LimitedCharField(max_length=DESCRIPTION_LENGTH, allow_blank=True)
    sponsor = UsernameField()
    principles = serializers.ListField(
        child=serializers.IntegerField(min_value=1, max_value=7), help_text="Principle numbers, 1 to 7."
    )
    lines = LineFiguresSerializer(
        many=True, help_text="All the figures, one entry per financial year: they replace the current lines."
    )

    def validate_principles(self, numbers: list[int]) -> list[Principle]:
        principles = list(Principle.objects.filter(number__in=numbers).order_by("number"))
        missing = sorted(set(numbers) - {principle.number for principle in principles})
        if missing:
            raise serializers.ValidationError(f"There is no principle {', '.join(map(str, missing))}.")
        return principles


class BusinessCaseCreateSerializer(BusinessCaseChangeSerializer):
    """POST /business-cases/: a new case, in draft."""

    reference = ReferenceField()
    summary = LimitedCharField(max_length=DESCRIPTION_LENGTH, allow_blank=True, required=False, default="")
    principles = serializers.ListField(
        child=serializers.IntegerField(min_value=1, max_value=7), required=False, default=list,
        help_text="Principle numbers, 1 to 7.",
    )
    lines = LineFiguresSerializer(many=True, required=False, default=list, help_text="One entry per financial year.")


class BusinessCaseTransitionSerializer(serializers.ModelSerializer):
    business_case = serializers.CharField(source="business_case.reference", read_only=True)
    actor = UsernameField(read_only=True)

    class Meta:
        model = BusinessCaseTransition
        fields = ["business_case", "from_status", "to_status", "actor", "at", "note"]
        read_only_fields = fields


class TransitionRequestSerializer(RefuseUnknownFields, serializers.Serializer):
    """POST /business-cases/{reference}/transitions/: draft → submitted → approved or rejected → closed."""

    to = serializers.ChoiceField(choices=BusinessCaseStatus.choices, help_text="The status to move the case to.")
    note = LimitedCharField(
        max_length=REASON_LENGTH, allow_blank=True, required=False, default="", help_text="Required when rejecting."
    )


def _band(score: int) -> str:
    return ScoreBand.for_score(score).key


class RiskSerializer(serializers.ModelSerializer):
    owner = UsernameField(read_only=True)
    business_cases = serializers.SlugRelatedField(slug_field="reference", many=True, read_only=True)
    inherent_score = serializers.IntegerField(read_only=True, help_text="Likelihood × impact before mitigation.")
    inherent_band = serializers.SerializerMethodField()
    residual_score = serializers.IntegerField(read_only=True, help_text="Likelihood × impact after mitigation.")
    band = serializers.SerializerMethodField(help_text="The residual score's band, as the band filter names it.")
    review_overdue = serializers.BooleanField(source="is_review_overdue", read_only=True)
    version = VersionField()

    class Meta:
        model = Risk
        fields = [
            "reference", "title", "description", "category", "owner", "mitigation",
            "inherent_likelihood", "inherent_impact", "inherent_score", "inherent_band",
            "residual_likelihood", "residual_impact", "residual_score", "band",
            "review_date", "review_overdue", "on_strategic_register", "escalation_reason", "business_cases",
            "version", "updated_at",
        ]
        read_only_fields = fields

    def get_inherent_band(self, risk: Risk) -> str:
        return _band(risk.inherent_score)

    def get_band(self, risk: Risk) -> str:
        return _band(risk.residual_score)


def score_field(**kwargs) -> serializers.IntegerField:
    return serializers.IntegerField(min_value=1, max_value=5, **kwargs)


class RiskChangeSerializer(RefuseUnknownFields, serializers.Serializer):
    """PATCH /risks/{reference}/: leads change anything; owners their own risk, not its owner or cases."""

    title = LimitedCharField(max_length=TITLE_LENGTH)
    description = LimitedCharField(max_length=DESCRIPTION_LENGTH, allow_blank=True)
    category = serializers.ChoiceField(choices=RiskCategory.choices)
    owner = UsernameField()
    mitigation = LimitedCharField(max_length=DESCRIPTION_LENGTH, allow_blank=True)
    review_date = serializers.DateField()
    on_strategic_register = serializers.BooleanField()
    escalation_reason = LimitedCharField(
        max_length=REASON_LENGTH, allow_blank=True, help_text="Required on the strategic register."
    )
    business_cases = serializers.SlugRelatedField(
        slug_field="reference", many=True, queryset=BusinessCase.objects.all(), help_text="Business case references."
    )
    inherent_likelihood = score_field()
    inherent_impact = score_field()
    residual_likelihood = score_field()
    residual_impact = score_field()


class RiskCreateSerializer(RiskChangeSerializer):
    """POST /risks/: a new risk, escalated to the strategic register at once if its residual score needs it."""

    reference = ReferenceField()
    description = LimitedCharField(max_length=DESCRIPTION_LENGTH, allow_blank=True, required=False, default="")
    mitigation = LimitedCharField(max_length=DESCRIPTION_LENGTH, allow_blank=True, required=False, default="")
    on_strategic_register = serializers.BooleanField(required=False, default=False)
    escalation_reason = LimitedCharField(max_length=REASON_LENGTH, allow_blank=True, required=False, default="")
    business_cases = serializers.SlugRelatedField(
        slug_field="reference", many=True, queryset=BusinessCase.objects.all(), required=False, default=list,
        help_text="Business case references.",
    )


class RiskReviewSerializer(serializers.ModelSerializer):
    risk = serializers.CharField(source="risk.reference", read_only=True)
    reviewed_by = UsernameField(read_only=True)

    class Meta:
        model = RiskReview
        fields = ["risk", *SCORE_FIELDS, "note", "next_review_date", "escalated", "reviewed_by", "reviewed_at"]
        read_only_fields = fields


class RiskReviewRequestSerializer(RefuseUnknownFields, serializers.Serializer):
    """POST /risks/{reference}/reviews/: the scores now, what the review found and the next review date."""

    inherent_likelihood = score_field()
    inherent_impact = score_field()
    residual_likelihood = score_field()
    residual_impact = score_field()
    note = LimitedCharField(max_length=REASON_LENGTH, help_text="What the review found.")
    next_review_date = serializers.DateField(help_text="In the future.")

