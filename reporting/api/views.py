from django.http import Http404
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiExample, OpenApiParameter, OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import mixins, status
from rest_framework.decorators import action as viewset_action
from rest_framework.exceptions import PermissionDenied
from rest_framework.permissions import BasePermission
from rest_framework.renderers import BaseRenderer, JSONRenderer
from rest_framework.response import Response
from rest_framework.views import APIView

from actions.models import ActionItem
from actions.selectors import rollups_as_at
from core.api.schema import ERROR_RESPONSES
from core.api.viewsets import ListViewSet, VersionedRecordViewSet
from core.permissions import (
    can_download_published_pack,
    can_draft_committee_report,
    can_edit_committee_report,
    can_publish_pack,
    can_request_pack,
    can_see_unpublished_packs,
)
from principles.selectors import principle_list
from reporting.columns import COMMITTEE_REPORT_COLUMNS
from reporting.filtersets import CommitteeReportFilterSet
from reporting.models import CommitteeMeeting, ReportPack, reference_from_slug
from reporting.pack_data import packs_visible_to
from reporting.pack_downloads import pack_file_response, readable_pack_or_403
from reporting.packs import pack_publish, pack_request
from reporting.sections import AUTHORED_FIELDS
from reporting.selectors import committee_meeting_list, committee_report_queryset
from reporting.services import (
    ReportSections,
    committee_meeting_create,
    committee_report_approve,
    committee_report_create,
    committee_report_publish,
    committee_report_update,
)

from .serializers import (
    CommitteeMeetingCreateSerializer,
    CommitteeMeetingSerializer,
    CommitteeReportChangeSerializer,
    CommitteeReportCreateSerializer,
    CommitteeReportDetailSerializer,
    CommitteeReportSerializer,
    PackRequestSerializer,
    ReportPackSerializer,
    SummaryQuerySerializer,
    SummarySerializer,
)


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
        per_principle, overall = rollups_as_at(period=period, principles=list(principle_list()))
        summary = {
            "period": period,
            "as_at": period.end_date,
            "overall": overall,
            "principles": [rollup for _, rollup in per_principle],
        }
        return Response(SummarySerializer(summary).data)


REPORT_SLUG = OpenApiParameter(
    "slug",
    str,
    OpenApiParameter.PATH,
    description="The report's reference in URL form: CP/35/22-23 is cp-35-22-23.",
    examples=[OpenApiExample("A report", value="cp-35-22-23")],
)
LEADS_ONLY = "Only strategy leads can change committee reports."


