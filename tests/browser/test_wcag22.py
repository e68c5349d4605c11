"""WCAG 2.2 AA beyond what axe-core sees, in headless Chromium: text spacing (1.4.12), 400% zoom
(1.4.10 with every control reachable), focus not obscured (2.4.11), target size (2.5.8) and
keyboard-only use (2.1.1) of the progress form, the list filters, and pack request and publish."""

import re

import pytest
from django.contrib.auth.models import User
from django.utils import timezone
from playwright.sync_api import expect

from periods.selectors import period_current
from reporting import tasks
from reporting.choices import PackStatus
from reporting.models import CommitteeReport, ReportingPeriod, ReportPack
from tests.browser.conftest import sign_in_page
from tests.browser.pages import BROWSER_ROLES, demo_page_states
from tests.browser.wcag22 import TEXT_SPACING_CSS, clipped_content, horizontal_scroll, obscured_focus, small_targets

pytestmark = pytest.mark.browser

DESKTOP = {"width": 1280, "height": 900}
# 400% zoom of a 1280 by 720 window: what a user zoomed in sees, in CSS px.
ZOOMED_400 = {"width": 320, "height": 180}
NARROW = {"width": 320, "height": 640}
UPDATE_FORM = "/actions/P2-02/update/"
FOCUS_PAGES = [
    "/", "/my-actions/", "/actions/", "/actions/P2-02/", UPDATE_FORM, "/principles/3/", "/risks/", "/business-cases/",
    "/reports/", "/reports/committee/", "/accessibility/", "/api/docs/",
]

# Where Tab should stop: each visible control once, a group of radios once.
TAB_STOPS = """
() => {
  const controls = [...document.querySelectorAll('a[href], button, input:not([type=hidden]), select, textarea, summary, [tabindex]:not([tabindex="-1"])')]
    .filter((el) => !el.disabled && el.checkVisibility({visibilityProperty: true}) && el.getBoundingClientRect().width > 0);
  const groups = new Set();
  return controls.filter((el) => {
    if (el.type !== 'radio') return true;
    if (groups.has(el.name)) return false;
    groups.add(el.name);
    return true;
  }).length;
}
"""


@pytest.fixture
def browse(chromium, demo_site):
    """browse(username, viewport) -> a signed-in page; axe and the spacing style need bypass_csp."""
    contexts = []

    def _browse(username: str, viewport: dict):
        context = chromium.new_context(base_url=demo_site, viewport=viewport, bypass_csp=True)
        contexts.append(context)
        return sign_in_page(context, demo_site, username)

    yield _browse
    for context in contexts:
        context.close()


def focus_reaches(page, locator, limit: int = 300) -> None:
    """Press Tab until one of the locator's elements is focused; fail if none ever is."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if locator.evaluate_all("elements => elements.includes(document.activeElement)"):
            return
    raise AssertionError(f"Tab never reached {locator}")


def choose_radio(page, name: str, value: str) -> None:
    """Tab into the radio group, then move through it with the arrow keys as a keyboard user does."""
    focus_reaches(page, page.locator(f"input[type=radio][name={name}]"))
    for _ in range(10):
        if page.evaluate(f"document.querySelector('input[name={name}]:checked')?.value") == value:
            return
        page.keyboard.press("ArrowDown")
    raise AssertionError(f"No {name} radio with value {value}")


def test_the_checks_find_what_they_look_for(chromium):
    page = chromium.new_page(viewport={"width": 400, "height": 300})
    try:
        page.set_content(
            '<html lang="en"><body>'
            '<div style="height: 20px; overflow: hidden"><p>Words that need far more than twenty pixels of height to be read.</p></div>'
            '<div style="position: fixed; top: 0; left: 0; right: 0; height: 60px; background: white; z-index: 1"></div>'
            '<p><a href="#a" style="position: absolute; top: 10px">Under the banner</a></p>'
            '<div style="position: absolute; top: 100px"><button style="width: 10px; height: 10px; padding: 0"></button>'
            '<button style="width: 10px; height: 10px; padding: 0"></button></div>'
            '<div style="width: 900px">Too wide</div></body></html>'
        )
        assert clipped_content(page) and horizontal_scroll(page) and len(small_targets(page)) == 2
        problems, stops = obscured_focus(page)
        assert stops == 3 and problems == ['a "Under the banner": covered when focused']

        page.set_content(
            '<html lang="en"><body><p>A sentence with <a href="#b">a small link</a> inside it.</p>'
            '<button style="width: 24px; height: 24px">A</button> <button style="width: 24px; height: 24px">B</button></body></html>'
        )
        assert not clipped_content(page) and not horizontal_scroll(page) and not small_targets(page)
        assert obscured_focus(page) == ([], 3)
    finally:
        page.close()


@pytest.mark.parametrize("viewport", [DESKTOP, NARROW], ids=["1280px", "320px"])
def test_text_spacing_loses_no_content(browse, viewport):
    """1.4.12: with the bookmarklet's line, paragraph, letter and word spacing nothing is cut off or pushed sideways."""
    page = browse("manager", viewport)
    problems = []
    for path in ["/", UPDATE_FORM]:
        page.goto(path)
        page.add_style_tag(content=TEXT_SPACING_CSS)
        assert page.evaluate("getComputedStyle(document.querySelector('main p')).letterSpacing") != "normal"
        problems += [f"{path}: {problem}" for problem in clipped_content(page) + horizontal_scroll(page)]
    assert not problems, "\n".join(problems)


