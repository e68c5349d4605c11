"""/healthz: the process answers. /readyz: database, migrations, broker and cache, naming what failed."""

from unittest import mock

import pytest
from django.core.cache import cache
from django.test import override_settings

# Nothing listens on the discard port: the connection is refused at once.
CLOSED_PORT_BROKER = "redis://127.0.0.1:9/0"


def test_healthz_says_ok_without_a_sign_in_or_the_database(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.content == b"ok"
    assert "no-cache" in response["Cache-Control"]


def test_readyz_is_ok_when_everything_answers(client, db):
    response = client.get("/readyz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


@override_settings(CELERY_BROKER_URL=CLOSED_PORT_BROKER)
def test_readyz_names_a_broker_that_is_down_and_nothing_more(client, db, caplog):
    response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json() == {"status": "unavailable", "failed": ["broker"]}
    assert "127.0.0.1" not in response.content.decode()
    assert "Readiness check broker failed" in caplog.text


def test_readyz_names_unapplied_migrations(client, db):
    with mock.patch("core.views.MigrationExecutor") as executor:
        executor.return_value.migration_plan.return_value = [("actions", "0099_pending")]
        response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json() == {"status": "unavailable", "failed": ["migrations"]}


def test_readyz_names_a_cache_that_does_not_answer(client, db):
    with mock.patch.object(cache, "get", side_effect=ConnectionError("refused")):
        response = client.get("/readyz")
    assert response.json()["failed"] == ["cache"]


def test_health_checks_skip_the_ssl_redirect_that_every_page_gets(client, db):
    with override_settings(SECURE_SSL_REDIRECT=True, SECURE_REDIRECT_EXEMPT=[r"^healthz$", r"^readyz$"]):
        assert client.get("/healthz").status_code == 200
        assert client.get("/readyz").status_code == 200
        assert client.get("/accounts/login/").status_code == 301


@pytest.mark.parametrize("url", ["/healthz", "/readyz"])
def test_health_checks_only_answer_reads(client, db, url):
    assert client.head(url).status_code == 200
    assert client.post(url).status_code == 405