@extend_schema_view(
    list=extend_schema(
        summary="List committee reports",
        description="Filters as on the Committee reports page. Strategy leads see every report; others published ones.",
    ),
    retrieve=extend_schema(
        summary="One committee report",
        description="With its sections and implications. A report not yet published is 404 to all but strategy leads.",
        responses=CommitteeReportDetailSerializer,
        parameters=[REPORT_SLUG],
    ),
    create=extend_schema(
        summary="Draft a committee report (strategy leads)",
        description="It gets the next reference CP/<n>/<yy-yy> in its meeting's financial year.",
        request=CommitteeReportCreateSerializer,
        responses={201: CommitteeReportDetailSerializer},
    ),
    partial_update=extend_schema(
        summary="Change a committee report (strategy leads)",
        description=(
            "While draft or approved for the agenda; editing an approved report sends it back to draft, and a "
            "published report is read-only. Send If-Match with the ETag you read."
        ),
        request=CommitteeReportChangeSerializer,
        responses=CommitteeReportDetailSerializer,
        parameters=[REPORT_SLUG],
    ),
)
class CommitteeReportViewSet(VersionedRecordViewSet):
    serializer_class = CommitteeReportSerializer
    record_serializer_class = CommitteeReportDetailSerializer
    filterset_class = CommitteeReportFilterSet
    csv_columns = COMMITTEE_REPORT_COLUMNS
    lookup_field = "slug"

    def get_queryset(self):
        # Reports the user may not read are left out, so they are 404 like missing ones.
        return committee_report_queryset(user=self.request.user)

    def record_reference(self) -> str:
        return reference_from_slug(self.kwargs["slug"]) or ""

    def _require_lead(self) -> None:
        if not can_edit_committee_report(self.request.user):
            raise PermissionDenied(LEADS_ONLY)

    def create(self, request, *args, **kwargs):
        if not can_draft_committee_report(request.user):
            raise PermissionDenied("Only strategy leads can draft committee reports.")
        self._require_lead()
        fields = self.validated(CommitteeReportCreateSerializer)
        report = committee_report_create(
            user=request.user,
            meeting=fields.pop("meeting"),
            implications=fields.pop("implications"),
            sections=ReportSections(**fields),
        )
        return self.record_response(report, status_code=status.HTTP_201_CREATED)

    def partial_update(self, request, *args, **kwargs):
        report = self.get_object()
        self._require_lead()
        fields = self.patched(report, CommitteeReportChangeSerializer, unchanged=(*AUTHORED_FIELDS, "meeting"))
        version = self.expected_version(report, fields)
        committee_report_update(
            report=report,
            user=request.user,
            expected_version=version,
            meeting=fields.pop("meeting"),
            implications=fields.pop("implications", None),
            sections=ReportSections(**fields),
        )
        return self.record_response(report)

    def _step(self, request, service) -> Response:
        report = self.get_object()
        self._require_lead()
        service(report=report, user=request.user, expected_version=self.expected_version(report))
        return self.record_response(report)

    @extend_schema(
        summary="Approve a draft for the agenda (strategy leads)",
        description="Every required section and implication must be written. Send If-Match with the ETag you read.",
        request=None,
        responses=CommitteeReportDetailSerializer,
        parameters=[REPORT_SLUG],
    )
    @viewset_action(detail=True, methods=["post"], filter_backends=[])
    def approve(self, request, *args, **kwargs):
        return self._step(request, committee_report_approve)

    @extend_schema(
        summary="Publish an approved report (strategy leads)",
        description="From then on it is read-only, and every role can read it. Send If-Match with the ETag you read.",
        request=None,
        responses=CommitteeReportDetailSerializer,
        parameters=[REPORT_SLUG],
    )
    @viewset_action(detail=True, methods=["post"], filter_backends=[])
    def publish(self, request, *args, **kwargs):
        return self._step(request, committee_report_publish)

    def get_serializer_class(self):
        return CommitteeReportSerializer if self.action == "list" else CommitteeReportDetailSerializer


@extend_schema_view(
    list=extend_schema(
        summary="List committee meetings",
        description="Newest first, each with the references of the reports you may read.",
    ),
    create=extend_schema(
        summary="Add a committee meeting (strategy leads)",
        request=CommitteeMeetingCreateSerializer,
        responses={201: CommitteeMeetingSerializer},
    ),
)
class CommitteeMeetingViewSet(mixins.CreateModelMixin, ListViewSet):
    serializer_class = CommitteeMeetingSerializer
    read_model = CommitteeMeeting
    filter_backends = []

    def get_queryset(self):
        return committee_meeting_list(user=self.request.user)

    def create(self, request, *args, **kwargs):
        if not can_draft_committee_report(request.user):
            raise PermissionDenied("Only strategy leads can add committee meetings.")
        serializer = CommitteeMeetingCreateSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        meeting = committee_meeting_create(user=request.user, **serializer.validated_data)
        fresh = self.get_queryset().get(pk=meeting.pk)
        return Response(CommitteeMeetingSerializer(fresh).data, status=status.HTTP_201_CREATED)


class CanReadPacks(BasePermission):
    """Leads read every pack; managers and committee members published ones (as on the packs page)."""

    message = "Your account cannot read progress packs."

    def has_permission(self, request, view) -> bool:
        return can_see_unpublished_packs(request.user) or can_download_published_pack(request.user)


class PDFRenderer(BaseRenderer):
    """Lets a client ask for the pack's PDF (Accept: application/pdf); the file itself is streamed
    by a FileResponse, and errors are always JSON (see PackViewSet.finalize_response)."""

    media_type = "application/pdf"
    format = "pdf"
    charset = None
    render_style = "binary"

    def render(self, data, accepted_media_type=None, renderer_context=None):
        return JSONRenderer().render(data)


