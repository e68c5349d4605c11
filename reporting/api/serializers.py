from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from actions.choices import Rag, Status
from core.api.fields import LimitedCharField, RefuseUnknownFields, VersionField
from core.limits import COVER_LINE_LENGTH, SECTION_LENGTH, TITLE_LENGTH
from measures.choices import MeasureState
from periods.api.serializers import PeriodKeyField, ReportingPeriodSerializer
from reporting.choices import ImplicationArea
from reporting.models import CommitteeMeeting, CommitteeReport, ReportPack
from reporting.sections import AUTHORED_FIELDS, TEXT_SECTIONS


class SummaryQuerySerializer(serializers.Serializer):
    period = PeriodKeyField()


StatusCountsSerializer = type(
    "StatusCountsSerializer",
    (serializers.Serializer,),
    {status: serializers.IntegerField(help_text=f"Actions {label.lower()}") for status, label in Status.choices},
)
RagCountsSerializer = type(
    "RagCountsSerializer",
    (serializers.Serializer,),
    {rag: serializers.IntegerField(help_text=f"Open actions rated {label.lower()}") for rag, label in Rag.choices},
)


class RollupSerializer(serializers.Serializer):
    total = serializers.IntegerField(help_text="Number of actions.")
    by_status = StatusCountsSerializer()
    open = serializers.IntegerField(help_text="Actions neither completed nor cancelled: the RAG counts and average are of these.")
    by_rag = RagCountsSerializer(help_text="Open actions by RAG rating; completed and cancelled ones count under their status only.")
    average_percent = serializers.DecimalField(
        max_digits=4, decimal_places=1, coerce_to_string=False, allow_null=True,
        help_text="Mean percent complete of the open actions, to one decimal place; null with none open.",
    )
    overdue = serializers.IntegerField(help_text="Past their due date and neither completed nor cancelled.")


class PrincipleRollupSerializer(RollupSerializer):
    number = serializers.IntegerField()
    title = serializers.CharField()


MeasureCountsSerializer = type(
    "MeasureCountsSerializer",
    (serializers.Serializer,),
    {state: serializers.IntegerField(help_text=f"Measures {label.lower()} in the period") for state, label in MeasureState.choices},
)


class PrincipleMeasureCountsSerializer(serializers.Serializer):
    number = serializers.IntegerField()
    counts = MeasureCountsSerializer(help_text="The principle's measures by RAG in the period.")


class SummarySerializer(serializers.Serializer):
    period = ReportingPeriodSerializer()
    as_at = serializers.DateField(help_text="The period's last day: later updates are not counted.")
    overall = RollupSerializer()
    principles = PrincipleRollupSerializer(many=True)
    measures = MeasureCountsSerializer(source="measures_overall", help_text="Every measure by RAG, from the period's own figures.")
    measures_by_principle = PrincipleMeasureCountsSerializer(many=True, help_text="Principles with measures, in number order.")


# Committee reports and meetings ------------------------------------------------------------

def _username(**kwargs) -> serializers.SlugRelatedField:
    return serializers.SlugRelatedField(slug_field="username", read_only=True, allow_null=True, **kwargs)


class CommitteeMeetingSerializer(serializers.ModelSerializer):
    reports = serializers.SerializerMethodField(help_text="References of the meeting's reports you may read.")

    class Meta:
        model = CommitteeMeeting
        fields = ["id", "committee", "date", "is_demo", "reports"]
        read_only_fields = fields

    def get_reports(self, meeting: CommitteeMeeting) -> list[str]:
        return [report.reference for report in meeting.visible_reports]


class CommitteeMeetingCreateSerializer(RefuseUnknownFields, serializers.Serializer):
    committee = LimitedCharField(max_length=TITLE_LENGTH)
    date = serializers.DateField()


class CommitteeReportSerializer(serializers.ModelSerializer):
    """A report as lists show it; the detail adds its sections and implications."""

    slug = serializers.CharField(read_only=True, help_text="The reference in URL form, e.g. cp-35-22-23.")
    meeting = serializers.PrimaryKeyRelatedField(read_only=True, allow_null=True)
    meeting_committee = serializers.CharField(source="meeting.committee", read_only=True, allow_null=True)
    meeting_date = serializers.DateField(source="meeting.date", read_only=True, allow_null=True)
    period = serializers.CharField(
        source="period.key", read_only=True, allow_null=True, help_text="The quarter a progress report presents, e.g. 2024-25-Q2."
    )
    approved_by = _username()
    published_by = _username()
    version = VersionField()

    class Meta:
        model = CommitteeReport
        fields = [
            "reference", "slug", "financial_year", "sequence", "title", "report_of", "status", "meeting",
            "meeting_committee", "meeting_date", "period", "approved_at", "approved_by", "published_at", "published_by",
            "version", "updated_at",
        ]
        read_only_fields = fields


