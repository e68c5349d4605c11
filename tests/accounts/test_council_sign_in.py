"""Sign-in with the council's Entra ID, against a provider of the tests' own (tests/accounts/provider.py)
over real HTTP: the good path, each refusal, roles from groups at every sign-in, and sign-out."""

import time
from urllib.parse import urlsplit

import pytest
import requests
from django.contrib.auth.models import Group, User
from django.test import Client
from django.utils.html import escape

from accounts.models import ExternalIdentity
from accounts.services import NO_ROLE
from accounts.views import NOT_VERIFIED, PROVIDER_UNAVAILABLE
from core.roles import ICT_MANAGER, STRATEGY_LEAD
from seeding.demo_data import DEMO_PASSWORD
from tests import factories

from .provider import Provider, new_key, use_provider

LEADS = "5b8d3c1e-0000-4000-8000-00000000000a"
MANAGERS = "5b8d3c1e-0000-4000-8000-00000000000b"
UNMAPPED = "5b8d3c1e-0000-4000-8000-00000000000c"
JANE = {
    "sub": "pairwise-sub-for-jane", "oid": "00000000-0000-0000-0000-00000000ja4e",
    "name": "Jane Burns", "given_name": "Jane", "family_name": "Burns",
    "email": "jane.burns@cheshireeast.gov.uk", "preferred_username": "jane.burns@cheshireeast.gov.uk",
    "groups": [LEADS],
}


@pytest.fixture
def provider(settings, db):
    with Provider() as op:
        use_provider(settings, op, role_groups={LEADS: STRATEGY_LEAD, MANAGERS: ICT_MANAGER})
        yield op


def callback_url(client, provider, person, **tamper) -> str:
    """Start a sign-in here, sign in at the provider, and return the address it sends the browser back to."""
    provider.person, provider.tamper = person, tamper
    start = client.get("/accounts/council/start/")
    assert start.status_code == 302 and start["Location"].startswith(provider.settings["OIDC_OP_AUTHORIZATION_ENDPOINT"])
    answer = requests.get(start["Location"], allow_redirects=False, timeout=10)
    back = urlsplit(answer.headers["Location"])
    return f"{back.path}?{back.query}"


def sign_in(client, provider, person=JANE, **tamper):
    return client.get(callback_url(client, provider, person, **tamper))


def roles(user) -> set[str]:
    return set(user.groups.values_list("name", flat=True))


def signed_in_user(client):
    response = client.get("/")
    return response.wsgi_request.user if response.status_code == 200 else None


def assert_refused(client, response, reason: str = NOT_VERIFIED) -> None:
    assert response.status_code == 302 and response["Location"] == "/accounts/council/refused/"
    page = client.get(response["Location"])
    assert page.status_code == 403
    assert escape(reason) in page.content.decode()
    assert signed_in_user(client) is None


def test_a_good_sign_in_creates_the_user_with_the_role_of_their_group(client, provider):
    response = sign_in(client, provider)
    assert response.status_code == 302 and response["Location"] == "/"
    user = signed_in_user(client)
    assert (user.username, user.get_full_name(), user.email) == (JANE["preferred_username"], "Jane Burns", JANE["email"])
    assert roles(user) == {STRATEGY_LEAD}
    assert not user.has_usable_password()
    identity = ExternalIdentity.objects.get(user=user)
    assert (identity.issuer, identity.subject) == (provider.issuer, JANE["oid"])


def test_the_next_sign_in_finds_the_same_user_by_subject_even_with_a_new_email(client, provider):
    sign_in(client, provider)
    client.post("/accounts/logout/")
    renamed = {**JANE, "email": "jane.smith@cheshireeast.gov.uk", "family_name": "Smith"}
    sign_in(client, provider, renamed)
    user = signed_in_user(client)
    assert (User.objects.filter(external_identity__isnull=False).count(), user.email, user.last_name) == (1, renamed["email"], "Smith")


def test_a_local_account_with_the_same_email_is_never_taken_over(client, provider):
    local = factories.lead(username=JANE["preferred_username"], email=JANE["email"])
    sign_in(client, provider, {**JANE, "groups": [MANAGERS]})
    user = signed_in_user(client)
    assert user.pk != local.pk and user.username != local.username
    assert roles(local) == {STRATEGY_LEAD} and roles(user) == {ICT_MANAGER}


@pytest.mark.parametrize(
    "tamper",
    [
        pytest.param({"aud": "some-other-application"}, id="wrong audience"),
        pytest.param({"iat": int(time.time()) - 7200, "exp": int(time.time()) - 3600}, id="expired"),
        pytest.param({"key": new_key()}, id="bad signature"),
        pytest.param({"nonce": "not-the-nonce-we-sent"}, id="wrong nonce"),
        pytest.param({"iss": "https://login.example.invalid/other-tenant/v2.0"}, id="wrong issuer"),
    ],
)
def test_a_token_that_does_not_verify_is_refused(client, provider, tamper):
    assert_refused(client, sign_in(client, provider, **tamper))
    assert not ExternalIdentity.objects.exists()


