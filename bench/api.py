"""Benchmark the pages and API endpoints under load, against a bare Django view in the same run.

    .venv/bin/python bench/api.py                      # 10,000 actions, 80,000 updates, 8 s a request
    .venv/bin/python bench/api.py --duration 12 --reuse

Creates its own PostgreSQL database (--database-url, default $BENCH_DATABASE_URL; dropped and
made again unless --reuse finds one with the plan in it), fills it with bench/data.py, serves
the project with gunicorn (2 sync workers, bench/settings.py: production's settings plus a floor
view, a bare JsonResponse; their shared cache is Redis, --cache-url or $BENCH_CACHE_URL) and
loads each request below with wrk (32 connections, from Debian: apt-get install wrk), one after
another. The API is read with a token, the pages as a signed-in
manager. Prints, per request, requests per second, latency p50/p95/p99, errors (timeouts and
answers other than 2xx/3xx), the ratio to the floor's requests per second, the target and
whether it was met. Targets live here, never in the tests.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

# Run as a script, the project (and this folder as `bench`) must be importable.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.data import ROOT, generate_plan, setup_django  # noqa: E402

WRK_SCRIPT = Path(__file__).with_name("wrk_report.lua")
# Every request, at 32 connections.
P99_TARGET_MS = 250


@dataclass(frozen=True)
class Target:
    """The least ratio to the floor's requests per second, and the most p50, a request must reach."""

    ratio: float | None = None
    p50_ms: float | None = None

    def describe(self) -> str:
        parts = [f"ratio >= {self.ratio}"] if self.ratio else []
        parts += [f"p50 <= {self.p50_ms:.0f} ms"] if self.p50_ms else []
        return ", ".join(parts + [f"p99 <= {P99_TARGET_MS} ms", "0 errors"])

    def met(self, result: dict, ratio: float) -> bool:
        return (
            (self.ratio is None or ratio >= self.ratio)
            and (self.p50_ms is None or result["p50"] <= self.p50_ms)
            and result["p99"] <= P99_TARGET_MS
            and result["errors"] == 0
        )


@dataclass(frozen=True)
class Request:
    name: str
    path: str
    who: str  # "token" (the API client), "manager" (a session cookie) or "" (nobody)
    target: Target | None
    conditional: bool = False  # send the ETag of the path's first answer as If-None-Match


REQUESTS = [
    Request("floor (bare JsonResponse)", "/bench/floor/", "", None),
    Request("/api/v1/actions/?page_size=50", "/api/v1/actions/?page_size=50", "token", Target(ratio=0.15)),
    Request("/api/v1/actions/P1-001/", "/api/v1/actions/P1-001/", "token", Target(ratio=0.25)),
    Request("the same, If-None-Match its ETag", "/api/v1/actions/P1-001/", "token", Target(ratio=0.5), conditional=True),
    Request("/actions/ as a manager (HTML)", "/actions/", "manager", Target(ratio=0.08)),
    Request("/api/v1/summary/", "/api/v1/summary/", "token", Target(ratio=0.3)),
    Request("/ dashboard as a manager", "/", "manager", Target(p50_ms=100)),
]


def _database(url: str, *, reuse: bool) -> bool:
    """Make the benchmark's database (dropping an old one unless `reuse`); True if it was kept."""
    import psycopg2

    parts = urlsplit(url)
    name = parts.path.lstrip("/")
    server = psycopg2.connect(urlunsplit(parts._replace(path="/postgres")))
    server.autocommit = True
    with server.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
        exists = cursor.fetchone() is not None
        if exists and not reuse:
            cursor.execute(f'DROP DATABASE "{name}" WITH (FORCE)')
        if not exists or not reuse:
            cursor.execute(f'CREATE DATABASE "{name}"')
    server.close()
    return exists and reuse


def _environment(database_url: str, cache_url: str = "") -> dict[str, str]:
    return {
        "DATABASE_URL": database_url,
        # Shared by both workers, as production's: roll-ups are cached only in a shared cache.
        "CACHE_URL": cache_url,
        "DJANGO_SETTINGS_MODULE": "bench.settings",
        "SECRET_KEY": secrets.token_urlsafe(50),
        # Served on 127.0.0.1 over plain HTTP.
        "SECURE_SSL_REDIRECT": "false",
        "SECURE_COOKIES": "false",
        # One API client sends every request: its hourly allowance would run out in seconds.
        "API_THROTTLE_USER_RATE": "100000000/hour",
        # A log line a request would measure the terminal, not the application.
        "LOG_LEVEL": "WARNING",
    }


def _credentials(*, actions: int, updates: int, kept: bool) -> dict[str, dict[str, str]]:
    """The plan (unless kept), and the headers of each kind of reader."""
    from django.contrib.auth.models import User
    from django.db import connection
    from django.test import Client
    from rest_framework.authtoken.models import Token

    from actions.models import ActionItem

    if not kept or ActionItem.objects.count() != actions:
        started = time.perf_counter()
        generate_plan(actions=actions, updates=updates)
        print(f"generated {actions:,} actions and {updates:,} updates in {time.perf_counter() - started:.0f} s", flush=True)
    # As autovacuum would soon: without statistics PostgreSQL plans the fresh tables blind.
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    token, _ = Token.objects.get_or_create(user=User.objects.get(username="bench-api"))
    client = Client()
    client.force_login(User.objects.get(username="owner0"))
    return {
        "": {},
        "token": {"Authorization": f"Token {token.key}"},
        "manager": {"Cookie": f"sessionid={client.cookies['sessionid'].value}"},
    }


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _get(url: str, headers: dict[str, str], timeout: float = 300) -> tuple[int, dict[str, str]]:
    """The status and headers of one GET; 0 if no answer came within `timeout` seconds."""
    request = urllib.request.Request(url, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            response.read()
            return response.status, dict(response.headers)
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers)
    except TimeoutError:
        return 0, {}


