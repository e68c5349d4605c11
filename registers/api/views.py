"""/api/v1/business-cases/ and /api/v1/risks/: the registers, read by every role, written through
registers.services with the same permissions as the pages.

Neither model has a version column: their ETag is their last save time (see
concurrency.record_version), and every write names it in If-Match.
"""

from django.core.exceptions import ValidationError as DjangoValidationError
from django.shortcuts import get_object_or_404
from drf_spectacular.utils import OpenApiExample, OpenApiParameter, OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import mixins, status
from rest_framework.decorators import action as viewset_action
from rest_framework.exceptions import PermissionDenied, ValidationError
from rest_framework.response import Response
from rest_framework.viewsets import GenericViewSet

from core.api.concurrency import etag_for, locked_if_match, record_version
from core.api.viewsets import CSVListMixin
from core.exports import export_response
from core.permissions import can_edit_risk, can_manage_business_cases, can_manage_risks
from registers import selectors, services
from registers.columns import BUSINESS_CASE_COLUMNS, RISK_COLUMNS
from registers.filtersets import BusinessCaseFilterSet, RiskFilterSet
from registers.models import ESCALATION_THRESHOLD, SCORE_FIELDS, Risk
from strategy.models import Strategy

from .serializers import (
    BusinessCaseChangeSerializer,
    BusinessCaseCreateSerializer,
    BusinessCaseSerializer,
    BusinessCaseTransitionSerializer,
    RiskChangeSerializer,
    RiskCreateSerializer,
    RiskReviewRequestSerializer,
    RiskReviewSerializer,
    RiskSerializer,
    TransitionRequestSerializer,
)


def reference_parameter(what: str, example: str) -> OpenApiParameter:
    return OpenApiParameter(
        "reference", str, OpenApiParameter.PATH, description=f"The {what}'s reference.",
        examples=[OpenApiExample(f"A {what}", value=example)],
    )


BUSINESS_CASE_REFERENCE = reference_parameter("business case", "HLBC-01")
RISK_REFERENCE = reference_parameter("risk", "R-01")


def current_strategy() -> Strategy:
    strategy = Strategy.objects.current()
    if strategy is None:
        raise ValidationError({"non_field_errors": ["Load the strategy first: python manage.py seed_strategy."]})
    return strategy


class RegisterViewSet(CSVListMixin, mixins.RetrieveModelMixin, GenericViewSet):
    """A register looked up by reference, whose responses carry the record's ETag."""

    lookup_field = "reference"
    lookup_value_regex = "[^/]+"
    etag_versioned = True
    http_method_names = ["get", "post", "patch", "head", "options"]

    def get_object(self):
        # A detail URL names one record: list filters in its query string do not apply.
        record = get_object_or_404(self.get_queryset(), reference=self.kwargs["reference"])
        self.check_object_permissions(self.request, record)
        return record

    def record_response(self, record, *, status_code: int = status.HTTP_200_OK) -> Response:
        fresh = self.get_queryset().get(pk=record.pk)
        return Response(
            self.serializer_class(fresh).data, status=status_code, headers={"ETag": etag_for(record_version(fresh))}
        )

    def retrieve(self, request, *args, **kwargs):
        return self.record_response(self.get_object())

    def validated(self, serializer_class, *, partial: bool = False) -> dict:
        serializer = serializer_class(data=self.request.data, partial=partial)
        serializer.is_valid(raise_exception=True)
        if partial and not serializer.validated_data:
            raise ValidationError({"non_field_errors": ["Send at least one field to change."]})
        return dict(serializer.validated_data)


def _line_figures(lines: list[dict]) -> list[services.LineFigures]:
    return [services.LineFigures(**line) for line in lines]


