import datetime
from collections import Counter

import pytest
from django.apps import apps
from django.contrib.auth.models import Group, User
from django.core.management import call_command

from actions.models import ActionItem, ProgressUpdate
from measures.models import Measure, MeasureValue
from periods.models import ReportingPeriod
from principles.models import Principle
from registers.choices import RiskCategory
from registers.models import BusinessCase, Risk
from reporting.models import CommitteeMeeting, CommitteeReport
from strategy.models import Strategy
from tests.factories import PRINCIPLE_TITLES


def row_counts() -> dict[str, int]:
    return {model._meta.label: model.objects.count() for model in apps.get_models()}


@pytest.fixture
def seeded(db):
    call_command("seed_strategy", "--demo", verbosity=0)


def test_reference_data_matches_the_committee_report(seeded):
    strategy = Strategy.objects.get()
    assert strategy.title == "ICT Strategy 2023–27"
    assert "Our vision is to invest in people and technology" in strategy.vision
    assert strategy.approved_at.date == datetime.date(2023, 3, 23)
    assert list(Principle.objects.order_by("number").values_list("title", flat=True)) == PRINCIPLE_TITLES
    assert sorted(CommitteeMeeting.objects.filter(is_demo=False).values_list("date", flat=True)) == [
        datetime.date(2022, 10, 6),
        datetime.date(2023, 3, 23),
    ]
    report = CommitteeReport.objects.get(reference="CP/35/22-23")
    assert report.report_of == "Jane Burns: Executive Director Corporate Services"
    assert report.wards_affected == "All"
    assert "To approve the ICT Strategy 2023–27" in report.recommendations
    assert "Gartner" in report.consultation
    assert report.implications.count() == 10
    assert "Strategic Information Governance Group (SIGG)" in report.implications.get(area="risk_management").text
    assert "Gareth Pawlett" in report.contact_officer


def test_sixteen_periods_with_uk_financial_year_dates(seeded):
    periods = list(ReportingPeriod.objects.order_by("start_date"))
    assert [p.label for p in periods][:5] == ["2023/24 Q1", "2023/24 Q2", "2023/24 Q3", "2023/24 Q4", "2024/25 Q1"]
    assert len(periods) == 16
    assert periods[-1].label == "2026/27 Q4"
    assert (periods[0].start_date, periods[0].end_date) == (datetime.date(2023, 4, 1), datetime.date(2023, 6, 30))
    assert (periods[-1].start_date, periods[-1].end_date) == (datetime.date(2027, 1, 1), datetime.date(2027, 3, 31))
    for earlier, later in zip(periods, periods[1:]):
        assert later.start_date == earlier.end_date + datetime.timedelta(days=1)
    assert ReportingPeriod.objects.get(financial_year=2024, quarter=2).update_deadline == datetime.date(2024, 10, 21)


def test_roles_and_demo_users(seeded):
    assert set(Group.objects.values_list("name", flat=True)) == {
        "Strategy lead", "ICT manager", "Committee member", "API client",
    }
    roles = {user.username: user.groups.get().name for user in User.objects.prefetch_related("groups")}
    assert roles == {
        "lead": "Strategy lead",
        "manager": "ICT manager",
        "manager2": "ICT manager",
        "committee": "Committee member",
        "apiclient": "API client",
    }
    assert all(user.check_password("ict-strategy-demo") for user in User.objects.all())


def test_demo_plan_is_realistic_and_marked(seeded):
    actions = ActionItem.objects.all()
    assert actions.count() >= 35
    assert not actions.filter(is_demo=False).exists()
    assert set(actions.values_list("principle__number", flat=True)) == set(range(1, 8))
    manager_actions = set(actions.filter(owner__username="manager").values_list("pk", flat=True))
    manager2_actions = set(actions.filter(owner__username="manager2").values_list("pk", flat=True))
    assert manager_actions and manager2_actions and not manager_actions & manager2_actions

    quarters = Counter(ProgressUpdate.objects.values_list("action_id", flat=True))
    assert sum(1 for n in quarters.values() if n >= 4) >= 25
    assert len(set(ProgressUpdate.objects.values_list("period", flat=True))) >= 4
    assert {"green", "amber", "red"} <= set(ProgressUpdate.objects.values_list("rag", flat=True))
    assert len(set(actions.values_list("status", flat=True))) >= 4

    cases = BusinessCase.objects.prefetch_related("lines")
    assert cases.count() >= 6
    for case in cases:
        assert sorted(line.financial_year for line in case.lines.all()) == [2023, 2024, 2025, 2026]
    assert Risk.objects.count() >= 12
    assert set(Risk.objects.values_list("category", flat=True)) == set(RiskCategory.values)
    for risk in Risk.objects.all():
        if risk.residual_score >= 15:
            assert risk.on_strategic_register and risk.escalation_reason


def test_second_run_changes_nothing(seeded):
    before = row_counts()
    versions = dict(ActionItem.objects.values_list("reference", "version"))

    call_command("seed_strategy", "--demo", verbosity=0)

    assert row_counts() == before
    assert dict(ActionItem.objects.values_list("reference", "version")) == versions


def test_without_demo_only_the_reference_data_loads(db):
    call_command("seed_strategy", verbosity=0)
    assert Principle.objects.count() == 7
    assert not ActionItem.objects.exists()
    assert not User.objects.exists()


def test_demo_measures_cover_every_principle_with_six_quarters_in_a_mix_of_rags(seeded):
    measures = Measure.objects.all()
    assert not measures.filter(is_demo=False).exists()
    per_principle = Counter(measures.values_list("principle__number", flat=True))
    assert set(per_principle) == set(range(1, 8)) and min(per_principle.values()) >= 2
    assert all(count == 6 for count in Counter(MeasureValue.objects.values_list("measure_id", flat=True)).values())
    assert {"green", "amber", "red"} <= set(MeasureValue.objects.values_list("rag", flat=True))
