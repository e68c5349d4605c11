"""Measure pages (and the dashboard and My actions, which show measures) in headless Chromium: axe-core finds nothing at 1280 and at 320 CSS px, and at 320
the page never scrolls sideways (the trend chart and tables fit or scroll in their own region)."""

import pytest
from playwright.sync_api import expect

from tests.browser.accessibility import accessibility_violations

pytestmark = pytest.mark.browser

PATHS = ["/", "/my-actions/", "/measures/", "/measures/?rag=red", "/measures/KPI-P1-AVAIL/", "/measures/KPI-P5-SAVE/", "/measures/KPI-P1-AVAIL/update/"]


@pytest.mark.parametrize("width", [1280, 320])
def test_measure_pages_pass_axe_and_reflow(sign_in, width):
    page = sign_in("manager")
    page.set_viewport_size({"width": width, "height": 900})
    problems = []
    for path in PATHS:
        page.goto(path)
        problems += [f"{path}: axe {v['id']} on {[n['target'] for n in v['nodes'][:3]]}" for v in accessibility_violations(page)]
        scroll_width = page.evaluate("document.documentElement.scrollWidth")
        if scroll_width > width:
            problems.append(f"{path}: {scroll_width} px wide")

    page.goto("/measures/KPI-P1-AVAIL/update/")
    page.get_by_label("Actual").fill("90")
    page.get_by_label("Commentary").fill("")
    page.get_by_role("button", name="Save figures").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("commentary is required for amber and red")
    problems += [f"update with errors: axe {v['id']}" for v in accessibility_violations(page)]
    assert not problems, "\n".join(problems)

    page.get_by_label("Commentary").fill("A storage controller failed twice.")
    page.get_by_role("button", name="Save figures").click()
    expect(page.get_by_role("table", name="Target, actual and RAG rating of KPI-P1-AVAIL by quarter, oldest first")).to_contain_text(
        "9.50 points below the target of 99.50%, beyond the tolerance of 0.30 points"
    )
