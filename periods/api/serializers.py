from django.utils import timezone
from rest_framework import serializers

from core.financial_year import PeriodKeyError

from ..models import ReportingPeriod
from ..selectors import period_current, period_get_by_key


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
