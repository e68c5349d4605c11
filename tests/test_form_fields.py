"""Every form page, shown with errors: each id an aria-describedby names is on the page exactly
once, so a screen reader reads the hint and error message it points at. Every field renders
through templates/core/field.html, with hint ids "<field id>-hint" and error ids "<field id>-error"."""

from collections import Counter
from html.parser import HTMLParser

import pytest
from django.urls import reverse
from django.utils import timezone

from core.financial_year import FinancialQuarter
from registers.choices import BusinessCaseStatus
from tests import factories

pytestmark = pytest.mark.django_db


class _Page(HTMLParser):
    """The ids on a page, what each aria-describedby names, and the ids of hints and error messages."""

    def __init__(self, html: str):
        super().__init__()
        self.ids = Counter()
        self.described = []  # (tag, id, [describing ids]) of each element with an aria-describedby
        self.error_messages = []  # (id, text) of each error message beside a field
        self.hint_ids = []
        self._error = None
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        classes = (attrs.get("class") or "").split()
        if attrs.get("id"):
            self.ids[attrs["id"]] += 1
        if "aria-describedby" in attrs:
            self.described.append((tag, attrs.get("id"), attrs["aria-describedby"].split()))
        if "govuk-error-message" in classes:
            self._error = [attrs.get("id"), ""]
        if "govuk-hint" in classes and attrs.get("id"):
            self.hint_ids.append(attrs["id"])

    def handle_data(self, data):
        if self._error is not None:
            self._error[1] += data

    def handle_endtag(self, tag):
        if tag == "p" and self._error is not None:
            self.error_messages.append(tuple(self._error))
            self._error = None

    def described_ids(self) -> set[str]:
        return {name for _, _, names in self.described for name in names}

    def describedby(self, element_id: str) -> list[str]:
        return next(names for _, id_, names in self.described if id_ == element_id)

    def fieldsets_describedby(self) -> list[list[str]]:
        return [names for tag, _, names in self.described if tag == "fieldset"]


def _signed_in(client, user):
    client.force_login(user)
    return client


def _open_period():
    return factories.PeriodFactory(key=FinancialQuarter.containing(timezone.localdate()).key)


def actions_filters(client):
    return _signed_in(client, factories.committee_member()).get(
        reverse("action-list"),
        {"updated_since": "last Tuesday", "principle": "99", "status": "done", "updated_in": "2024-Q9"},
    )


def action_update_form(client):
    _open_period()
    owner = factories.manager()
    action = factories.ActionFactory(owner=owner)
    return _signed_in(client, owner).post(
        reverse("action-update", args=[action.reference]),
        {"status": "", "rag": "", "percent_complete": "abc", "commentary": "", "next_steps": "", "expected_version": action.version},
    )


def action_update_refused_by_the_rules(client):
    """Errors the progress service gives, on fields with a hint: the rating and the commentary."""
    _open_period()
    owner = factories.manager()
    action = factories.ActionFactory(owner=owner)
    return _signed_in(client, owner).post(
        reverse("action-update", args=[action.reference]),
        {"status": "at_risk", "rag": "green", "percent_complete": "40", "commentary": "", "next_steps": "", "expected_version": action.version},
    )


def business_case_form(client):
    factories.StrategyFactory()
    return _signed_in(client, factories.lead()).post(
        reverse("business-case-create"), {"reference": "", "title": "", "principles": ["999"], "capital_cost_2024": "£lots"}
    )


def business_case_revision(client):
    case = factories.BusinessCaseFactory(status=BusinessCaseStatus.APPROVED)
    return _signed_in(client, factories.lead()).post(
        reverse("business-case-revise", args=[case.reference]), {"reason": "", "revenue_cost_2025": "1.234"}
    )


def risk_form(client):
    factories.StrategyFactory()
    return _signed_in(client, factories.lead()).post(
        reverse("risk-create"),
        {"reference": "", "inherent_likelihood": "9", "review_date": "31/02/2025", "business_cases": ["999"]},
    )


def risk_form_for_its_owner(client):
    """The owner's form has fields only a lead may change, each with a hint saying so."""
    risk = factories.RiskFactory(owner=factories.manager(), on_strategic_register=True, escalation_reason="Ransomware")
    return _signed_in(client, risk.owner).post(reverse("risk-edit", args=[risk.reference]), {"title": ""})


def risk_review(client):
    risk = factories.RiskFactory(owner=factories.manager())
    return _signed_in(client, risk.owner).post(
        reverse("risk-review", args=[risk.reference]), {"residual_impact": "6", "next_review_date": "2020-01-01"}
    )


def committee_report_form(client):
    return _signed_in(client, factories.lead()).post(
        reverse("committee-report-create"), {"meeting": "", "title": "", "report_of": "", "wards_affected": ""}
    )


