"""Benchmark the progress-pack build against WeasyPrint's own render of the same HTML.

    .venv/bin/python bench/pack.py                 # 7 principles x 300 actions x 8 quarters
    .venv/bin/python bench/pack.py --actions 30    # a smaller plan
    .venv/bin/python bench/pack.py --use-configured-db   # DATABASE_URL instead of a throwaway SQLite file

Prints the build time (`reporting.packs.pack_build`: data, HTML, PDF, atomic write, row
updates), the time WeasyPrint alone takes to lay out and write the same final HTML, their
ratio (target <= 1.2; WeasyPrint alone is timed twice after the build and averaged,
because a shared machine's load moves both), the time spent gathering data and rendering
HTML (the build's own overhead), the queries the build makes (target <= 25, the same at 30 and 300
actions per principle), the page count and the peak resident memory.
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

# Run as a script, the project (and this folder as `bench`) must be importable.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.data import PRINCIPLES, generate_plan, setup_django  # noqa: E402

QUARTERS = 8
# The quarter reported on, with six quarters of updates before it and two after.
REPORTED_QUARTER = (2024, 2)


def _generate(actions_per_principle: int) -> tuple:
    """A plan of 7 principles, their actions and 8 quarters of updates (bench/data.py)."""
    from core.financial_year import FinancialQuarter

    actions = actions_per_principle * PRINCIPLES
    plan = generate_plan(actions=actions, updates=actions * QUARTERS, last_quarter=FinancialQuarter(2024, 4))
    reported = FinancialQuarter(*REPORTED_QUARTER)
    period = next(p for p in plan.periods if (p.financial_year, p.quarter) == (reported.start_year, reported.quarter))
    return plan.lead, period


def _measure(actions_per_principle: int, lead, period) -> dict:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from reporting.pack_data import pack_data
    from reporting.pack_pdf import html_to_pdf, pack_html
    from reporting.packs import pack_build, pack_request

    pack = pack_request(period=period, requested_by=lead)
    connection.queries_log.clear()  # generating the plan filled Django's capped query log
    with CaptureQueriesContext(connection) as queries:
        started = time.perf_counter()
        pack = pack_build(pack_id=pack.pk)
        build_seconds = time.perf_counter() - started
    assert pack.status == "ready", pack.error
    # The build drafts the quarter's committee report, which the pack prints: its data is read after.
    pack.refresh_from_db()
    started = time.perf_counter()
    data = pack_data(period=period, committee_report=pack.committee_report)
    data_seconds = time.perf_counter() - started
    started = time.perf_counter()
    html = pack_html(data=data)
    html_seconds = time.perf_counter() - started
    # WeasyPrint alone, on the same final HTML, twice: on a shared machine the two differ, and
    # their mean is the floor the build is compared with.
    weasyprint_runs = []
    for _ in range(2):
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
    # Packs are written to a throwaway folder whichever database is used.
    os.environ["MEDIA_ROOT"] = tempfile.mkdtemp(prefix="pack-bench-media-")
    setup_django(throwaway_sqlite=not args.use_configured_db)
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
