"""The committee-report form: every section of the council's form, one text per implication area."""

from django import forms

from core.forms import DateInputsField, LimitedCharField
from core.limits import COVER_LINE_LENGTH, SECTION_LENGTH, TITLE_LENGTH
from core.conflicts import VersionedForm

from .choices import ImplicationArea
from .models import CommitteeMeeting
from .sections import ACCESS_TO_INFORMATION, AUTHORED_FIELDS, IMPLICATIONS_NUMBER, NUMBERED_SECTIONS
from .services import ReportSections

TEXT_HINT = "Separate paragraphs with a blank line. Start a line with “- ” for a bullet."


def implication_field_name(area: str) -> str:
    return f"implication_{area}"


class CommitteeReportForm(forms.Form):
    meeting = forms.ModelChoiceField(
        queryset=CommitteeMeeting.objects.order_by("-date"),
        label="Committee meeting",
        empty_label="Choose a meeting",
        help_text="The reference is numbered in the financial year of this meeting.",
        error_messages={"required": "Choose the committee meeting the report is for."},
    )
    title = LimitedCharField(max_length=COVER_LINE_LENGTH, label="Report title", error_messages={"required": "Enter the report title."})
    report_of = LimitedCharField(
        max_length=COVER_LINE_LENGTH,
        label="Report of",
        help_text="Name and post, for example “Jane Burns: Executive Director Corporate Services”.",
        error_messages={"required": "Enter who the report is of."},
    )
    wards_affected = LimitedCharField(max_length=COVER_LINE_LENGTH, label="Ward(s) affected", initial="All",
                                     error_messages={"required": "Enter the wards affected, or “All”."})
    implications_number = IMPLICATIONS_NUMBER

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for number, section in enumerate(NUMBERED_SECTIONS, start=1):
            self.fields[section.field] = LimitedCharField(
                label=f"{number}. {section.title}", named=section.title, max_length=SECTION_LENGTH, required=False,
                widget=forms.Textarea, help_text=TEXT_HINT,
            )
        for number, area in enumerate(ImplicationArea, start=1):
            self.fields[implication_field_name(area.value)] = LimitedCharField(
                label=f"{IMPLICATIONS_NUMBER}.{number}. {area.label}", named=f"{area.label} implications",
                max_length=SECTION_LENGTH, required=False, widget=forms.Textarea,
            )
        for section in ACCESS_TO_INFORMATION:
            self.fields[section.field] = LimitedCharField(
                label=section.form_label,
                max_length=SECTION_LENGTH,
                required=False,
                widget=forms.Textarea(attrs={"rows": 3}),
                help_text="One item per line.",
            )

    @classmethod
    def initial_for(cls, report) -> dict:
        initial = {name: getattr(report, name) for name in AUTHORED_FIELDS}
        initial["meeting"] = report.meeting_id
        for item in report.implications.all():
            initial[implication_field_name(item.area)] = item.text
        return initial

    def sections(self) -> ReportSections:
        data = self.cleaned_data
        return ReportSections(**{name: data[name] for name in AUTHORED_FIELDS})

    def implications(self) -> dict[str, str]:
        return {area: self.cleaned_data[implication_field_name(area)] for area in ImplicationArea.values}

    def section_fields(self):
        return [self[section.field] for section in NUMBERED_SECTIONS]

    def implication_fields(self):
        return [self[implication_field_name(area)] for area in ImplicationArea.values]

    def access_fields(self):
        return [self[section.field] for section in ACCESS_TO_INFORMATION]


class CommitteeReportChangeForm(CommitteeReportForm, VersionedForm):
    """Editing a report: the form carries the version it was opened on."""

    @classmethod
    def initial_for(cls, report) -> dict:
        return super().initial_for(report) | {"expected_version": report.version}


ENTER_MEETING_DATE = "Enter the date of the meeting as a day, month and year in numbers, for example 23 3 2023."


class CommitteeMeetingForm(forms.Form):
    """A meeting date as the GOV.UK date pattern asks for it: day, month and year boxes."""

    committee = LimitedCharField(
        max_length=TITLE_LENGTH, initial="Corporate Policy Committee", label="Committee",
        error_messages={"required": "Enter the name of the committee."},
    )
    date = DateInputsField(
        label="Date of meeting",
        help_text="For example, 23 3 2023",
        error_messages={
            "required": ENTER_MEETING_DATE,
            "invalid": ENTER_MEETING_DATE,
            "invalid_date": "The date of the meeting must be a real date, for example 23 3 2023.",
        },
    )

    def clean_date(self):
        date = self.cleaned_data["date"]
        if not 2000 <= date.year <= 2100:
            raise forms.ValidationError("Enter the year of the meeting in full, for example 2025.")
        return date
