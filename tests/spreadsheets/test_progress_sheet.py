"""Acceptance 3: the manager's quarterly sheet, downloaded, filled in and recorded through progress_record."""

import datetime

import pytest

from actions.models import ProgressUpdate
from actions.services import progress_record
from spreadsheets.columns import PROGRESS_SHEET_COLUMNS
from spreadsheets.readers import FileRefused
from spreadsheets.selectors import progress_sheet_xlsx
from spreadsheets.services import progress_sheet_import
from tests import factories

from .helpers import sheet_values, tables, xlsx

HEADERS = tuple(column.header for column in PROGRESS_SHEET_COLUMNS)


@pytest.fixture
def actions(plan):
    principle = plan["strategy"].principles.get(number=3)
    made = {
        reference: factories.ActionFactory(
            reference=reference, title=f"Action {reference}", principle=principle, owner=owner,
            status="on_track", rag="green", percent_complete=20, target_date=datetime.date(2099, 3, 31),
        )
        for reference, owner in (("P3-01", plan["owner"]), ("P3-02", plan["owner"]), ("P3-04", plan["other"]))
    }
    made["P3-03"] = factories.ActionFactory(
        reference="P3-03", principle=principle, owner=plan["other"], delegates=[plan["owner"]], status="completed",
        rag="green", percent_complete=100,
    )
    return made


def sheet_rows(plan):
    values = sheet_values(progress_sheet_xlsx(user=plan["owner"], period=plan["period"]))
    [(title, rows)] = values.items()
    return title, [list(row) for row in rows]


def upload(plan, rows, *, dry_run=True, user=None):
    content = xlsx({"progress": [list(HEADERS), *rows]})
    return progress_sheet_import(tables=tables(content), user=user or plan["owner"], period=plan["period"], dry_run=dry_run)


def test_the_sheet_lists_the_managers_open_actions_with_their_versions(plan, actions):
    title, rows = sheet_rows(plan)

    assert title == f"{plan['period'].key} progress"
    assert tuple(rows[0]) == HEADERS
    assert rows[1:] == [
        ["P3-01", "Action P3-01", "On track", "Green", 20, None, None, 1],
        ["P3-02", "Action P3-02", "On track", "Green", 20, None, None, 1],
    ]


def test_a_filled_sheet_previews_then_records_each_changed_row(plan, actions):
    _, rows = sheet_rows(plan)
    rows[1][2:7] = ["At risk", "Amber", 35, "Supplier slipped a month.", "Agree a new date."]

    preview = upload(plan, rows[1:])
    assert [outcome.result for outcome in preview.outcomes] == ["changed", "unchanged"]
    assert ("Status", "On track", "At risk") in [(c.column, c.old, c.new) for c in preview.outcomes[0].changes]
    assert not ProgressUpdate.objects.exists()

    report = upload(plan, rows[1:], dry_run=False)

    assert report.applied
    update = ProgressUpdate.objects.get()
    assert (update.action.reference, update.status, update.rag, update.percent_complete) == ("P3-01", "at_risk", "amber", 35)
    assert update.author == plan["owner"] and update.period == plan["period"]
    actions["P3-01"].refresh_from_db()
    assert actions["P3-01"].version == 2 and actions["P3-01"].history.first().history_user == plan["owner"]


def test_the_rules_of_the_progress_form_apply_to_each_row(plan, actions):
    _, rows = sheet_rows(plan)
    rows[1][2:7] = ["Off track", "Red", 20, "", ""]
    rows[2][2:7] = ["Completed", "Green", 90, "Done", ""]

    report = upload(plan, rows[1:])

    assert [outcome.reasons for outcome in report.outcomes] == [
        ["P3-01: commentary: Explain why the action is red: commentary is required for amber and red."],
        ["P3-02: percent complete: A completed action is 100% complete: enter 100 or choose another status."],
    ]


def test_a_stale_row_is_refused_naming_who_changed_the_action_and_when(plan, actions):
    _, rows = sheet_rows(plan)
    rows[1][2:7] = ["At risk", "Amber", 35, "Supplier slipped.", ""]
    action = actions["P3-01"]
    progress_record(
        action=action, user=plan["lead"], period=plan["period"], status="on_track", rag="green",
        percent_complete=30, expected_version=action.version,
    )

    report = upload(plan, rows[1:2], dry_run=False)

    [reason] = report.outcomes[0].reasons
    assert reason.startswith("P3-01: P3-01 was changed by Helen Ashworth at ")
    assert "Nothing has been saved" in reason
    assert not report.applied and ProgressUpdate.objects.count() == 1


def test_a_row_for_someone_elses_action_is_refused_by_name(plan, actions):
    row = ["P3-04", "Action P3-04", "At risk", "Amber", 30, "Not mine to say.", "", 1]

    report = upload(plan, [row], dry_run=False)

    assert report.outcomes[0].reasons == ["P3-04: you can update only the actions you own or are delegated."]
    assert not ProgressUpdate.objects.exists()


def test_one_refused_row_saves_no_row(plan, actions):
    _, rows = sheet_rows(plan)
    rows[1][2:7] = ["At risk", "Amber", 35, "Supplier slipped.", ""]
    rows[2][4] = 140

    report = upload(plan, rows[1:], dry_run=False)

    assert [outcome.result for outcome in report.outcomes] == ["changed", "refused"]
    assert not report.applied and not ProgressUpdate.objects.exists()


def test_a_file_that_is_not_the_sheet_is_refused(plan, actions):
    content = xlsx({"progress": [list(HEADERS[:-1]), ["P3-01"]]})
    with pytest.raises(FileRefused, match="lacks Version"):
        progress_sheet_import(tables=tables(content), user=plan["owner"], period=plan["period"], dry_run=True)
