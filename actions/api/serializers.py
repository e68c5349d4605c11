from django.utils import timezone
from rest_framework import serializers

from actions.choices import Rag, Status
from actions.models import ActionItem, ProgressUpdate
from core.api.fields import LimitedCharField, UsernameField
from core.limits import COMMENTARY_LENGTH, DESCRIPTION_LENGTH, REASON_LENGTH, TITLE_LENGTH
from periods.api.serializers import PeriodKeyField

# Versions are PostgreSQL integers; anything larger cannot be a version we issued.
VERSION_LIMIT = 2**31 - 1


def expected_version_field() -> serializers.IntegerField:
    return serializers.IntegerField(
        required=False,
        min_value=1,
        max_value=VERSION_LIMIT,
        help_text="The action's version you read. Required unless you send If-Match with its ETag.",
    )


class ActionSerializer(serializers.ModelSerializer):
    principle = serializers.IntegerField(source="principle.number", read_only=True)
    owner = UsernameField(read_only=True)
    delegates = UsernameField(many=True, read_only=True)
    business_case = serializers.SlugRelatedField(slug_field="reference", read_only=True, allow_null=True)
    last_updated_by = UsernameField(read_only=True, allow_null=True)
    due_date = serializers.DateField(read_only=True, help_text="The revised target date if set, else the target date.")
    overdue = serializers.SerializerMethodField(help_text="Past its due date and neither completed nor cancelled.")

    class Meta:
        model = ActionItem
        fields = [
            "reference", "title", "description", "principle", "owner", "delegates", "business_case",
            "start_date", "target_date", "revised_target_date", "revised_target_reason", "due_date", "status", "rag",
            "cancellation_reason", "percent_complete", "overdue", "version", "last_updated_at", "last_updated_by",
        ]
        read_only_fields = fields

    def get_overdue(self, action: ActionItem) -> bool:
        return action.is_overdue(timezone.localdate())


PROGRESS_FIELDS = {"status", "rag", "percent_complete", "commentary", "next_steps"}
PROGRESS_ONLY = "Record progress (POST to the action's updates/) to change its status, RAG or percent complete."


class ActionPlanSerializer(serializers.Serializer):
    """PATCH /actions/{reference}/: the plan fields a strategy lead may change.

    Status, RAG and percent complete change only by recording progress.
    """

    title = LimitedCharField(max_length=TITLE_LENGTH)
    description = LimitedCharField(max_length=DESCRIPTION_LENGTH, allow_blank=True)
    owner = UsernameField()
    delegates = UsernameField(many=True)
    start_date = serializers.DateField()
    target_date = serializers.DateField()
    revised_target_date = serializers.DateField(allow_null=True)
    revised_target_reason = LimitedCharField(
        max_length=REASON_LENGTH,
        allow_blank=True, help_text="Why the target date was revised: required whenever revised_target_date moves."
    )
    expected_version = expected_version_field()

    def validate(self, attrs):
        # Unknown keys are refused rather than ignored, so a client never believes a change was saved.
        refused = {
            name: [PROGRESS_ONLY if name in PROGRESS_FIELDS else "This field cannot be changed."]
            for name in sorted(set(self.initial_data) - set(self.fields))
        }
        if refused:
            raise serializers.ValidationError(refused)
        return attrs


class ProgressUpdateSerializer(serializers.ModelSerializer):
    action = serializers.CharField(source="action.reference", read_only=True)
    principle = serializers.IntegerField(source="action.principle.number", read_only=True)
    period = serializers.CharField(source="period.key", read_only=True, help_text="e.g. 2024-25-Q2")
    period_label = serializers.CharField(source="period.label", read_only=True, help_text="e.g. 2024/25 Q2")
    author = UsernameField(read_only=True)

    class Meta:
        model = ProgressUpdate
        fields = [
            "id", "action", "principle", "period", "period_label", "status", "rag", "percent_complete",
            "commentary", "next_steps", "author", "created_at", "updated_at",
        ]
        read_only_fields = fields


class ProgressRecordSerializer(serializers.Serializer):
    """POST /actions/{reference}/updates/: the same rules as the browser's update form."""

    period = PeriodKeyField()
    status = serializers.ChoiceField(choices=Status.choices)
    rag = serializers.ChoiceField(choices=Rag.choices)
    percent_complete = serializers.IntegerField(min_value=0, max_value=100)
    commentary = LimitedCharField(
        max_length=COMMENTARY_LENGTH, allow_blank=True, required=False, default="", help_text="Required for amber and red."
    )
    next_steps = LimitedCharField(max_length=COMMENTARY_LENGTH, allow_blank=True, required=False, default="")
    expected_version = expected_version_field()
