"""Reflow (WCAG 2.2 1.4.10): every page and state, for every role, at 320 CSS px wide (400% zoom
of a 1280 px window) without the page scrolling sideways; wide tables scroll inside their own
region instead. Each also passes axe-core at that width, and its footer links to the
accessibility statement."""

from pathlib import Path

import pytest
from playwright.sync_api import expect

from actions.exports import ACTION_COLUMNS
from tests.browser.accessibility import accessibility_violations
from tests.browser.conftest import sign_in_page
from tests.browser.pages import BROWSER_ROLES, LONG_URL, NOT_PAGES, demo_page_states, named_pages
from tests.spreadsheets.helpers import csv_bytes, sheet_values, xlsx

pytestmark = pytest.mark.browser

NARROW = {"width": 320, "height": 640}
# The "new" forms sent empty: each answers with its error summary and saves nothing.
EMPTY_FORMS = {
    "/actions/new/": "Add the action",
    "/business-cases/new/": "Save",
    "/risks/new/": "Save",
    "/reports/committee/new/": "Save draft",
    "/reports/committee/meetings/new/": "Add meeting",
}
NEW_ACTION = ["P7-99", "Retire the fax gateway", 7, "manager", "manager2", "", "2026-04-01", "2027-03-31", "", "Not started", "Green", 0, ""]


def reflow_problems(page, label: str) -> list[str]:
    """What is wrong with the page as it is now: sideways scrolling, axe violations, or no link to the statement."""
    problems = [f"{label}: axe {violation['id']} on {[node['target'] for node in violation['nodes'][:3]]}" for violation in accessibility_violations(page)]
    width = page.evaluate("document.documentElement.scrollWidth")
    if width > NARROW["width"]:
        problems.append(f"{label}: {width} px wide")
    if page.locator("footer a[href='/accessibility/']").count() != 1:
        problems.append(f"{label}: no link to the accessibility statement in the footer")
    return problems


def upload(page, label: str, path: Path, content: bytes) -> None:
    path.write_bytes(content)
    page.get_by_label(label).set_input_files(str(path))
    page.get_by_role("button", name="Upload and preview").click()
    page.wait_for_load_state()


def submitted_states(page, role: str, tmp_path: Path) -> list[str]:
    """The states reached by sending a form: errors on the empty "new" forms, and the previews of
    a plan import (lead) and a quarterly sheet (manager)."""
    problems = []
    if role == "lead":
        for path, button in EMPTY_FORMS.items():
            page.goto(path)
            page.get_by_role("button", name=button).click()
            expect(page.locator(".govuk-error-summary")).to_be_visible()
            problems += reflow_problems(page, f"{role} {path} sent empty")
        page.goto("/imports/")
        headers = [column.header for column in ACTION_COLUMNS]
        upload(page, "Upload a plan", tmp_path / "plan.csv", csv_bytes([headers, NEW_ACTION]))
        expect(page.get_by_role("heading", level=1)).to_have_text("Check the import before saving it")
        problems += reflow_problems(page, f"{role} plan import preview")
    if role == "manager":
        page.goto("/my-actions/")
        with page.expect_download() as download:
            page.get_by_role("link", name="Excel").click()
        [rows] = sheet_values(Path(download.value.path()).read_bytes()).values()
        rows = [list(row) for row in rows]
        rows[1][2:7] = ["At risk", "Amber", 55, f"Waiting on the supplier: {LONG_URL}", "Escalate."]
        upload(page, "Upload your filled sheet", tmp_path / "sheet.xlsx", xlsx({"progress": rows}))
        expect(page.get_by_role("heading", level=1)).to_contain_text("Check your updates")
        problems += reflow_problems(page, f"{role} quarterly sheet preview")
    return problems


@pytest.mark.parametrize("role", BROWSER_ROLES)
def test_every_page_reflows_at_320_css_px(chromium, demo_site, role, tmp_path):
    states = demo_page_states()
    missing = named_pages() - set(states) - set(NOT_PAGES)
    assert not missing, f"Pages with no address in tests/browser/pages.py: {sorted(missing)}"
    assert not set(states) & set(NOT_PAGES)

    # bypass_csp lets axe-core be injected (the policy is tested in test_content_security_policy.py).
    context = chromium.new_context(base_url=demo_site, viewport=NARROW, bypass_csp=True)
    try:
        anonymous = context.new_page()
        problems = []
        for path in ("/accounts/login/", "/accessibility/", "/api/docs/"):
            anonymous.goto(path)
            problems += reflow_problems(anonymous, f"signed out {path}")
        page = sign_in_page(context, demo_site, role)
        for paths in states.values():
            for path in paths:
                page.goto(path)
                problems += reflow_problems(page, f"{role} {path}")
        problems += submitted_states(page, role, tmp_path)
        # The action whose commentary carries a long address wraps it on its page.
        page.goto("/actions/P2-02/")
        expect(page.get_by_text(LONG_URL, exact=True)).to_be_visible()
    finally:
        context.close()
    assert not problems, "\n".join(problems)
