"""/public/ in a browser, signed out: axe-core finds nothing at desktop width or at 320 px."""

import pytest

from periods.models import ReportingPeriod
from tests import factories
from tests.browser.accessibility import assert_accessible

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("width", [1280, 320])
def test_the_public_page_is_accessible_signed_out(chromium, demo_site, width):
    # The seed publishes CP/35/22-23; a published pack is added beside it.
    factories.ReportPackFactory(period=ReportingPeriod.objects.get(financial_year=2024, quarter=2))
    context = chromium.new_context(base_url=demo_site, bypass_csp=True, viewport={"width": width, "height": 900})
    page = context.new_page()
    response = page.goto("/public/")
    assert response.status == 200
    assert page.get_by_role("heading", level=1).inner_text() == "Published reports and open data"
    assert page.get_by_role("link", name="Download the 2024/25 Q2 progress pack (PDF)").is_visible()
    assert page.get_by_role("link", name="Download report CP/35/22-23 (PDF)").is_visible()
    # Nothing sticks out sideways at 320 px, so nobody has to scroll both ways (WCAG 1.4.10).
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    assert_accessible(page)
    context.close()
