"""/public/: published packs and committee reports, and the summary figures as open data, for anyone."""

import datetime
import hashlib
import json

import pytest
from django.core.cache import cache

from reporting.models import CommitteeReport
from tests import factories
from tests.helpers import csv_rows, signed_in
from tests.reporting.builders import approve, draft_report, publish

INDEX = "/public/"
CSV = "/public/data/summary.csv"
JSON = "/public/data/summary.json"


@pytest.fixture(autouse=True)
def fresh_cache():
    """Throttle counts and the open data's cache live in the cache; each test starts without them."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def published(db):
    """Two published quarters, 2024/25 Q1 and Q2, worked by hand; unpublished packs and reports beside them.

    Actions (each quarter as at its last day):
      P1-01  Q1 on track, green, 20%;  Q2 at risk, amber, 40%
      P1-02  Q1 completed, green, 100% (due 30 June 2024, but completed: never overdue)
      P2-01  no update: not started, green, 0%; due 31 August 2024: overdue at Q2's end, not Q1's
      P2-02  Q1 none (not started, green, 0%);  Q2 off track, red, 10%
      P2-03  only a Q3 update, which no published quarter counts: not started, green, 0%
    Completed and cancelled actions count under their status only: RAG counts and averages are of open actions.
    Q1: principle 1 open 1, avg 20.0; principle 2 open 3, avg 0.0; all: open 4, avg 20 / 4 = 5.0, overdue 0
    Q2: principle 1 open 1, avg 40.0; principle 2 open 3, avg 10 / 3 = 3.3, overdue 1;
        all: open 4 (red 1, amber 1, green 2), avg 50 / 4 = 12.5, overdue 1
    """
    q1, q2, q3 = (factories.PeriodFactory(key=key) for key in ("2024-25-Q1", "2024-25-Q2", "2024-25-Q3"))
    owner = factories.manager(first_name="Priya", last_name="Sharma")
    p1 = factories.PrincipleFactory(number=1, title="First")
    p2 = factories.PrincipleFactory(number=2, title="Second", strategy=p1.strategy)
    far = datetime.date(2027, 3, 31)
    actions = {
        reference: factories.ActionFactory(reference=reference, principle=principle, owner=owner, target_date=target)
        for reference, principle, target in (
            ("P1-01", p1, far),
            ("P1-02", p1, datetime.date(2024, 6, 30)),
            ("P2-01", p2, datetime.date(2024, 8, 31)),
            ("P2-02", p2, far),
            ("P2-03", p2, far),
        )
    }
    for reference, period, status, rag, percent in (
        ("P1-01", q1, "on_track", "green", 20),
        ("P1-01", q2, "at_risk", "amber", 40),
        ("P1-02", q1, "completed", "green", 100),
        ("P2-02", q2, "off_track", "red", 10),
        ("P2-03", q3, "on_track", "green", 50),
    ):
        factories.ProgressUpdateFactory(
            action=actions[reference], period=period, status=status, rag=rag, percent_complete=percent, commentary="Reported."
        )
    lead = factories.lead(first_name="Helen", last_name="Ashworth")
    meeting = factories.MeetingFactory(date=datetime.date(2024, 11, 21))
    report = publish(report=approve(report=draft_report(meeting, user=lead), user=lead), user=lead)
    approved = approve(report=draft_report(meeting, user=lead, title="Approved, not yet published"), user=lead)
    draft = draft_report(meeting, user=lead, title="Still a draft")
    packs = {
        "q1": factories.ReportPackFactory(period=q1, committee_report=report),
        "q2": factories.ReportPackFactory(period=q2, committee_report=report),
        "q2_ready": factories.ReportPackFactory(period=q2, version=2, status="ready"),
        "q3_ready": factories.ReportPackFactory(period=q3, status="ready"),
        "q3_failed": factories.ReportPackFactory(period=q3, version=2, status="failed", file="", sha256=""),
    }
    return {"report": report, "approved": approved, "draft": draft, "packs": packs, "periods": (q1, q2, q3)}


def content(response) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


# The page.


def test_the_page_lists_published_packs_and_reports_newest_first_with_their_files(client, published):
    response = client.get(INDEX)
    assert response.status_code == 200
    page = response.content.decode()
    q1, q2 = published["packs"]["q1"], published["packs"]["q2"]
    assert page.index("2024/25 Q2 progress pack") < page.index("2024/25 Q1 progress pack")
    for pack in (q1, q2):
        assert f'href="/public/packs/{pack.pk}/download/"' in page
        assert pack.sha256 in page
    assert "3 pages" in page
    report = published["report"]
    assert f"{report.reference}: {report.title}" in page
    assert f'href="/public/reports/{report.slug}/pdf/"' in page
    assert report.pdf_sha256 in page and f"{report.pdf_page_count} page" in page
    assert "Corporate Policy Committee, 21 November 2024" in page


def test_the_page_shows_nothing_unpublished_and_no_one_who_published(client, published):
    page = client.get(INDEX).content.decode()
    for pack in ("q2_ready", "q3_ready", "q3_failed"):
        assert f"/public/packs/{published['packs'][pack].pk}/" not in page
    assert "2024/25 Q3" not in page
    for report in (published["approved"], published["draft"]):
        assert report.reference not in page and report.title not in page
    assert "Helen Ashworth" not in page and "Priya Sharma" not in page


def test_the_page_describes_every_column_of_the_open_data(client, published):
    page = client.get(INDEX).content.decode()
    header, *_ = csv_rows(client.get(CSV))
    for column in header:
        assert f'<code class="app-sha">{column}</code>' in page
    assert f'href="{CSV}"' in page and f'href="{JSON}"' in page


def test_every_page_links_to_the_public_page_from_its_footer(client, db):
    assert f'class="govuk-footer__link" href="{INDEX}"' in client.get("/accounts/login/").content.decode()


def test_a_signed_in_reader_sees_the_same_list(client, published):
    response = signed_in(client, factories.committee_member()).get(INDEX)
    assert response.status_code == 200
    assert published["approved"].reference not in response.content.decode()


# Downloads: only what is published, whatever the URL.


def test_published_files_download_with_the_sha256_the_page_gives(client, published):
    pack = published["packs"]["q2"]
    response = client.get(f"/public/packs/{pack.pk}/download/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert hashlib.sha256(content(response)).hexdigest() == pack.sha256
    report = published["report"]
    response = client.get(f"/public/reports/{report.slug}/pdf/")
    assert response.status_code == 200
    body = content(response)
    assert body.startswith(b"%PDF") and hashlib.sha256(body).hexdigest() == report.pdf_sha256
    assert len(body) == report.pdf_size_bytes


def test_unpublished_packs_and_reports_are_404_whatever_the_url(client, published):
    for name in ("q2_ready", "q3_ready", "q3_failed"):
        assert client.get(f"/public/packs/{published['packs'][name].pk}/download/").status_code == 404, name
    for report in (published["approved"], published["draft"]):
        for key in (report.slug, str(report.pk), report.reference.lower()):
            assert client.get(f"/public/reports/{key}/pdf/").status_code == 404, key
    for url in (
        "/public/packs/999999/download/",
        "/public/packs/99999999999999999999999/download/",
        "/public/packs/-1/download/",
        "/public/reports/cp-999-24-25/pdf/",
        "/public/reports/..%2F..%2Fetc%2Fpasswd/pdf/",
        "/public/reports/%00/pdf/",
    ):
        assert client.get(url).status_code == 404, url


def test_a_published_pack_whose_report_is_unpublished_stays_published(client, published):
    """A pack is published only with its report approved and published (reporting.packs); the
    public page follows the pack's own status, and never links the report if it is not published."""
    pack = factories.ReportPackFactory(period=published["periods"][2], version=3, committee_report=published["approved"])
    page = client.get(INDEX).content.decode()
    assert f"/public/packs/{pack.pk}/download/" in page
    assert f"/public/reports/{published['approved'].slug}/" not in page


