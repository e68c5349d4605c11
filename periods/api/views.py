from drf_spectacular.utils import extend_schema, extend_schema_view

from core.api.viewsets import ListViewSet

from ..columns import PERIOD_COLUMNS
from ..filtersets import ReportingPeriodFilterSet
from ..models import ReportingPeriod
from .serializers import ReportingPeriodSerializer


@extend_schema_view(list=extend_schema(summary="List reporting periods", description="Oldest first."))
class ReportingPeriodViewSet(ListViewSet):
    queryset = ReportingPeriod.objects.all()
    serializer_class = ReportingPeriodSerializer
    filterset_class = ReportingPeriodFilterSet
    csv_columns = PERIOD_COLUMNS
