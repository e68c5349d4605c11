from django.shortcuts import get_object_or_404
from drf_spectacular.utils import OpenApiExample, OpenApiParameter, OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import mixins, status
from rest_framework.decorators import action as viewset_action
from rest_framework.exceptions import PermissionDenied, ValidationError
from rest_framework.response import Response
from rest_framework.viewsets import GenericViewSet

from actions.exports import ACTION_COLUMNS, PROGRESS_UPDATE_COLUMNS
from actions.filtersets import ActionFilterSet, ProgressUpdateFilterSet
from actions.models import REFERENCE_PATTERN, ActionItem
from actions.selectors import action_queryset, progress_update_queryset
from actions.services import ProgressConflict, action_update, progress_record
from core.api.concurrency import etag_for, expected_version
from core.api.viewsets import CSVListMixin, ListViewSet
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
class ActionViewSet(CSVListMixin, mixins.RetrieveModelMixin, GenericViewSet):
    queryset = action_queryset()
    serializer_class = ActionSerializer
    filterset_class = ActionFilterSet
    csv_columns = ACTION_COLUMNS
    csv_actions = ("list", "updates")
    lookup_field = "reference"
    lookup_value_regex = "[^/]+"
    etag_versioned = True

    def get_object(self) -> ActionItem:
        # A detail URL names one action: list filters in its query string do not apply.
        action = get_object_or_404(self.get_queryset(), reference=self.kwargs["reference"])
        self.check_object_permissions(self.request, action)
        return action

    def _action_response(self, action: ActionItem, *, status_code: int = status.HTTP_200_OK) -> Response:
        fresh = self.get_queryset().get(pk=action.pk)
        return Response(ActionSerializer(fresh).data, status=status_code, headers={"ETag": etag_for(fresh.version)})

    def retrieve(self, request, *args, **kwargs):
        return self._action_response(self.get_object())

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
        serializer = ActionPlanSerializer(data=request.data, partial=True)
        serializer.is_valid(raise_exception=True)
        fields = dict(serializer.validated_data)
        body_version = fields.pop("expected_version", None)
        if not fields:
            raise ValidationError({"non_field_errors": ["Send at least one field to change."]})
        version = expected_version(
            if_match=request.headers.get("If-Match"), body_version=body_version, obj=action, conflict=ProgressConflict
        )
        action_update(action=action, user=request.user, expected_version=version, **fields)
        return self._action_response(action)

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
        serializer = ProgressRecordSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        fields = dict(serializer.validated_data)
        version = expected_version(
            if_match=request.headers.get("If-Match"),
            body_version=fields.pop("expected_version", None),
            obj=action,
            conflict=ProgressConflict,
        )
        update = progress_record(action=action, user=request.user, expected_version=version, **fields)
        created = update.created_at == update.updated_at
        update = progress_update_queryset().get(pk=update.pk)
        return Response(
            ProgressUpdateSerializer(update).data,
            status=status.HTTP_201_CREATED if created else status.HTTP_200_OK,
            headers={"ETag": etag_for(action.version)},
        )

    def get_serializer_class(self):
        return ProgressUpdateSerializer if self.action == "updates" else ActionSerializer


@extend_schema_view(list=extend_schema(summary="List progress updates", description="Newest period first."))
class ProgressUpdateViewSet(ListViewSet):
    queryset = progress_update_queryset()
    serializer_class = ProgressUpdateSerializer
    filterset_class = ProgressUpdateFilterSet
    csv_columns = PROGRESS_UPDATE_COLUMNS
