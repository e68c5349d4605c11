"""The Content-Security-Policy, enforced (no bypass_csp): the main pages, the admin and the API docs
load with no violation, and their JavaScript still runs from static files."""

import pytest

from tests import factories
from tests.browser.conftest import sign_in_page

pytestmark = pytest.mark.browser

LEAD_PAGES = [
    "/",
    "/my-actions/",
    "/actions/",
    "/actions/P2-02/",
    "/actions/P2-02/update/",
    "/actions/new/",
    "/principles/",
    "/principles/3/",
    "/business-cases/",
    "/business-cases/HLBC-2023-01/",
    "/risks/",
    "/risks/ICT-R01/",
    "/reports/",
    "/reports/committee/",
    "/reports/committee/cp-35-22-23/",
    "/reports/chase/",
    "/imports/",
    "/api/docs/",
    "/accessibility/",
]

# Playwright's init script is not subject to the page's policy: it records every violation.
RECORD_VIOLATIONS = """
window.cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.cspViolations.push(`${event.violatedDirective} blocked ${event.blockedURI || "inline"} (${event.sourceFile}:${event.lineNumber})`);
});
"""


@pytest.fixture
def strict_context(chromium, demo_site):
    context = chromium.new_context(base_url=demo_site, viewport={"width": 1280, "height": 900})
    context.add_init_script(RECORD_VIOLATIONS)
    console = []
    context.on("console", lambda message: "Content-Security-Policy" in message.text and console.append(message.text))
    yield context, console
    context.close()


def violations_on(page, path: str) -> list[str]:
    page.goto(path)
    page.wait_for_load_state("networkidle")
    return [f"{path}: {violation}" for violation in page.evaluate("window.cspViolations")]


def test_the_main_pages_break_no_rule_of_the_policy(strict_context, demo_site):
    context, console = strict_context
    anonymous = context.new_page()
    found = violations_on(anonymous, "/accounts/login/") + violations_on(anonymous, "/public/")
    lead = sign_in_page(context, demo_site, "lead")
    for path in LEAD_PAGES:
        found += violations_on(lead, path)
        # GOV.UK Frontend's script, a module file, ran and marked the page as enhanced.
        assert "govuk-frontend-supported" in lead.evaluate("document.body.className"), path
    assert not found and not console, "\n".join(found + console)

    # The policy is on and the recorder hears it: a style attribute put in the page is refused.
    lead.evaluate("document.body.insertAdjacentHTML('beforeend', '<p style=\"color: red\">injected</p>')")
    lead.wait_for_function("window.cspViolations.length > 0")
    assert lead.evaluate("getComputedStyle(document.body.lastElementChild).color") != "rgb(255, 0, 0)"


def test_the_admin_and_the_api_docs_break_no_rule_of_their_policy(strict_context, demo_site):
    context, console = strict_context
    admin = factories.UserFactory(username="admin", is_staff=True, is_superuser=True)
    page = context.new_page()
    page.goto("/admin/login/")
    page.get_by_label("Username").fill("admin")
    page.get_by_label("Password").fill("ict-strategy-demo")
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(f"{demo_site}/admin/")
    found = []
    for path in ["/admin/", "/admin/actions/actionitem/", f"/admin/auth/user/{admin.pk}/change/", "/admin/axes/accessattempt/"]:
        found += violations_on(page, path)
    found += violations_on(page, "/api/docs/swagger/")
    # Swagger UI, all of it scripts and styles from files, drew the operations.
    page.get_by_text("/api/v1/actions/", exact=True).first.wait_for()
    found += [f"/api/docs/swagger/: {violation}" for violation in page.evaluate("window.cspViolations")]
    assert not found and not console, "\n".join(found + console)
