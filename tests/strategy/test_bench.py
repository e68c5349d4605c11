"""The benchmarks' own code (bench/) keeps working: the plan generator and the settings the API
benchmark serves with. No timing is asserted here; the targets live in bench/api.py."""

import os
import subprocess
import sys
from collections import Counter

import pytest
from django.conf import settings
from django.test import override_settings
from django.urls import reverse

from actions.models import ActionItem, ProgressUpdate
from actions.selectors import action_states_as_at
from bench.api import _environment
from bench.data import PRINCIPLES, generate_plan
from core import roles


@pytest.mark.django_db
def test_generates_a_small_plan_spread_over_the_principles_and_quarters():
    plan = generate_plan(actions=30, updates=200)

    assert ActionItem.objects.count() == 30
    assert ProgressUpdate.objects.count() == 200
    per_principle = Counter(ActionItem.objects.values_list("principle__number", flat=True))
    assert sorted(per_principle) == list(range(1, PRINCIPLES + 1))
    assert max(per_principle.values()) - min(per_principle.values()) <= 1
    # 200 over 30 actions: 20 actions have 7 updates, the rest 6; one quarter each, the latest included.
    assert len(plan.periods) == 7
    assert Counter(Counter(ProgressUpdate.objects.values_list("action_id", flat=True)).values()) == {7: 20, 6: 10}
    assert not ProgressUpdate.objects.exclude(period__in=plan.periods).exists()
    assert ActionItem.objects.filter(updates__period=plan.periods[-1]).count() == 30
    assert not ActionItem.objects.exclude(owner__groups__name=roles.ICT_MANAGER).exists()
    assert ActionItem.objects.filter(business_case__isnull=False).exists()
    assert ActionItem.objects.filter(risks__isnull=False).exists()
    assert plan.api_client.groups.filter(name=roles.API_CLIENT).exists()


@pytest.mark.django_db
def test_each_generated_action_mirrors_its_latest_update():
    plan = generate_plan(actions=30, updates=200)

    for state in action_states_as_at(period=plan.periods[-1]):
        assert (state.action.status, state.action.rag, state.action.percent_complete) == (
            state.status, state.rag, state.percent_complete,
        )


@pytest.mark.django_db
def test_generating_again_replaces_the_plan():
    generate_plan(actions=30, updates=60)
    generate_plan(actions=14, updates=14)

    assert ActionItem.objects.count() == 14
    assert ProgressUpdate.objects.count() == 14


@pytest.mark.django_db
@override_settings(ROOT_URLCONF="bench.urls")
def test_the_bench_urls_add_the_floor_to_every_project_url(client):
    response = client.get(reverse("bench-floor"))

    assert response.status_code == 200
    assert response.json() == {"floor": True}
    assert reverse("dashboard") == "/"


def test_the_bench_settings_pass_django_checks_with_the_environment_the_benchmark_gives():
    """Production's settings, which refuse to start without what bench/api.py provides."""
    check = (
        "import django; django.setup(); from django.core.management import call_command; call_command('check'); "
        "from django.conf import settings; print(settings.ROOT_URLCONF, settings.DEBUG)"
    )
    result = subprocess.run(
        [sys.executable, "-c", check], cwd=settings.BASE_DIR, env={**os.environ, **_environment("sqlite:///:memory:")},
        capture_output=True, text=True, timeout=120,
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.split()[-2:] == ["bench.urls", "False"]
