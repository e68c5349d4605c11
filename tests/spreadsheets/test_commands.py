"""import_plan and export_plan from the command line."""

import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from actions.models import ActionItem
from spreadsheets.selectors import PLAN_KINDS

from .helpers import csv_bytes, sheet_values
from .test_plan_import import ACTION_HEADERS, action_row


def call(*args) -> str:
    out = io.StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


def test_a_dry_run_prints_each_row_and_saves_nothing(plan, tmp_path):
    path = tmp_path / "actions.csv"
    path.write_bytes(csv_bytes([ACTION_HEADERS, action_row()]))

    output = call("import_plan", str(path), "--dry-run")

    assert "Actions row 2 P1-01: created" in output
    assert "Would import (dry run, nothing saved): 1 created, 0 changed, 0 unchanged, 0 refused." in output
    assert not ActionItem.objects.exists()


def test_a_refused_row_fails_the_command_and_saves_nothing(plan, tmp_path):
    path = tmp_path / "actions.csv"
    path.write_bytes(csv_bytes([ACTION_HEADERS, action_row(), action_row(Reference="P1-02", Principle=8)]))

    with pytest.raises(CommandError, match="Nothing was imported: 1 created, 0 changed, 0 unchanged, 1 refused"):
        call("import_plan", str(path))
    assert not ActionItem.objects.exists()


def test_a_file_that_is_not_a_spreadsheet_fails_the_command(plan, tmp_path):
    path = tmp_path / "plan.xlsx"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(100))
    with pytest.raises(CommandError, match="plan.xlsx: The file is password-protected"):
        call("import_plan", str(path))


def test_export_then_import_as_the_named_lead(plan, tmp_path):
    source = tmp_path / "in.csv"
    source.write_bytes(csv_bytes([ACTION_HEADERS, action_row()]))
    call("import_plan", str(source), "--as-user", "thelead")
    assert ActionItem.objects.get().history.first().history_user == plan["lead"]

    workbook = tmp_path / "plan.xlsx"
    assert "Wrote" in call("export_plan", str(workbook))
    values = sheet_values(workbook.read_bytes())
    assert list(values) == [kind.name for kind in PLAN_KINDS]
    assert values["actions"][1][0] == "P1-01"

    actions = tmp_path / "actions.csv"
    call("export_plan", str(actions), "--kind", "actions")
    assert actions.read_text(encoding="utf-8-sig").splitlines()[0] == ",".join(ACTION_HEADERS)


@pytest.mark.parametrize(
    ("args", "message"),
    [(["plan.csv"], "add --kind"), (["plan.xlsx", "--kind", "risks"], "--kind is for CSV"), (["plan.pdf"], "must end in")],
)
def test_export_plan_says_what_it_needs(db, tmp_path, args, message):
    with pytest.raises(CommandError, match=message):
        call("export_plan", str(tmp_path / args[0]), *args[1:])
