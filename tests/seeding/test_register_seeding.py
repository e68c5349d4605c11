from django.core.management import call_command

from registers.models import BusinessCase, BusinessCaseTransition, Risk
from registers.services.business_cases import ALLOWED_TRANSITIONS


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
