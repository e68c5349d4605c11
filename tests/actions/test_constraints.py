"""The database itself refuses bad rows, even when code bypasses services and validation."""

import datetime

import pytest
from django.db import IntegrityError, transaction
from django.utils import timezone

from actions.models import ActionItem, ProgressUpdate
from periods.models import ReportingPeriod
from principles.models import Principle
from registers.models import BusinessCaseLine, Risk
from reporting.models import CommitteeReport, ReportPack
from tests import factories


def refused(make) -> None:
    with pytest.raises(IntegrityError), transaction.atomic():
        make()


@pytest.fixture
def action(db):
    return factories.ActionFactory(reference="P1-01")


@pytest.mark.parametrize("percent", [-1, 101, 1000])
def test_action_percent_must_be_0_to_100(action, percent):
    refused(lambda: ActionItem.objects.filter(pk=action.pk).update(percent_complete=percent))


def test_action_reference_is_unique(action):
    refused(lambda: factories.ActionFactory(reference="P1-01", principle=action.principle))


@pytest.mark.parametrize(
    "changes",
    [
        {"status": "paused"},
        {"rag": "blue"},
        {"status": "completed", "percent_complete": 80},
        {"status": "completed", "percent_complete": 100, "rag": "amber"},
        {"target_date": datetime.date(2020, 1, 1)},
    ],
)
def test_action_state_must_be_coherent(action, changes):
    refused(lambda: ActionItem.objects.filter(pk=action.pk).update(**changes))


def test_one_progress_update_per_action_per_period(action):
    period = factories.PeriodFactory(key="2024-25-Q2")
    fields = {
        "action": action, "period": period, "status": "on_track", "rag": "green", "percent_complete": 10,
        "author": action.owner, "created_at": timezone.now(), "updated_at": timezone.now(),
    }
    ProgressUpdate.objects.create(**fields)
    refused(lambda: ProgressUpdate.objects.create(**fields))


@pytest.mark.parametrize(
    "changes",
    [{"percent_complete": 101}, {"rag": "amber", "commentary": ""}, {"rag": "red", "commentary": ""}, {"status": "x"}],
)
def test_progress_update_rules_hold_in_the_database(action, changes):
    period = factories.PeriodFactory(key="2024-25-Q2")
    fields = {
        "action": action, "period": period, "status": "on_track", "rag": "green", "percent_complete": 10,
        "author": action.owner, "created_at": timezone.now(), "updated_at": timezone.now(),
    }
    refused(lambda: ProgressUpdate.objects.create(**{**fields, **changes}))


@pytest.mark.parametrize(
    "field", ["inherent_likelihood", "inherent_impact", "residual_likelihood", "residual_impact"]
)
@pytest.mark.parametrize("value", [0, 6])
def test_risk_scores_are_1_to_5(db, field, value):
    risk = factories.RiskFactory()
    refused(lambda: Risk.objects.filter(pk=risk.pk).update(**{field: value}))


def test_one_reporting_period_per_quarter(db):
    factories.PeriodFactory(key="2024-25-Q2")
    refused(
        lambda: ReportingPeriod.objects.create(
            financial_year=2024, quarter=2, start_date=datetime.date(2024, 7, 1),
            end_date=datetime.date(2024, 9, 30), update_deadline=datetime.date(2024, 10, 21),
        )
    )


@pytest.mark.parametrize(
    "changes",
    [{"quarter": 5}, {"quarter": 0}, {"end_date": datetime.date(2024, 6, 1)}, {"update_deadline": datetime.date(2024, 9, 1)}],
)
def test_reporting_period_dates_are_coherent(db, changes):
    period = factories.PeriodFactory(key="2024-25-Q2")
    refused(lambda: ReportingPeriod.objects.filter(pk=period.pk).update(**changes))


@pytest.mark.parametrize("number", [0, 8])
def test_principle_number_is_1_to_7(db, number):
    principle = factories.PrincipleFactory(number=1)
    refused(lambda: Principle.objects.filter(pk=principle.pk).update(number=number))


def test_principle_number_unique_per_strategy(db):
    principle = factories.PrincipleFactory(number=3)
    refused(lambda: Principle.objects.create(strategy=principle.strategy, number=3, title="Again"))


def test_one_business_case_line_per_year(db):
    line = factories.BusinessCaseLineFactory(financial_year=2024)
    refused(lambda: factories.BusinessCaseLineFactory(business_case=line.business_case, financial_year=2024))
    assert BusinessCaseLine.objects.count() == 1


def test_committee_report_reference_and_sequence_are_unique(db):
    report = factories.CommitteeReportFactory(sequence=35, financial_year=2022)
    assert report.reference == "CP/35/22-23"
    refused(lambda: factories.CommitteeReportFactory(sequence=35, financial_year=2022, reference="CP/35/22-23b"))
    refused(lambda: factories.CommitteeReportFactory(sequence=36, financial_year=2022, reference="CP/35/22-23"))
    refused(lambda: CommitteeReport.objects.filter(pk=report.pk).update(status="secret"))


def test_pack_versions_are_unique_per_period(db):
    period = factories.PeriodFactory(key="2024-25-Q2")
    user = factories.lead(username="clerk")
    ReportPack.objects.create(period=period, version=1, requested_by=user)
    refused(lambda: ReportPack.objects.create(period=period, version=1, requested_by=user))
    refused(lambda: ReportPack.objects.create(period=period, version=2, requested_by=user, status="lost"))
