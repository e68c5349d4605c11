"""A lead's plan pages (new, edit, cancel), an owner's delegates page, and the links between action,
business case and risk pages."""

import datetime

import pytest
from django.urls import reverse

from actions.models import ActionItem
from actions.services import action_update
from tests import factories
from tests.helpers import signed_in


@pytest.fixture
def plan(db):
    owner = factories.manager(username="owner", first_name="Olive", last_name="Owner")
    delegate = factories.manager(username="delegate", first_name="Dev", last_name="Delegate")
    principle = factories.PrincipleFactory(number=2, title="Be secure")
    case = factories.BusinessCaseFactory(reference="HLBC-2026-01", title="Telephony case")
    risk = factories.RiskFactory(reference="ICT-R50", title="Supplier failure")
    risk.business_cases.add(case)
    action = factories.ActionFactory(
        reference="P2-01", title="Replace telephony", principle=principle, owner=owner, delegates=[delegate], business_case=case
    )
    action.risks.add(risk)
    return {
        "owner": owner,
        "delegate": delegate,
        "principle": principle,
        "case": case,
        "risk": risk,
        "action": action,
        "lead": factories.lead(username="thelead", first_name="Helen", last_name="Ashworth"),
        "other_lead": factories.lead(username="otherlead", first_name="Tom", last_name="Second"),
        "other_manager": factories.manager(username="bystander"),
        "committee": factories.committee_member(username="councillor"),
    }


def _date(prefix: str, day: datetime.date | None) -> dict:
    return {f"{prefix}_{part}": getattr(day, part) if day else "" for part in ("day", "month", "year")}


def form_data(plan, **overrides) -> dict:
    """The new-action form filled in; a date given as a date is typed into its three boxes."""
    data = {
        "reference": "P2-10",
        "title": "Move the contact centre to the cloud",
        "description": "",
        "principle": plan["principle"].pk,
        "owner": plan["owner"].pk,
        "delegates": [plan["delegate"].pk],
        "business_case": plan["case"].pk,
        "risks": [plan["risk"].pk],
        "revised_target_reason": "",
    }
    dates = {"start_date": datetime.date(2026, 4, 1), "target_date": datetime.date(2027, 3, 31), "revised_target_date": None}
    for name, day in dates.items():
        data.update(_date(name, overrides.pop(name, day)))
    return {**data, **overrides}


def test_a_lead_creates_an_action_and_its_page_shows_it(client, plan):
    response = signed_in(client, plan["lead"]).post(
        reverse("action-new"),
        form_data(plan, revised_target_date=datetime.date(2027, 3, 3), revised_target_reason="Supplier delay"),
    )

    assert response.status_code == 302 and response["Location"] == reverse("action-detail", args=["P2-10"])
    action = ActionItem.objects.get(reference="P2-10")
    assert (action.owner, list(action.delegates.all()), list(action.risks.all())) == (plan["owner"], [plan["delegate"]], [plan["risk"]])
    page = client.get(response["Location"]).content.decode()
    assert "Revised target date</dt><dd class=\"govuk-summary-list__value\">3 March 2027 — reason: Supplier delay" in page
    assert "Delegates: none → Dev Delegate; Risks: none → ICT-R50" in page


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"reference": "P2-01"}, "reference", "There is already an action P2-01: choose another reference."),
        ({"reference": "P9-1"}, "reference", "Use the form P3-04: the principle number, a dash, two digits."),
        ({"target_date": datetime.date(2026, 1, 1)}, "target_date", "The target date must be on or after the start date, 1 April 2026."),
        ({"revised_target_date": datetime.date(2027, 6, 1)}, "revised_target_reason", "Give the reason for the revised target date."),
        ({"principle": 999999}, "principle", "Choose a principle from the list."),
        ({"start_date": datetime.date(2026, 2, 1), "start_date_day": "31"}, "start_date", "The start date must be a real date."),
        ({"risks": ["not-a-risk"]}, "risks", "Choose risks from the list."),
    ],
)
def test_a_refused_new_action_says_why_beside_the_field(client, plan, overrides, field, message):
    response = signed_in(client, plan["lead"]).post(reverse("action-new"), form_data(plan, **overrides))

    assert response.status_code == 200
    assert response.context["form"].errors[field] == [message]
    page = response.content.decode()
    assert "There is a problem" in page and f'id="id_{field}-error"' in page
    assert not ActionItem.objects.filter(title="Move the contact centre to the cloud").exists()


@pytest.mark.parametrize("who", ["owner", "delegate", "other_manager", "committee"])
@pytest.mark.parametrize("name", ["action-edit", "action-cancel"])
def test_only_leads_may_edit_or_cancel(client, plan, who, name):
    signed_in(client, plan[who])
    assert client.get(reverse(name, args=["P2-01"])).status_code == 403
    assert client.post(reverse(name, args=["P2-01"]), {"expected_version": 1, "reason": "x"}).status_code == 403
    assert client.get(reverse("action-new")).status_code == 403


def test_an_unknown_action_is_404(client, plan):
    assert signed_in(client, plan["lead"]).get(reverse("action-edit", args=["P9-99"])).status_code == 404


