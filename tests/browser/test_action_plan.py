"""A lead's plan pages and an owner's delegates page in headless Chromium; every page passes axe-core's WCAG 2.x A/AA rules."""

import pytest
from playwright.sync_api import expect

from principles.models import Principle
from tests.browser.accessibility import assert_accessible, assert_pages_accessible

pytestmark = pytest.mark.browser

LEAD_PAGES = ["/actions/new/", "/actions/P2-02/edit/", "/actions/P2-02/cancel/", "/actions/P2-02/delegates/"]


def test_every_plan_page_is_accessible_for_a_lead(sign_in):
    lead = sign_in("lead")
    assert_pages_accessible(lead, LEAD_PAGES)
    lead.goto("/actions/P2-02/cancel/")
    lead.get_by_role("button", name="Cancel the action").click()
    expect(lead.locator(".govuk-error-summary")).to_contain_text("Give the reason for cancelling the action.")
    assert_accessible(lead)


def _type_date(page, name: str, day: str, month: str, year: str) -> None:
    page.locator(f"#id_{name}_0").focus()
    for index, part in enumerate((day, month, year)):
        if index:
            page.keyboard.press("Tab")
        page.keyboard.type(part)


def test_a_lead_adds_an_action_by_keyboard_and_its_owner_sees_it(sign_in):
    lead = sign_in("lead")
    lead.goto("/actions/")
    lead.get_by_role("link", name="New action").click()
    lead.get_by_label("Reference").focus()
    lead.keyboard.type("P2-90")
    lead.keyboard.press("Tab")
    lead.keyboard.type("Retire the old file servers")
    lead.get_by_label("Principle").select_option(str(Principle.objects.get(number=2).pk))
    lead.get_by_label("Owner").select_option(label="Daniel Whitfield")
    lead.get_by_role("group", name="Delegates").get_by_role("checkbox", name="Priya Sharma").focus()
    lead.keyboard.press("Space")
    _type_date(lead, "start_date", "1", "4", "2026")
    _type_date(lead, "target_date", "31", "3", "2027")
    lead.get_by_role("button", name="Add the action").focus()
    lead.keyboard.press("Enter")

    lead.wait_for_url("**/actions/P2-90/")
    expect(lead.locator(".govuk-summary-list")).to_contain_text("Priya Sharma")
    assert_accessible(lead)

    owner = sign_in("manager")
    owner.goto("/my-actions/")
    expect(owner.get_by_text("Retire the old file servers")).to_be_visible()
