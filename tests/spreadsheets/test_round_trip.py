"""Acceptance 1: export the demo plan, import it into an empty plan, export again: the same files."""

import pytest
from django.contrib.auth.models import User

from actions.models import ActionItem, ProgressUpdate
from registers.models import BusinessCase, Risk, RiskReview
from seeding.services import seed_demo_data, seed_reference_data
from spreadsheets.selectors import ACTIONS, PLAN_KINDS, plan_csv, plan_xlsx
from spreadsheets.services import plan_import

from tests.factories import ensure_open_period

from .helpers import sheet_values, tables

# Columns that are stamped when a row is written, not carried by the file.
TIMESTAMP_HEADERS = {"Last updated"}


def _without_timestamps(values: dict[str, list[tuple]]) -> dict[str, list[tuple]]:
    stripped = {}
    for title, rows in values.items():
        keep = [i for i, header in enumerate(rows[0]) if header not in TIMESTAMP_HEADERS]
        stripped[title] = [tuple(row[i] for i in keep) for row in rows]
    return stripped


def _empty_the_plan() -> None:
    """Users, principles, periods and the strategy stay; every action, case and risk goes."""
    ProgressUpdate.objects.all().delete()
    ActionItem.objects.all().delete()
    RiskReview.objects.all().delete()
    Risk.objects.all().delete()
    BusinessCase.objects.all().delete()


@pytest.fixture
def demo_plan(db):
    seed_demo_data(seed_reference_data())
    ensure_open_period()


def test_the_demo_plan_round_trips_through_xlsx(demo_plan):
    exported = plan_xlsx()
    _empty_the_plan()
    lead = User.objects.get(username="lead")

    report = plan_import(tables=tables(exported), user=lead, source="plan.xlsx", dry_run=False)

    assert report.applied, [outcome.reasons for outcome in report.refused]
    assert report.count("created") == sum(len(rows) - 1 for rows in sheet_values(exported).values())
    again = plan_xlsx()
    assert list(sheet_values(again)) == [kind.name for kind in PLAN_KINDS]
    before, after = _without_timestamps(sheet_values(exported)), _without_timestamps(sheet_values(again))
    for title in before:
        assert len(after[title]) == len(before[title]), title
        for row_before, row_after in zip(before[title], after[title], strict=True):
            assert row_after == row_before, title


def test_importing_an_export_again_changes_nothing(demo_plan):
    lead = User.objects.get(username="lead")
    versions = dict(ActionItem.objects.values_list("reference", "version"))

    report = plan_import(tables=tables(plan_xlsx()), user=lead, source="plan.xlsx", dry_run=False)

    assert report.count("unchanged") == len(report.outcomes), [(o.reasons, o.changes) for o in report.outcomes if o.result != "unchanged"]
    assert dict(ActionItem.objects.values_list("reference", "version")) == versions


def test_a_csv_export_of_actions_round_trips(demo_plan):
    exported = plan_csv(ACTIONS)
    ProgressUpdate.objects.all().delete()
    ActionItem.objects.all().delete()

    report = plan_import(tables=tables(exported), user=User.objects.get(username="lead"), source="a.csv", dry_run=False)

    assert report.applied
    strip = lambda content: [line.rsplit(",", 1)[0] for line in content.decode("utf-8-sig").splitlines()]  # noqa: E731
    assert strip(plan_csv(ACTIONS)) == strip(exported)
