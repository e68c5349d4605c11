"""Signing in with a council account in a browser, through the tests' own OpenID provider: the
sign-in, sign-out and refusal pages work end to end and axe-core finds nothing on them."""

import pytest

from core.roles import STRATEGY_LEAD
from tests.accounts.provider import Provider, use_provider
from tests.accounts.test_council_sign_in import JANE, LEADS
from tests.browser.accessibility import assert_accessible

pytestmark = pytest.mark.browser


@pytest.fixture
def council_provider(settings, demo_site):
    with Provider() as op:
        use_provider(settings, op, role_groups={LEADS: STRATEGY_LEAD})
        yield op


@pytest.mark.parametrize("width", [1280, 320])
def test_signing_in_and_out_with_a_council_account(chromium, demo_site, council_provider, width):
    council_provider.person = JANE
    context = chromium.new_context(base_url=demo_site, bypass_csp=True, viewport={"width": width, "height": 900})
    page = context.new_page()
    page.goto("/accounts/login/")
    assert_accessible(page)
    page.get_by_role("button", name="Sign in with your council account").click()
    page.wait_for_url(f"{demo_site}/")
    assert page.get_by_text("Jane Burns").is_visible()
    page.get_by_role("button", name="Sign out").click()
    assert page.get_by_role("heading", level=1).inner_text() == "You have signed out"
    assert page.get_by_role("button", name="Sign out of your council account too").get_attribute("href").startswith(
        f"{council_provider.url}/logout?post_logout_redirect_uri="
    )
    assert_accessible(page)

    council_provider.person = {**JANE, "groups": []}
    page.goto("/accounts/login/")
    page.get_by_role("button", name="Sign in with your council account").click()
    page.wait_for_url(f"{demo_site}/accounts/council/refused/")
    assert page.get_by_role("heading", level=1).inner_text() == "You cannot sign in"
    assert_accessible(page)
    context.close()
