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


def test_a_new_action_goes_from_the_lead_to_its_owner_and_off_the_chase_list(sign_in):
    """The whole cycle for a council's own plan: the lead adds an action with an owner and a
    delegate, both see it to do, the owner updates it and moves on, and the lead's chase list
    loses exactly that action."""
    lead = sign_in("lead")
    lead.goto("/actions/new/")
    lead.get_by_label("Reference").fill("P2-91")
    lead.get_by_label("Title").fill("Move the print service to the cloud")
    lead.get_by_label("Principle").select_option(str(Principle.objects.get(number=2).pk))
    lead.get_by_label("Owner").select_option(label="Daniel Whitfield")
    lead.get_by_role("group", name="Delegates").get_by_role("checkbox", name="Priya Sharma").check()
    _type_date(lead, "start_date", "1", "4", "2026")
    _type_date(lead, "target_date", "31", "3", "2027")
    lead.get_by_role("button", name="Add the action").click()
    lead.wait_for_url("**/actions/P2-91/")
    assert_accessible(lead)

    lead.goto("/reports/chase/")
    chased = lead.locator("table tbody tr")
    chased_before = chased.count()
    expect(lead.locator('table a[href="/actions/P2-91/"]')).to_have_count(1)
    assert_accessible(lead)

    delegate = sign_in("manager2")
    delegate.goto("/my-actions/")
    expect(delegate.locator('a[href="/actions/P2-91/update/"]')).to_be_visible()

    owner = sign_in("manager")
    owner.goto("/my-actions/")
    owner.locator('a[href="/actions/P2-91/update/"]').click()
    owner.wait_for_url("**/actions/P2-91/update/")
    assert_accessible(owner)
    owner.get_by_role("radio", name="On track").check()
    owner.get_by_role("radio", name="Green").check()
    owner.get_by_label("Percent complete").fill("10")
    owner.get_by_label("Commentary").fill("Supplier chosen; migration planned for January.")
    owner.get_by_role("button", name="Save and go to the next action needing an update").click()
    expect(owner.locator(".govuk-notification-banner")).to_contain_text("Progress on P2-91 for")
    assert "/actions/P2-91/" not in owner.url
    assert_accessible(owner)

    lead.goto("/reports/chase/")
    expect(chased).to_have_count(chased_before - 1)
    expect(lead.locator('table a[href="/actions/P2-91/"]')).to_have_count(0)
