"""docker-compose.yml and .env.example, checked without a Docker engine.

The file must be valid Compose (the specification's JSON schema, vendored in compose_spec/),
start every app container after a one-shot migration, check the health of every long-running
service, scale web and worker without edits, and pass every setting the app reads through .env.
"""

import json
import re
from pathlib import Path

import pytest
import yaml
from jsonschema import Draft202012Validator

PROJECT = Path(__file__).resolve().parents[2]
SCHEMA = Path(__file__).parent / "compose_spec" / "compose-spec.json"
APP_SERVICES = ("web", "worker", "beat")
# What the settings read: os.environ.get("X"), os.environ["X"], os.getenv("X"), env_bool("X"), env_list("X").
ENV_READ = re.compile(r"""(?:environ\.get|environ\[|getenv|env_\w+)\(?\s*["']([A-Z][A-Z0-9_]*)["']""")
# The test and local settings read knobs of their own (CELERY_EAGER, TEST_MEDIA_ROOT) no deployment sets.
DEPLOYED_SETTINGS = sorted(
    path for path in (PROJECT / "strategy" / "settings").glob("*.py") if path.stem not in {"test", "local", "__init__"}
)


@pytest.fixture(scope="module")
def compose():
    return yaml.safe_load((PROJECT / "docker-compose.yml").read_text())


@pytest.fixture(scope="module")
def env_example() -> dict[str, str]:
    lines = (PROJECT / ".env.example").read_text().splitlines()
    pairs = (line.split("=", 1) for line in lines if line.strip() and not line.lstrip().startswith("#"))
    return {name.strip(): value for name, value in pairs}


def test_the_compose_file_follows_the_compose_specification(compose):
    validator = Draft202012Validator(json.loads(SCHEMA.read_text()))
    errors = [f"{'/'.join(map(str, error.absolute_path))}: {error.message}" for error in validator.iter_errors(compose)]
    assert errors == []


def test_the_schema_catches_a_broken_file(compose):
    broken = {**compose, "services": {**compose["services"], "web": {**compose["services"]["web"], "depends_on": {"migrate": {"condition": "finished"}}}}}
    assert not Draft202012Validator(json.loads(SCHEMA.read_text())).is_valid(broken)


def test_migrations_run_once_before_any_app_container(compose):
    services = compose["services"]
    migrate = services["migrate"]
    for step in ("manage.py migrate --noinput", "manage.py collectstatic --noinput", "manage.py seed_strategy"):
        assert step in migrate["command"]
    assert migrate["restart"] == "no"
    assert set(migrate["depends_on"]) == {"db", "redis"}
    for name in APP_SERVICES:
        assert services[name]["depends_on"]["migrate"] == {"condition": "service_completed_successfully"}
        assert services[name]["depends_on"]["db"] == {"condition": "service_healthy"}
        assert services[name]["depends_on"]["redis"] == {"condition": "service_healthy"}
        assert "migrate" not in services[name]["command"]
    assert services["web"]["command"].startswith("gunicorn strategy.wsgi:application")
    assert services["worker"]["command"].startswith("celery -A strategy worker")
    assert services["beat"]["command"].startswith("celery -A strategy beat")


def test_every_long_running_service_checks_its_health(compose):
    services = compose["services"]
    for name, service in services.items():
        if name != "migrate":
            assert service["healthcheck"]["test"], name
    assert "http://127.0.0.1:8000/healthz" in " ".join(services["web"]["healthcheck"]["test"])
    # $$ is Compose's escape: the container's shell expands $HOSTNAME, so each replica pings itself.
    assert "celery -A strategy inspect ping" in services["worker"]["healthcheck"]["test"][1]
    assert "-d celery@$$HOSTNAME" in services["worker"]["healthcheck"]["test"][1]


def test_web_and_worker_scale_without_edits(compose):
    services = compose["services"]
    assert not any("container_name" in service for service in services.values())
    assert [name for name, service in services.items() if "ports" in service] == ["web"]
    for name in APP_SERVICES:
        # Every replica sees the same packs: the shared volume (or the bucket, from the environment).
        assert "media:/data/media" in services[name]["volumes"]
        assert services[name]["environment"]["MEDIA_ROOT"] == "${MEDIA_ROOT:-/data/media}"


def test_env_example_lists_every_setting_read_from_the_environment(env_example):
    read = {name for path in DEPLOYED_SETTINGS for name in ENV_READ.findall(path.read_text())}
    assert {"SECRET_KEY", "DATABASE_URL", "AWS_S3_ENDPOINT_URL", "EMAIL_USE_TLS"} <= read  # the pattern finds them
    assert sorted(read - set(env_example)) == []


def test_every_setting_in_env_example_reaches_the_app_containers(compose, env_example):
    for name in APP_SERVICES + ("migrate",):
        environment = compose["services"][name]["environment"]
        assert environment["DJANGO_SETTINGS_MODULE"] == "strategy.settings.production"
        for variable in env_example:
            assert environment[variable].startswith("${" + variable), (name, variable)
