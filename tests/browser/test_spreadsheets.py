"""The plan import and the quarterly sheet in headless Chromium; every page passes axe-core's WCAG 2.x A/AA rules."""


from pathlib import Path

import pytest
from playwright.sync_api import expect

from actions.exports import ACTION_COLUMNS
from tests.browser.accessibility import assert_accessible
from tests.spreadsheets.helpers import csv_bytes, sheet_values, xlsx

pytestmark = pytest.mark.browser

HEADERS = [column.header for column in ACTION_COLUMNS]
NEW_ACTION_CELLS = {
    "Reference": "P7-99", "Title": "Retire the fax gateway", "Principle": 7, "Owner username": "manager",
    "Delegate usernames": "manager2", "Start date": "2026-04-01", "Target date": "2027-03-31", "Status": "Not started",
    "RAG": "Green", "Percent complete": 0,
}
NEW_ACTION = [NEW_ACTION_CELLS.get(header, "") for header in HEADERS]


def upload(page, label: str, path: Path, content: bytes) -> None:
    path.write_bytes(content)
    page.get_by_label(label).set_input_files(str(path))
    page.get_by_role("button", name="Upload and preview").click()


def test_a_lead_imports_a_plan_after_checking_its_preview(sign_in, tmp_path):
    lead = sign_in("lead")
    lead.get_by_role("link", name="Import").click()
    expect(lead.get_by_role("heading", level=1)).to_have_text("Import a plan")
    assert_accessible(lead)

    upload(lead, "Upload a plan", tmp_path / "notes.csv", b"Name,Age\nA,1\n")
    expect(lead.locator(".govuk-error-summary")).to_contain_text("does not match the export of")
    assert_accessible(lead)

    upload(lead, "Upload a plan", tmp_path / "refused.csv", csv_bytes([HEADERS, [{**NEW_ACTION_CELLS, "Owner username": "nobody"}.get(header, "") for header in HEADERS]]))
    expect(lead.locator(".govuk-error-summary")).to_contain_text("P7-99: owner username: There is no user nobody")
    assert lead.get_by_role("button", name="Apply these changes").count() == 0
    assert_accessible(lead)

    lead.goto("/imports/")
    upload(lead, "Upload a plan", tmp_path / "plan.csv", csv_bytes([HEADERS, NEW_ACTION]))
    expect(lead.get_by_role("heading", level=1)).to_have_text("Check the import before saving it")
    assert_accessible(lead)
    lead.get_by_role("button", name="Apply these changes").click()
    expect(lead.locator(".govuk-notification-banner")).to_contain_text("plan.csv: 1 created")
    lead.goto("/actions/P7-99/")
    expect(lead.get_by_role("heading", level=1)).to_contain_text("Retire the fax gateway")


def test_a_manager_updates_from_the_sheet(sign_in, tmp_path):
    manager = sign_in("manager")
    manager.goto("/my-actions/")
    assert_accessible(manager)
    with manager.expect_download() as download:
        manager.get_by_role("link", name="Excel").click()
    [rows] = sheet_values(Path(download.value.path()).read_bytes()).values()
    rows = [list(row) for row in rows]
    rows[1][2:7] = ["At risk", "Amber", 55, "Waiting on the supplier.", "Escalate at the next board."]
    rows[2][2:7] = ["Off track", "Red", 10, "", ""]
    upload(manager, "Upload your filled sheet", tmp_path / "sheet.xlsx", xlsx({"progress": rows}))
    expect(manager.locator(".govuk-error-summary")).to_contain_text(f"{rows[2][0]}: commentary: Explain why the action is red")
    assert_accessible(manager)

    rows[2][5] = "The contract was not renewed."
    manager.goto("/my-actions/")
    upload(manager, "Upload your filled sheet", tmp_path / "sheet.xlsx", xlsx({"progress": rows}))
    expect(manager.get_by_role("heading", level=1)).to_contain_text("Check your updates")
    assert_accessible(manager)
    manager.get_by_role("button", name="Confirm").click()
    expect(manager.locator(".govuk-notification-banner")).to_contain_text("sheet.xlsx: 0 created, 2 changed")
    assert_accessible(manager)
