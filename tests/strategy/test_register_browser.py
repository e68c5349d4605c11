"""The business case and risk pages in headless Chromium, checked with axe-core: 0 violations.

When the shared browser harness lands in tests/browser/, these pages join it; until then this
test keeps them honest on its own.
"""

from pathlib import Path

import pytest
from django.core.management import call_command

from tests.conftest import CHROMIUM

AXE = Path(__file__).resolve().parents[1] / "browser" / "vendor" / "axe.min.js"
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
PAGES = {
    "lead": [
        "/business-cases/",
        "/business-cases/?financial_year=2024&status=approved",
        "/business-cases/HLBC-2023-05/",
        "/business-cases/new/",
        "/business-cases/HLBC-2025-02/edit/",
        "/business-cases/HLBC-2023-01/revise/",
        "/risks/",
        "/risks/?residual_likelihood=4&residual_impact=4",
        "/risks/?band=enormous",
        "/risks/ICT-R01/",
        "/risks/new/",
        "/risks/ICT-R01/edit/",
        "/risks/ICT-R01/review/",
    ],
    "committee": ["/business-cases/", "/business-cases/HLBC-2023-01/", "/risks/", "/risks/ICT-R10/"],
}


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_register_pages_have_no_axe_violations(live_server):
    call_command("seed_strategy", "--demo", verbosity=0)
    # Import here: Playwright's event loop must start only after the ORM work above.
    from playwright.sync_api import sync_playwright

    failures = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        for username, paths in PAGES.items():
            page = browser.new_page(viewport={"width": 1280, "height": 1000})
            page.goto(f"{live_server.url}/accounts/login/")
            page.fill("#id_username", username)
            page.fill("#id_password", "ict-strategy-demo")
            page.click("button[type=submit]")
            for path in paths:
                response = page.goto(live_server.url + path)
                assert response.status == 200, path
                page.add_script_tag(path=str(AXE))
                violations = page.evaluate(
                    "async (tags) => (await axe.run(document, {runOnly: tags})).violations.map(v => v.id)", TAGS
                )
                if violations:
                    failures[f"{username} {path}"] = violations
            page.close()
        browser.close()
    assert failures == {}