PACK_ID = OpenApiParameter("id", int, OpenApiParameter.PATH, description="The pack's id.")
PACK_SHA256 = OpenApiParameter(
    "X-Pack-SHA256", str, OpenApiParameter.HEADER, response=["200"], description="SHA-256 of the PDF, in hex."
)


@extend_schema_view(
    list=extend_schema(
        summary="List progress packs",
        description="Newest period and version first. Strategy leads see every build; others published packs only.",
    ),
    retrieve=extend_schema(
        summary="One progress pack", description="403 for a pack not yet published, except to strategy leads.",
        parameters=[PACK_ID],
    ),
    create=extend_schema(
        summary="Request a pack build (strategy leads)",
        description=(
            "Queues a build of (a new version of) the period's pack and answers 202 with the queued pack; poll it "
            "until its status is ready (or failed). Unless `committee_report` names one, the pack carries the "
            "quarter's progress report, drafted the first time with the next CP reference, the committee's next "
            "meeting after the update deadline and every section written from the quarter's figures."
        ),
        request=PackRequestSerializer,
        responses={202: OpenApiResponse(ReportPackSerializer, "Queued for building.")},
    ),
)
class PackViewSet(mixins.RetrieveModelMixin, ListViewSet):
    serializer_class = ReportPackSerializer
    permission_classes = [CanReadPacks]
    filter_backends = []
    lookup_value_regex = "[^/]+"
    http_method_names = ["get", "post", "head", "options"]

    def get_queryset(self):
        return packs_visible_to(user=self.request.user)

    def get_object(self) -> ReportPack:
        pack_id = self.kwargs["pk"]
        if not (pack_id.isascii() and pack_id.isdigit()):
            raise Http404("A pack's id is a whole number.")
        # As on the page: an unpublished pack is 403 (not 404) to those who read published ones.
        return readable_pack_or_403(self.request.user, pack_id)

    def create(self, request, *args, **kwargs):
        if not can_request_pack(request.user):
            raise PermissionDenied("Only strategy leads may request a progress pack.")
        serializer = PackRequestSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        pack = pack_request(requested_by=request.user, **serializer.validated_data)
        return Response(ReportPackSerializer(self.get_queryset().get(pk=pack.pk)).data, status=status.HTTP_202_ACCEPTED)

    @extend_schema(
        summary="Download a pack's PDF",
        description="Streams the PDF, with its SHA-256 in X-Pack-SHA256 (and Repr-Digest). 404 until it is built.",
        responses={(200, "application/pdf"): OpenApiResponse(OpenApiTypes.BINARY, "The pack as a tagged PDF.")},
        parameters=[PACK_ID, PACK_SHA256],
    )
    @viewset_action(detail=True, methods=["get"], renderer_classes=[JSONRenderer, PDFRenderer])
    def download(self, request, *args, **kwargs):
        return pack_file_response(self.get_object())

    @extend_schema(
        summary="Publish a ready pack (strategy leads)",
        description="From then on it never changes (a rebuild is a new version) and every reader can download it. "
        "A published pack never carries a draft: 400, with the reason, unless its committee report is approved "
        "(or published) and the pack was built from the approved text.",
        request=None,
        responses=ReportPackSerializer,
        parameters=[PACK_ID],
    )
    @viewset_action(detail=True, methods=["post"])
    def publish(self, request, *args, **kwargs):
        pack = self.get_object()
        if not can_publish_pack(request.user):
            raise PermissionDenied("Only strategy leads may publish a progress pack.")
        pack = pack_publish(pack_id=pack.pk, user=request.user)
        return Response(ReportPackSerializer(self.get_queryset().get(pk=pack.pk)).data)

    def finalize_response(self, request, response, *args, **kwargs):
        # An error answering a request for the PDF is still JSON, with the JSON content type.
        if isinstance(response, Response) and getattr(request, "accepted_renderer", None) is not None:
            if request.accepted_renderer.format == "pdf":
                request.accepted_renderer, request.accepted_media_type = JSONRenderer(), JSONRenderer.media_type
        return super().finalize_response(request, response, *args, **kwargs)
