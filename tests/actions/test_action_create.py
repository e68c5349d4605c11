"""action_create: a lead adds an action to the plan; it starts not started, and its history says who."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from actions.services import action_create
from tests import factories


@pytest.fixture
def plan(db):
    case = factories.BusinessCaseFactory(reference="HLBC-2026-01")
    return {
        "lead": factories.lead(username="thelead"),
        "owner": factories.manager(username="owner"),
        "delegate": factories.manager(username="delegate"),
        "principle": factories.PrincipleFactory(number=2),
        "case": case,
        "risk": factories.RiskFactory(reference="ICT-R50"),
    }


def create(plan, user, **overrides):
    fields = {
        "reference": " P2-10 ",
        "title": " Replace the telephony platform ",
        "principle": plan["principle"],
        "owner": plan["owner"],
        "delegates": [plan["delegate"]],
        "business_case": plan["case"],
        "risks": [plan["risk"]],
        "start_date": datetime.date(2026, 4, 1),
        "target_date": datetime.date(2027, 3, 31),
        **overrides,
    }
    return action_create(user=user, **fields)


def test_a_lead_creates_an_action_with_its_links(plan):
    action = create(plan, plan["lead"], description="Cloud telephony for every site.")

    assert (action.reference, action.title, action.version) == ("P2-10", "Replace the telephony platform", 1)
    assert (action.status, action.rag, action.percent_complete) == ("not_started", "green", 0)
    assert list(action.delegates.all()) == [plan["delegate"]] and list(action.risks.all()) == [plan["risk"]]
    assert action.business_case == plan["case"] and action.last_updated_by == plan["lead"]


def test_a_manager_cannot_create_an_action(plan):
    with pytest.raises(PermissionDenied, match="Only a strategy lead can add an action"):
        create(plan, plan["owner"])


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"target_date": datetime.date(2026, 1, 1)}, "target_date", "on or after the start date"),
        ({"reference": "X-1"}, "reference", "Use the form P3-04"),
        ({"title": " "}, "title", "This field cannot be blank."),
    ],
)
def test_a_bad_action_is_refused_by_field(plan, overrides, field, message):
    with pytest.raises(ValidationError) as refused:
        create(plan, plan["lead"], **overrides)
    assert message in " ".join(refused.value.message_dict[field])


def test_a_reference_is_used_once(plan):
    create(plan, plan["lead"])
    with pytest.raises(ValidationError) as refused:
        create(plan, plan["lead"])
    assert "reference" in refused.value.message_dict
