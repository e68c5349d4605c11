"""Benchmark the progress-pack build against WeasyPrint's own render of the same HTML.

    .venv/bin/python bench/pack.py                 # 7 principles x 300 actions x 8 quarters
    .venv/bin/python bench/pack.py --actions 30    # a smaller plan
    .venv/bin/python bench/pack.py --use-configured-db   # DATABASE_URL instead of a throwaway SQLite file

Prints the build time (`reporting.packs.pack_build`: data, HTML, PDF, atomic write, row
updates), the time WeasyPrint alone takes to lay out and write the same final HTML, their
ratio (target <= 1.2; WeasyPrint alone is timed before and after the build and averaged,
because a shared machine's load moves both), the time spent gathering data and rendering
HTML (the build's own overhead), the queries the build makes (target <= 25, the same at 30 and 300
actions per principle), the page count and the peak resident memory.
"""

from __future__ import annotations

import argparse
import datetime
import os
import random
import resource
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

QUARTERS = 8
STATUS_STORIES = [  # (status, rag, percent) per quarter index, cycled by action
    lambda q: ("on_track", "green", min(95, 12 * (q + 1))),
    lambda q: ("completed", "green", 100) if q >= 5 else ("on_track", "green", 15 * (q + 1)),
    lambda q: ("at_risk", "amber", 8 * (q + 1)) if q >= 3 else ("on_track", "green", 10 * (q + 1)),
    lambda q: ("off_track", "red", 5 * (q + 1)) if q >= 4 else ("at_risk", "amber", 5 * (q + 1)),
    lambda q: ("not_started", "green", 0),
]


def _setup_django(use_configured_db: bool) -> None:
    if not use_configured_db:
        os.environ["DATABASE_URL"] = f"sqlite:///{tempfile.mkdtemp(prefix='pack-bench-')}/bench.sqlite3"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "strategy.settings.local")
    os.environ["MEDIA_ROOT"] = tempfile.mkdtemp(prefix="pack-bench-media-")
    os.environ.setdefault("LOG_LEVEL", "WARNING")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def _generate(actions_per_principle: int) -> tuple:
    """A plan of 7 principles, their actions and 8 quarters of updates, written with bulk_create."""
    from django.contrib.auth.models import Group, User
    from django.utils import timezone

    from actions.models import ActionItem, ProgressUpdate
    from core import roles
    from core.financial_year import FinancialQuarter
    from periods.models import ReportingPeriod
    from principles.models import Principle
    from registers.models import BusinessCase, BusinessCaseLine, Risk
    from strategy.models import Strategy

    ProgressUpdate.objects.all().delete()
    ActionItem.objects.all().delete()
    rng = random.Random(2024)
    strategy, _ = Strategy.objects.get_or_create(
        title="ICT Strategy 2023–27",
        defaults={"council": "Cheshire East Council", "start_year": 2023, "end_year": 2027, "vision": "Exploit information and technology."},
    )
    lead, _ = User.objects.get_or_create(username="bench-lead", defaults={"first_name": "Bench", "last_name": "Lead"})
    lead.groups.add(Group.objects.get(name=roles.STRATEGY_LEAD))
    owners = [User.objects.get_or_create(username=f"owner{i}", defaults={"first_name": f"Owner{i}", "last_name": "Manager"})[0] for i in range(20)]
    principles = [
        Principle.objects.get_or_create(strategy=strategy, number=n, defaults={"title": f"Principle {n} of the strategy", "summary": "What the principle is for. " * 4})[0]
        for n in range(1, 8)
    ]
    quarters = [FinancialQuarter(2023, 1)]
    while len(quarters) < QUARTERS:
        quarters.append(quarters[-1].next())
    periods = [
        ReportingPeriod.objects.get_or_create(
            financial_year=q.start_year, quarter=q.quarter,
            defaults={"start_date": q.start_date, "end_date": q.end_date, "update_deadline": q.update_deadline()},
        )[0]
        for q in quarters
    ]
    actions = ActionItem.objects.bulk_create(
        ActionItem(
            reference=f"P{p.number}-{i:03d}", title=f"Deliver workstream {i} of principle {p.number}: " + rng.choice(["migration", "procurement", "training", "decommissioning"]),
            principle=p, owner=rng.choice(owners), start_date=datetime.date(2023, 4, 1),
            target_date=datetime.date(2024, 9, 30) + datetime.timedelta(days=rng.randint(-200, 500)),
        )
        for p in principles
        for i in range(1, actions_per_principle + 1)
    )
    now = timezone.now()
    updates = []
    for index, action in enumerate(actions):
        story = STATUS_STORIES[index % len(STATUS_STORIES)]
        for q, period in enumerate(periods):
            status, rag, percent = story(q)
            updates.append(
                ProgressUpdate(
                    action=action, period=period, status=status, rag=rag, percent_complete=percent,
                    commentary=f"Quarter {q + 1}: " + rng.choice(["work is progressing to plan.", "supplier delays have slipped the dates.", "testing found more defects than expected."]),
                    next_steps="Continue with the plan and report back next quarter.", author=action.owner, created_at=now, updated_at=now,
                )
            )
    ProgressUpdate.objects.bulk_create(updates, batch_size=2000)
    if not BusinessCase.objects.exists():
        for n in range(11):
            case = BusinessCase.objects.create(reference=f"HLBC-{n:02d}", strategy=strategy, title=f"Business case {n}", sponsor=lead, status="approved")
            BusinessCaseLine.objects.bulk_create(
                BusinessCaseLine(business_case=case, financial_year=y, capital_cost=Decimal(rng.randint(0, 400)) * 1000, revenue_cost=Decimal(rng.randint(0, 90)) * 1000, cashable_benefit=Decimal(rng.randint(0, 300)) * 1000)
                for y in range(2023, 2027)
            )
        Risk.objects.bulk_create(
            Risk(reference=f"R{n:02d}", strategy=strategy, title=f"Risk {n}", category="delivery", owner=lead,
                 inherent_likelihood=rng.randint(2, 5), inherent_impact=rng.randint(2, 5), residual_likelihood=rng.randint(1, 3), residual_impact=rng.randint(1, 4),
                 review_date=datetime.date(2025, 3, 31))
            for n in range(15)
        )
    return lead, periods[-3]  # report on 2024/25 Q2: six quarters before it, two after


