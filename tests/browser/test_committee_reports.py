"""Committee report pages in headless Chromium; every page passes axe-core's WCAG 2.x A/AA rules."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.accessibility import assert_accessible, assert_pages_accessible

pytestmark = pytest.mark.browser

LEAD_PAGES = [
    "/reports/committee/",
    "/reports/committee/?status=published",
    "/reports/committee/?financial_year=1999",
    "/reports/committee/cp-35-22-23/",
    "/reports/committee/new/",
    "/reports/committee/meetings/new/",
]


def test_every_committee_report_page_is_accessible_for_a_lead(sign_in):
    lead = sign_in("lead")
    assert_pages_accessible(lead, LEAD_PAGES)


def test_a_lead_adds_a_meeting_and_drafts_a_report_for_it(sign_in):
    lead = sign_in("lead")
    lead.goto("/reports/committee/meetings/new/")
    lead.get_by_role("button", name="Add meeting").click()
    expect(lead.locator(".govuk-error-summary")).to_be_visible()
    assert_accessible(lead)
    lead.get_by_label("Day").fill("15")
    lead.get_by_label("Month").fill("1")
    lead.get_by_label("Year").fill("2026")
    lead.get_by_role("button", name="Add meeting").click()
    lead.wait_for_url(re.compile(r"/reports/committee/"))
    assert_accessible(lead)

    lead.goto("/reports/committee/new/")
    lead.get_by_role("button", name="Save draft").click()
    expect(lead.locator(".govuk-error-summary")).to_be_visible()
    assert_accessible(lead)
    meeting = lead.locator("select option", has_text="15 January 2026").get_attribute("value")
    lead.get_by_label("Committee meeting").select_option(meeting)
    lead.get_by_label("Report title").fill("ICT Strategy 2023–27: progress to December 2025")
    lead.get_by_label("Report of").fill("Executive Director Corporate Services")
    lead.get_by_role("button", name="Save draft").click()
    lead.wait_for_url(re.compile(r"/reports/committee/cp-\d+-25-26/$"))
    assert "Draft" in lead.locator("main").inner_text()
    assert_accessible(lead)
    lead.goto(lead.url + "edit/")
    assert_accessible(lead)


def test_a_committee_member_reads_the_published_report(sign_in):
    committee = sign_in("committee")
    committee.goto("/reports/committee/")
    assert_accessible(committee)
    committee.get_by_role("link", name="CP/35/22-23").first.click()
    committee.wait_for_url("**/reports/committee/cp-35-22-23/")
    assert_accessible(committee)