def test_only_reading_is_allowed(client, published):
    assert client.post(INDEX).status_code == 405
    assert client.post(CSV).status_code == 405


def test_a_report_published_before_reports_kept_their_pdf_gets_it_at_its_first_download(client, db):
    report = factories.CommitteeReportFactory(status="published", title="Published long ago")
    response = client.get(f"/public/reports/{report.slug}/pdf/")
    assert response.status_code == 200
    report.refresh_from_db()
    assert hashlib.sha256(content(response)).hexdigest() == report.pdf_sha256
    assert report.pdf_sha256 in client.get(INDEX).content.decode()


# Open data, against the hand-worked quarters.

HEADER = [
    "Period", "Period key", "As at", "Principle", "Principle title", "Actions",
    "Not started", "On track", "At risk", "Off track", "Completed", "Cancelled", "Open",
    "Red", "Amber", "Green", "Average complete of open", "Overdue",
]
EXPECTED_ROWS = [
    ["2024/25 Q1", "2024-25-Q1", "2024-06-30", "1", "First", "2", "0", "1", "0", "0", "1", "0", "1", "0", "0", "1", "20.0", "0"],
    ["2024/25 Q1", "2024-25-Q1", "2024-06-30", "2", "Second", "3", "3", "0", "0", "0", "0", "0", "3", "0", "0", "3", "0.0", "0"],
    ["2024/25 Q1", "2024-25-Q1", "2024-06-30", "", "All principles", "5", "3", "1", "0", "0", "1", "0", "4", "0", "0", "4", "5.0", "0"],
    ["2024/25 Q2", "2024-25-Q2", "2024-09-30", "1", "First", "2", "0", "0", "1", "0", "1", "0", "1", "0", "1", "0", "40.0", "0"],
    ["2024/25 Q2", "2024-25-Q2", "2024-09-30", "2", "Second", "3", "2", "0", "0", "1", "0", "0", "3", "1", "0", "2", "3.3", "1"],
    ["2024/25 Q2", "2024-25-Q2", "2024-09-30", "", "All principles", "5", "2", "0", "1", "1", "1", "0", "4", "1", "1", "2", "12.5", "1"],
]


