from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema, extend_schema_view
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response
from rest_framework.views import APIView

from actions.models import ActionItem
from actions.selectors import action_states_as_at, rollup_by_principle
from principles.selectors import principle_list
from reporting.filtersets import ReportingPeriodFilterSet
from reporting.models import ReportingPeriod
from strategy.api.schema import ERROR_RESPONSES
from strategy.api.viewsets import ListViewSet

from .serializers import ReportingPeriodSerializer, SummaryQuerySerializer, SummarySerializer


@extend_schema_view(list=extend_schema(summary="List reporting periods", description="Oldest first."))
class ReportingPeriodViewSet(ListViewSet):
    queryset = ReportingPeriod.objects.all()
    serializer_class = ReportingPeriodSerializer
    filterset_class = ReportingPeriodFilterSet


class SummaryView(APIView):
    """Per principle and overall, how the action plan stood at the end of a period."""

    read_model = ActionItem
    renderer_classes = [JSONRenderer]

    @extend_schema(
        summary="Progress summary as at a period's end",
        description=(
            "Counts by status and RAG, average percent complete and overdue count, per principle and overall, "
            "from each action's latest update for the period or earlier: later updates are ignored, so a past "
            "quarter's figures never change."
        ),
        parameters=[
            OpenApiParameter("period", str, description="Period key, e.g. 2024-25-Q2. Defaults to the current period.")
        ],
        responses={
            200: SummarySerializer,
            400: OpenApiResponse(ERROR_RESPONSES["400"].response, "The period key is malformed or not a reporting period."),
        },
    )
    def get(self, request):
        query = SummaryQuerySerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        period = query.validated_data["period"]
        per_principle, overall = rollup_by_principle(
            states=action_states_as_at(period=period), principles=list(principle_list())
        )
        summary = {
            "period": period,
            "as_at": period.end_date,
            "overall": overall,
            "principles": [
                {"number": principle.number, "title": principle.title, **rollup_figures(rollup)}
                for principle, rollup in per_principle
            ],
        }
        return Response(SummarySerializer(summary).data)


def rollup_figures(rollup) -> dict:
    return {
        "total": rollup.total,
        "by_status": rollup.by_status,
        "by_rag": rollup.by_rag,
        "average_percent": rollup.average_percent,
        "overdue": rollup.overdue,
    }