def test_a_replayed_state_is_refused(client, provider):
    callback = callback_url(client, provider, JANE)
    assert client.get(callback)["Location"] == "/"
    # The same answer again, in the same browser: its state was used up with the first.
    assert_refused(client, client.get(callback))
    # And in the browser that signed in, then out: no state of its own at all.
    client.post("/accounts/logout/")
    assert_refused(client, client.get(callback))


def test_a_state_from_another_browser_is_refused(client, provider):
    callback = callback_url(client, provider, JANE)
    other = Client()
    other.get("/accounts/council/start/")  # this browser has its own state, not the one in the answer
    assert_refused(other, other.get(callback))


def test_roles_follow_the_groups_at_every_sign_in(client, provider):
    sign_in(client, provider, {**JANE, "groups": [LEADS, UNMAPPED]})
    user = signed_in_user(client)
    user.groups.add(Group.objects.get_or_create(name="Newsletter editors")[0])
    client.post("/accounts/logout/")

    sign_in(client, provider, {**JANE, "groups": [MANAGERS]})
    assert roles(signed_in_user(client)) == {ICT_MANAGER, "Newsletter editors"}
    client.post("/accounts/logout/")

    # Taken out of every mapped group: refused, and the roles are gone for the API's tokens too.
    assert_refused(client, sign_in(client, provider, {**JANE, "groups": [UNMAPPED]}), NO_ROLE)
    assert roles(User.objects.get(pk=user.pk)) == {"Newsletter editors"}


def test_no_mapped_group_is_refused_with_a_clear_page(client, provider):
    assert_refused(client, sign_in(client, provider, {**JANE, "groups": []}), NO_ROLE)


def test_the_login_page_offers_the_council_sign_in_only_when_configured(client, provider, settings):
    page = client.get("/accounts/login/?next=/actions/").content.decode()
    assert 'href="/accounts/council/start/?next=/actions/"' in page and "Sign in with your council account" in page
    settings.OIDC_ENABLED = False
    assert "Sign in with your council account" not in client.get("/accounts/login/").content.decode()
    assert client.get("/accounts/council/start/").status_code == 404


def test_signing_out_after_a_council_sign_in_offers_the_providers_sign_out(client, provider):
    sign_in(client, provider)
    page = client.post("/accounts/logout/")
    assert page.status_code == 200
    assert f'href="{provider.url}/logout?post_logout_redirect_uri=http%3A%2F%2Ftestserver%2Faccounts%2Flogin%2F"' in page.content.decode()
    assert signed_in_user(client) is None


def test_local_accounts_still_sign_in_and_out_as_before(client, provider):
    factories.lead(username="breakglass")
    response = client.post("/accounts/login/", {"username": "breakglass", "password": DEMO_PASSWORD})
    assert response.status_code == 302 and response["Location"] == "/"
    assert client.post("/accounts/logout/")["Location"] == "/accounts/login/"


def test_refused_council_sign_ins_do_not_lock_anyone_out(client, provider, settings):
    """django-axes counts wrong passwords per username and address; a refused token is no password
    guess, and must not stop the next person at the same address signing in either way."""
    for _ in range(settings.AXES_FAILURE_LIMIT + 1):
        assert_refused(client, sign_in(client, provider, aud="some-other-application"))
    assert sign_in(client, provider)["Location"] == "/"
    client.post("/accounts/logout/")
    factories.lead(username="breakglass")
    assert client.post("/accounts/login/", {"username": "breakglass", "password": DEMO_PASSWORD})["Location"] == "/"


def test_a_disabled_user_is_refused(client, provider):
    sign_in(client, provider)
    client.post("/accounts/logout/")
    User.objects.filter(username=JANE["preferred_username"]).update(is_active=False)
    response = sign_in(client, provider)
    assert response["Location"] == "/accounts/council/refused/"
    assert signed_in_user(client) is None


def test_a_code_the_provider_will_not_exchange_is_a_refusal_page_not_an_error(client, provider):
    callback = callback_url(client, provider, JANE)
    provider.codes.clear()  # as if the code had expired at Microsoft
    assert_refused(client, client.get(callback), PROVIDER_UNAVAILABLE)


def test_a_token_that_is_not_a_token_is_refused(client, provider):
    provider.person = JANE
    callback = callback_url(client, provider, JANE)
    provider.id_token = lambda *, nonce: "not.a.token"
    assert_refused(client, client.get(callback))


def test_a_password_sign_in_with_a_code_in_its_address_never_reaches_the_provider(client, provider):
    factories.lead(username="breakglass")
    provider.codes["planted"] = {"redirect_uri": "http://testserver/accounts/council/callback/", "nonce": "n"}
    response = client.post("/accounts/login/?code=planted&state=s", {"username": "breakglass", "password": "wrong"})
    assert response.status_code == 200 and response.context["form"].errors
    assert "planted" in provider.codes


def test_a_locked_out_password_user_is_still_offered_the_council_sign_in(client, provider, settings):
    factories.lead(username="breakglass")
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post("/accounts/login/", {"username": "breakglass", "password": "wrong"})
    locked = client.post("/accounts/login/", {"username": "breakglass", "password": DEMO_PASSWORD})
    assert locked.status_code == 429
    assert "Sign in with your council account" in locked.content.decode()
    assert sign_in(client, provider)["Location"] == "/"
