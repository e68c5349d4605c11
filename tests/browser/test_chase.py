"""The chase list in headless Chromium: a lead sends reminders twice; every state passes axe-core's WCAG 2.x A/AA rules."""

import pytest
from playwright.sync_api import expect

from tests.browser.accessibility import assert_accessible

pytestmark = pytest.mark.browser


def test_a_lead_chases_missing_updates_and_every_state_is_accessible(sign_in):
    lead = sign_in("lead")
    lead.get_by_role("link", name="Missing updates").click()
    lead.wait_for_url("**/reports/chase/")
    expect(lead.get_by_role("heading", level=1)).to_contain_text("Missing progress updates for")
    assert_accessible(lead)

    banner = lead.locator(".govuk-notification-banner")
    lead.get_by_role("button", name="Send reminders now").click()
    expect(banner).to_contain_text("Sent the ")
    assert_accessible(lead)
    lead.get_by_role("button", name="Send reminders now").click()
    expect(banner).to_contain_text("Everyone listed has already had the ")
    assert_accessible(lead)

    # A seeded quarter whose deadline has passed, as the leads' e-mail links to it.
    lead.goto("/reports/chase/?period=2026-27-Q2")
    expect(lead.get_by_role("heading", level=1)).to_have_text("Missing progress updates for 2026/27 Q2")
    assert lead.get_by_role("button", name="Send reminders now").count() == 0
    assert_accessible(lead)


def test_a_manager_is_refused_the_chase_list(sign_in):
    manager = sign_in("manager")
    assert manager.get_by_role("link", name="Missing updates").count() == 0
    assert manager.goto("/reports/chase/").status == 403
