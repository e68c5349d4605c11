"""Settings come from the environment; checked in fresh interpreters so nothing leaks between cases."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

PROJECT = Path(__file__).resolve().parents[2]
PRINT_SETTINGS = (
    "import django; django.setup(); from django.conf import settings as s; "
    "print(s.DATABASES['default']['ENGINE'], s.CELERY_TASK_ALWAYS_EAGER, s.DEBUG, s.TIME_ZONE, s.LANGUAGE_CODE)"
)


def run_with(settings_module: str, **env: str) -> subprocess.CompletedProcess:
    clean = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "CELERY_BROKER_URL", "SECRET_KEY", "DEBUG"}}
    clean.update(DJANGO_SETTINGS_MODULE=settings_module, **env)
    return subprocess.run(
        [sys.executable, "-c", PRINT_SETTINGS], cwd=PROJECT, env=clean, capture_output=True, text=True, timeout=60
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


def test_a_bad_boolean_is_a_clear_error():
    result = run_with("strategy.settings.local", DEBUG="maybe")
    assert "DEBUG='maybe' is not a boolean" in result.stderr


def test_docker_compose_runs_the_whole_stack():
    compose = yaml.safe_load((PROJECT / "docker-compose.yml").read_text())
    services = compose["services"]
    assert set(services) == {"db", "redis", "web", "worker", "beat"}
    assert "gunicorn strategy.wsgi:application" in services["web"]["command"]
    assert services["worker"]["command"].startswith("celery -A strategy worker")
    assert services["beat"]["command"].startswith("celery -A strategy beat")
    for name in ("web", "worker", "beat"):
        environment = services[name]["environment"]
        assert environment["DATABASE_URL"].startswith("postgres://")
        assert environment["CELERY_BROKER_URL"].startswith("redis://redis:6379")
        assert environment["CACHE_URL"].startswith("redis://redis:6379")
        assert environment["DJANGO_SETTINGS_MODULE"] == "strategy.settings.production"
        assert set(services[name]["depends_on"]) == {"db", "redis"}
    assert (PROJECT / "Dockerfile").is_file()


def test_production_collectstatic_resolves_every_css_reference(tmp_path):
    """The manifest storage fails on a url() in CSS whose file is missing, so a deployment would."""
    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "CELERY_BROKER_URL"}}
    env.update(DJANGO_SETTINGS_MODULE="strategy.settings.production", SECRET_KEY="x" * 50)
    result = subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "--verbosity", "0"],
        cwd=PROJECT, env={**env, "STATIC_ROOT": str(tmp_path)}, capture_output=True, text=True, timeout=300,
    )
    assert result.returncode == 0, result.stderr[-2000:]
