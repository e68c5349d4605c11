from rest_framework import serializers

from core.api.fields import RefuseUnknownFields, UsernameField
from core.limits import COMMENTARY_LENGTH
from periods.api.serializers import PeriodKeyField

from ..choices import MeasureState
from ..models import FIGURE, Measure, MeasureValue
from ..selectors import shown_assessment, value_assessment

# Versions are PostgreSQL integers; anything larger cannot be a version we issued.
VERSION_LIMIT = 2**31 - 1


class MeasureSerializer(serializers.ModelSerializer):
    """A measure from selectors.measures_in: `period`, `target`, `actual` and `rag` are those of the quarter shown."""

    principle = serializers.IntegerField(source="principle.number", read_only=True)
    action = serializers.SlugRelatedField(slug_field="reference", read_only=True, allow_null=True)
    business_case = serializers.SlugRelatedField(slug_field="reference", read_only=True, allow_null=True)
    owner = UsernameField(read_only=True, help_text="The data owner.")
    delegates = UsernameField(many=True, read_only=True)
    last_updated_by = UsernameField(read_only=True, allow_null=True)
    period = serializers.CharField(
        source="shown_period_key", read_only=True, help_text="The quarter shown (?period=, else the one taking figures, else the latest begun)."
    )
    target = serializers.DecimalField(source="shown_target", read_only=True, allow_null=True, **FIGURE)
    actual = serializers.DecimalField(source="shown_actual", read_only=True, allow_null=True, **FIGURE)
    rag = serializers.ChoiceField(source="shown_state", choices=MeasureState.choices, read_only=True)
    rag_reason = serializers.SerializerMethodField(help_text='Why, in words: "2.1 points below the target of 95.0%, …".')

    class Meta:
        model = Measure
        fields = [
            "reference", "name", "description", "principle", "action", "business_case", "unit", "direction",
            "decimal_places", "tolerance", "tolerance_kind", "baseline_value", "baseline_date", "owner", "delegates",
            "source", "frequency", "period", "target", "actual", "rag", "rag_reason", "is_demo", "version",
            "last_updated_at", "last_updated_by",
        ]
        read_only_fields = fields

    def get_rag_reason(self, measure: Measure) -> str:
        return shown_assessment(measure).reason


class MeasureValueSerializer(serializers.ModelSerializer):
    measure = serializers.CharField(source="measure.reference", read_only=True)
    period = serializers.CharField(source="period.key", read_only=True, help_text="e.g. 2024-25-Q2")
    period_label = serializers.CharField(source="period.label", read_only=True, help_text="e.g. 2024/25 Q2")
    rag = serializers.SerializerMethodField(help_text="red, amber, green, not_reported after the deadline with no actual, or null.")
    rag_reason = serializers.SerializerMethodField()
    entered_by = UsernameField(read_only=True)

    class Meta:
        model = MeasureValue
        fields = ["measure", "period", "period_label", "target", "actual", "rag", "rag_reason", "commentary", "entered_by", "created_at", "entered_at"]
        read_only_fields = fields

    def get_rag(self, value: MeasureValue) -> str | None:
        return value_assessment(value).rag

    def get_rag_reason(self, value: MeasureValue) -> str:
        return value_assessment(value).reason


class MeasureValueRecordSerializer(RefuseUnknownFields, serializers.Serializer):
    """POST /measures/{reference}/values/: the same rules as the browser's figures form."""

    period = PeriodKeyField()
    target = serializers.DecimalField(**FIGURE)
    actual = serializers.DecimalField(allow_null=True, required=False, default=None, **FIGURE)
    commentary = serializers.CharField(
        allow_blank=True, required=False, default="", max_length=COMMENTARY_LENGTH, help_text="Required when amber or red."
    )
    expected_version = serializers.IntegerField(
        required=False, min_value=1, max_value=VERSION_LIMIT,
        help_text="The measure's version you read. Required unless you send If-Match with its ETag.",
    )
