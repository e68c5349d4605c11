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


def current_period() -> ReportingPeriod:
    period = period_current()
    if period is None:
        raise serializers.ValidationError("No reporting period is taking updates today: name one, e.g. 2024-25-Q2.")
    return period


class PeriodKeyField(serializers.CharField):
    """A reporting period named by its key, e.g. 2024-25-Q2; left out, the current period."""

    def __init__(self, **kwargs):
        kwargs.setdefault("help_text", "Period key, e.g. 2024-25-Q2. Defaults to the current period.")
        super().__init__(required=False, default=current_period, **kwargs)

    def to_internal_value(self, data) -> ReportingPeriod:
        key = super().to_internal_value(data)
        try:
            return period_get_by_key(key=key)
        except PeriodKeyError as error:
            raise serializers.ValidationError(str(error)) from None
        except ReportingPeriod.DoesNotExist:
            raise serializers.ValidationError(f"There is no reporting period {key}.") from None


class SummaryQuerySerializer(serializers.Serializer):
    period = PeriodKeyField()


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