def test_an_edit_changes_principle_links_and_revised_date_and_history_shows_it(client, plan):
    signed_in(client, plan["lead"])
    data = form_data(plan, title="Replace telephony now", delegates=[], risks=[], business_case="",
                     revised_target_date=datetime.date(2027, 3, 3), revised_target_reason="Supplier delay")
    del data["reference"]
    response = client.post(reverse("action-edit", args=["P2-01"]), {**data, "expected_version": 1})

    assert response.status_code == 302
    action = ActionItem.objects.get(reference="P2-01")
    assert (action.version, action.business_case, action.revised_target_reason) == (2, None, "Supplier delay")
    page = client.get(reverse("action-detail", args=["P2-01"])).content.decode()
    assert "Title: Replace telephony → Replace telephony now" in page
    assert "Reason for the revised target date: none → Supplier delay" in page
    assert "Delegates: Dev Delegate → none; Risks: ICT-R50 → none" in page
    assert "Business case: HLBC-2026-01" in page


def test_a_stale_edit_is_refused_keeping_what_was_typed_and_naming_who_and_when(client, plan):
    action_update(action=plan["action"], user=plan["other_lead"], expected_version=1, title="Changed meanwhile")
    data = form_data(plan, title="My own title")
    del data["reference"]

    response = signed_in(client, plan["lead"]).post(reverse("action-edit", args=["P2-01"]), {**data, "expected_version": 1})

    assert response.status_code == 200
    page = response.content.decode()
    assert "P2-01 was changed by Tom Second at " in page and "Nothing has been saved" in page
    assert 'value="My own title"' in page
    assert ActionItem.objects.get(reference="P2-01").title == "Changed meanwhile"


def test_cancelling_needs_a_reason_and_the_page_shows_it(client, plan):
    signed_in(client, plan["lead"])
    assert 'href="/actions/P2-01/cancel/"' in client.get(reverse("action-detail", args=["P2-01"])).content.decode()

    refused = client.post(reverse("action-cancel", args=["P2-01"]), {"expected_version": 1, "reason": "  "})
    assert refused.status_code == 200
    assert refused.context["form"].errors["reason"] == ["Give the reason for cancelling the action."]
    assert ActionItem.objects.get(reference="P2-01").status == "on_track"

    response = client.post(reverse("action-cancel", args=["P2-01"]), {"expected_version": 1, "reason": "Funding withdrawn"})
    assert response.status_code == 302
    action = ActionItem.objects.get(reference="P2-01")
    assert (action.status, action.rag, action.cancellation_reason) == ("cancelled", "green", "Funding withdrawn")
    page = client.get(reverse("action-detail", args=["P2-01"])).content.decode()
    assert "Reason for cancelling</dt><dd class=\"govuk-summary-list__value\">Funding withdrawn" in page
    assert "Status: On track → Cancelled" in page and "Reason for cancelling: none → Funding withdrawn" in page
    assert "Cancel this action" not in page

    again = client.post(reverse("action-cancel", args=["P2-01"]), {"expected_version": 2, "reason": "Twice"})
    assert "P2-01 is already cancelled: it cannot be cancelled." in again.content.decode()


def test_the_owner_changes_the_delegates_and_history_shows_it(client, plan):
    signed_in(client, plan["owner"])
    assert "Change delegates" in client.get(reverse("action-detail", args=["P2-01"])).content.decode()

    response = client.post(
        reverse("action-delegates", args=["P2-01"]),
        {"expected_version": 1, "delegates": [plan["other_manager"].pk, plan["delegate"].pk]},
    )

    assert response.status_code == 302
    assert set(ActionItem.objects.get(reference="P2-01").delegates.all()) == {plan["delegate"], plan["other_manager"]}
    page = client.get(reverse("action-detail", args=["P2-01"])).content.decode()
    added = plan["other_manager"].get_full_name()
    assert f"Delegates: Dev Delegate → {', '.join(sorted(['Dev Delegate', added]))}" in page


@pytest.mark.parametrize("who", ["delegate", "other_manager", "committee"])
def test_others_may_not_change_the_delegates(client, plan, who):
    signed_in(client, plan[who])
    assert "Change delegates" not in client.get(reverse("action-detail", args=["P2-01"])).content.decode()
    assert client.get(reverse("action-delegates", args=["P2-01"])).status_code == 403
    response = client.post(reverse("action-delegates", args=["P2-01"]), {"expected_version": 1, "delegates": [plan[who].pk]})
    assert response.status_code == 403
    assert list(ActionItem.objects.get(reference="P2-01").delegates.all()) == [plan["delegate"]]


def test_leads_see_the_plan_buttons_and_others_do_not(client, plan):
    signed_in(client, plan["lead"])
    assert 'href="/actions/new/"' in client.get(reverse("action-list")).content.decode()
    assert 'href="/actions/P2-01/edit/"' in client.get(reverse("action-detail", args=["P2-01"])).content.decode()
    signed_in(client, plan["owner"])
    assert 'href="/actions/new/"' not in client.get(reverse("action-list")).content.decode()
    assert 'href="/actions/P2-01/edit/"' not in client.get(reverse("action-detail", args=["P2-01"])).content.decode()


def test_action_business_case_and_risk_pages_link_to_each_other(client, plan):
    signed_in(client, plan["committee"])
    action_link = 'href="/actions/P2-01/"'
    case_link = 'href="/business-cases/HLBC-2026-01/"'
    risk_link = 'href="/risks/ICT-R50/"'

    action_page = client.get(reverse("action-detail", args=["P2-01"])).content.decode()
    case_page = client.get(reverse("business-case-detail", args=["HLBC-2026-01"])).content.decode()
    risk_page = client.get(reverse("risk-detail", args=["ICT-R50"])).content.decode()

    assert case_link in action_page and risk_link in action_page
    assert action_link in case_page and risk_link in case_page
    assert action_link in risk_page and case_link in risk_page
