"""Headless Chromium against pytest-django's live server, with the demo data loaded.

Playwright's sync API runs an event loop in this thread, so Django would refuse ORM calls
made here as "async unsafe"; the tests make them only between browser steps, never
concurrently, so allowing them is safe.
"""

import io
import os

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

import pytest  # noqa: E402
from django.core.management import call_command  # noqa: E402

from seeding.demo_data import DEMO_PASSWORD  # noqa: E402
from tests.browser import CHROMIUM  # noqa: E402
from tests.factories import ensure_open_period  # noqa: E402

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture(scope="session")
def chromium():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def demo_site(live_server, transactional_db):
    """The live server's URL, with seed_strategy --demo loaded and a reporting period open today."""
    call_command("seed_strategy", "--demo", stdout=io.StringIO())
    ensure_open_period()
    return live_server.url


def sign_in_page(context, demo_site: str, username: str):
    page = context.new_page()
    page.goto("/accounts/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(f"{demo_site}/")
    return page


def missing_security_headers(response) -> list[str]:
    """What a page lacks of the Content-Security-Policy and Permissions-Policy every page gets."""
    headers = response.headers
    policy = headers.get("content-security-policy", "")
    problems = []
    if "script-src 'self'" not in policy or "style-src 'self'" not in policy or "unsafe-inline" in policy:
        problems.append(f"{response.url}: Content-Security-Policy {policy!r}")
    if "camera=()" not in headers.get("permissions-policy", ""):
        problems.append(f"{response.url}: Permissions-Policy {headers.get('permissions-policy')!r}")
    return problems


@pytest.fixture
def sign_in(chromium, demo_site):
    """sign_in("manager") -> a Playwright page signed in as that demo user, on the dashboard.

    Every page the test opens must carry the security headers (checked when the test ends).
    """
    contexts = []
    pages_seen = []

    def _sign_in(username: str):
        # bypass_csp lets axe-core be injected under the strict Content-Security-Policy; the
        # policy itself is checked by tests/browser/test_content_security_policy.py.
        context = chromium.new_context(base_url=demo_site, bypass_csp=True, viewport={"width": 1280, "height": 900})
        context.on("response", lambda response: response.request.resource_type == "document" and pages_seen.append(response))
        contexts.append(context)
        return sign_in_page(context, demo_site, username)

    yield _sign_in
    problems = [problem for response in pages_seen if response.status < 500 for problem in missing_security_headers(response)]
    for context in contexts:
        context.close()
    assert pages_seen and not problems, "\n".join(problems)
