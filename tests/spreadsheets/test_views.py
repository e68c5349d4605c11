"""The pages: /imports/ for leads (upload, preview, apply) and the quarterly sheet on /my-actions/."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from actions.models import ActionItem, ProgressUpdate
from spreadsheets.columns import PROGRESS_SHEET_COLUMNS
from spreadsheets.models import SpreadsheetUpload
from tests import factories

from .helpers import csv_bytes, sheet_values, xlsx
from tests.test_form_fields import _Page

from .test_plan_import import ACTION_HEADERS, action_row


def upload_file(client, url, content, name="plan.csv"):
    return client.post(url, {"file": SimpleUploadedFile(name, content)})


@pytest.mark.parametrize("role", ["owner", "other"])
def test_only_leads_reach_the_import_pages(client, plan, role):
    client.force_login(plan[role])
    assert client.get(reverse("plan-import")).status_code == 403
    assert upload_file(client, reverse("plan-import"), csv_bytes([ACTION_HEADERS, action_row()])).status_code == 403


def test_anonymous_visitors_are_sent_to_sign_in(client, plan):
    assert client.get(reverse("plan-import")).status_code == 302


def test_a_lead_uploads_previews_then_applies(client, plan):
    client.force_login(plan["lead"])
    page = client.get(reverse("plan-import"))
    assert page.status_code == 200 and b'type="file"' in page.content and b"govuk-file-upload" in page.content

    response = upload_file(client, reverse("plan-import"), csv_bytes([ACTION_HEADERS, action_row()]))
    upload = SpreadsheetUpload.objects.get()
    assert response.status_code == 302 and response.url == reverse("plan-import-preview", args=[upload.token])

    preview = client.get(response.url)
    assert preview.status_code == 200
    assert b"Apply these changes" in preview.content and b"Created" in preview.content
    assert not ActionItem.objects.exists()

    applied = client.post(response.url, follow=True)
    assert applied.redirect_chain[-1][0] == reverse("plan-import")
    assert b"plan.csv: 1 created, 0 changed, 0 unchanged, 0 refused." in applied.content
    assert ActionItem.objects.get().history.first().history_user == plan["lead"]
    assert not SpreadsheetUpload.objects.exists()


def test_a_preview_with_a_refused_row_offers_no_apply_and_applying_anyway_saves_nothing(client, plan):
    client.force_login(plan["lead"])
    response = upload_file(client, reverse("plan-import"), csv_bytes([ACTION_HEADERS, action_row(**{"Owner username": "ghost"})]))

    preview = client.get(response.url)
    assert b"Apply these changes" not in preview.content
    assert "Actions row 2, P1-01: owner username: There is no user ghost" in preview.content.decode()

    assert client.post(response.url).status_code == 409
    assert not ActionItem.objects.exists()


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"%PDF-1.4\x00", "not a spreadsheet"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, "password-protected"),
        (b"Name,Age\nA,1\n", "does not match the export"),
        (b"x" * (5 * 1024 * 1024 + 1), "files of up to 5 MB"),
    ],
)
def test_a_bad_file_is_refused_on_the_upload_page(client, plan, content, message):
    client.force_login(plan["lead"])
    response = upload_file(client, reverse("plan-import"), content)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not SpreadsheetUpload.objects.exists()


def test_an_empty_upload_is_refused(client, plan):
    client.force_login(plan["lead"])
    response = upload_file(client, reverse("plan-import"), b"")
    assert response.status_code == 400 and "The file is empty." in response.content.decode()


def test_another_users_upload_is_not_found(client, plan):
    client.force_login(plan["lead"])
    response = upload_file(client, reverse("plan-import"), csv_bytes([ACTION_HEADERS, action_row()]))
    client.force_login(factories.lead(username="second-lead"))
    assert client.get(response.url).status_code == 404
    assert client.post(response.url).status_code == 404


def test_an_expired_upload_is_not_found(client, plan):
    client.force_login(plan["lead"])
    response = upload_file(client, reverse("plan-import"), csv_bytes([ACTION_HEADERS, action_row()]))
    SpreadsheetUpload.objects.update(created_at=datetime.datetime(2020, 1, 1, tzinfo=datetime.UTC))
    assert client.get(response.url).status_code == 404


def test_the_menu_shows_import_to_leads_only(client, plan):
    client.force_login(plan["lead"])
    assert b'href="/imports/"' in client.get(reverse("dashboard")).content
    client.force_login(plan["owner"])
    assert b'href="/imports/"' not in client.get(reverse("dashboard")).content


# The manager's sheet ----------------------------------------------------------------------------


@pytest.fixture
def owned(plan):
    return factories.ActionFactory(
        reference="P3-01", title="Network refresh", principle=plan["strategy"].principles.get(number=3),
        owner=plan["owner"], status="on_track", rag="green", percent_complete=20, target_date=datetime.date(2099, 3, 31),
    )


def test_a_manager_downloads_uploads_previews_and_confirms_the_sheet(client, plan, owned):
    client.force_login(plan["owner"])
    my_actions = client.get(reverse("my-actions")).content.decode()
    assert 'href="/my-actions/sheet/"' in my_actions and 'enctype="multipart/form-data"' in my_actions

    download = client.get(reverse("progress-sheet"))
    assert download.status_code == 200
    assert download["Content-Disposition"].startswith(f'attachment; filename="my-actions-{plan["period"].key}-')
    [rows] = sheet_values(download.content).values()
    rows = [list(row) for row in rows]
    rows[1][2:7] = ["At risk", "Amber", 30, "Kit is late.", "Chase the supplier."]

    response = upload_file(client, reverse("progress-sheet"), xlsx({"progress": rows}), name="sheet.xlsx")
    assert response.status_code == 302
    preview = client.get(response.url)
    assert b"Confirm" in preview.content and b"At risk" in preview.content
    assert not ProgressUpdate.objects.exists()

    done = client.post(response.url, follow=True)
    assert done.redirect_chain[-1][0] == reverse("my-actions")
    assert ProgressUpdate.objects.get().commentary == "Kit is late."


def test_a_sheet_preview_shows_each_refused_row(client, plan, owned):
    client.force_login(plan["owner"])
    row = ["P3-01", "Network refresh", "Off track", "Red", 20, "", "", 1]
    response = upload_file(
        client, reverse("progress-sheet"), xlsx({"p": [[c.header for c in PROGRESS_SHEET_COLUMNS], row]}), name="s.xlsx"
    )
    preview = client.get(response.url).content.decode()
    assert "P3-01: commentary: Explain why the action is red" in preview
    assert "Confirm" not in preview


def test_a_plan_file_is_not_a_progress_sheet(client, plan, owned):
    client.force_login(plan["owner"])
    response = upload_file(client, reverse("progress-sheet"), csv_bytes([ACTION_HEADERS, action_row()]))
    assert response.status_code == 400 and "does not match the export of progress" in response.content.decode()


@pytest.mark.parametrize("role", ["committee", "apiclient"])
def test_the_sheet_is_for_people_who_report_progress(client, plan, role):
    user = factories.committee_member(username="cllr") if role == "committee" else factories.api_client_user(username="sys")
    client.force_login(user)
    assert client.get(reverse("progress-sheet")).status_code == 403


@pytest.mark.parametrize("url_name", ["plan-import", "progress-sheet"])
def test_an_upload_error_is_beside_the_file_input_and_describes_it(client, plan, url_name):
    client.force_login(plan["lead"])
    response = upload_file(client, reverse(url_name), b"%PDF-1.4\x00")
    page = _Page(response.content.decode())
    [(error_id, text)] = page.error_messages
    assert error_id == "id_file-error" and "not a spreadsheet" in text
    assert page.describedby("id_file") == ["id_file-hint", "id_file-error"]
    assert page.ids["id_file-hint"] == 1
