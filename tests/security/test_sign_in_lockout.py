"""django-axes: five wrong passwords for one username from one address lock that pair out, on
the site's sign-in page and the admin's alike, with the wait shown on the GOV.UK sign-in page."""

import pytest
from axes.models import AccessAttempt
from django.core.cache import cache
from django.urls import reverse

from tests import factories

PASSWORD = "ict-strategy-demo"


@pytest.fixture(autouse=True)
def clear_cache():
    cache.clear()
    yield
    cache.clear()


def fail(client, url: str, username: str, *, address: str = "192.0.2.10", times: int = 1):
    return [client.post(url, {"username": username, "password": "wrong"}, REMOTE_ADDR=address) for _ in range(times)]


@pytest.mark.parametrize("url", [reverse("login"), "/admin/login/"])
def test_the_fifth_failure_locks_the_username_out_at_that_address(client, db, url):
    factories.UserFactory(username="helen", is_staff=True, is_superuser=True)
    responses = fail(client, url, "helen", times=4)
    assert [r.status_code for r in responses] == [200] * 4

    locked = fail(client, url, "helen")[0]
    assert locked.status_code == 429
    page = locked.content.decode()
    assert "You have entered a wrong password too many times. Try again in 15 minutes." in page
    assert 'class="govuk-error-summary"' in page and "<h1 class=\"govuk-heading-l\">Sign in</h1>" in page

    # Even the right password is refused until the wait is over.
    right = client.post(url, {"username": "helen", "password": PASSWORD}, REMOTE_ADDR="192.0.2.10")
    assert right.status_code == 429
    assert "_auth_user_id" not in client.session
    assert AccessAttempt.objects.get(username="helen").failures_since_start >= 5


def test_the_lockout_is_per_username_and_address(client, db):
    factories.UserFactory(username="helen")
    factories.UserFactory(username="daniel")
    fail(client, reverse("login"), "helen", times=5)
    # The same person elsewhere, and someone else at the same address, still sign in.
    elsewhere = client.post(reverse("login"), {"username": "helen", "password": PASSWORD}, REMOTE_ADDR="192.0.2.99")
    assert elsewhere.status_code == 302
    client.logout()
    colleague = client.post(reverse("login"), {"username": "daniel", "password": PASSWORD}, REMOTE_ADDR="192.0.2.10")
    assert colleague.status_code == 302


def test_signing_in_resets_the_count(client, db):
    factories.UserFactory(username="helen")
    fail(client, reverse("login"), "helen", times=4)
    assert client.post(reverse("login"), {"username": "helen", "password": PASSWORD}, REMOTE_ADDR="192.0.2.10").status_code == 302
    client.logout()
    assert [r.status_code for r in fail(client, reverse("login"), "helen", times=4)] == [200] * 4
