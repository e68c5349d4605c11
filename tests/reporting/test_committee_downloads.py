"""/reports/committee/?...&download=csv|xlsx: the filtered reports, in the list's columns."""

from reporting.columns import COMMITTEE_REPORT_COLUMNS
from tests import factories
from tests.helpers import csv_rows, signed_in, xlsx_rows

LIST = "/reports/committee/"
HEADERS = [column.header for column in COMMITTEE_REPORT_COLUMNS]


def test_csv_rows_match_the_filter(client, reports):
    response = signed_in(client, factories.lead()).get(LIST, {"status": "draft", "download": "csv"})
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="committee-reports.csv"'
    assert csv_rows(response) == [HEADERS, ["CP/3/24-25", "Draft one", "Not yet chosen", "Draft", "", ""]]


def test_xlsx_rows_match_the_filter(client, reports):
    response = signed_in(client, factories.lead()).get(LIST, {"q": "one", "ordering": "sequence", "download": "xlsx"})
    assert response.status_code == 200
    rows = xlsx_rows(response)
    assert rows[0] == HEADERS
    assert [row[0] for row in rows[1:]] == ["CP/1/24-25", "CP/2/24-25", "CP/3/24-25"]
    assert rows[1][2] == "Corporate Policy Committee, 21 November 2024"


def test_committee_members_download_published_reports_only(client, reports):
    response = signed_in(client, factories.committee_member()).get(LIST, {"download": "csv"})
    assert [row[0] for row in csv_rows(response)[1:]] == ["CP/1/24-25"]


def test_page_links_to_downloads_of_the_same_filter(client, reports):
    response = signed_in(client, factories.lead()).get(LIST, {"status": "approved"})
    assert b'href="?status=approved&amp;download=csv"' in response.content
    assert b'href="?status=approved&amp;download=xlsx"' in response.content


def test_an_unknown_download_format_is_404(client, reports):
    assert signed_in(client, factories.lead()).get(LIST, {"download": "pdf"}).status_code == 404


def test_invalid_filters_show_the_page_with_errors_rather_than_a_download(client, reports):
    response = signed_in(client, factories.lead()).get(LIST, {"status": "lost", "download": "csv"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/html")
