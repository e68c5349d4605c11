"""API plumbing: tokens and the api_token command, throttling, error format, schema and docs."""

import pytest
from django.contrib import admin
from django.core.cache import cache
from django.core.management import CommandError, call_command
from django.test import override_settings
from rest_framework.authtoken.models import Token, TokenProxy
from rest_framework.test import APIClient

from tests import factories
from tests.helpers import token_client

ACTIONS = "/api/v1/actions/"


def run_api_token(username: str) -> str:
    from io import StringIO

    out = StringIO()
    call_command("api_token", username, stdout=out)
    return out.getvalue().strip()


def test_api_token_creates_a_token_that_authenticates(db):
    factories.api_client_user(username="apiclient")
    key = run_api_token("apiclient")
    assert Token.objects.get(user__username="apiclient").key == key
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    assert client.get(ACTIONS).status_code == 200


def test_api_token_rotates_and_the_old_key_stops_working(db):
    factories.api_client_user(username="apiclient")
    old = run_api_token("apiclient")
    new = run_api_token("apiclient")
    assert old != new
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {old}")
    response = client.get(ACTIONS)
    assert response.status_code == 401
    assert response.json()["detail"] == "Invalid token."


def test_api_token_for_an_unknown_user_is_an_error(db):
    with pytest.raises(CommandError, match="There is no user called 'ghost'"):
        run_api_token("ghost")
    assert not Token.objects.exists()


def test_api_token_for_an_inactive_user_is_an_error(db):
    factories.UserFactory(username="gone", is_active=False)
    with pytest.raises(CommandError, match="inactive"):
        run_api_token("gone")


def test_tokens_can_be_revoked_in_the_admin(db):
    assert admin.site.is_registered(TokenProxy)
    user = factories.api_client_user()
    client = token_client(user)
    staff = APIClient()
    staff.force_login(factories.UserFactory(is_staff=True, is_superuser=True))
    assert staff.get("/admin/authtoken/tokenproxy/").status_code == 200
    # The admin lists tokens by their user.
    response = staff.post(f"/admin/authtoken/tokenproxy/{user.pk}/delete/", {"post": "yes"})
    assert response.status_code == 302
    assert not Token.objects.filter(user=user).exists()
    assert client.get(ACTIONS).status_code == 401


def test_a_deactivated_users_token_stops_working(db):
    user = factories.api_client_user()
    client = token_client(user)
    user.is_active = False
    user.save()
    assert client.get(ACTIONS).status_code == 401


@override_settings(API_THROTTLE_RATES={"user": "3/minute", "anon": "2/minute"})
def test_requests_are_throttled_per_token(db):
    cache.clear()
    client, other = token_client(factories.api_client_user()), token_client(factories.api_client_user())
    assert [client.get(ACTIONS).status_code for _ in range(4)] == [200, 200, 200, 429]
    response = client.get(ACTIONS)
    assert "Request was throttled" in response.json()["detail"]
    assert int(response["Retry-After"]) > 0
    assert other.get(ACTIONS).status_code == 200
    # The public Swagger UI is throttled per address.
    anonymous = APIClient()
    assert [anonymous.get("/api/docs/swagger/").status_code for _ in range(3)] == [200, 200, 429]
    cache.clear()


@override_settings(API_THROTTLE_RATES={"user": "1000/minute", "anon": "3/minute"})
@pytest.mark.parametrize("credentials", [{}, {"HTTP_AUTHORIZATION": "Token not-a-real-key"}])
def test_requests_without_a_good_token_are_throttled_per_address(db, credentials):
    """Refused with 401 until the anonymous rate is spent, then 429: guessing tokens is slow."""
    cache.clear()
    guesser = APIClient(**credentials, REMOTE_ADDR="192.0.2.7")
    assert [guesser.get(ACTIONS).status_code for _ in range(4)] == [401, 401, 401, 429]
    throttled = guesser.get(ACTIONS)
    assert "Request was throttled" in throttled.json()["detail"] and int(throttled["Retry-After"]) > 0
    # Another address, and a good token from this one, are not held up.
    assert APIClient(**credentials, REMOTE_ADDR="192.0.2.8").get(ACTIONS).status_code == 401
    user = factories.api_client_user()
    good = token_client(user)
    assert good.get(ACTIONS, REMOTE_ADDR="192.0.2.7").status_code == 200
    cache.clear()


def test_the_default_rates_are_documented_in_settings():
    from strategy.settings import base

    assert base.API_THROTTLE_RATES == {"user": "1000/hour", "anon": "60/minute"}


def test_methods_the_api_does_not_offer_are_405(db):
    client = token_client(factories.lead())
    factories.ActionFactory(reference="P1-01")
    assert client.put(f"{ACTIONS}P1-01/", {}, format="json").status_code == 405
    assert client.delete(f"{ACTIONS}P1-01/").status_code == 405
    assert client.post(ACTIONS, {}, format="json").status_code == 405


def test_a_json_list_body_is_400_not_500(db):
    factories.ActionFactory(reference="P1-01")
    response = token_client(factories.lead()).patch(f"{ACTIONS}P1-01/", [1, 2], format="json", HTTP_IF_MATCH='"1"')
    assert response.status_code == 400
    assert "non_field_errors" in response.json()["errors"]


def test_schema_is_served_and_validates(db, tmp_path):
    response = APIClient().get("/api/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json")
    assert response.status_code == 200
    paths = response.json()["paths"]
    assert {
        "/api/v1/principles/", "/api/v1/actions/", "/api/v1/actions/{reference}/", "/api/v1/actions/{reference}/updates/",
        "/api/v1/progress-updates/", "/api/v1/periods/", "/api/v1/summary/",
    } <= set(paths)
    patch = paths["/api/v1/actions/{reference}/"]["patch"]
    assert {"400", "401", "403", "404", "412", "429"} <= set(patch["responses"])
    assert any(parameter["name"] == "If-Match" for parameter in patch["parameters"])
    assert "ETag" in patch["responses"]["200"]["headers"]
    call_command("spectacular", "--validate", "--fail-on-warn", "--file", str(tmp_path / "schema.yaml"))


def test_swagger_ui_is_served_from_local_files(db):
    response = APIClient().get("/api/docs/swagger/")
    assert response.status_code == 200
    page = response.content.decode()
    assert "/static/drf_spectacular_sidecar/swagger-ui-dist/" in page
    assert "<script>" not in page.replace(" ", "")
