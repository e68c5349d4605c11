from drf_spectacular.utils import OpenApiExample, OpenApiParameter, OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import status
from rest_framework.decorators import action as viewset_action
from rest_framework.exceptions import PermissionDenied
from rest_framework.response import Response

from actions.exports import ACTION_COLUMNS, PROGRESS_UPDATE_COLUMNS
from actions.filtersets import ActionFilterSet, ProgressUpdateFilterSet
from actions.models import REFERENCE_PATTERN, ActionItem
from actions.selectors import action_queryset, progress_update_queryset
from actions.services import action_update, progress_record
from core.api.concurrency import etag_for
from core.api.viewsets import ListViewSet, VersionedRecordViewSet, versioned_response
from core.permissions import can_edit_action, can_record_progress

from .serializers import ActionPlanSerializer, ActionSerializer, ProgressRecordSerializer, ProgressUpdateSerializer

REFERENCE = OpenApiParameter(
    "reference",
    str,
    OpenApiParameter.PATH,
    pattern=REFERENCE_PATTERN,
    description="The action's reference: principle number, dash, two or three digits.",
    examples=[OpenApiExample("An action", value="P1-01")],
)


@extend_schema_view(
    list=extend_schema(summary="List actions", description="Filters as on the Actions page, plus updated_since."),
    retrieve=extend_schema(
        summary="One action", description="The ETag header is the action's version.", parameters=[REFERENCE]
    ),
)
class ActionViewSet(VersionedRecordViewSet):
    queryset = action_queryset()
    serializer_class = ActionSerializer
    filterset_class = ActionFilterSet
    csv_columns = ACTION_COLUMNS
    csv_actions = ("list", "updates")
    version_in_body = True

    @extend_schema(
        summary="Change an action's plan (strategy leads)",
        description=(
            "Title, description, owner, delegates and dates. Status, RAG and percent complete change only by "
            "recording progress. Send If-Match with the ETag you read, or expected_version."
        ),
        request=ActionPlanSerializer,
        responses=ActionSerializer,
        parameters=[REFERENCE],
    )
    def partial_update(self, request, *args, **kwargs):
        action = self.get_object()
        if not can_edit_action(request.user):
            raise PermissionDenied("Only a strategy lead can change an action's details.")
        fields = self.validated(ActionPlanSerializer, partial=True)
        version = self.expected_version(action, fields)
        action_update(action=action, user=request.user, expected_version=version, **fields)
        return self.record_response(action)

    @extend_schema(
        methods=["GET"],
        summary="An action's progress updates",
        description="Newest period first. The ETag header is the action's version, for a following POST.",
        responses=ProgressUpdateSerializer(many=True),
        parameters=[REFERENCE],
    )
    @extend_schema(
        methods=["POST"],
        summary="Record progress on an action",
        description=(
            "The same rules and permissions as the update form: owners, delegates and leads only. One update per "
            "period: recording again in a period amends it (200) rather than adding one (201). The period defaults "
            "to the current one. Send If-Match with the action's ETag, or expected_version."
        ),
        request=ProgressRecordSerializer,
        parameters=[REFERENCE],
        responses={
            201: OpenApiResponse(ProgressUpdateSerializer, "Recorded a new update for the period."),
            200: OpenApiResponse(ProgressUpdateSerializer, "Amended the period's existing update."),
        },
    )
    @viewset_action(detail=True, methods=["get", "post"], url_path="updates", filter_backends=[])
    def updates(self, request, *args, **kwargs):
        action = self.get_object()
        if request.method == "POST":
            return self._record_progress(request, action)
        response = self.list_response(
            progress_update_queryset().filter(action=action),
            columns=PROGRESS_UPDATE_COLUMNS,
            filename=f"{action.reference}-progress-updates",
        )
        response["ETag"] = etag_for(action.version)
        return response

    def _record_progress(self, request, action: ActionItem) -> Response:
        if not can_record_progress(request.user, action):
            raise PermissionDenied("You can update only the actions you own or are delegated.")
        fields = self.validated(ProgressRecordSerializer)
        version = self.expected_version(action, fields)
        update = progress_record(action=action, user=request.user, expected_version=version, **fields)
        created = update.created_at == update.updated_at
        update = progress_update_queryset().get(pk=update.pk)
        status_code = status.HTTP_201_CREATED if created else status.HTTP_200_OK
        return versioned_response(ProgressUpdateSerializer(update).data, action, status_code=status_code)

    def get_serializer_class(self):
        return ProgressUpdateSerializer if self.action == "updates" else ActionSerializer


@extend_schema_view(list=extend_schema(summary="List progress updates", description="Newest period first."))
class ProgressUpdateViewSet(ListViewSet):
    queryset = progress_update_queryset()
    serializer_class = ProgressUpdateSerializer
    filterset_class = ProgressUpdateFilterSet
    csv_columns = PROGRESS_UPDATE_COLUMNS