def _measure(actions_per_principle: int, lead, period) -> dict:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from reporting.pack_data import pack_data
    from reporting.pack_pdf import html_to_pdf, pack_html
    from reporting.packs import pack_build, pack_request

    started = time.perf_counter()
    data = pack_data(period=period)
    data_seconds = time.perf_counter() - started
    started = time.perf_counter()
    html = pack_html(data=data)
    html_seconds = time.perf_counter() - started
    # WeasyPrint alone, on the same final HTML, before and after the build: on a shared machine
    # the two differ, and their mean is the floor the build is compared with.
    weasyprint_runs = []
    started = time.perf_counter()
    html_to_pdf(html=html)
    weasyprint_runs.append(time.perf_counter() - started)
    pack = pack_request(period=period, requested_by=lead)
    connection.queries_log.clear()  # generating the plan filled Django's capped query log
    with CaptureQueriesContext(connection) as queries:
        started = time.perf_counter()
        pack = pack_build(pack_id=pack.pk)
        build_seconds = time.perf_counter() - started
    assert pack.status == "ready", pack.error
    started = time.perf_counter()
    rendered = html_to_pdf(html=html)
    weasyprint_runs.append(time.perf_counter() - started)
    assert rendered.page_count == pack.page_count
    return {
        "actions": actions_per_principle * 7,
        "build": build_seconds,
        "weasyprint": sum(weasyprint_runs) / len(weasyprint_runs),
        "weasyprint_runs": weasyprint_runs,
        "data": data_seconds,
        "html": html_seconds,
        "queries": len(queries.captured_queries),
        "pages": pack.page_count,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--actions", type=int, nargs="*", default=[30, 300], help="actions per principle to measure (default 30 and 300)")
    parser.add_argument("--use-configured-db", action="store_true", help="use DATABASE_URL rather than a throwaway SQLite file")
    args = parser.parse_args()
    _setup_django(args.use_configured_db)
    from django.conf import settings

    settings.CELERY_TASK_ALWAYS_EAGER = True  # the build is timed here, in this process
    from strategy.celery import app

    app.conf.task_always_eager = True
    # The request enqueues the build on commit; building it here first leaves the task nothing to do.
    from unittest import mock

    print(f"Pack build benchmark: 7 principles, {QUARTERS} quarters of updates per action, database {settings.DATABASES['default']['ENGINE'].rsplit('.', 1)[-1]}")
    print(f"{'actions':>8} {'build s':>8} {'WeasyPrint s':>13} {'ratio':>6} {'queries':>8} {'pages':>6}   (data s, HTML s; WeasyPrint runs)")
    results = []
    with mock.patch("reporting.packs._enqueue_build"):
        for size in args.actions:
            lead, period = _generate(size)
            result = _measure(size, lead, period)
            results.append(result)
            ratio = result["build"] / result["weasyprint"]
            runs = ", ".join(f"{run:.2f}" for run in result["weasyprint_runs"])
            print(
                f"{result['actions']:>8} {result['build']:>8.2f} {result['weasyprint']:>13.2f} {ratio:>6.2f} {result['queries']:>8} "
                f"{result['pages']:>6}   ({result['data']:.2f}, {result['html']:.2f}; {runs})",
                flush=True,
            )
    peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak resident memory: {peak_mib:.0f} MiB")
    counts = {r["queries"] for r in results}
    print(f"query count {'is the same' if len(counts) == 1 else 'DIFFERS'} at every size: {sorted(counts)} (target <= 25)")


if __name__ == "__main__":
    main()
