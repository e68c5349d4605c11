"""Generate an action plan of any size, with bulk inserts, in the configured database.

    .venv/bin/python bench/data.py --actions 10000 --updates 80000
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench_api .venv/bin/python bench/data.py --actions 10000 --updates 80000 --replace

The actions are spread evenly over the seven principles and among 20 owners, a business case per
900 actions and a risk per 600 are linked to them, and the updates are spread over consecutive
quarters ending with the current one (so the dashboard has a period taking updates), each
action's newest first: with 10,000 actions and 80,000 updates, every action has one for each of
the last eight quarters. Each action's own status, RAG and percent mirror its latest update, as
`progress_record` keeps them. Rows are written with `bulk_create`, so no history is recorded.
"""

from __future__ import annotations

import argparse
import datetime
import os
import random
import sys
import tempfile
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

PRINCIPLES = 7
OWNERS = 20
ACTIONS_PER_BUSINESS_CASE = 900
ACTIONS_PER_RISK = 600
BATCH_SIZE = 2000
# The password of every user the plan creates, for signing in to a benchmark server.
PASSWORD = "bench-password"
STATUS_STORIES = [  # (status, rag, percent) per quarter index, cycled by action
    lambda q: ("on_track", "green", min(95, 12 * (q + 1))),
    lambda q: ("completed", "green", 100) if q >= 5 else ("on_track", "green", min(95, 15 * (q + 1))),
    lambda q: ("at_risk", "amber", min(95, 8 * (q + 1))) if q >= 3 else ("on_track", "green", 10 * (q + 1)),
    lambda q: ("off_track", "red", min(95, 5 * (q + 1))) if q >= 4 else ("at_risk", "amber", 5 * (q + 1)),
    lambda q: ("not_started", "green", 0),
]
COMMENTARY = ["work is progressing to plan.", "supplier delays have slipped the dates.", "testing found more defects than expected."]


def setup_django(*, throwaway_sqlite: bool = False) -> None:
    """Django on the configured settings (local by default), migrated; or on a throwaway SQLite file."""
    if throwaway_sqlite:
        os.environ["DATABASE_URL"] = f"sqlite:///{tempfile.mkdtemp(prefix='bench-')}/bench.sqlite3"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "strategy.settings.local")
    os.environ.setdefault("LOG_LEVEL", "WARNING")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


@dataclass(frozen=True)
class Plan:
    lead: object
    manager: object
    api_client: object
    periods: list
    actions: int
    updates: int


def _story_state(index: int, quarter: int) -> tuple[str, str, int]:
    return STATUS_STORIES[index % len(STATUS_STORIES)](quarter)


def _user(username: str, group_name: str, **names):
    from django.contrib.auth.models import Group, User

    user, created = User.objects.get_or_create(username=username, defaults=names)
    if created:
        user.set_password(PASSWORD)
        user.save(update_fields=["password"])
    user.groups.add(Group.objects.get(name=group_name))
    return user