@extend_schema_view(
    list=extend_schema(
        summary="List business cases",
        description="Filters as on the Business cases page. With ?format=csv and financial_year, the figures are that year's.",
    ),
    retrieve=extend_schema(
        summary="One business case", description="With its figures per financial year.",
        parameters=[BUSINESS_CASE_REFERENCE],
    ),
    create=extend_schema(
        summary="Create a business case (strategy leads)", description="It starts in draft.",
        request=BusinessCaseCreateSerializer, responses={201: BusinessCaseSerializer},
    ),
    partial_update=extend_schema(
        summary="Change a business case (strategy leads)",
        description=(
            "Title, summary, sponsor and principles while draft, submitted or approved; figures (lines) only in "
            "draft: an approved case's figures change by an annual revision. Send If-Match with the ETag you read."
        ),
        request=BusinessCaseChangeSerializer, responses=BusinessCaseSerializer, parameters=[BUSINESS_CASE_REFERENCE],
    ),
)
class BusinessCaseViewSet(RegisterViewSet):
    queryset = selectors.business_case_queryset()
    serializer_class = BusinessCaseSerializer
    filterset_class = BusinessCaseFilterSet

    def list(self, request, *args, **kwargs):
        cases = self.filter_queryset(self.get_queryset())
        if request.accepted_renderer.format != "csv":
            return self.list_response(cases)
        # The page export's rows: one year's figures when a financial year is chosen, else the MTFS total.
        year = request.query_params.get("financial_year")
        rows = selectors.business_case_rows(cases=list(cases), financial_year=int(year) if year else None)
        return export_response(rows=rows, columns=BUSINESS_CASE_COLUMNS, filename="business-cases", file_format="csv")

    def _require_lead(self, doing: str) -> None:
        if not can_manage_business_cases(self.request.user):
            raise PermissionDenied(f"Only a strategy lead can {doing}.")

    def create(self, request, *args, **kwargs):
        self._require_lead("create a business case")
        fields = self.validated(BusinessCaseCreateSerializer)
        business_case = services.business_case_create(
            user=request.user, strategy=current_strategy(), lines=_line_figures(fields.pop("lines")), **fields
        )
        return self.record_response(business_case, status_code=status.HTTP_201_CREATED)

    def partial_update(self, request, *args, **kwargs):
        business_case = self.get_object()
        self._require_lead("edit a business case")
        fields = self.validated(BusinessCaseChangeSerializer, partial=True)
        lines = _line_figures(fields.pop("lines")) if "lines" in fields else None
        with locked_if_match(request, business_case) as locked:
            current = {
                "title": locked.title,
                "summary": locked.summary,
                "sponsor": locked.sponsor,
                "principles": list(locked.principles.all()),
            }
            services.business_case_update(business_case=locked, user=request.user, lines=lines, **(current | fields))
        return self.record_response(business_case)

    @extend_schema(
        summary="Move a business case through its workflow (strategy leads)",
        description=(
            "draft → submitted → approved or rejected → closed; a rejection needs a note. Each step is recorded "
            "with who and when. Send If-Match with the case's ETag; the response's ETag is its new version."
        ),
        request=TransitionRequestSerializer,
        responses={201: OpenApiResponse(BusinessCaseTransitionSerializer, "The step, as recorded.")},
        parameters=[BUSINESS_CASE_REFERENCE],
    )
    @viewset_action(detail=True, methods=["post"], url_path="transitions", filter_backends=[])
    def transitions(self, request, *args, **kwargs):
        business_case = self.get_object()
        self._require_lead("move a business case through its workflow")
        fields = self.validated(TransitionRequestSerializer)
        with locked_if_match(request, business_case) as locked:
            try:
                step = services.business_case_transition(
                    business_case=locked, user=request.user, to_status=fields["to"], note=fields["note"]
                )
            except DjangoValidationError as error:
                raise ValidationError(_renamed(error, to_status="to")) from None
        fresh = self.get_queryset().get(pk=business_case.pk)
        return Response(
            BusinessCaseTransitionSerializer(step).data,
            status=status.HTTP_201_CREATED,
            headers={"ETag": etag_for(record_version(fresh))},
        )

    def get_serializer_class(self):
        return BusinessCaseTransitionSerializer if self.action == "transitions" else BusinessCaseSerializer


def _renamed(error, **names: str) -> dict:
    """A service's errors keyed by the API's field names (the service says to_status, the API to)."""
    if not hasattr(error, "error_dict"):
        return {"non_field_errors": error.messages}
    return {names.get(field, field): messages for field, messages in error.message_dict.items()}


def _risk_details(fields: dict) -> services.RiskDetails:
    detail_fields = {name: value for name, value in fields.items() if name not in SCORE_FIELDS}
    return services.RiskDetails(**detail_fields)


