"""/api/v1/committee-reports/ and /api/v1/meetings/: published reports for every role, everything
for leads; drafting, editing, approving and publishing through the services with If-Match."""

import datetime
from dataclasses import asdict

import pytest
from rest_framework.test import APIClient

from reporting.columns import COMMITTEE_REPORT_COLUMNS
from reporting.models import CommitteeMeeting, CommitteeReport
from tests import factories
from tests.helpers import csv_rows, query_count, results, token_client
from tests.reporting.builders import ALL_IMPLICATIONS, COMPLETE_SECTIONS

REPORTS = "/api/v1/committee-reports/"
MEETINGS = "/api/v1/meetings/"
NON_LEADS = [factories.manager, factories.committee_member, factories.api_client_user]


def test_anonymous_gets_401(reports):
    assert APIClient().get(REPORTS).status_code == 401
    assert APIClient().get(MEETINGS).status_code == 401


def test_a_user_without_a_role_gets_403(reports):
    assert token_client(factories.UserFactory()).get(REPORTS).status_code == 403


def test_lead_reads_every_report(reports, lead):
    assert results(token_client(lead).get(REPORTS), "reference") == ["CP/3/24-25", "CP/2/24-25", "CP/1/24-25"]


@pytest.mark.parametrize("role", NON_LEADS)
def test_others_read_published_reports_only(reports, role):
    client = token_client(role())
    assert results(client.get(REPORTS), "reference") == ["CP/1/24-25"]
    assert client.get(f"{REPORTS}cp-1-24-25/").status_code == 200
    assert client.get(f"{REPORTS}cp-2-24-25/").status_code == 404
    assert client.get(f"{REPORTS}cp-2-24-25/", HTTP_IF_NONE_MATCH="*").status_code == 404
    assert client.get(MEETINGS).json()["results"][0]["reports"] == ["CP/1/24-25"]


def test_report_detail_has_sections_implications_and_etag(reports, lead):
    report = CommitteeReport.objects.get(sequence=1)
    report.implications.create(area="legal", text="None.")
    response = token_client(lead).get(f"{REPORTS}cp-1-24-25/")
    body = response.json()
    assert body["slug"] == "cp-1-24-25"
    assert body["meeting_committee"] == "Corporate Policy Committee"
    assert body["implications"] == {"legal": "None."}
    assert "executive_summary" in body
    assert response["ETag"] == f'"{body["version"]}"'


@pytest.mark.parametrize(
    ("params", "expected"),
    [({"status": "approved"}, ["CP/2/24-25"]), ({"q": "draft"}, ["CP/3/24-25"]), ({"ordering": "sequence"}, ["CP/1/24-25", "CP/2/24-25", "CP/3/24-25"])],
)
def test_filters_are_the_pages(reports, lead, params, expected):
    assert results(token_client(lead).get(REPORTS, params), "reference") == expected


def test_bad_filter_is_400(reports, lead):
    assert token_client(lead).get(REPORTS, {"status": "lost"}).status_code == 400


def test_csv_uses_the_page_columns(reports):
    rows = csv_rows(token_client(factories.committee_member()).get(REPORTS, {"format": "csv"}))
    assert rows == [
        [column.header for column in COMMITTEE_REPORT_COLUMNS],
        # No period: it is not a quarter's progress report.
        ["CP/1/24-25", "Published one", "Corporate Policy Committee, 21 November 2024", "Published", "", ""],
    ]


# Writes


def draft_body(meeting) -> dict:
    return {"meeting": meeting.pk, **asdict(COMPLETE_SECTIONS), "implications": ALL_IMPLICATIONS}


def test_lead_drafts_approves_and_publishes_a_report(reports, meeting, lead):
    client = token_client(lead)
    created = client.post(REPORTS, draft_body(meeting), format="json")
    assert created.status_code == 201, created.content
    assert created.json()["reference"] == "CP/4/24-25"
    assert created.json()["status"] == "draft"
    url = f"{REPORTS}cp-4-24-25/"
    approved = client.post(f"{url}approve/", HTTP_IF_MATCH=created["ETag"])
    assert approved.status_code == 200, approved.content
    assert approved.json()["approved_by"] == "lead"
    published = client.post(f"{url}publish/", HTTP_IF_MATCH=approved["ETag"])
    assert published.status_code == 200, published.content
    assert published.json()["status"] == "published"
    refused = client.patch(url, {"title": "Too late"}, format="json", HTTP_IF_MATCH=published["ETag"])
    assert refused.status_code == 400
    assert "published" in str(refused.json()["errors"])