def _wait_for(url: str, server: subprocess.Popen, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.poll() is not None:
            sys.exit(f"gunicorn stopped (exit {server.returncode}): see its log above")
        try:
            if _get(url, {})[0] == 200:
                return
        except OSError:
            pass
        time.sleep(0.3)
    sys.exit(f"gunicorn did not answer {url} within {seconds:.0f} s")


def _wrk(url: str, headers: dict[str, str], args) -> dict:
    command = [
        args.wrk, f"-t{args.threads}", f"-c{args.connections}", f"-d{args.duration}s", f"--timeout={args.timeout}s",
        "--latency", "-s", str(WRK_SCRIPT), *(item for name, value in headers.items() for item in ("-H", f"{name}: {value}")), url,
    ]
    output = subprocess.run(command, check=True, capture_output=True, text=True).stdout
    result = json.loads(output.strip().splitlines()[-1])
    if not result["requests"]:
        # Nothing answered in time: wrk has no latencies, and every connection's request failed.
        result.update(p50=math.inf, p95=math.inf, p99=math.inf, errors=max(result["errors"], args.connections))
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database-url", default=os.environ.get("BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/bench_api"))
    parser.add_argument("--cache-url", default=os.environ.get("BENCH_CACHE_URL", "redis://127.0.0.1:6379/0"), help="the Redis the workers share as their cache")
    parser.add_argument("--reuse", action="store_true", help="keep the database if it already holds the plan")
    parser.add_argument("--actions", type=int, default=10_000)
    parser.add_argument("--updates", type=int, default=80_000)
    parser.add_argument("--duration", type=int, default=8, help="seconds of load per request (default 8)")
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--threads", type=int, default=2, help="wrk's threads")
    parser.add_argument("--timeout", type=int, default=5, help="seconds before wrk counts a request as timed out")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn's sync workers")
    parser.add_argument("--wrk", default=shutil.which("wrk") or "/usr/bin/wrk")
    args = parser.parse_args()

    kept = _database(args.database_url, reuse=args.reuse)
    environment = _environment(args.database_url, args.cache_url)
    os.environ.update(environment)
    setup_django()
    headers = _credentials(actions=args.actions, updates=args.updates, kept=kept)
    from core.aggregates import aggregates_changed

    aggregates_changed()  # no roll-up cached by an earlier run is read: the first request computes it
    from django.db import connections

    connections.close_all()

    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    log = tempfile.NamedTemporaryFile(prefix="bench-gunicorn-", suffix=".log", delete=False)
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "strategy.wsgi:application", "--workers", str(args.workers), "--worker-class", "sync",
         "--bind", f"127.0.0.1:{port}", "--timeout", "120"],
        cwd=ROOT, env={**os.environ, **environment, "PYTHONPATH": str(ROOT)}, stdout=log, stderr=subprocess.STDOUT,
    )
    try:
        _wait_for(f"{base}/bench/floor/", server)
        print(
            f"API benchmark: {args.actions:,} actions, {args.updates:,} updates, PostgreSQL; gunicorn {args.workers} sync workers; "
            f"wrk {args.connections} connections, {args.duration} s each\n"
        )
        print(
            f"{'request':<36} {'one ms':>8} {'req/s':>8} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} {'errors':>7} {'ratio':>7}  "
            f"{'target':<40} met"
        )
        floor_rps = None
        for request in REQUESTS:
            request_headers = dict(headers[request.who])
            # One request alone first (it also fills whatever the workers cache): its time is "one ms".
            started = time.perf_counter()
            status, answer_headers = _get(base + request.path, request_headers)
            alone_ms = (time.perf_counter() - started) * 1000
            if status != 200:
                print(f"{request.name:<36} answered {status or 'nothing'}, not 200: skipped", flush=True)
                continue
            if request.conditional:
                request_headers["If-None-Match"] = answer_headers.get("ETag", "")
            result = _wrk(base + request.path, request_headers, args)
            # Requests wrk gave up on are still queued in gunicorn: let them drain before the next.
            _get(f"{base}/bench/floor/", {})
            floor_rps = floor_rps or result["rps"]
            ratio = result["rps"] / floor_rps
            target = request.target.describe() if request.target else "-"
            met = ("met" if request.target.met(result, ratio) else "MISSED") if request.target else ""
            print(
                f"{request.name:<36} {alone_ms:>8.0f} {result['rps']:>8.1f} {result['p50']:>8.1f} {result['p95']:>8.1f} {result['p99']:>8.1f} "
                f"{result['errors']:>7} {ratio:>7.3f}  {target:<40} {met}",
                flush=True,
            )
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=30)
        log.close()
        print(f"\n(gunicorn's log: {log.name})")


if __name__ == "__main__":
    main()
