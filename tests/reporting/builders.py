"""Builders the reporting tests share: committee reports, and a plan to build progress packs from."""

import dataclasses
import datetime

from reporting.choices import ImplicationArea
from reporting.models import CommitteeMeeting, CommitteeReport, ReportImplication
from reporting.services import ReportSections, committee_report_approve, committee_report_create, committee_report_publish
from tests import factories
from tests.helpers import on_the_register_since

COMPLETE_SECTIONS = ReportSections(
    title="ICT Strategy 2023–27: progress report",
    report_of="Jane Burns: Executive Director Corporate Services",
    wards_affected="All",
    purpose="1.1. To report progress on the ICT Strategy.",
    executive_summary="2.1 Progress is on track.\n\n2.2 Two actions are at risk.",
    recommendations="3.1 To note the progress report.",
    reasons="4.1. To keep the committee informed.",
    other_options="5.1. None.",
    background="6.1. The strategy was approved on 23 March 2023:\n- seven principles\n- forty actions",
    consultation="7.1. SIGG was consulted.",
    contact_officer="Gareth Pawlett, Head of ICT Services\n01270 686298",
    appendices="Appendix A: progress pack",
    background_papers="Report CP/35/22-23",
)

ALL_IMPLICATIONS = {area.value: f"8.{n}.1. No {area.label.lower()} implications." for n, area in enumerate(ImplicationArea, 1)}


def draft_report(meeting: CommitteeMeeting, user=None, **changes) -> CommitteeReport:
    """A draft with every section and implication written, through the service; `changes` replace sections."""
    return committee_report_create(
        user=user or factories.lead(),
        meeting=meeting,
        sections=dataclasses.replace(COMPLETE_SECTIONS, **changes),
        implications=ALL_IMPLICATIONS,
    )


def build_plan(actions_per_principle: int = 2) -> dict:
    """Seven principles with actions and two quarters of updates, a report, a business case and risks."""
    q1 = factories.PeriodFactory(key="2024-25-Q1")
    q2 = factories.PeriodFactory(key="2024-25-Q2")
    strategy = factories.StrategyFactory()
    owner = factories.manager(first_name="Priya", last_name="Sharma")
    red_references = []
    for number, title in enumerate(factories.PRINCIPLE_TITLES, start=1):
        principle = factories.PrincipleFactory(strategy=strategy, number=number, title=title)
        for index in range(1, actions_per_principle + 1):
            action = factories.ActionFactory(
                reference=f"P{number}-{index:02d}", principle=principle, owner=owner,
                target_date=datetime.date(2024, 9, 1) if index == 2 else datetime.date(2026, 3, 31),
            )
            factories.ProgressUpdateFactory(action=action, period=q1, percent_complete=20, commentary="Progress as planned.")
            if index == 1 and number % 3 == 0:
                factories.ProgressUpdateFactory(
                    action=action, period=q2, status="off_track", rag="red", percent_complete=25,
                    commentary="Supplier has gone into administration.", next_steps="Re-procure.",
                )
                red_references.append(action.reference)
            elif index == 1:
                factories.ProgressUpdateFactory(
                    action=action, period=q2, status="at_risk", rag="amber", percent_complete=30,
                    commentary="Testing found more defects.", next_steps="Fix and re-test.",
                )
            else:
                factories.ProgressUpdateFactory(
                    action=action, period=q2, status="completed", percent_complete=100, commentary="Progress as planned.",
                )
    # Each quarter's progress report, already published, so its packs may be published too.
    factories.CommitteeReportFactory(
        sequence=40, financial_year=2024, reference="CP/40/24-25", status="published", period=q1,
        title="ICT Strategy 2023–27: progress report 2024/25 Q1",
        report_of="Executive Director Corporate Services", wards_affected="All",
        purpose="To report progress on the ICT Strategy.",
    )
    report = factories.CommitteeReportFactory(
        sequence=41, financial_year=2024, reference="CP/41/24-25", status="published", period=q2,
        title="ICT Strategy 2023–27: progress report 2024/25 Q2",
        report_of="Executive Director Corporate Services", wards_affected="All",
        purpose="To report progress on the ICT Strategy.",
    )
    ReportImplication.objects.create(report=report, area="legal", text="No legal implications.")
    case = factories.BusinessCaseFactory(strategy=strategy, title="Cloud migration")
    factories.BusinessCaseLineFactory(business_case=case, financial_year=2024)
    factories.BusinessCaseLineFactory(business_case=case, financial_year=2025)
    factories.RiskFactory(strategy=strategy, title="Ransomware attack", inherent_likelihood=4, inherent_impact=5)
    on_the_register_since(PLAN_START)
    return {"q1": q1, "q2": q2, "report": report, "red": red_references, "owner": owner}


PLAN_START = datetime.datetime(2024, 4, 1, 9, 0, tzinfo=datetime.UTC)


def approve(*, report: CommitteeReport, user) -> CommitteeReport:
    """Approve the report on the version in hand, as its page's button does."""
    return committee_report_approve(report=report, user=user, expected_version=report.version)


def publish(*, report: CommitteeReport, user) -> CommitteeReport:
    """Publish the report on the version in hand, as its page's button does."""
    return committee_report_publish(report=report, user=user, expected_version=report.version)