def test_summary_csv_matches_the_hand_worked_quarters(client, published):
    response = client.get(CSV)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="ict-strategy-summary.csv"'
    assert csv_rows(response) == [HEADER, *EXPECTED_ROWS]


def test_summary_json_has_the_same_rows_as_numbers_and_describes_its_columns(client, published):
    response = client.get(JSON)
    assert response.status_code == 200
    body = json.loads(response.content)
    assert [column["name"] for column in body["columns"]] == HEADER
    assert all(column["description"] for column in body["columns"])
    assert body["rows"][5] == {
        "Period": "2024/25 Q2", "Period key": "2024-25-Q2", "As at": "2024-09-30", "Principle": None,
        "Principle title": "All principles", "Actions": 5, "Not started": 2, "On track": 0, "At risk": 1, "Off track": 1,
        "Completed": 1, "Cancelled": 0, "Open": 4, "Red": 1, "Amber": 1, "Green": 2,
        "Average complete of open": 12.5, "Overdue": 1,
    }
    as_text = [[("" if value is None else str(value)) for value in row.values()] for row in body["rows"]]
    assert as_text == EXPECTED_ROWS


def test_open_data_agrees_with_the_api_summary(client, published):
    from tests.helpers import token_client

    api = token_client(factories.api_client_user()).get("/api/v1/summary/", {"period": "2024-25-Q2"}).json()
    row = json.loads(client.get(JSON).content)["rows"][5]
    assert (row["Actions"], row["Average complete of open"], row["Overdue"]) == (
        api["overall"]["total"], api["overall"]["average_percent"], api["overall"]["overdue"],
    )


def test_a_quarter_appears_in_the_open_data_once_its_pack_is_published(client, published):
    assert {row[1] for row in csv_rows(client.get(CSV))[1:]} == {"2024-25-Q1", "2024-25-Q2"}
    factories.ReportPackFactory(period=published["periods"][2], version=3)
    assert {row[1] for row in csv_rows(client.get(CSV))[1:]} == {"2024-25-Q1", "2024-25-Q2", "2024-25-Q3"}


def test_open_data_with_nothing_published_is_just_the_header(client, db):
    assert csv_rows(client.get(CSV)) == [HEADER]
    assert json.loads(client.get(JSON).content)["rows"] == []


# Caching and limits.


def test_an_unchanged_page_is_not_sent_again(client, published):
    for url in (INDEX, CSV, JSON, f"/public/packs/{published['packs']['q1'].pk}/download/"):
        first = client.get(url)
        assert first["ETag"] and "max-age=300" in first["Cache-Control"], url
        assert client.get(url, headers={"if-none-match": first["ETag"]}).status_code == 304, url


def test_publishing_changes_the_etag(client, published):
    before = client.get(CSV)["ETag"]
    factories.ReportPackFactory(period=published["periods"][2], version=3)
    assert client.get(CSV, headers={"if-none-match": before}).status_code == 200


def test_requests_are_limited_per_address(client, published, settings):
    settings.API_THROTTLE_RATES = {**settings.API_THROTTLE_RATES, "anon": "3/minute"}
    for url in (INDEX, CSV, JSON):
        assert client.get(url, REMOTE_ADDR="203.0.113.7").status_code == 200
    refused = client.get(INDEX, REMOTE_ADDR="203.0.113.7")
    assert refused.status_code == 429
    assert int(refused["Retry-After"]) > 0
    assert "Too many requests" in refused.content.decode()
    assert client.get(INDEX, REMOTE_ADDR="203.0.113.8").status_code == 200


def test_the_public_page_carries_the_sites_security_headers(client, published):
    response = client.get(INDEX)
    assert "script-src 'self'" in response["Content-Security-Policy"]
    assert "unsafe-inline" not in response["Content-Security-Policy"]


# Publishing a report stores its PDF, which every reader then gets.


def test_publishing_a_report_stores_its_pdf_with_its_sha256_pages_and_size(published):
    report = CommitteeReport.objects.get(pk=published["report"].pk)
    stored = report.pdf.read()
    assert stored.startswith(b"%PDF")
    assert hashlib.sha256(stored).hexdigest() == report.pdf_sha256
    assert (len(stored), report.pdf_page_count > 0) == (report.pdf_size_bytes, True)
    assert not CommitteeReport.objects.get(pk=published["approved"].pk).pdf


def test_signed_in_readers_download_the_same_stored_pdf(client, published):
    report = published["report"]
    response = signed_in(client, factories.committee_member()).get(f"/reports/committee/{report.slug}/pdf/")
    assert hashlib.sha256(content(response)).hexdigest() == report.pdf_sha256