def generate_plan(*, actions: int, updates: int, last_quarter=None, seed: int = 2024) -> Plan:
    """Replace the plan's actions and updates with `actions` actions and `updates` updates.

    The updates run over consecutive quarters ending with `last_quarter` (default: the quarter
    containing today); an action with fewer updates than others misses the earliest quarters.
    """
    from django.contrib.auth.models import User
    from django.utils import timezone

    from actions.models import ActionItem, ProgressUpdate
    from core import roles
    from core.financial_year import FinancialQuarter, quarters_between
    from periods.models import ReportingPeriod
    from principles.models import Principle
    from registers.models import BusinessCase, BusinessCaseLine, Risk
    from strategy.models import Strategy

    if actions < 1 or updates < 0:
        raise ValueError("Generate at least one action and no negative number of updates.")
    rng = random.Random(seed)
    ProgressUpdate.objects.all().delete()
    ActionItem.objects.all().delete()
    strategy, _ = Strategy.objects.get_or_create(
        title="ICT Strategy 2023–27",
        defaults={"council": "Cheshire East Council", "start_year": 2023, "end_year": 2027, "vision": "Exploit information and technology."},
    )
    lead = _user("bench-lead", roles.STRATEGY_LEAD, first_name="Bench", last_name="Lead")
    owners = [_user(f"owner{i}", roles.ICT_MANAGER, first_name=f"Owner{i}", last_name="Manager") for i in range(OWNERS)]
    api_client = _user("bench-api", roles.API_CLIENT, first_name="Bench", last_name="System")
    principles = [
        Principle.objects.get_or_create(strategy=strategy, number=n, defaults={"title": f"Principle {n} of the strategy", "summary": "What the principle is for. " * 4})[0]
        for n in range(1, PRINCIPLES + 1)
    ]
    per_action = -(-updates // actions)  # the most updates any action has: the number of quarters
    last = last_quarter or FinancialQuarter.containing(timezone.localdate())
    first = last
    for _ in range(max(per_action, 1) - 1):
        first = first.previous()
    periods = [
        ReportingPeriod.objects.get_or_create(
            financial_year=q.start_year, quarter=q.quarter,
            defaults={"start_date": q.start_date, "end_date": q.end_date, "update_deadline": q.update_deadline()},
        )[0]
        for q in quarters_between(first, last)
    ]
    cases = list(BusinessCase.objects.filter(reference__startswith="HLBC-B"))
    for n in range(len(cases), -(-actions // ACTIONS_PER_BUSINESS_CASE)):
        case = BusinessCase.objects.create(reference=f"HLBC-B{n:03d}", strategy=strategy, title=f"Business case {n}", sponsor=lead, status="approved")
        BusinessCaseLine.objects.bulk_create(
            BusinessCaseLine(
                business_case=case, financial_year=y, capital_cost=Decimal(rng.randint(0, 400)) * 1000,
                revenue_cost=Decimal(rng.randint(0, 90)) * 1000, cashable_benefit=Decimal(rng.randint(0, 300)) * 1000,
            )
            for y in range(2023, 2027)
        )
        cases.append(case)
    risks = list(Risk.objects.filter(reference__startswith="RB"))
    risks += Risk.objects.bulk_create(
        Risk(
            reference=f"RB{n:03d}", strategy=strategy, title=f"Risk {n}", category="delivery", owner=lead,
            inherent_likelihood=rng.randint(2, 5), inherent_impact=rng.randint(2, 5), residual_likelihood=rng.randint(1, 3),
            residual_impact=rng.randint(1, 4), review_date=datetime.date(2025, 3, 31),
        )
        for n in range(len(risks), -(-actions // ACTIONS_PER_RISK))
    )

    base, extra = divmod(updates, actions)
    now = timezone.now()
    rows = []
    for index in range(actions):
        principle = principles[index % PRINCIPLES]
        count = base + (index < extra)
        status, rag, percent = _story_state(index, count - 1) if count else ("not_started", "green", 0)
        owner = owners[index % OWNERS]
        rows.append(
            ActionItem(
                reference=f"P{principle.number}-{index // PRINCIPLES + 1:03d}",
                title=f"Deliver workstream {index // PRINCIPLES + 1} of principle {principle.number}: " + rng.choice(["migration", "procurement", "training", "decommissioning"]),
                principle=principle, owner=owner, business_case=cases[index % len(cases)] if index % 3 else None,
                start_date=datetime.date(2023, 4, 1),
                target_date=datetime.date(2024, 9, 30) + datetime.timedelta(days=rng.randint(-200, 900)),
                status=status, rag=rag, percent_complete=percent,
                last_updated_at=now if count else None, last_updated_by=owner if count else None,
            )
        )
    created = ActionItem.objects.bulk_create(rows, batch_size=BATCH_SIZE)
    ActionItem.risks.through.objects.bulk_create(
        (ActionItem.risks.through(actionitem_id=action.pk, risk_id=risks[index % len(risks)].pk) for index, action in enumerate(created) if index % 4 == 0),
        batch_size=BATCH_SIZE,
    )
    ActionItem.delegates.through.objects.bulk_create(
        (ActionItem.delegates.through(actionitem_id=action.pk, user_id=owners[(index + 1) % OWNERS].pk) for index, action in enumerate(created) if index % 5 == 0),
        batch_size=BATCH_SIZE,
    )
    ProgressUpdate.objects.bulk_create(_updates(created, periods, base, extra, rng, now), batch_size=BATCH_SIZE)
    manager = User.objects.get(username="owner0")
    return Plan(lead=lead, manager=manager, api_client=api_client, periods=periods, actions=actions, updates=updates)


def _updates(actions, periods, base: int, extra: int, rng, now):
    from actions.models import ProgressUpdate

    for index, action in enumerate(actions):
        count = base + (index < extra)
        for quarter, period in enumerate(periods[len(periods) - count:]):
            status, rag, percent = _story_state(index, quarter)
            yield ProgressUpdate(
                action=action, period=period, status=status, rag=rag, percent_complete=percent,
                commentary=f"Quarter {quarter + 1}: {rng.choice(COMMENTARY)}",
                next_steps="Continue with the plan and report back next quarter.",
                author=action.owner, created_at=now, updated_at=now,
            )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--actions", type=int, default=10_000)
    parser.add_argument("--updates", type=int, default=80_000)
    parser.add_argument("--replace", action="store_true", help="replace the actions and updates the database already holds")
    args = parser.parse_args()
    setup_django()
    from actions.models import ActionItem

    if ActionItem.objects.exists() and not args.replace:
        parser.exit(2, "The database already holds actions: give --replace to replace them (and their updates).\n")
    plan = generate_plan(actions=args.actions, updates=args.updates)
    print(f"{plan.actions} actions and {plan.updates} updates over {len(plan.periods)} quarters ({plan.periods[0]} to {plan.periods[-1]}).")


if __name__ == "__main__":
    main()
