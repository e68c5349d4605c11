"""The committee-report form's sections are defined once (reporting.sections) and read by every part."""

import dataclasses

from reporting.api.serializers import CommitteeReportChangeSerializer, CommitteeReportDetailSerializer
from reporting.choices import ImplicationArea
from reporting.forms import CommitteeReportForm
from reporting.models import CommitteeReport
from reporting.sections import (
    ACCESS_TO_INFORMATION,
    AUTHORED_FIELDS,
    IMPLICATIONS_NUMBER,
    NUMBERED_SECTIONS,
    REQUIRED_FOR_APPROVAL,
)
from reporting.selectors import committee_report_document
from reporting.services import ReportSections
from seeding import reference_data
from seeding.services import seed_reference_data
from tests import factories


def _in_section_order(names) -> list[str]:
    return [name for name in names if name in AUTHORED_FIELDS]


def test_the_model_form_service_and_api_follow_the_one_list():
    assert _in_section_order(field.name for field in CommitteeReport._meta.fields) == list(AUTHORED_FIELDS)
    assert [field.name for field in dataclasses.fields(ReportSections)] == list(AUTHORED_FIELDS)
    assert _in_section_order(CommitteeReportForm().fields) == list(AUTHORED_FIELDS)
    assert _in_section_order(CommitteeReportChangeSerializer().fields) == list(AUTHORED_FIELDS)
    assert _in_section_order(CommitteeReportDetailSerializer.Meta.fields) == list(AUTHORED_FIELDS)


def test_form_labels_carry_the_reports_numbering():
    fields = CommitteeReportForm().fields
    assert [fields[section.field].label for section in NUMBERED_SECTIONS] == [
        "1. Purpose of Report", "2. Executive Summary", "3. Recommendations", "4. Reasons for Recommendations",
        "5. Other Options Considered", "6. Background", "7. Consultation and Engagement",
    ]
    assert fields["implication_legal"].label == f"{IMPLICATIONS_NUMBER}.1. {ImplicationArea.LEGAL.label}"
    assert [fields[section.field].label for section in ACCESS_TO_INFORMATION] == [
        "Contact officer", "Appendices", "Background papers",
    ]


def test_the_document_for_page_pdf_and_pack_numbers_the_same_sections(db):
    report = factories.CommitteeReportFactory(purpose="Why.", contact_officer="Gareth Pawlett")
    document = committee_report_document(report=report)
    assert [(s["number"], s["title"]) for s in document["sections"]] == [
        (str(number), section.title) for number, section in enumerate(NUMBERED_SECTIONS, start=1)
    ]
    assert document["implications_number"] == "8" and document["implications"][-1]["number"] == "8.10"
    assert [(item["title"], item["lines"], item["empty_text"]) for item in document["access_to_information"]] == [
        ("Contact Officer", ["Gareth Pawlett"], "Not given"), ("Appendices", [], "None"), ("Background Papers", [], "None"),
    ]


def test_the_seed_loads_every_section_of_the_report(db):
    seed_reference_data()
    report = CommitteeReport.objects.get(reference=reference_data.COMMITTEE_REPORT["reference"])
    for name in AUTHORED_FIELDS:
        assert getattr(report, name) == reference_data.COMMITTEE_REPORT[name], name


def test_approval_needs_the_sections_marked_required():
    assert [section.title for section in REQUIRED_FOR_APPROVAL] == [
        "Purpose of Report", "Executive Summary", "Recommendations", "Reasons for Recommendations", "Contact Officer",
    ]
