"""A pack is the committee's agenda item: it drafts (or reuses) its quarter's report, is published
only with that report approved, and shows business cases and risks as at the quarter's end."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from registers.choices import BusinessCaseStatus
from registers.models import BusinessCase, Risk
from registers.services.business_cases import LineFigures, business_case_revise, business_case_update
from registers.services.risks import RiskScores, risk_review
from reporting import packs
from reporting.models import CommitteeReport, ReportPack
from reporting.services import committee_report_for_period
from tests import factories
from tests.helpers import on_the_register_since, pdf_text, signed_in
from tests.reporting.builders import PLAN_START, approve, build_plan

PACKS = "/api/v1/packs/"


@pytest.fixture
def plan(db):
    """build_plan's 2024/25 Q1 and Q2, with a Q3 that has no report yet, and the committee's meetings around it."""
    plan = build_plan(actions_per_principle=1)
    plan["q3"] = factories.PeriodFactory(key="2024-25-Q3")  # update deadline 22 January 2025
    factories.MeetingFactory(date=datetime.date(2025, 1, 9))  # before the figures are all in
    plan["meeting"] = factories.MeetingFactory(date=datetime.date(2025, 2, 6))
    factories.MeetingFactory(date=datetime.date(2025, 3, 6))
    factories.MeetingFactory(committee="Audit and Governance Committee", date=datetime.date(2025, 1, 30))
    return plan


@pytest.mark.pdf
def test_a_pack_requested_through_the_api_drafts_the_quarters_report_and_is_published_only_once_it_is_approved(
    client, plan, django_capture_on_commit_callbacks
):
    lead = factories.lead(first_name="Helen", last_name="Ashworth", email="helen.ashworth@example.gov.uk")
    signed_in(client, lead)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(PACKS, {"period": "2024-25-Q3"}, content_type="application/json")
    assert response.status_code == 202
    assert response.json()["committee_report"] == "CP/42/24-25"  # next after CP/41/24-25, in the meeting's year
    report = CommitteeReport.objects.get(reference="CP/42/24-25")
    assert (report.period, report.meeting, report.status) == (plan["q3"], plan["meeting"], "draft")

    pack = ReportPack.objects.get(pk=response.json()["id"])
    text = " ".join(pdf_text(pack.file.path).split())
    assert "Date of Meeting: 6 February 2025" in text
    assert "Report Reference No: CP/42/24-25" in text and "Progress pack" not in text.split("Ward(s)")[0]
    assert "That the Committee notes the progress made in delivering" in text
    assert (
        "As at 31 December 2024, the end of 2024/25 Q3, the strategy has 7 actions; the 7 open ones "
        "(neither completed nor cancelled) are on average"
    ) in text
    assert "compared with the end of 2024/25 Q2" in text
    assert "1 approved High Level Business Case as at 31 December 2024" in text
    assert "the ICT risk register held 1 risk" in text
    assert "Helen Ashworth helen.ashworth@example.gov.uk" in text

    refused = client.post(f"{PACKS}{pack.pk}/publish/")
    assert refused.status_code == 400
    assert "Its committee report, CP/42/24-25, is still a draft" in str(refused.json())
    approve(report=report, user=lead)
    still_refused = client.post(f"{PACKS}{pack.pk}/publish/")
    assert still_refused.status_code == 400 and "was built before its committee report" in str(still_refused.json())

    with django_capture_on_commit_callbacks(execute=True):
        rebuilt = client.post(PACKS, {"period": "2024-25-Q3"}, content_type="application/json").json()
    assert rebuilt["committee_report"] == "CP/42/24-25" and CommitteeReport.objects.filter(period=plan["q3"]).count() == 1
    published = client.post(f"{PACKS}{rebuilt['id']}/publish/")
    assert published.status_code == 200 and published.json()["status"] == "published"
    assert "not for publication" not in pdf_text(ReportPack.objects.get(pk=rebuilt["id"]).file.path)


def test_with_no_meeting_after_the_quarter_the_draft_waits_for_the_lead_to_choose_one(client, db):
    lead = factories.lead()
    period = factories.PeriodFactory(key="2025-26-Q1")
    factories.MeetingFactory(date=datetime.date(2025, 6, 5))  # during the quarter: too early
    report = committee_report_for_period(period=period, user=lead)
    assert report.meeting is None and report.reference == "CP/1/25-26"  # the deadline's financial year
    assert report.implications.count() == 10 and report.contact_officer
    with pytest.raises(ValidationError, match="cannot go on the agenda until it has: the committee meeting"):
        approve(report=report, user=lead)
    assert committee_report_for_period(period=period, user=lead) == report  # reused, not drafted again
    page = signed_in(client, lead).get(f"/reports/committee/{report.slug}/").content.decode()
    assert "Progress report for</dt>" in page and "2025/26 Q1: its progress packs carry this report" in page
    assert "No meeting is chosen yet: edit the report and choose the committee meeting" in page
    assert "To be confirmed" in page


def test_the_draft_counts_rag_movement_and_only_approved_business_cases_as_at_the_quarters_end(plan):
    lead = factories.lead()
    draft_case = factories.BusinessCaseFactory(reference="HLBC-DRAFT", status=BusinessCaseStatus.DRAFT)
    factories.BusinessCaseLineFactory(business_case=draft_case, capital_cost=Decimal("999999.00"))
    on_the_register_since(PLAN_START)
    late_case = factories.BusinessCaseFactory(reference="HLBC-LATE")  # approved after the quarter ended
    factories.BusinessCaseLineFactory(business_case=late_case, capital_cost=Decimal("777777.00"))

    report = committee_report_for_period(period=plan["q2"], user=lead)  # the published CP/41/24-25 is reused
    assert report.reference == "CP/41/24-25"
    report = committee_report_for_period(period=plan["q3"], user=lead)
    finance = report.implications.get(area="finance").text
    assert "8.2.1. The figures below are those of the 1 approved High Level Business Case as at 31 December 2024" in finance
    assert "£2,000" in finance and "HLBC-DRAFT" not in finance and "HLBC-LATE" not in finance and "999,999" not in finance
    assert "2.2. Open actions by RAG rating: red 2 (unchanged); amber 5 (unchanged); green 0 (unchanged)" in report.executive_summary
    assert report.recommendations.startswith("3.1. That the Committee notes the progress")


@pytest.mark.pdf
def test_rebuilding_a_past_quarter_after_its_business_cases_and_risks_change_gives_the_same_text(
    plan, django_capture_on_commit_callbacks
):
    lead = factories.lead()
    draft_case = factories.BusinessCaseFactory(reference="HLBC-DRAFT", status=BusinessCaseStatus.DRAFT, title="Draft idea")
    factories.BusinessCaseLineFactory(business_case=draft_case, capital_cost=Decimal("5000.00"))
    on_the_register_since(PLAN_START)
    with django_capture_on_commit_callbacks(execute=True):
        first = packs.pack_request(period=plan["q2"], requested_by=lead)
    first.refresh_from_db()

    case = BusinessCase.objects.get(title="Cloud migration")  # approved
    business_case_revise(
        business_case=case, user=lead, expected_version=case.version, reason="Prices rose.",
        lines=[LineFigures(financial_year=2024, capital_cost=Decimal("123456.00"))],
    )
    business_case_update(
        business_case=draft_case, user=lead, expected_version=draft_case.version, title="Draft idea", sponsor=draft_case.sponsor,
        lines=[LineFigures(financial_year=2026, revenue_cost=Decimal("654321.00"))],
    )
    risk = Risk.objects.get(title="Ransomware attack")
    risk_review(
        risk=risk, user=lead, expected_version=risk.version, scores=RiskScores(5, 5, 5, 5),
        note="Worse.", next_review_date=datetime.date.today() + datetime.timedelta(days=30),
    )
    with django_capture_on_commit_callbacks(execute=True):
        second = packs.pack_request(period=plan["q2"], requested_by=lead)
    second.refresh_from_db()
    assert pdf_text(first.file.path) == pdf_text(second.file.path)
    assert "123,456" not in pdf_text(second.file.path) and "654,321" not in pdf_text(second.file.path)