def _risk_scores(fields: dict) -> services.RiskScores:
    return services.RiskScores(**{name: fields[name] for name in SCORE_FIELDS})


def _current_risk_fields(risk: Risk) -> dict:
    return {
        "title": risk.title,
        "description": risk.description,
        "category": risk.category,
        "owner": risk.owner,
        "mitigation": risk.mitigation,
        "review_date": risk.review_date,
        "on_strategic_register": risk.on_strategic_register,
        "escalation_reason": risk.escalation_reason,
        "business_cases": list(risk.business_cases.all()),
        **{name: getattr(risk, name) for name in SCORE_FIELDS},
    }


@extend_schema_view(
    list=extend_schema(summary="List risks", description="Filters as on the Risk register page."),
    retrieve=extend_schema(
        summary="One risk", description="With inherent and residual scores and bands.", parameters=[RISK_REFERENCE]
    ),
    create=extend_schema(
        summary="Add a risk (strategy leads)",
        description=f"A residual score of {ESCALATION_THRESHOLD} or more escalates it to the strategic register at once.",
        request=RiskCreateSerializer, responses={201: RiskSerializer},
    ),
    partial_update=extend_schema(
        summary="Change a risk (strategy leads, or its owner)",
        description=(
            "An owner cannot give the risk to someone else, take it off the strategic register or change its "
            "business cases. Changed scores are recorded as a review. Send If-Match with the ETag you read."
        ),
        request=RiskChangeSerializer, responses=RiskSerializer, parameters=[RISK_REFERENCE],
    ),
)
class RiskViewSet(RegisterViewSet):
    queryset = selectors.risk_queryset()
    serializer_class = RiskSerializer
    filterset_class = RiskFilterSet
    csv_columns = RISK_COLUMNS

    def create(self, request, *args, **kwargs):
        if not can_manage_risks(request.user):
            raise PermissionDenied("Only a strategy lead can add a risk to the register.")
        fields = self.validated(RiskCreateSerializer)
        reference = fields.pop("reference")
        risk = services.risk_create(
            user=request.user, strategy=current_strategy(), reference=reference,
            details=_risk_details(fields), scores=_risk_scores(fields),
        )
        return self.record_response(risk, status_code=status.HTTP_201_CREATED)

    def _require_editor(self, risk: Risk, doing: str) -> None:
        if not can_edit_risk(self.request.user, risk):
            raise PermissionDenied(f"Only a strategy lead or the risk's owner can {doing} this risk.")

    def partial_update(self, request, *args, **kwargs):
        risk = self.get_object()
        self._require_editor(risk, "edit")
        fields = self.validated(RiskChangeSerializer, partial=True)
        with locked_if_match(request, risk) as locked:
            merged = _current_risk_fields(locked) | fields
            services.risk_update(risk=locked, user=request.user, details=_risk_details(merged), scores=_risk_scores(merged))
        return self.record_response(risk)

    @extend_schema(
        summary="Record a review of a risk (strategy leads, or its owner)",
        description=(
            f"The scores now, what the review found and when to look again; {ESCALATION_THRESHOLD} or more residual "
            "escalates the risk. Send If-Match with the risk's ETag; the response's ETag is its new version."
        ),
        request=RiskReviewRequestSerializer,
        responses={201: OpenApiResponse(RiskReviewSerializer, "The review, as recorded.")},
        parameters=[RISK_REFERENCE],
    )
    @viewset_action(detail=True, methods=["post"], url_path="reviews", filter_backends=[])
    def reviews(self, request, *args, **kwargs):
        risk = self.get_object()
        self._require_editor(risk, "review")
        fields = self.validated(RiskReviewRequestSerializer)
        with locked_if_match(request, risk) as locked:
            review = services.risk_review(
                risk=locked, user=request.user, scores=_risk_scores(fields), note=fields["note"],
                next_review_date=fields["next_review_date"],
            )
        fresh = self.get_queryset().get(pk=risk.pk)
        return Response(
            RiskReviewSerializer(review).data, status=status.HTTP_201_CREATED, headers={"ETag": etag_for(record_version(fresh))}
        )

    def get_serializer_class(self):
        return RiskReviewSerializer if self.action == "reviews" else RiskSerializer
