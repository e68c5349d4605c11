"""/api/v1/business-cases/ and /api/v1/risks/: the registers, read by every role, written through
registers.services with the same permissions as the pages.

Neither model has a version column: their ETag is their last save time (see
core.conflicts.VersionedBySaveTime), and every write names it in If-Match.
"""

import dataclasses

from django.core.exceptions import ValidationError as DjangoValidationError
from drf_spectacular.utils import OpenApiExample, OpenApiParameter, OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import status
from rest_framework.decorators import action as viewset_action
from rest_framework.exceptions import PermissionDenied, ValidationError

from core.api.viewsets import VersionedRecordViewSet, versioned_response
from core.exports import export_response
from core.permissions import can_edit_risk, can_manage_business_cases, can_manage_risks
from registers import selectors
from registers.columns import BUSINESS_CASE_COLUMNS, RISK_COLUMNS
from registers.filtersets import BusinessCaseFilterSet, RiskFilterSet
from registers.models import ESCALATION_THRESHOLD, SCORE_FIELDS, Risk
from registers.services import business_cases, risks
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


# What a PATCH leaves out keeps its current value: the details; figures (lines) only change when sent.
BUSINESS_CASE_DETAILS = ("title", "summary", "sponsor", "principles")


def _line_figures(lines: list[dict]) -> list[business_cases.LineFigures]:
    return [business_cases.LineFigures(**line) for line in lines]


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
class BusinessCaseViewSet(VersionedRecordViewSet):
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
        business_case = business_cases.business_case_create(
            user=request.user, strategy=current_strategy(), lines=_line_figures(fields.pop("lines")), **fields
        )
        return self.record_response(business_case, status_code=status.HTTP_201_CREATED)

    def partial_update(self, request, *args, **kwargs):
        business_case = self.get_object()
        self._require_lead("edit a business case")
        fields = self.patched(business_case, BusinessCaseChangeSerializer, unchanged=BUSINESS_CASE_DETAILS)
        version = self.expected_version(business_case, fields)
        lines = _line_figures(fields.pop("lines")) if "lines" in fields else None
        business_cases.business_case_update(
            business_case=business_case, user=request.user, expected_version=version, lines=lines, **fields
        )
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
        try:
            step = business_cases.business_case_transition(
                business_case=business_case,
                user=request.user,
                expected_version=self.expected_version(business_case, fields),
                to_status=fields["to"],
                note=fields["note"],
            )
        except DjangoValidationError as error:
            raise ValidationError(_renamed(error, to_status="to")) from None
        return versioned_response(
            BusinessCaseTransitionSerializer(step).data, step.business_case, status_code=status.HTTP_201_CREATED
        )

    def get_serializer_class(self):
        return BusinessCaseTransitionSerializer if self.action == "transitions" else BusinessCaseSerializer


def _renamed(error, **names: str) -> dict:
    """A service's errors keyed by the API's field names (the service says to_status, the API to)."""
    if not hasattr(error, "error_dict"):
        return {"non_field_errors": error.messages}
    return {names.get(field, field): messages for field, messages in error.message_dict.items()}


def _risk_details(fields: dict) -> risks.RiskDetails:
    detail_fields = {name: value for name, value in fields.items() if name not in SCORE_FIELDS}
    return risks.RiskDetails(**detail_fields)


def _risk_scores(fields: dict) -> risks.RiskScores:
    return risks.RiskScores(**{name: fields[name] for name in SCORE_FIELDS})


# What a PATCH leaves out keeps its current value: every detail and score a person edits.
RISK_FIELDS = (*(field.name for field in dataclasses.fields(risks.RiskDetails)), *SCORE_FIELDS)


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
class RiskViewSet(VersionedRecordViewSet):
    queryset = selectors.risk_queryset()
    serializer_class = RiskSerializer
    filterset_class = RiskFilterSet
    csv_columns = RISK_COLUMNS

    def create(self, request, *args, **kwargs):
        if not can_manage_risks(request.user):
            raise PermissionDenied("Only a strategy lead can add a risk to the register.")
        fields = self.validated(RiskCreateSerializer)
        reference = fields.pop("reference")
        risk = risks.risk_create(
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
        fields = self.patched(risk, RiskChangeSerializer, unchanged=RISK_FIELDS)
        version = self.expected_version(risk, fields)
        risks.risk_update(
            risk=risk,
            user=request.user,
            expected_version=version,
            details=_risk_details(fields),
            scores=_risk_scores(fields),
        )
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
        review = risks.risk_review(
            risk=risk,
            user=request.user,
            expected_version=self.expected_version(risk, fields),
            scores=_risk_scores(fields),
            note=fields["note"],
            next_review_date=fields["next_review_date"],
        )
        return versioned_response(RiskReviewSerializer(review).data, review.risk, status_code=status.HTTP_201_CREATED)

    def get_serializer_class(self):
        return RiskReviewSerializer if self.action == "reviews" else RiskSerializer
