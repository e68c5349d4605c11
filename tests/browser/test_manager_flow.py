"""The manager's flow and the lead's confirmation pages in headless Chromium, keyboard only where it matters."""

import pytest
from django.contrib.auth.models import User
from django.utils import timezone
from playwright.sync_api import expect

from actions.selectors import my_actions
from periods.models import ReportingPeriod
from periods.selectors import period_current
from reporting.choices import PackStatus
from reporting.models import CommitteeReport, ReportPack
from tests.browser.accessibility import assert_accessible, assert_pages_accessible

pytestmark = pytest.mark.browser


def tab_to(page, selector: str, presses: int = 120) -> None:
    """Press Tab until the focused element matches `selector`, as a keyboard user would."""
    for _ in range(presses):
        page.keyboard.press("Tab")
        if page.evaluate("(selector) => document.activeElement.matches(selector)", selector):
            return
    raise AssertionError(f"Tab never reached {selector}")


def choose_radio(page, name: str, value: str) -> None:
    """Tab into a radio group and move through it with the arrow keys until `value` is chosen."""
    tab_to(page, f'input[name="{name}"]')
    for _ in range(10):
        if page.evaluate("() => document.activeElement.value") == value:
            page.keyboard.press("Space")
            return
        page.keyboard.press("ArrowDown")
    raise AssertionError(f"No {name} radio has the value {value}")


def test_a_manager_saves_and_goes_to_the_next_action_using_only_the_keyboard(sign_in):
    page = sign_in("manager")
    period = period_current()
    first, following = my_actions(user=User.objects.get(username="manager"), period=period).to_do[:2]

    page.goto("/my-actions/")
    tab_to(page, f'a[href="/actions/{first.reference}/update/"]')
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/actions/{first.reference}/update/")
    expect(page.get_by_label("Commentary")).to_have_value("")

    choose_radio(page, "status", "on_track")
    choose_radio(page, "rag", "green")
    tab_to(page, "#id_percent_complete")
    page.keyboard.press("Control+A")
    page.keyboard.type("60")
    tab_to(page, "#id_commentary")
    page.keyboard.type("Cut-over went to plan.")
    tab_to(page, 'button[name="then"][value="next"]')
    assert page.evaluate("() => document.activeElement.textContent") == "Save and go to the next action needing an update"
    page.keyboard.press("Enter")

    page.wait_for_url(f"**/actions/{following.reference}/update/")
    banner = page.locator(".govuk-notification-banner").inner_text()
    assert f"Progress on {first.reference} for {period.label} has been saved." in banner
    assert f"Next, {following.reference}." in banner
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Update progress for {period.label}")
    first.refresh_from_db()
    assert (first.status, first.rag, first.percent_complete) == ("on_track", "green", 60)
    assert_accessible(page)


def test_the_flow_and_confirmation_pages_are_accessible(sign_in):
    manager = sign_in("manager")
    manager.goto("/my-actions/")
    manager.get_by_text("Closed actions (").click()
    expect(manager.locator("details.govuk-details")).to_have_attribute("open", "")
    assert_accessible(manager)
    updated_before = next(
        row.action for row in my_actions(user=User.objects.get(username="manager"), period=period_current()).open
        if row.action.updates.exists()
    )
    manager.goto(f"/actions/{updated_before.reference}/update/")
    expect(manager.locator("#earlier-words-heading")).to_contain_text("wrote:")
    assert_accessible(manager)

    lead_user = User.objects.get(username="lead")
    period = period_current()
    pack = ReportPack.objects.create(
        period=ReportingPeriod.objects.filter(end_date__lt=period.start_date).last(), version=1,
        status=PackStatus.READY, requested_by=lead_user, requested_at=timezone.now(), started_at=timezone.now(),
        committee_report=CommitteeReport.objects.filter(status="published").first(),
    )
    lead = sign_in("lead")
    assert_pages_accessible(lead, ["/reports/", f"/reports/packs/{pack.pk}/publish/", f"/reports/periods/{period.key}/close/"])
    ReportingPeriod.objects.filter(pk=period.pk).update(closed_at=timezone.now(), closed_by=lead_user)
    assert_pages_accessible(lead, ["/reports/", f"/reports/periods/{period.key}/reopen/"])
    expect(lead.get_by_role("button", name="Reopen the quarter")).to_be_visible()
