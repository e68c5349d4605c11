"""Migrations: a database made by the old layout carries on with nothing lost, and a fresh
`migrate` never depends on application code."""

import ast
import gzip
import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
# `migrate` then `seed_strategy --demo` and one published pack, made by the code before business
# cases, risks and periods moved to `registers` and `periods` (commit 063b5f5), dumped as SQL.
OLD_LAYOUT_DUMP = Path(__file__).parent / "fixtures" / "pre_core_layout.sql.gz"
APPS = ["core", "strategy", "principles", "periods", "registers", "actions", "reporting", "spreadsheets", "seeding"]


def manage(database: Path, *args: str, code: str | None = None) -> str:
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{database}",
        "DJANGO_SETTINGS_MODULE": "strategy.settings.local",
    }
    command = [sys.executable, "manage.py", *args] if code is None else [sys.executable, "-c", code]
    result = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    return result.stdout


def table_counts(database: Path) -> dict[str, int]:
    with sqlite3.connect(database) as connection:
        tables = [name for (name,) in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        return {table: connection.execute(f'SELECT COUNT(*) FROM "{table}"').fetchone()[0] for table in tables}


READ_BACK = """
import json, django
django.setup()
from django.contrib.auth.models import Group
from actions.models import ActionItem
from django.utils import timezone
from registers.models import BusinessCase, Risk
from registers.selectors import business_cases_as_at
from reporting.models import CommitteeReport, ReportPack
action = ActionItem.objects.get(reference="P1-01")
case = BusinessCase.objects.get(reference="HLBC-2023-01")
report = CommitteeReport.objects.get(reference="CP/35/22-23")
lead = Group.objects.get(name="Strategy lead")
print(json.dumps({
    "updates": [[u.period.key, u.percent_complete, u.commentary[:40]] for u in action.updates.order_by("period__start_date")],
    "lines": [[line.financial_year, str(line.capital_cost), str(line.cashable_benefit)] for line in case.lines.all()],
    "case_history": case.history.count(),
    # The lines stored before their history began are found as at the case's first record.
    "lines_as_at_first_record": [
        [line.financial_year, str(line.capital_cost), str(line.cashable_benefit)]
        for case_then in business_cases_as_at(moment=case.history.earliest().history_date)
        if case_then.reference == case.reference
        for line in case_then.lines.all()
    ],
    "risks_of_case": sorted(case.risks.values_list("reference", flat=True)),
    "purpose": report.purpose[:60],
    "implications": sorted(report.implications.values_list("area", flat=True)),
    "published": list(ReportPack.objects.filter(status="published").values_list("sha256", flat=True)),
    "lead_can": sorted(p for p in ["registers.change_businesscase", "registers.view_risk", "periods.change_reportingperiod",
                                   "reporting.chase_updates"]
                      if lead.permissions.filter(content_type__app_label=p.split(".")[0], codename=p.split(".")[1]).exists()),
}))
"""


@pytest.fixture
def old_layout_database(tmp_path) -> Path:
    database = tmp_path / "old-layout.sqlite3"
    with sqlite3.connect(database) as connection:
        connection.executescript(gzip.decompress(OLD_LAYOUT_DUMP.read_bytes()).decode())
    return database


def test_a_database_from_the_old_layout_migrates_with_every_row_kept(old_layout_database):
    with sqlite3.connect(old_layout_database) as connection:
        before_values = {
            "updates": connection.execute(
                "SELECT p.financial_year, p.quarter, u.percent_complete, substr(u.commentary, 1, 40) "
                "FROM actions_progressupdate u JOIN actions_actionitem a ON a.id = u.action_id "
                "JOIN reporting_reportingperiod p ON p.id = u.period_id WHERE a.reference = 'P1-01' ORDER BY p.start_date"
            ).fetchall(),
            "lines": connection.execute(
                "SELECT l.financial_year, l.capital_cost, l.cashable_benefit FROM strategy_businesscaseline l "
                "JOIN strategy_businesscase c ON c.id = l.business_case_id WHERE c.reference = 'HLBC-2023-01' "
                "ORDER BY l.financial_year"
            ).fetchall(),
            "sha256": connection.execute("SELECT sha256 FROM reporting_reportpack WHERE status = 'published'").fetchall(),
        }
    before = table_counts(old_layout_database)

    manage(old_layout_database, "migrate", "--noinput")

    after = table_counts(old_layout_database)
    assert before.keys() <= after.keys()
    changed = {table: (before[table], after[table]) for table in before if before[table] != after[table]}
    # The migration log grows by the five migrations that move the models, the one that adds the
    # reminders' sent log, the spreadsheets app's first and the actions' revised-target and
    # cancellation reasons, the history of business case lines, the progress reports' period and
    # demo meetings, the published reports' stored PDF, the accounts app's first, django-axes' ten,
    # and the five apps' text length limits; the new rows are the content types of those four
    # new models (the council identity among them) and axes' four, their permissions (view,
    # add, change, delete; chase_updates too for the sent log) and the leads' chase_updates, and
    # SQLite's counters for the line history, whose first records the migration writes for the
    # lines already stored, and for the tables axes' migrations and the length limits rebuild.
    # Then the measures app (one migration; measures, their values and the history of both: four
    # content types, their sixteen permissions, every role's view of the two models and the leads'
    # add, change and delete, and SQLite's counters for its two tables, which adding their
    # constraints rebuilds). No content type or permission is duplicated, and every row of every table is still there.
    grew = {
        "django_migrations": 28, "django_content_type": 12, "auth_permission": 49, "auth_group_permissions": 15,
        "sqlite_sequence": 7,
    }
    assert changed == {table: (before[table], before[table] + extra) for table, extra in grew.items()}

    read_back = json.loads(manage(old_layout_database, code=READ_BACK))
    assert read_back["updates"] == [
        [f"{year}-{(year + 1) % 100:02d}-Q{quarter}", percent, commentary]
        for year, quarter, percent, commentary in before_values["updates"]
    ]
    assert read_back["updates"], "the sample action should have progress updates"
    assert read_back["lines"] == [[year, f"{capital:.2f}", f"{benefit:.2f}"] for year, capital, benefit in before_values["lines"]]
    assert read_back["lines"] and read_back["case_history"] >= 1 and read_back["risks_of_case"]
    assert read_back["lines_as_at_first_record"] == read_back["lines"]
    assert read_back["purpose"].startswith("1.1. At the meeting on 6 October 2022")
    assert len(read_back["implications"]) == 10
    assert read_back["published"] == [sha for (sha,) in before_values["sha256"]] == [
        "c372eb9accabe8d35a06cc05e93c1bd11b0eda8a5d82edaefaf7ff457a84c8dd"
    ]
    # Role groups keep their permissions as the models change app, and leads may chase updates.
    assert read_back["lead_can"] == [
        "periods.change_reportingperiod", "registers.change_businesscase", "registers.view_risk", "reporting.chase_updates"
    ]


def test_migrations_import_no_application_code():
    for app in APPS:
        for migration in sorted((ROOT / app / "migrations").glob("0*.py")):
            tree = ast.parse(migration.read_text())
            imported = {
                (node.module if isinstance(node, ast.ImportFrom) else alias.name).split(".")[0]
                for node in ast.walk(tree)
                if isinstance(node, (ast.Import, ast.ImportFrom))
                for alias in node.names
            }
            assert not imported & set(APPS), f"{migration.relative_to(ROOT)} imports {sorted(imported & set(APPS))}"


def test_a_fresh_migrate_works_after_a_model_joins_the_role_table(tmp_path):
    """A model added to core/roles.py must not break migrating a new database from nothing."""
    database = tmp_path / "fresh.sqlite3"
    manage(
        database,
        code=(
            "import django; django.setup()\n"
            "from core import roles\n"
            "roles.ROLE_PERMISSIONS[roles.STRATEGY_LEAD].append('reporting.change_referencesequence')\n"
            "from django.core.management import call_command\n"
            "call_command('migrate', verbosity=0)\n"
            "call_command('seed_strategy')\n"
            "from django.contrib.auth.models import Group\n"
            "assert Group.objects.get(name='Strategy lead').permissions.filter(codename='change_referencesequence').exists()\n"
        ),
    )
