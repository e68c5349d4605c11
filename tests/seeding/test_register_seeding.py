import datetime

from django.core.management import call_command
from django.utils import timezone

from periods.models import ReportingPeriod
from registers.models import BusinessCase, BusinessCaseTransition, Risk
from registers.selectors import business_cases_as_at, risks_as_at
from registers.services.business_cases import ALLOWED_TRANSITIONS
from reporting.drafting import next_meeting_for
from reporting.models import CommitteeMeeting


def test_demo_cases_carry_the_workflow_that_led_to_their_status(db):
    call_command("seed_strategy", "--demo", verbosity=0)
    call_command("seed_strategy", "--demo", verbosity=0)

    for case in BusinessCase.objects.prefetch_related("transitions"):
        steps = list(case.transitions.order_by("at"))
        assert [s.to_status for s in steps][-1:] == ([] if case.status == "draft" else [case.status])
        status = "draft"
        for step in steps:
            assert step.from_status == status and step.to_status in ALLOWED_TRANSITIONS[status]
            assert step.actor.username == "lead"
            status = step.to_status
    assert BusinessCaseTransition.objects.filter(to_status="approved").count() == 7  # six approved, one closed


def test_demo_risks_at_15_or_more_are_on_the_strategic_register_with_a_reason(db):
    call_command("seed_strategy", "--demo", verbosity=0)
    for risk in Risk.objects.all():
        if risk.residual_score >= 15:
            assert risk.on_strategic_register and "escalated to the Strategic Risk Register" in risk.escalation_reason


def test_demo_cases_and_risks_have_a_past_so_each_quarters_pack_shows_them_as_they_stood(db):
    call_command("seed_strategy", "--demo", verbosity=0)
    first_quarter_end = ReportingPeriod.objects.order_by("start_date").first().end_moment
    assert {case.reference[:9] for case in business_cases_as_at(moment=first_quarter_end)} == {"HLBC-2023"}
    # Submitted in May, decided in July: at the end of June every 2023 case was awaiting its decision.
    assert {case.status for case in business_cases_as_at(moment=first_quarter_end)} == {"submitted"}
    assert len(risks_as_at(moment=first_quarter_end)) == Risk.objects.count()
    now = timezone.now()
    assert [(c.reference, c.status) for c in business_cases_as_at(moment=now)] == list(
        BusinessCase.objects.order_by("reference").values_list("reference", "status")
    )


def test_demo_meetings_of_the_committee_run_through_2027_28_so_every_quarter_has_one(db):
    call_command("seed_strategy", "--demo", verbosity=0)
    demo = CommitteeMeeting.objects.filter(is_demo=True)
    assert demo.order_by("date").last().date == datetime.date(2028, 3, 2)
    assert all(meeting.date.weekday() == 3 for meeting in demo)  # Thursdays
    assert not CommitteeMeeting.objects.filter(date=datetime.date(2023, 3, 23)).get().is_demo  # the real one
    for period in ReportingPeriod.objects.all():
        meeting = next_meeting_for(period)
        assert meeting.is_demo and period.update_deadline < meeting.date <= period.update_deadline + datetime.timedelta(days=70)
