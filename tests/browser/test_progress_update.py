"""A manager reports progress in headless Chromium; every page passes axe-core's WCAG 2.x A/AA rules."""

import re

import pytest
from django.contrib.auth.models import User
from django.db.models import Q
from playwright.sync_api import expect

from actions.models import ActionItem
from periods.selectors import period_current
from tests.browser.accessibility import assert_accessible, assert_pages_accessible

pytestmark = pytest.mark.browser


def principle_figures(page, number: int) -> dict[str, str]:
    """The dashboard's row for one principle, by column heading."""
    table = page.locator("table", has=page.locator("caption", has_text="RAG, progress and overdue"))
    headings = [h.strip() for h in table.locator("thead th").all_inner_texts()][1:]
    # As seen: without the words each figure's link carries for screen readers.
    cells = table.locator(f"tbody tr:has(a[href='/principles/{number}/']) td").evaluate_all(
        """cells => cells.map(cell => {
            const seen = cell.cloneNode(true);
            seen.querySelectorAll('.govuk-visually-hidden').forEach(hidden => hidden.remove());
            return seen.textContent.replace(/\\s+/g, ' ').trim();
        })"""
    )
    return dict(zip(headings, cells))


def test_manager_updates_an_action_to_amber_and_is_refused_on_someone_elses(sign_in):
    page = sign_in("manager")
    period = period_current()
    assert_accessible(page)

    page.goto("/my-actions/")
    assert_accessible(page)
    link = page.get_by_role("link", name=re.compile(r"^Update progress on P\d-\d+$")).first
    reference = link.get_attribute("href").split("/")[2]
    action = ActionItem.objects.get(reference=reference)
    page.goto("/")
    before = principle_figures(page, action.principle.number)

    page.goto("/my-actions/")
    page.get_by_role("link", name=f"Update progress on {reference}").click()
    page.wait_for_url(f"**/actions/{reference}/update/")
    assert_accessible(page)

    # Amber without commentary is refused, with the error beside the field and in the summary.
    page.get_by_label("At risk").check()
    page.get_by_label("Amber").check()
    page.get_by_label("Percent complete").fill("55")
    page.get_by_label("Commentary").fill("")
    page.get_by_role("button", name="Save progress").click()
    expect(page.locator(".govuk-error-summary")).to_be_visible()
    assert page.locator("#id_commentary-error").inner_text().endswith("commentary is required for amber and red.")
    assert_accessible(page)

    page.get_by_label("Commentary").fill("The supplier has slipped the migration window by four weeks.")
    page.get_by_role("button", name="Save progress").click()
    page.wait_for_url(f"**/actions/{reference}/")
    assert f"Progress on {reference} for {period.label} has been saved." in page.locator(".govuk-notification-banner").inner_text()
    latest = page.locator(".app-timeline__item").first
    assert f"{period.label}: At risk, Amber, 55% complete" in latest.inner_text()
    assert "The supplier has slipped the migration window by four weeks." in latest.inner_text()
    assert_accessible(page)

    page.goto("/")
    after = principle_figures(page, action.principle.number)
    updated_heading = f"Updated for {period.label}"
    assert int(after["Amber"]) == int(before["Amber"]) + (action.rag != "amber")
    updated_before, due = before[updated_heading].split(" of ")
    assert after[updated_heading] == f"{int(updated_before) + 1} of {due}"

    manager = User.objects.get(username="manager")
    theirs = (
        ActionItem.objects.filter(owner__username="manager2").exclude(Q(delegates=manager)).order_by("reference").first()
    )
    page.goto(f"/actions/{theirs.reference}/")
    assert page.get_by_role("link", name="Update progress").count() == 0
    response = page.goto(f"/actions/{theirs.reference}/update/")
    assert response.status == 403
    assert page.get_by_role("heading", level=1).inner_text() == "You cannot do this"
    assert_accessible(page)


def test_every_page_is_accessible_for_each_role(sign_in):
    manager = sign_in("manager")
    reference = ActionItem.objects.filter(owner__username="manager").order_by("reference").first().reference
    assert_pages_accessible(manager, [
        "/actions/", "/actions/?rag=red&ordering=-target_date", "/actions/?updated_in=nonsense",
        f"/actions/{reference}/", "/principles/", "/principles/4/",
    ])
    manager.get_by_role("button", name="Sign out").click()
    expect(manager.get_by_role("heading", level=1)).to_have_text("Sign in")
    assert_accessible(manager)

    committee = sign_in("committee")
    assert committee.get_by_role("link", name="My actions").count() == 0
    committee.goto(f"/actions/{reference}/")
    assert committee.get_by_role("link", name="Update progress").count() == 0
    assert_accessible(committee)
    committee.goto("/my-actions/")
    assert_accessible(committee)
