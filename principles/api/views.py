from drf_spectacular.utils import extend_schema, extend_schema_view

from core.api.viewsets import ListViewSet
from principles.columns import PRINCIPLE_COLUMNS
from principles.filtersets import PrincipleFilterSet
from principles.selectors import principle_list

from .serializers import PrincipleSerializer


@extend_schema_view(list=extend_schema(summary="List the strategy's principles"))
class PrincipleViewSet(ListViewSet):
    queryset = principle_list()
    serializer_class = PrincipleSerializer
    filterset_class = PrincipleFilterSet
    csv_columns = PRINCIPLE_COLUMNS
