"""Settings come from the environment; checked in fresh interpreters so nothing leaks between cases."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parents[2]
PRINT_SETTINGS = (
    "import django; django.setup(); from django.conf import settings as s; "
    "print(s.DATABASES['default']['ENGINE'], s.CELERY_TASK_ALWAYS_EAGER, s.DEBUG, s.TIME_ZONE, s.LANGUAGE_CODE)"
)


PRINT_EMAIL_SETTINGS = (
    "import django; django.setup(); from django.conf import settings as s; "
    "print(s.EMAIL_BACKEND.rsplit('.', 2)[1], s.EMAIL_HOST, s.EMAIL_PORT, s.EMAIL_USE_TLS, s.DEFAULT_FROM_EMAIL, s.SITE_URL, sep='|')"
)


def run_with(settings_module: str, code: str = PRINT_SETTINGS, **env: str) -> subprocess.CompletedProcess:
    unset = {"DATABASE_URL", "CELERY_BROKER_URL", "SECRET_KEY", "DEBUG", "DEFAULT_FROM_EMAIL", "SITE_URL"}
    clean = {k: v for k, v in os.environ.items() if k not in unset and not k.startswith("EMAIL_")}
    clean.update(DJANGO_SETTINGS_MODULE=settings_module, **env)
    return subprocess.run(
        [sys.executable, "-c", code], cwd=PROJECT, env=clean, capture_output=True, text=True, timeout=60
    )


def test_local_defaults_to_sqlite_and_eager_celery():
    result = run_with("strategy.settings.local")
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["django.db.backends.sqlite3", "True", "True", "Europe/London", "en-gb"]


def test_database_and_broker_come_from_the_environment():
    result = run_with(
        "strategy.settings.local",
        DATABASE_URL="postgres://postgres@127.0.0.1:5432/anything",
        CELERY_BROKER_URL="redis://127.0.0.1:6379/0",
        DEBUG="false",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split()[:3] == ["django.db.backends.postgresql", "False", "False"]


@pytest.mark.parametrize("secret", [None, "", "django-insecure-copied-from-local"])
def test_production_refuses_to_start_without_a_secret_key(secret):
    env = {} if secret is None else {"SECRET_KEY": secret}
    result = run_with("strategy.settings.production", **env)
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_production_starts_with_a_secret_key():
    result = run_with("strategy.settings.production", SECRET_KEY="x" * 50)
    assert result.returncode == 0, result.stderr


def test_cache_is_redis_when_configured():
    clean = {k: v for k, v in os.environ.items() if k != "CACHE_URL"}
    code = "import django; django.setup(); from django.conf import settings; print(settings.CACHES['default']['BACKEND'])"
    for env, expected in (({}, "LocMemCache"), ({"CACHE_URL": "redis://127.0.0.1:6379/1"}, "RedisCache")):
        result = subprocess.run(
            [sys.executable, "-c", code], cwd=PROJECT, capture_output=True, text=True, timeout=60,
            env={**clean, "DJANGO_SETTINGS_MODULE": "strategy.settings.local", **env},
        )
        assert result.stdout.strip().endswith(expected), result.stderr


def test_email_prints_locally_and_goes_by_smtp_in_production():
    local = run_with("strategy.settings.local", code=PRINT_EMAIL_SETTINGS)
    assert local.stdout.strip() == "console|localhost|25|False|ICT Strategy <ict-strategy@example.gov.uk>|http://127.0.0.1:8000"
    production = run_with("strategy.settings.production", code=PRINT_EMAIL_SETTINGS, SECRET_KEY="x" * 50)
    assert production.stdout.split("|")[0] == "smtp", production.stderr


def test_email_and_the_site_address_come_from_the_environment():
    result = run_with(
        "strategy.settings.production", code=PRINT_EMAIL_SETTINGS, SECRET_KEY="x" * 50,
        EMAIL_HOST="smtp.example.gov.uk", EMAIL_PORT="587", EMAIL_USE_TLS="true",
        DEFAULT_FROM_EMAIL="ICT <ict@example.gov.uk>", SITE_URL="https://ict.example.gov.uk/",
    )
    assert result.stdout.strip() == "smtp|smtp.example.gov.uk|587|True|ICT <ict@example.gov.uk>|https://ict.example.gov.uk", result.stderr
    # docker-compose.yml passes every variable through, empty when .env leaves it out.
    empty = run_with("strategy.settings.production", code=PRINT_EMAIL_SETTINGS, SECRET_KEY="x" * 50, EMAIL_HOST="", EMAIL_PORT="", EMAIL_BACKEND="")
    assert empty.stdout.split("|")[:3] == ["smtp", "localhost", "25"], empty.stderr


def test_a_bad_boolean_is_a_clear_error():
    result = run_with("strategy.settings.local", DEBUG="maybe")
    assert "DEBUG='maybe' is not a boolean" in result.stderr


def test_production_collectstatic_resolves_every_css_reference(tmp_path):
    """The manifest storage fails on a url() in CSS whose file is missing, so a deployment would."""
    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "CELERY_BROKER_URL"}}
    env.update(DJANGO_SETTINGS_MODULE="strategy.settings.production", SECRET_KEY="x" * 50)
    result = subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "--verbosity", "0"],
        cwd=PROJECT, env={**env, "STATIC_ROOT": str(tmp_path)}, capture_output=True, text=True, timeout=300,
    )
    assert result.returncode == 0, result.stderr[-2000:]


REAL_KEY = "k3Vq9-zXw2_Lp8RtYb6NcH4mJf7GdS1aE5uQoTiWyUvBnMxCzKlP0rs"


def test_production_passes_the_deploy_check_with_a_real_key():
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=PROJECT, capture_output=True, text=True, timeout=120,
        # The browser tests' DJANGO_ALLOW_ASYNC_UNSAFE is for them only (the check refuses it).
        env={**{k: v for k, v in os.environ.items() if k not in {"DEBUG", "DATABASE_URL", "CELERY_BROKER_URL", "DJANGO_ALLOW_ASYNC_UNSAFE"}},
             "DJANGO_SETTINGS_MODULE": "strategy.settings.production", "SECRET_KEY": REAL_KEY,
             "ALLOWED_HOSTS": "ict.example.gov.uk"},
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout + result.stderr


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({"SECRET_KEY": REAL_KEY, "DEBUG": "true"}, "DEBUG must be false in production"),
        ({"SECRET_KEY": "short-but-not-insecure-0123456789"}, "at least 50 characters"),
        ({"SECRET_KEY": REAL_KEY, "SECURE_PROXY_SSL_HEADER": "https"}, "write it as 'X-Forwarded-Proto: https'"),
    ],
)
def test_production_refuses_to_start_when_unsafe(env, message):
    result = run_with("strategy.settings.production", **env)
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr and message in result.stderr


PRINT_SECURITY_SETTINGS = (
    "import django; django.setup(); from django.conf import settings as s; "
    "print(s.SECURE_SSL_REDIRECT, s.SECURE_HSTS_SECONDS, s.SECURE_PROXY_SSL_HEADER, s.SECURE_REDIRECT_EXEMPT, sep='|')"
)


def test_production_is_https_only_and_trusts_the_proxy_header_it_is_given():
    default = run_with("strategy.settings.production", code=PRINT_SECURITY_SETTINGS, SECRET_KEY=REAL_KEY)
    assert default.stdout.strip() == "True|31536000|None|['^healthz$', '^readyz$']", default.stderr
    proxied = run_with(
        "strategy.settings.production", code=PRINT_SECURITY_SETTINGS, SECRET_KEY=REAL_KEY,
        SECURE_PROXY_SSL_HEADER="X-Forwarded-Proto: https", SECURE_SSL_REDIRECT="false",
    )
    assert proxied.stdout.strip().split("|")[:3] == ["False", "31536000", "('HTTP_X_FORWARDED_PROTO', 'https')"], proxied.stderr


OIDC_ENVIRONMENT = {
    "OIDC_RP_CLIENT_ID": "client", "OIDC_RP_CLIENT_SECRET": "secret",
    "OIDC_OP_ISSUER": "https://login.microsoftonline.com/tenant/v2.0",
    "OIDC_OP_AUTHORIZATION_ENDPOINT": "https://login.microsoftonline.com/tenant/oauth2/v2.0/authorize",
    "OIDC_OP_TOKEN_ENDPOINT": "https://login.microsoftonline.com/tenant/oauth2/v2.0/token",
    "OIDC_OP_USER_ENDPOINT": "https://graph.microsoft.com/oidc/userinfo",
    "OIDC_OP_JWKS_ENDPOINT": "https://login.microsoftonline.com/tenant/discovery/v2.0/keys",
}
PRINT_OIDC_SETTINGS = (
    "import django; django.setup(); from django.conf import settings as s; "
    "print(s.OIDC_ENABLED, s.AUTHENTICATION_BACKENDS[-1], s.OIDC_ROLE_GROUPS, sep='|')"
)


def test_council_sign_in_is_on_only_with_every_oidc_setting():
    on = run_with("strategy.settings.local", code=PRINT_OIDC_SETTINGS, OIDC_ROLE_GROUPS='{"g1": "Strategy lead"}', **OIDC_ENVIRONMENT)
    assert on.stdout.strip().split("|") == ["True", "accounts.backends.CouncilSignInBackend", "{'g1': 'Strategy lead'}"], on.stderr
    off = run_with("strategy.settings.local", code=PRINT_OIDC_SETTINGS, **{**OIDC_ENVIRONMENT, "OIDC_OP_JWKS_ENDPOINT": ""})
    assert off.stdout.strip().split("|")[:2] == ["False", "django.contrib.auth.backends.ModelBackend"], off.stderr


@pytest.mark.parametrize(
    ("groups", "message"),
    [
        ("{not json", "OIDC_ROLE_GROUPS is not JSON"),
        ('["Strategy lead"]', "OIDC_ROLE_GROUPS must be a JSON object"),
        ('{"g1": "Chief executive"}', "OIDC_ROLE_GROUPS names no such role: Chief executive"),
    ],
)
def test_a_bad_role_mapping_is_a_clear_error(groups, message):
    assert message in run_with("strategy.settings.local", OIDC_ROLE_GROUPS=groups).stderr
