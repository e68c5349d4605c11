import re
import subprocess

import pytest
from django.core.management import call_command
from django.urls import reverse

from reporting.pdf import committee_report_pdf
from tests.factories import committee_member
from tests.helpers import pdf_info

SECTION_HEADINGS = [
    "1. Purpose of Report",
    "2. Executive Summary",
    "3. Recommendations",
    "4. Reasons for Recommendations",
    "5. Other Options Considered",
    "6. Background",
    "7. Consultation and Engagement",
    "8. Implications",
    "8.1. Legal",
    "8.6. Risk Management",
    "8.8. Children and Young People/Cared for Children",
    "8.10. Climate Change",
    "Access to Information",
]


@pytest.fixture
def seeded_report_pdf(db, client, tmp_path):
    call_command("seed_strategy", verbosity=0)
    client.force_login(committee_member())
    response = client.get(reverse("committee-report-pdf", kwargs={"key": "cp-35-22-23"}))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="cp-35-22-23.pdf"'
    path = tmp_path / "cp-35-22-23.pdf"
    path.write_bytes(b"".join(response.streaming_content))
    return path


def _normalised(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.pdf
def test_seeded_report_renders_as_a_tagged_pdf_in_the_house_form(seeded_report_pdf):
    text = _normalised(subprocess.run(["pdftotext", str(seeded_report_pdf), "-"], capture_output=True, text=True, check=True).stdout)
    for expected in [
        "Cheshire East Council", "CP/35/22-23", "Corporate Policy Committee", "23 March 2023", "ICT Strategy",
        "Jane Burns", "Ward(s) Affected: All", "Page 1 of", "OFFICIAL", "Gareth Pawlett", *SECTION_HEADINGS,
    ]:
        assert expected in text, expected
    # Bullet lines of 6.1 and 6.6 are list items, not paragraphs starting with a dash.
    assert "• Provide Cyber Security and Threat Management" in text
    assert "- Provide Cyber Security" not in text

    info = pdf_info(seeded_report_pdf)
    assert "Tagged:          yes" in info
    assert "Title:           ICT Strategy: Corporate Policy Committee, 23 March 2023 (CP/35/22-23)" in info
    pages = int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))
    assert f"Page {pages} of {pages}" in text


@pytest.mark.pdf
def test_headings_become_bookmarks_and_tags(seeded_report_pdf):
    # pdftohtml -xml prints the PDF outline (its bookmarks) as <item> elements.
    xml = subprocess.run(
        ["pdftohtml", "-xml", "-stdout", "-i", "-q", str(seeded_report_pdf)], capture_output=True, text=True, check=True
    ).stdout
    bookmarks = re.findall(r'<item page="\d+">([^<]+)</item>', xml)
    assert bookmarks[0] == "ICT Strategy"
    assert [b for b in bookmarks if b in SECTION_HEADINGS] == SECTION_HEADINGS
    structure = subprocess.run(["pdfinfo", "-struct", str(seeded_report_pdf)], capture_output=True, text=True, check=True).stdout
    for tag in ("H1", "H2", "H3", "L", "LI", "Table", "TH"):
        assert f" {tag} " in structure or f" {tag}\n" in structure, tag


def test_renderer_returns_bytes_and_page_count_without_the_database():
    rendered = committee_report_pdf(
        html='<!DOCTYPE html><html lang="en-GB"><head><title>Plain</title></head>'
        '<body><h1>One</h1><p class="report-para">Text.</p></body></html>'
    )
    assert rendered.content.startswith(b"%PDF-")
    assert rendered.page_count == 1
