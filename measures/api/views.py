from drf_spectacular.utils import OpenApiExample, OpenApiParameter, OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import status
from rest_framework.decorators import action as viewset_action
from rest_framework.exceptions import PermissionDenied
from rest_framework.response import Response

from core.api.concurrency import etag_for
from core.api.viewsets import VersionedRecordViewSet, versioned_response
from core.limits import REFERENCE_PATTERN
from core.permissions import can_record_progress
from periods.selectors import period_latest_begun

from ..exports import MEASURE_COLUMNS, MEASURE_VALUE_COLUMNS
from ..filtersets import MeasureFilterSet
from ..models import Measure
from ..selectors import measure_queryset, measure_value_queryset, measures_in
from ..services import measure_value_record
from .serializers import MeasureSerializer, MeasureValueRecordSerializer, MeasureValueSerializer

REFERENCE = OpenApiParameter(
    "reference",
    str,
    OpenApiParameter.PATH,
    pattern=REFERENCE_PATTERN,
    description="The measure's reference: capital letters, digits and dashes.",
    examples=[OpenApiExample("A measure", value="KPI-P3-FTF")],
)


@extend_schema_view(
    list=extend_schema(
        summary="List measures",
        description="Each with its target, actual and RAG in the quarter taking figures (else the latest begun); filters as on the Measures page.",
    ),
    retrieve=extend_schema(summary="One measure", description="The ETag header is the measure's version.", parameters=[REFERENCE]),
)
class MeasureViewSet(VersionedRecordViewSet):
    serializer_class = MeasureSerializer
    filterset_class = MeasureFilterSet
    csv_actions = ("list", "values")
    version_in_body = True
    # Measures are added in the admin; through the API only their figures are written.
    http_method_names = ["get", "post", "head", "options"]

    csv_columns = MEASURE_COLUMNS

    def get_queryset(self):
        # The list's FilterSet adds the figures of the quarter asked for; one measure shows the default quarter's.
        if self.action == "list":
            return measure_queryset()
        return measures_in(period=period_latest_begun())

    def get_serializer_class(self):
        return MeasureValueSerializer if self.action == "values" else MeasureSerializer

    @extend_schema(
        methods=["GET"],
        summary="A measure's figures by quarter",
        description="Oldest quarter first, each with its RAG and the reason in words. The ETag header is the measure's version, for a following POST.",
        responses=MeasureValueSerializer(many=True),
        parameters=[REFERENCE],
    )
    @extend_schema(
        methods=["POST"],
        summary="Enter a measure's figures for a quarter",
        description=(
            "The same rules and permissions as the figures form: the data owner, delegates and leads only, while the "
            "period takes updates. One value per period: entering again amends it (200) rather than adding one (201). "
            "The period defaults to the current one. Send If-Match with the measure's ETag, or expected_version."
        ),
        request=MeasureValueRecordSerializer,
        parameters=[REFERENCE],
        responses={
            201: OpenApiResponse(MeasureValueSerializer, "Recorded the period's figures."),
            200: OpenApiResponse(MeasureValueSerializer, "Amended the period's figures."),
        },
    )
    @viewset_action(detail=True, methods=["get", "post"], url_path="values", filter_backends=[])
    def values(self, request, *args, **kwargs):
        measure = self.get_object()
        if request.method == "POST":
            return self._record_value(request, measure)
        response = self.list_response(
            measure_value_queryset().filter(measure=measure), columns=MEASURE_VALUE_COLUMNS, filename=f"{measure.reference}-values"
        )
        response["ETag"] = etag_for(measure.version)
        return response

    def _record_value(self, request, measure: Measure) -> Response:
        if not can_record_progress(request.user, measure):
            raise PermissionDenied("You can enter values only for the measures you own or are delegated.")
        fields = self.validated(MeasureValueRecordSerializer)
        version = self.expected_version(measure, fields)
        value = measure_value_record(measure=measure, user=request.user, expected_version=version, **fields)
        created = value.created_at == value.entered_at
        value = measure_value_queryset().get(pk=value.pk)
        status_code = status.HTTP_201_CREATED if created else status.HTTP_200_OK
        return versioned_response(MeasureValueSerializer(value).data, value.measure, status_code=status_code)
