from django.utils import timezone
from rest_framework import serializers

from actions.choices import Rag, Status
from reporting.models import ReportingPeriod
from reporting.periods import PeriodKeyError
from reporting.selectors import period_current, period_get_by_key


class ReportingPeriodSerializer(serializers.ModelSerializer):
    key = serializers.CharField(read_only=True, help_text="e.g. 2024-25-Q2")
    label = serializers.CharField(read_only=True, help_text="e.g. 2024/25 Q2")
    is_open = serializers.SerializerMethodField(help_text="Taking progress updates today.")

    class Meta:
        model = ReportingPeriod
        fields = [
            "key", "label", "financial_year", "quarter", "start_date", "end_date", "update_deadline",
            "closed_at", "is_open",
        ]
        read_only_fields = fields

    def get_is_open(self, period: ReportingPeriod) -> bool:
        return period.is_open(timezone.localdate())


class SummaryQuerySerializer(serializers.Serializer):
    period = serializers.CharField(
        required=False, help_text="Period key, e.g. 2024-25-Q2. Defaults to the current period."
    )

    def validate_period(self, key: str) -> ReportingPeriod:
        try:
            return period_get_by_key(key=key)
        except PeriodKeyError as error:
            raise serializers.ValidationError(str(error)) from None
        except ReportingPeriod.DoesNotExist:
            raise serializers.ValidationError(f"There is no reporting period {key}.") from None

    def validate(self, attrs):
        if "period" not in attrs:
            current = period_current()
            if current is None:
                raise serializers.ValidationError(
                    {"period": "No reporting period is current today: name one, e.g. 2024-25-Q2."}
                )
            attrs["period"] = current
        return attrs


StatusCountsSerializer = type(
    "StatusCountsSerializer",
    (serializers.Serializer,),
    {status: serializers.IntegerField(help_text=f"Actions {label.lower()}") for status, label in Status.choices},
)
RagCountsSerializer = type(
    "RagCountsSerializer",
    (serializers.Serializer,),
    {rag: serializers.IntegerField(help_text=f"Actions rated {label.lower()}") for rag, label in Rag.choices},
)


class RollupSerializer(serializers.Serializer):
    total = serializers.IntegerField(help_text="Number of actions.")
    by_status = StatusCountsSerializer()
    by_rag = RagCountsSerializer()
    average_percent = serializers.DecimalField(
        max_digits=4, decimal_places=1, coerce_to_string=False, help_text="Mean percent complete, to one decimal place."
    )
    overdue = serializers.IntegerField(help_text="Past their due date and neither completed nor cancelled.")


class PrincipleRollupSerializer(RollupSerializer):
    number = serializers.IntegerField()
    title = serializers.CharField()


class SummarySerializer(serializers.Serializer):
    period = ReportingPeriodSerializer()
    as_at = serializers.DateField(help_text="The period's last day: later updates are not counted.")
    overall = RollupSerializer()
    principles = PrincipleRollupSerializer(many=True)
