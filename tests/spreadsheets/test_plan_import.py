"""Importing a plan: what a dry run says of each row, and applying every row or none."""

import datetime
from decimal import Decimal

import pytest

from actions.exports import ACTION_COLUMNS
from actions.models import ActionItem
from registers.columns import BUSINESS_CASE_COLUMNS, BUSINESS_CASE_LINE_COLUMNS, RISK_COLUMNS
from registers.models import BusinessCase, Risk
from spreadsheets.readers import FileRefused
from spreadsheets.services import plan_import
from tests import factories

from .helpers import csv_bytes, tables, xlsx

ACTION_HEADERS = [column.header for column in ACTION_COLUMNS]


def action_row(**cells) -> list:
    """An actions row by header, with readable defaults: a new, not started action of principle 1."""
    values = {
        "Reference": "P1-01",
        "Title": "Migrate mailboxes",
        "Principle": 1,
        # An import reads people from the username columns; the names beside them are for reading.
        "Owner": "",
        "Owner username": "owner",
        "Delegates": "",
        "Delegate usernames": "",
        "Business case": "",
        "Start date": "2024-04-01",
        "Target date": "2026-03-31",
        "Revised target date": "",
        "Status": "Not started",
        "RAG": "Green",
        "Percent complete": 0,
        "Last updated": "",
        **cells,
    }
    return [values[header] for header in ACTION_HEADERS]


def case_workbook(case: list, *lines: list) -> bytes:
    """A workbook of one business case and its figures, a row a financial year."""
    return xlsx(
        {
            "business-cases": [[c.header for c in BUSINESS_CASE_COLUMNS], case],
            "business-case-lines": [[c.header for c in BUSINESS_CASE_LINE_COLUMNS], *lines],
        }
    )


def run(plan, rows, *, dry_run=True, headers=ACTION_HEADERS):
    content = csv_bytes([headers, *rows])
    return plan_import(tables=tables(content), user=plan["lead"], source="plan.csv", dry_run=dry_run)


@pytest.mark.parametrize(
    ("cells", "reason"),
    [
        ({"Principle": 9}, "P1-01: principle: There is no principle 9"),
        ({"Owner username": "nobody"}, "P1-01: owner username: There is no user nobody"),
        # Longer than any username or full name: refused without a query (SQLite cannot match it).
        ({"Owner username": "£" * 40_000}, "P1-01: owner username: There is no user £££"),
        ({"Delegate usernames": "owner, ghost"}, "P1-01: delegate usernames: There is no user ghost"),
        ({"Start date": "31/02/2024"}, "P1-01: start date: “31/02/2024” is not a date"),
        ({"Target date": ""}, "P1-01: target date: Enter a date"),
        ({"Status": "On track", "Percent complete": 150}, "Enter a whole number from 0 to 100 for percent complete"),
        ({"Status": "On track", "Percent complete": "lots"}, "P1-01: percent complete: “lots” is not a whole number"),
        ({"Status": "On track", "RAG": "Red"}, "An action that is on track must be rated green."),
        ({"Status": "Completed", "RAG": "Green", "Percent complete": 90}, "A completed action is 100% complete"),
        ({"Status": "Sideways"}, "P1-01: status: “Sideways” is not one of Not started, On track"),
        ({"Business case": "HLBC-NONE"}, "P1-01: business case: There is no business case HLBC-NONE."),
        ({"Target date": "2020-01-01"}, "The target date must be on or after the start date"),
        ({"Reference": "Q1"}, "Use the form P3-04"),
    ],
)
def test_a_dry_run_refuses_a_bad_row_saying_why(plan, cells, reason):
    report = run(plan, [action_row(**cells)])

    [outcome] = report.outcomes
    assert outcome.result == "refused"
    assert any(reason in text for text in outcome.reasons), outcome.reasons
    assert not ActionItem.objects.exists()


def test_a_reference_twice_in_the_file_refuses_both_rows(plan):
    report = run(plan, [action_row(), action_row(Title="Another")])

    assert [outcome.result for outcome in report.outcomes] == ["refused", "refused"]
    assert "appears more than once in the file (also row 3)" in report.outcomes[0].reasons[0]
    assert "(also row 2)" in report.outcomes[1].reasons[0]


def test_one_bad_row_among_200_writes_nothing(plan):
    rows = [action_row(Reference=f"P{n % 7 + 1}-{n:03d}", Principle=n % 7 + 1) for n in range(200)]
    rows[137] = action_row(Reference="P5-137", Principle=5, **{"Owner username": "nobody"})

    report = run(plan, rows, dry_run=False)

    assert not report.applied
    assert report.count("refused") == 1 and report.count("created") == 199
    assert not ActionItem.objects.exists()