def meeting_form(client):
    return _signed_in(client, factories.lead()).post(
        reverse("committee-meeting-create"), {"committee": "", "date_day": "31", "date_month": "2", "date_year": "2025"}
    )


def business_case_filters(client):
    return _signed_in(client, factories.committee_member()).get(
        reverse("business-case-list"), {"financial_year": "1800", "status": "lost", "principle": "99"}
    )


def risk_filters(client):
    return _signed_in(client, factories.committee_member()).get(
        reverse("risk-list"), {"band": "enormous", "category": "weather", "inherent_likelihood": "9", "on_strategic_register": "maybe"}
    )


def committee_report_filters(client):
    return _signed_in(client, factories.committee_member()).get(
        reverse("committee-report-list"), {"financial_year": "1999", "status": "lost"}
    )


def sign_in(client):
    return client.post(reverse("login"), {"username": "", "password": ""})


FORM_PAGES = [
    actions_filters,
    action_update_form,
    action_update_refused_by_the_rules,
    business_case_form,
    business_case_revision,
    risk_form,
    risk_form_for_its_owner,
    risk_review,
    committee_report_form,
    meeting_form,
    business_case_filters,
    risk_filters,
    committee_report_filters,
    sign_in,
]


@pytest.mark.parametrize("show_page", FORM_PAGES, ids=lambda show_page: show_page.__name__)
def test_every_id_aria_describedby_names_is_on_the_page_once(client, show_page):
    response = show_page(client)
    assert response.status_code == 200
    assert "core/field.html" in [template.name for template in response.templates]
    page = _Page(response.content.decode())
    assert page.error_messages, "the page shows no error beside a field"
    assert page.described, "no element is described"
    for tag, element_id, names in page.described:
        for name in names:
            assert page.ids[name] == 1, f"<{tag} id={element_id}> is described by {name}, on the page {page.ids[name]} times"
    # And the other way round: every hint and error message beside a field is read out with it.
    described = page.described_ids()
    for error_id, text in page.error_messages:
        assert error_id in described, f"the error {text.strip()!r} (id {error_id}) describes nothing"
    for hint_id in page.hint_ids:
        assert hint_id in described, f"the hint {hint_id} describes nothing"
    assert [name for name, count in page.ids.items() if count > 1] == []


def test_the_actions_updated_since_filter_is_described_by_its_error(client):
    page = _Page(actions_filters(client).content.decode())
    assert page.describedby("id_updated_since") == ["id_updated_since-error"]
    assert dict(page.error_messages)["id_updated_since-error"].strip().startswith("Error:")


def test_a_field_is_described_by_its_hint_then_its_error(client):
    page = _Page(action_update_form(client).content.decode())
    assert page.describedby("id_percent_complete") == ["id_percent_complete-hint", "id_percent_complete-error"]


def test_radios_checkboxes_and_date_inputs_are_described_on_their_fieldset(client):
    update = _Page(action_update_form(client).content.decode())
    assert update.fieldsets_describedby() == [["id_status-error"], ["id_rag-error"]]
    assert not [id_ for tag, id_, _ in update.described if tag == "input" and id_.startswith(("id_status_", "id_rag_"))]
    meeting = _Page(meeting_form(client).content.decode())
    assert meeting.fieldsets_describedby() == [["id_date-hint", "id_date-error"]]
    assert {"id_date_0", "id_date_1", "id_date_2"} <= set(meeting.ids)


def test_a_meeting_date_is_kept_as_typed_after_an_error(client):
    page = meeting_form(client).content.decode()
    assert 'name="date_day" value="31"' in page and 'name="date_year" value="2025"' in page


def test_a_meeting_date_in_bad_numbers_is_an_error_not_a_crash(client):
    response = _signed_in(client, factories.lead()).post(
        reverse("committee-meeting-create"),
        {"committee": "Corporate Policy Committee", "date_day": "²", "date_month": "1", "date_year": "9" * 30},
    )
    assert response.status_code == 200
    assert "Enter the date of the meeting as a day, month and year in numbers" in response.context["form"].errors["date"][0]
    response = client.post(
        reverse("committee-meeting-create"),
        {"committee": "Corporate Policy Committee", "date_day": "1", "date_month": "1", "date_year": "9" * 30},
    )
    assert response.context["form"].errors["date"] == ["The date of the meeting must be a real date, for example 23 3 2023."]



def test_a_wrong_password_is_one_message_at_the_top_linked_to_the_username(client):
    factories.lead(username="helen")
    response = client.post(reverse("login"), {"username": "helen", "password": "wrong"})
    page = response.content.decode()
    assert response.status_code == 200 and "<title>Error: Sign in" in page
    assert '<a href="#id_username">Enter a correct username and password. Both are case-sensitive.</a>' in page
    assert page.count("govuk-!-width-one-half") == 2  # both inputs, as wide as before