class CommitteeReportDetailSerializer(CommitteeReportSerializer):
    implications = serializers.SerializerMethodField(help_text="Text per implication area; areas not written are left out.")

    class Meta(CommitteeReportSerializer.Meta):
        fields = [
            *CommitteeReportSerializer.Meta.fields,
            *(name for name in AUTHORED_FIELDS if name not in CommitteeReportSerializer.Meta.fields),
            "implications",
        ]
        read_only_fields = fields

    @extend_schema_field({"type": "object", "additionalProperties": {"type": "string"}})
    def get_implications(self, report: CommitteeReport) -> dict[str, str]:
        return {item.area: item.text for item in report.implications.all()}


class CommitteeReportChangeSerializer(RefuseUnknownFields, serializers.Serializer):
    """PATCH /committee-reports/{slug}/: a draft or approved report (editing sends it back to draft)."""

    meeting = serializers.PrimaryKeyRelatedField(queryset=CommitteeMeeting.objects.all(), help_text="The meeting's id.")
    title = LimitedCharField(max_length=COVER_LINE_LENGTH)
    report_of = LimitedCharField(max_length=COVER_LINE_LENGTH)
    wards_affected = LimitedCharField(max_length=COVER_LINE_LENGTH)
    implications = serializers.DictField(
        child=LimitedCharField(max_length=SECTION_LENGTH, allow_blank=True, label="An implication"),
        help_text="Text per implication area (" + ", ".join(ImplicationArea.values) + "); blank removes one.",
    )

    def get_fields(self):
        fields = super().get_fields()
        implications = fields.pop("implications")
        fields.update({section.field: LimitedCharField(max_length=SECTION_LENGTH, allow_blank=True) for section in TEXT_SECTIONS})
        fields["implications"] = implications
        return fields

    def validate_implications(self, implications: dict[str, str]) -> dict[str, str]:
        unknown = sorted(set(implications) - set(ImplicationArea.values))
        if unknown:
            raise serializers.ValidationError(
                f"Unknown implication area: {', '.join(unknown)}. Choose from {', '.join(ImplicationArea.values)}."
            )
        return implications


class CommitteeReportCreateSerializer(CommitteeReportChangeSerializer):
    """POST /committee-reports/: a draft, given the next reference in its meeting's financial year."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            if name not in ("meeting", "title", "report_of"):
                field.required = False
        self.fields["wards_affected"].default = "All"
        for section in TEXT_SECTIONS:
            self.fields[section.field].default = ""
        self.fields["implications"].default = dict


# Quarterly progress packs ------------------------------------------------------------------


class ReportPackSerializer(serializers.ModelSerializer):
    period = serializers.CharField(source="period.key", read_only=True, help_text="e.g. 2024-25-Q2")
    period_label = serializers.CharField(source="period.label", read_only=True, help_text="e.g. 2024/25 Q2")
    committee_report = serializers.SlugRelatedField(slug_field="reference", read_only=True, allow_null=True)
    sha256 = serializers.CharField(read_only=True, help_text="SHA-256 of the PDF (hex), once built.")
    requested_by = _username()
    published_by = _username()

    class Meta:
        model = ReportPack
        fields = [
            "id", "period", "period_label", "version", "status", "progress_step", "committee_report", "sha256",
            "page_count", "size_bytes", "error", "requested_by", "requested_at", "started_at", "finished_at",
            "published_at", "published_by",
        ]
        read_only_fields = fields


class PackRequestSerializer(RefuseUnknownFields, serializers.Serializer):
    """POST /packs/: build (a new version of) a period's pack on a worker."""

    period = PeriodKeyField()
    committee_report = serializers.SlugRelatedField(
        slug_field="reference", queryset=CommitteeReport.objects.all(), required=False, allow_null=True, default=None,
        help_text="The report the pack carries, e.g. CP/35/22-23; left out, the quarter's own progress report "
        "(drafted from the quarter's figures, with the next CP reference and meeting, the first time).",
    )