def test_a_dry_run_says_what_would_be_created_and_writes_nothing(plan):
    report = run(plan, [action_row(Status="At risk", RAG="Amber", **{"Percent complete": 30})])

    [outcome] = report.outcomes
    assert outcome.result == "created"
    assert ("Status", "At risk") in [(change.column, change.new) for change in outcome.changes]
    assert not report.applied and not ActionItem.objects.exists()


def test_applying_creates_through_the_services_with_the_lead_in_the_history(plan):
    report = run(plan, [action_row(Status="At risk", RAG="Amber", **{"Percent complete": 30, "Delegate usernames": "other"})], dry_run=False)

    assert report.applied
    action = ActionItem.objects.get(reference="P1-01")
    assert (action.status, action.rag, action.percent_complete) == ("at_risk", "amber", 30)
    assert list(action.delegates.all()) == [plan["other"]]
    update = action.updates.get()
    assert update.period == plan["period"] and update.author == plan["lead"]
    assert update.commentary == "Imported from plan.csv."
    assert {record.history_user for record in action.history.all()} == {plan["lead"]}


def test_a_changed_row_shows_each_change_old_to_new_and_keeps_it_in_the_history(plan):
    action = factories.ActionFactory(
        reference="P1-01", title="Migrate mailboxes", principle=plan["strategy"].principles.get(number=1),
        owner=plan["owner"], start_date=datetime.date(2024, 4, 1), target_date=datetime.date(2026, 3, 31),
        status="not_started", rag="green", percent_complete=0,
    )
    row = action_row(Title="Migrate every mailbox", **{"Target date": "2026-09-30"})

    preview = run(plan, [row])
    [outcome] = preview.outcomes
    assert outcome.result == "changed"
    assert [(c.column, c.old, c.new) for c in outcome.changes] == [
        ("Title", "Migrate mailboxes", "Migrate every mailbox"),
        ("Target date", "31 March 2026", "30 September 2026"),
    ]
    action.refresh_from_db()
    assert action.title == "Migrate mailboxes" and action.version == 1

    assert run(plan, [row], dry_run=False).applied
    action.refresh_from_db()
    assert action.title == "Migrate every mailbox" and action.version == 2
    latest = action.history.first()
    assert latest.history_user == plan["lead"] and latest.title == "Migrate every mailbox"


def test_an_unchanged_row_writes_nothing(plan):
    action = factories.ActionFactory(
        reference="P1-01", title="Migrate mailboxes", principle=plan["strategy"].principles.get(number=1),
        owner=plan["owner"], start_date=datetime.date(2024, 4, 1), target_date=datetime.date(2026, 3, 31),
        status="not_started", rag="green", percent_complete=0,
    )
    history = action.history.count()

    report = run(plan, [action_row()], dry_run=False)

    assert [outcome.result for outcome in report.outcomes] == ["unchanged"]
    action.refresh_from_db()
    assert action.version == 1 and action.history.count() == history


def test_formula_looking_cells_are_stored_as_their_text(plan):
    content = xlsx({"actions": [ACTION_HEADERS, action_row(Title="=1+1"), action_row(Reference="P1-02", Title="@SUM(A1:A2)")]})

    report = plan_import(tables=tables(content), user=plan["lead"], source="plan.xlsx", dry_run=False)

    assert report.applied, [o.reasons for o in report.refused]
    assert ActionItem.objects.get(reference="P1-01").title == "=1+1"
    assert ActionItem.objects.get(reference="P1-02").title == "@SUM(A1:A2)"


def test_a_business_case_comes_in_with_its_figures_and_walks_the_workflow(plan):
    content = case_workbook(
        ["HLBC-2026-01", "Digital front door", "Approved", "1, 3", "", "Helen Ashworth", 0, 0, 0, 0, 0],
        ["HLBC-2026-01", "2026/27", 1000.5, 200, 0, "£1,500.00", None],
        ["HLBC-2026-01", "2027/28", 0, 300, 900, 0, None],
    )

    report = plan_import(tables=tables(content), user=plan["lead"], source="cases.xlsx", dry_run=False)

    assert report.applied, [o.reasons for o in report.refused]
    case = BusinessCase.objects.get(reference="HLBC-2026-01")
    assert case.status == "approved" and case.sponsor == plan["lead"]
    assert [p.number for p in case.principles.all()] == [1, 3]
    assert list(case.transitions.values_list("to_status", flat=True)) == ["submitted", "approved"]
    first = case.lines.get(financial_year=2026)
    assert (first.capital_cost, first.non_cashable_benefit) == (Decimal("1000.50"), Decimal("1500.00"))


