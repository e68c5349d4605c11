"""Shared builders for the committee-report tests."""

from reporting.choices import ImplicationArea
from reporting.models import CommitteeMeeting, CommitteeReport
from reporting.services import ReportSections, committee_report_approve, committee_report_publish
from tests import factories

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


def reports_in_each_status() -> CommitteeMeeting:
    """CP/1/24-25 published and CP/2/24-25 approved for the meeting returned; CP/3/24-25 a draft with no meeting."""
    meeting = factories.MeetingFactory()
    factories.CommitteeReportFactory(sequence=1, title="Published one", status="published", meeting=meeting)
    factories.CommitteeReportFactory(sequence=2, title="Approved one", status="approved", meeting=meeting)
    factories.CommitteeReportFactory(sequence=3, title="Draft one", status="draft", meeting=None)
    return meeting


def approve(*, report: CommitteeReport, user) -> CommitteeReport:
    """Approve the report on the version in hand, as its page's button does."""
    return committee_report_approve(report=report, user=user, expected_version=report.version)


def publish(*, report: CommitteeReport, user) -> CommitteeReport:
    """Publish the report on the version in hand, as its page's button does."""
    return committee_report_publish(report=report, user=user, expected_version=report.version)
