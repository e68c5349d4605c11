"""The dashboard's change since last quarter, its figures as links, an action's progress chart and
My actions' last RAG, in headless Chromium: axe-clean, and usable on a 320 px screen."""

import pytest
from django.db.models import Count
from playwright.sync_api import expect

from actions.models import ActionItem
from periods.selectors import periods_compared
from tests.browser.accessibility import assert_accessible

pytestmark = pytest.mark.browser

NARROW = {"width": 320, "height": 640}


def fits_the_screen(page) -> bool:
    return page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth")


def test_the_dashboards_change_since_last_quarter_links_to_its_actions(sign_in):
    page = sign_in("committee")
    period, previous = periods_compared()
    change = page.get_by_role("table", name=f"Change since {previous.label}")
    expect(change).to_be_visible()
    assert_accessible(page)
    links = change.get_by_role("row", name="All principles").get_by_role("link")
    figures = [int(link.inner_text().split()[0]) for link in links.all()]
    # The largest of the four, so the list it opens has rows whenever anything moved.
    index = figures.index(max(figures))
    figure = figures[index]
    links.nth(index).click()
    page.wait_for_url("**/actions/?movement=*")
    expect(page.get_by_role("status")).to_contain_text(f"{figure} action")
    assert_accessible(page)

    page.set_viewport_size(NARROW)
    page.goto("/")
    assert_accessible(page)


def test_an_actions_progress_by_quarter_and_my_actions_at_320_px(sign_in):
    page = sign_in("manager")
    page.set_viewport_size(NARROW)
    action = (
        ActionItem.objects.filter(owner__username="manager").annotate(reported=Count("updates")).filter(reported__gte=2)
        .order_by("reference").first()
    )
    page.goto(f"/actions/{action.reference}/")
    chart = page.get_by_role("img", name=f"Percent complete of {action.reference} by quarter")
    expect(chart).to_be_visible()
    # The words in the chart are drawn at least nine tenths of their size.
    assert chart.bounding_box()["width"] >= 0.9 * 320 - 40
    expect(page.get_by_role("table", name=f"Status, RAG rating and percent complete of {action.reference} by quarter, oldest first")).to_be_visible()
    assert fits_the_screen(page)
    assert_accessible(page)

    page.goto("/my-actions/")
    _, previous = periods_compared()
    expect(page.get_by_role("columnheader", name=f"RAG at end of {previous.label}").first).to_be_visible()
    assert_accessible(page)
