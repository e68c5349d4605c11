"""/api/v1/packs/: leads see every build, request (202) and publish; others read and download
published packs only (403 for the rest); the PDF streams with its SHA-256."""

import hashlib

import pytest
from rest_framework.test import APIClient

from reporting.models import ReportPack
from tests import factories
from tests.helpers import query_count, results, token_client

PACKS = "/api/v1/packs/"
READERS = [factories.manager, factories.committee_member]


def test_anonymous_gets_401_and_api_clients_403(built_packs):
    assert APIClient().get(PACKS).status_code == 401
    assert token_client(factories.api_client_user()).get(PACKS).status_code == 403


def test_lead_sees_every_build(built_packs, lead):
    assert results(token_client(lead).get(PACKS), "id") == [built_packs["ready"].pk, built_packs["published"].pk]


@pytest.mark.parametrize("role", READERS)
def test_others_see_and_download_published_packs_only(built_packs, role):
    client = token_client(role())
    assert results(client.get(PACKS), "id") == [built_packs["published"].pk]
    download = client.get(f"{PACKS}{built_packs['published'].pk}/download/")
    assert download.status_code == 200
    content = b"".join(download.streaming_content)
    assert content.startswith(b"%PDF")
    assert download["X-Pack-SHA256"] == hashlib.sha256(content).hexdigest() == built_packs["published"].sha256
    assert client.get(f"{PACKS}{built_packs['ready'].pk}/download/").status_code == 403
    assert client.get(f"{PACKS}{built_packs['ready'].pk}/").status_code == 403


def test_pack_row(built_packs, lead):
    body = token_client(lead).get(f"{PACKS}{built_packs['published'].pk}/").json()
    assert body["period"] == "2024-25-Q1"
    assert body["status"] == "published"
    assert body["published_by"] == "lead"
    assert body["sha256"] == built_packs["published"].sha256


def test_lead_requests_a_build_and_gets_202_with_the_queued_pack(pack_plan, lead, django_capture_on_commit_callbacks):
    client = token_client(lead)
    with django_capture_on_commit_callbacks(execute=False) as queued:
        response = client.post(PACKS, {"period": "2024-25-Q2", "committee_report": "CP/41/24-25"}, format="json")
    assert response.status_code == 202, response.content
    assert response.json()["status"] == "queued"
    assert response.json()["committee_report"] == "CP/41/24-25"
    assert len(queued) == 1  # the build is enqueued once the request commits
    again = client.post(PACKS, {"period": "2024-25-Q2"}, format="json")
    assert again.status_code == 400
    assert "already queued" in again.json()["errors"]["period"][0]


@pytest.mark.parametrize(
    ("body", "field"),
    [({"period": "2024-25-Q9"}, "period"), ({"period": "2030-31-Q1"}, "period"), ({"committee_report": "CP/1/99-00"}, "committee_report")],
)
def test_bad_requests_are_400(pack_plan, lead, body, field):
    response = token_client(lead).post(PACKS, {"period": "2024-25-Q2"} | body, format="json")
    assert response.status_code == 400
    assert field in response.json()["errors"]


@pytest.mark.parametrize("role", READERS)
def test_only_leads_request_and_publish(built_packs, role):
    client = token_client(role())
    assert client.post(PACKS, {"period": "2024-25-Q2"}, format="json").status_code == 403
    assert client.post(f"{PACKS}{built_packs['published'].pk}/publish/").status_code == 403


def test_lead_publishes_a_ready_pack_once(built_packs, lead):
    client = token_client(lead)
    response = client.post(f"{PACKS}{built_packs['ready'].pk}/publish/")
    assert response.status_code == 200, response.content
    assert response.json()["status"] == "published"
    again = client.post(f"{PACKS}{built_packs['ready'].pk}/publish/")
    assert again.status_code == 400
    assert "ready" in again.json()["errors"]["status"][0]


def test_unknown_pack_is_404(built_packs, lead):
    assert token_client(lead).get(f"{PACKS}999999/").status_code == 404
    assert token_client(lead).get(f"{PACKS}{'9' * 30}/download/").status_code == 404
    assert token_client(lead).get(f"{PACKS}null,null/").json()["detail"] == "A pack's id is a whole number."


def test_pack_list_queries_do_not_grow_with_rows(pack_plan, lead):
    client = token_client(lead)

    def add(count):
        start = ReportPack.objects.count()
        ReportPack.objects.bulk_create(
            ReportPack(period=pack_plan["q1"], version=start + n + 1, status="failed", requested_by=lead,
                       committee_report=pack_plan["report"])
            for n in range(count)
        )

    add(10)
    small = query_count(client, f"{PACKS}?page_size=500")
    add(190)
    assert query_count(client, f"{PACKS}?page_size=500") == small
