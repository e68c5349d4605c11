"""Business cases and the risk register in headless Chromium; every page passes axe-core's WCAG 2.x A/AA rules."""

import pytest
from playwright.sync_api import expect

from registers.models import Risk
from tests.browser.accessibility import assert_accessible, assert_pages_accessible

pytestmark = pytest.mark.browser

LEAD_PAGES = [
    "/business-cases/",
    "/business-cases/?financial_year=2024&status=approved",
    "/business-cases/?financial_year=1999",
    "/business-cases/HLBC-2023-05/",
    "/business-cases/new/",
    "/business-cases/HLBC-2025-02/edit/",
    "/business-cases/HLBC-2023-01/revise/",
    "/risks/",
    "/risks/?band=enormous",
    "/risks/ICT-R01/",
    "/risks/new/",
    "/risks/ICT-R01/edit/",
    "/risks/ICT-R01/review/",
]


def test_every_register_page_is_accessible_for_a_lead(sign_in):
    lead = sign_in("lead")
    assert_pages_accessible(lead, LEAD_PAGES)


def test_a_heat_map_cell_lists_its_risks(sign_in):
    committee = sign_in("committee")
    committee.goto("/risks/")
    heat_map = committee.locator("table", has=committee.locator("caption", has_text="Residual risk"))
    cell = heat_map.get_by_role("link", name="risks with likelihood 3 and impact 3").first
    count = int(cell.inner_text().split()[0])
    cell.click()
    committee.wait_for_url("**/risks/?residual_likelihood=3&residual_impact=3")
    expect(committee.get_by_role("heading", level=2, name=f"{count} risks")).to_be_visible()
    assert_accessible(committee)
    committee.goto("/business-cases/HLBC-2023-01/")
    assert committee.get_by_role("button", name="Close").count() == 0
    assert_accessible(committee)


def test_a_lead_rejecting_without_a_reason_is_told_why(sign_in):
    lead = sign_in("lead")
    lead.goto("/business-cases/HLBC-2024-02/")
    lead.get_by_role("button", name="Reject").click()
    expect(lead.locator(".govuk-notification-banner")).to_contain_text("Give a reason for rejecting the business case.")
    lead.get_by_label("Note for the record").fill("The shared care record is funded regionally instead.")
    lead.get_by_role("button", name="Reject").click()
    expect(lead.locator(".govuk-notification-banner")).to_contain_text("HLBC-2024-02 is now rejected.")
    assert_accessible(lead)


def test_an_owner_records_a_review_that_escalates_the_risk(sign_in):
    owner = sign_in("manager2")
    owner.goto("/risks/ICT-R02/review/")
    owner.get_by_label("What the review found").fill("")
    owner.get_by_role("button", name="Record the review").click()
    expect(owner.locator(".govuk-error-summary")).to_be_visible()
    assert_accessible(owner)
    owner.get_by_label("Residual likelihood (1–5)").select_option("5")
    owner.get_by_label("Residual impact (1–5)").select_option("4")
    owner.get_by_label("What the review found").fill("Credential phishing against members has doubled.")
    owner.get_by_label("Next review date").fill("2030-01-31")
    owner.get_by_role("button", name="Record the review").click()
    owner.wait_for_url("**/risks/ICT-R02/")
    assert "now on the strategic register" in owner.locator(".govuk-notification-banner").inner_text()
    assert "Residual score 20 is 15 or more" in owner.locator("main").inner_text()
    assert_accessible(owner)


def test_two_people_editing_one_risk_the_second_is_told_who_saved_first(sign_in):
    owner = sign_in("manager2")
    owner.goto("/risks/ICT-R02/edit/")
    lead = sign_in("lead")
    lead.goto("/risks/ICT-R02/edit/")
    lead.get_by_label("Mitigation").fill("Quarterly phishing simulation for members.")
    lead.get_by_role("button", name="Save", exact=True).click()
    lead.wait_for_url("**/risks/ICT-R02/")

    owner.get_by_label("Mitigation").fill("Hardware security keys for every member.")
    owner.get_by_role("button", name="Save", exact=True).click()

    expect(owner.locator(".govuk-error-summary")).to_contain_text("ICT-R02 was changed by Helen Ashworth at")
    expect(owner.get_by_label("Mitigation")).to_have_value("Hardware security keys for every member.")
    assert_accessible(owner)
    assert Risk.objects.get(reference="ICT-R02").mitigation == "Quarterly phishing simulation for members."
