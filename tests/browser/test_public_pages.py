"""The pages anyone may open without signing in: the accessibility statement and the API
reference pass axe-core's WCAG 2.x A/AA rules on a desktop and a 320 px screen, and link to each other."""

import pytest
from playwright.sync_api import expect

from tests.browser.accessibility import assert_accessible

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("width", [1280, 320])
def test_the_statement_and_the_api_reference_are_accessible(chromium, live_server, db, width):
    context = chromium.new_context(base_url=live_server.url, bypass_csp=True, viewport={"width": width, "height": 900})
    try:
        page = context.new_page()
        page.goto("/accounts/login/")
        page.locator("footer").get_by_role("link", name="Accessibility statement").click()
        expect(page.get_by_role("heading", level=1)).to_have_text("Accessibility statement for ICT Strategy 2023–27")
        assert_accessible(page)
        page.get_by_role("link", name="API reference").first.click()
        expect(page.get_by_role("heading", level=1)).to_have_text("ICT Strategy 2023–27 API")
        assert_accessible(page)
        expect(page.get_by_role("link", name="Swagger UI")).to_have_attribute("href", "/api/docs/swagger/")
    finally:
        context.close()