def test_new_figures_for_an_approved_case_are_an_annual_revision(plan):
    case = factories.BusinessCaseFactory(reference="HLBC-2026-02", sponsor=plan["lead"], strategy=plan["strategy"])
    factories.BusinessCaseLineFactory(business_case=case, financial_year=2026, capital_cost=Decimal("100.00"), revenue_cost=0)
    content = csv_bytes([[c.header for c in BUSINESS_CASE_LINE_COLUMNS], ["HLBC-2026-02", "2026/27", "150.00", "0", "0", "0", ""]])

    report = plan_import(tables=tables(content), user=plan["lead"], source="lines.csv", dry_run=False)

    assert report.applied
    assert [(c.column, c.old, c.new) for c in report.outcomes[0].changes] == [("Capital cost", "£100", "£150")]
    assert case.revisions.get().reason == "Imported from lines.csv."
    assert case.lines.get().capital_cost == Decimal("150.00")


def test_a_case_cannot_go_back_along_the_workflow(plan):
    factories.BusinessCaseFactory(reference="HLBC-2026-03", sponsor=plan["lead"], strategy=plan["strategy"], title="Case")
    content = csv_bytes(
        [[c.header for c in BUSINESS_CASE_COLUMNS], ["HLBC-2026-03", "Case", "Draft", "", "", "thelead", 0, 0, 0, 0, 0]]
    )

    report = plan_import(tables=tables(content), user=plan["lead"], source="cases.csv", dry_run=True)

    assert report.outcomes[0].reasons == [
        "HLBC-2026-03: status: HLBC-2026-03 is approved: the workflow cannot take it to draft."
    ]


def test_a_risk_comes_in_with_its_owner_by_name_and_is_escalated_by_the_rules(plan):
    headers = [c.header for c in RISK_COLUMNS]
    content = csv_bytes(
        [
            headers,
            ["ICT-R99", "Ransomware", "Cyber security", "", "Olive Owner", 5, 5, 4, 4, "", "", "No", "2027-01-31", ""],
            ["ICT-R98", "Supplier exit", "Delivery", "", "other", 3, 3, 2, 2, "", "", "Yes", "2027-01-31", ""],
        ]
    )

    report = plan_import(tables=tables(content), user=plan["lead"], source="risks.csv", dry_run=False)

    assert report.applied, [o.reasons for o in report.refused]
    escalated = Risk.objects.get(reference="ICT-R99")
    assert escalated.owner == plan["owner"] and escalated.on_strategic_register
    assert ("Strategic register", "Yes") in [(c.column, c.new) for c in report.outcomes[0].changes]
    listed = Risk.objects.get(reference="ICT-R98")
    assert listed.on_strategic_register and listed.escalation_reason == "Imported from risks.csv."


def test_a_risk_score_out_of_range_is_refused(plan):
    headers = [c.header for c in RISK_COLUMNS]
    content = csv_bytes([headers, ["ICT-R97", "Flood", "Delivery", "", "owner", 6, 3, 2, 2, "", "", "No", "2027-01-31", ""]])

    report = plan_import(tables=tables(content), user=plan["lead"], source="risks.csv", dry_run=True)

    assert report.outcomes[0].reasons == [
        "ICT-R97: inherent likelihood: Ensure this value is less than or equal to 5."
    ]


def test_a_header_row_that_is_not_an_export_is_refused_whole(plan):
    with pytest.raises(FileRefused, match="lacks RAG.*Start from an export"):
        run(plan, [action_row()[:10] + action_row()[11:]], headers=[h for h in ACTION_HEADERS if h != "RAG"])


def test_only_a_strategy_lead_imports(plan):
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        plan_import(tables=tables(csv_bytes([ACTION_HEADERS, action_row()])), user=plan["owner"], source="x.csv", dry_run=True)


def test_a_bad_figure_is_refused_on_its_row_and_its_case_with_it(plan):
    content = case_workbook(
        ["HLBC-2026-04", "Data centre exit", "Draft", "2", "", "thelead", 0, 0, 0, 0, 0],
        ["HLBC-2026-04", "2026/27", 10, 0, 0, 0, None],
        ["HLBC-2026-04", "2027/28", "£12.345", 0, 0, 0, None],
    )

    report = plan_import(tables=tables(content), user=plan["lead"], source="cases.xlsx", dry_run=True)

    by_row = {(o.sheet, o.row): o for o in report.outcomes}
    assert by_row["Business case figures", 3].reasons == [
        "HLBC-2026-04: capital cost: “12.345” is not pounds and pence: use at most two decimal places."
    ]
    assert by_row["Business cases", 2].reasons == [
        "HLBC-2026-04: row 3 of business case figures, which goes with it, was refused."
    ]
    assert by_row["Business case figures", 2].result == "unchanged"
