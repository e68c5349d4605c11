"""Pages every deployment has whatever its apps: health checks for the container and load
balancer, the sign-in page's lockout answer, the API reference and the accessibility statement."""

import logging
import math

from axes.helpers import get_cool_off
from celery import current_app
from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe
from kombu import Connection

from .api_reference import api_reference
from .forms import LockedOutSignInForm

logger = logging.getLogger(__name__)

# Each dependency gets this long to answer, so an orchestrator's probe never hangs.
READINESS_TIMEOUT_SECONDS = 2


@never_cache
@require_safe
def healthz(request: HttpRequest) -> HttpResponse:
    """The process is up and serving requests; nothing else is asked."""
    return HttpResponse("ok", content_type="text/plain")


def _database() -> None:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")


def _migrations() -> None:
    executor = MigrationExecutor(connection)
    if executor.migration_plan(executor.loader.graph.leaf_nodes()):
        raise RuntimeError("migrations not applied")


def _broker() -> None:
    # Without a broker, tasks run in the web process (settings.base): nothing to reach.
    if not settings.CELERY_BROKER_URL:
        return
    with Connection(settings.CELERY_BROKER_URL, connect_timeout=READINESS_TIMEOUT_SECONDS) as broker:
        broker.ensure_connection(max_retries=1, interval_start=0, interval_step=0, timeout=READINESS_TIMEOUT_SECONDS)


def _cache() -> None:
    cache.set("readyz", "ok", timeout=READINESS_TIMEOUT_SECONDS * 5)
    if cache.get("readyz") != "ok":
        raise RuntimeError("cache did not keep a value")


READINESS_CHECKS = {"database": _database, "migrations": _migrations, "broker": _broker, "cache": _cache}


@never_cache
@require_safe
def readyz(request: HttpRequest) -> JsonResponse:
    """Ready for traffic: database, migrations, Celery broker and cache. A failure names the
    dependency only; the reason goes to the log, not to whoever asked."""
    failed = []
    for name, check in READINESS_CHECKS.items():
        try:
            check()
        except Exception:
            logger.exception("Readiness check %s failed", name)
            failed.append(name)
    if failed:
        return JsonResponse({"status": "unavailable", "failed": failed}, status=503)
    return JsonResponse({"status": "ok"})


def sign_in_locked_out(request: HttpRequest, original_response: HttpResponse | None, credentials: dict | None) -> HttpResponse:
    """django-axes' answer once a username has failed too often from one address (site and admin
    sign-in alike): the sign-in page, saying how long to wait. Each try restarts the wait."""
    form = LockedOutSignInForm(request, data=request.POST, wait_minutes=math.ceil(get_cool_off(request).total_seconds() / 60))
    next_url = request.POST.get("next") or request.GET.get("next") or ""
    if not next_url and request.path.startswith("/admin/"):
        next_url = "/admin/"
    return render(request, "registration/login.html", {"form": form, "next": next_url, "council_sign_in": settings.OIDC_ENABLED}, status=429)


@require_safe
def api_docs(request: HttpRequest) -> HttpResponse:
    """The API reference as a plain GOV.UK page, from the schema Swagger UI (/api/docs/swagger/) draws."""
    return render(request, "core/api_docs.html", {"reference": api_reference()})


@require_safe
def accessibility_statement(request: HttpRequest) -> HttpResponse:
    """The statement the Public Sector Bodies Accessibility Regulations 2018 ask for; no sign-in needed."""
    return render(
        request,
        "core/accessibility.html",
        {"contact_email": settings.ACCESSIBILITY_CONTACT_EMAIL, "tested_on": settings.ACCESSIBILITY_TESTED_ON},
    )