def test_at_400_percent_zoom_the_dashboard_and_update_form_reflow_with_every_control_reachable(browse):
    page = browse("manager", ZOOMED_400)
    for path in ["/", UPDATE_FORM]:
        page.goto(path)
        assert not horizontal_scroll(page), path
        problems, stops = obscured_focus(page)
        assert not problems, f"{path}: " + "\n".join(problems)
        assert stops == page.evaluate(TAB_STOPS), f"{path}: Tab stopped {stops} times"
    # And the form works there: a mistake is shown and can be reached.
    page.goto(UPDATE_FORM)
    choose_radio(page, "rag", "red")
    focus_reaches(page, page.get_by_role("button", name="Save progress"))
    page.keyboard.press("Enter")
    expect(page.locator(".govuk-error-summary")).to_be_focused()
    assert not horizontal_scroll(page)


@pytest.mark.parametrize("viewport", [DESKTOP, NARROW], ids=["1280px", "320px"])
def test_focus_is_never_hidden(browse, viewport):
    """2.4.11: on every main page, each element Tab reaches is on screen and not covered."""
    page = browse("lead", viewport)
    problems = []
    for path in FOCUS_PAGES:
        page.goto(path)
        found, stops = obscured_focus(page)
        assert stops > 5, path
        problems += [f"{path}: {problem}" for problem in found]
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("role", BROWSER_ROLES)
def test_every_target_is_large_enough_or_spaced(browse, role):
    """2.5.8 on every page of the service, at 1280 and 320 px."""
    paths = [path for paths in demo_page_states().values() for path in paths]
    problems = []
    for viewport in (DESKTOP, NARROW):
        page = browse(role, viewport)
        for path in paths:
            page.goto(path)
            problems += [f"{viewport['width']}px {path}: {problem}" for problem in small_targets(page)]
    assert not problems, "\n".join(problems)


def test_a_manager_records_progress_with_the_keyboard_alone(browse):
    page = browse("manager", DESKTOP)
    page.goto(UPDATE_FORM)
    choose_radio(page, "status", "at_risk")
    choose_radio(page, "rag", "amber")
    focus_reaches(page, page.get_by_label("Percent complete"))
    page.keyboard.press("ControlOrMeta+a")
    page.keyboard.type("45")
    focus_reaches(page, page.get_by_label("Commentary"))
    page.keyboard.type("Waiting for the supplier's revised plan.")
    focus_reaches(page, page.get_by_role("button", name="Save progress"))
    page.keyboard.press("Enter")
    page.wait_for_url("**/actions/P2-02/")
    expect(page.locator(".app-timeline__item").first).to_contain_text("At risk, Amber, 45% complete")


def test_the_action_list_filters_with_the_keyboard_alone(browse):
    page = browse("committee", DESKTOP)
    page.goto("/actions/")
    focus_reaches(page, page.locator(".app-filter").get_by_label("Red", exact=True))
    page.keyboard.press("Space")
    focus_reaches(page, page.get_by_role("button", name="Apply filters"))
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"rag=red"))
    rows = page.locator("main tbody .govuk-table__row").all_inner_texts()
    assert rows and all("Red" in row for row in rows)


def test_a_lead_requests_and_publishes_a_pack_with_the_keyboard_alone(browse, monkeypatch):
    # The build itself (WeasyPrint) is tested elsewhere; here the request only has to reach the queue.
    sent = []
    monkeypatch.setattr(tasks.build_pack, "delay", lambda **kwargs: sent.append(kwargs))
    previous = ReportingPeriod.objects.filter(end_date__lt=period_current().start_date).last()
    ready = ReportPack.objects.create(
        period=previous, version=1, status=PackStatus.READY, requested_by=User.objects.get(username="lead"),
        requested_at=timezone.now(), started_at=timezone.now(),
        committee_report=CommitteeReport.objects.filter(status="published").first(),
    )
    page = browse("lead", DESKTOP)
    page.goto("/reports/")
    focus_reaches(page, page.get_by_role("button", name=f"Rebuild the {previous.label} pack"))
    page.keyboard.press("Enter")
    expect(page.locator(".govuk-notification-banner")).to_be_visible()
    assert [request["pack_id"] for request in sent] == [ReportPack.objects.get(period=previous, version=2).pk]

    focus_reaches(page, page.get_by_role("button", name=f"Publish version {ready.version}"))
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/reports/packs/{ready.pk}/publish/")
    focus_reaches(page, page.locator("main form button[type=submit]"))
    page.keyboard.press("Space")
    page.wait_for_url("**/reports/")
    ready.refresh_from_db()
    assert ready.status == PackStatus.PUBLISHED
