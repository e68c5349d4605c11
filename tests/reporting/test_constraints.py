"""The database itself refuses bad committee reports and packs, even when code bypasses services and validation."""

from reporting.models import CommitteeReport, ReportPack
from tests import factories
from tests.helpers import refused


def test_committee_report_reference_and_sequence_are_unique(db):
    report = factories.CommitteeReportFactory(sequence=35, financial_year=2022)
    assert report.reference == "CP/35/22-23"
    refused(lambda: factories.CommitteeReportFactory(sequence=35, financial_year=2022, reference="CP/35/22-23b"))
    refused(lambda: factories.CommitteeReportFactory(sequence=36, financial_year=2022, reference="CP/35/22-23"))
    refused(lambda: CommitteeReport.objects.filter(pk=report.pk).update(status="secret"))


def test_pack_versions_are_unique_per_period(period):
    user = factories.lead(username="clerk")
    ReportPack.objects.create(period=period, version=1, requested_by=user)
    refused(lambda: ReportPack.objects.create(period=period, version=1, requested_by=user))
    refused(lambda: ReportPack.objects.create(period=period, version=2, requested_by=user, status="lost"))