def test_patch_needs_if_match_and_a_stale_one_gets_412(reports, lead):
    client = token_client(lead)
    url = f"{REPORTS}cp-2-24-25/"
    read = client.get(url)["ETag"]
    assert client.patch(url, {"title": "Renamed"}, format="json").status_code == 400
    changed = client.patch(url, {"title": "Renamed", "implications": {"legal": "None."}}, format="json", HTTP_IF_MATCH=read)
    assert changed.status_code == 200, changed.content
    assert changed.json()["status"] == "draft"  # editing an approved report sends it back
    assert changed.json()["implications"] == {"legal": "None."}
    stale = client.patch(url, {"title": "Lost"}, format="json", HTTP_IF_MATCH=read)
    assert stale.status_code == 412
    assert stale.json()["changed_by"] == "lead"
    assert CommitteeReport.objects.get(sequence=2).title == "Renamed"


@pytest.mark.parametrize("step", ["approve", "publish"])
def test_a_step_on_a_stale_etag_gets_412_and_nothing_moves(reports, lead, step):
    client = token_client(lead)
    url = f"{REPORTS}cp-2-24-25/"
    read = client.get(url)["ETag"]
    assert client.patch(url, {"title": "Renamed"}, format="json", HTTP_IF_MATCH=read).status_code == 200

    stale = client.post(f"{url}{step}/", HTTP_IF_MATCH=read)

    assert stale.status_code == 412
    assert stale.json()["changed_by"] == "lead"
    assert stale["ETag"] == client.get(url)["ETag"]
    report = CommitteeReport.objects.get(sequence=2)
    assert (report.title, report.status) == ("Renamed", "draft")
    assert client.post(f"{url}{step}/").json()["errors"].keys() == {"If-Match"}


def test_incomplete_draft_cannot_be_approved(reports, lead):
    response = token_client(lead).post(f"{REPORTS}cp-3-24-25/approve/", HTTP_IF_MATCH="*")
    assert response.status_code == 400
    assert "cannot go on the agenda" in response.json()["errors"]["non_field_errors"][0]


@pytest.mark.parametrize(
    ("change", "field"),
    [({"meeting": 999}, "meeting"), ({"implications": {"weather": "x"}}, "implications"), ({"status": "published"}, "status")],
)
def test_validation_is_400_with_field_messages(reports, meeting, lead, change, field):
    response = token_client(lead).post(REPORTS, draft_body(meeting) | change, format="json")
    assert response.status_code == 400
    assert field in response.json()["errors"]


@pytest.mark.parametrize("role", NON_LEADS)
def test_only_leads_write(reports, meeting, role):
    client = token_client(role())
    assert client.post(REPORTS, draft_body(meeting), format="json").status_code == 403
    assert client.patch(f"{REPORTS}cp-1-24-25/", {"title": "X"}, format="json", HTTP_IF_MATCH="*").status_code == 403
    assert client.post(f"{REPORTS}cp-1-24-25/publish/", HTTP_IF_MATCH="*").status_code == 403
    assert client.post(MEETINGS, {"committee": "Audit", "date": "2025-01-09"}, format="json").status_code == 403


def test_lead_adds_a_meeting_once(reports, lead):
    client = token_client(lead)
    body = {"committee": "Audit and Governance Committee", "date": "2025-01-09"}
    created = client.post(MEETINGS, body, format="json")
    assert created.status_code == 201, created.content
    assert created.json()["reports"] == []
    again = client.post(MEETINGS, body, format="json")
    assert again.status_code == 400
    assert "date" in again.json()["errors"]
    assert CommitteeMeeting.objects.count() == 2


# Query budgets


def test_report_and_meeting_lists_do_not_grow_with_rows(lead):
    client = token_client(lead)

    def add(count, start):
        for number in range(start, start + count):
            meeting = factories.MeetingFactory(date=datetime.date(2024, 4, 1) + datetime.timedelta(days=number))
            factories.CommitteeReportFactory(sequence=number, meeting=meeting)

    add(10, 1)
    budgets = {url: query_count(client, url) for url in (f"{REPORTS}?page_size=500", f"{REPORTS}?format=csv", f"{MEETINGS}?page_size=500")}
    add(190, 11)
    assert {url: query_count(client, url) for url in budgets} == budgets
