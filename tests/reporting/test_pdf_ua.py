"""Packs and committee reports pass an independent PDF/UA-1 checker, outloud (pinned in pyproject.toml).

outloud runs the PDF/UA-1 conformance rules (calibrated against veraPDF) and semantic rules a
validator cannot make; every document here must have no error under either. The structure
tests then name the points one by one: scoped header cells, running header and footer as
pagination artifacts, the chart's alternative text, bookmarks that are the headings.
"""

import re
from types import SimpleNamespace

import lxml.html
import outloud
import pikepdf
import pytest
from django.core.management import call_command
from django.db import transaction
from django.template.loader import render_to_string
from outloud.model import Document as CheckedDocument

from reporting.selectors import committee_report_document
from reporting.models import CommitteeReport, ReportingPeriod
from reporting.pack_data import pack_data
from reporting.pack_pdf import pack_html, render_pack
from reporting.pdf import committee_report_pdf
from reporting.pdf_ua import structure_elements

# The documents are built once for the module; the mark makes pytest-django set up the test
# database even when this module runs alone.
pytestmark = pytest.mark.django_db

HEADINGS = "//h1 | //h2 | //h3 | //h4 | //h5 | //h6"
RUNNING_TEXT = re.compile(r"^(OFFICIAL|Page \d+ of \d+)$")


def _normalised(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture(scope="module")
def documents(django_db_setup, django_db_blocker, tmp_path_factory):
    """The demo's 2026/27 Q2 pack and report CP/35/22-23, each as PDF and the HTML it was laid out from."""
    folder = tmp_path_factory.mktemp("pdf-ua")
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("seed_strategy", "--demo", verbosity=0)
        pack = pack_data(period=ReportingPeriod.objects.get(financial_year=2026, quarter=2))
        report = committee_report_document(report=CommitteeReport.objects.get(reference="CP/35/22-23"))
        sources = {
            "pack": (pack_html(data=pack), render_pack(data=pack)),
            "report": (html := render_to_string("reporting/report/document.html", {"report": report}), committee_report_pdf(html=html)),
        }
        transaction.set_rollback(True)
    built = {}
    for name, (html, rendered) in sources.items():
        path = folder / f"{name}.pdf"
        path.write_bytes(rendered.content)
        built[name] = SimpleNamespace(path=path, html=html)
    return built


def _tagged(path, tag: str) -> list:
    with pikepdf.open(path) as pdf:
        return [dict(element) for element in structure_elements(pdf.Root.StructTreeRoot) if element.S == tag]


def _outline_titles(items) -> list[str]:
    return [title for item in items for title in [item.title, *_outline_titles(item.children)]]


# The one warning left: WeasyPrint tags the header row it repeats at the top of a table's later
# pages as content, and outloud hears a line repeated at the top of 3 or more pages as a running head.
KNOWN_WARNINGS = {"pack": ["PAG-001"], "report": []}


@pytest.mark.parametrize("name", ["pack", "report"])
def test_the_independent_checker_finds_no_error(documents, name):
    result = outloud.check(str(documents[name].path))
    assert result.error is None, result.error
    assert [run.rule for run in result.runs if run.status == "crashed"] == []
    findings = {
        severity: [
            f"{finding.rule} p.{finding.page}: {finding.message} ({finding.evidence})"
            for finding in result.sorted_findings() if finding.severity == severity
        ]
        for severity in ("error", "warning")
    }
    assert findings["error"] == [], "\n".join(findings["error"])
    assert [line.split()[0] for line in findings["warning"]] == KNOWN_WARNINGS[name], "\n".join(findings["warning"])


@pytest.mark.parametrize("name", ["pack", "report"])
def test_every_header_cell_has_a_scope(documents, name):
    header_cells = _tagged(documents[name].path, "/TH")
    assert header_cells
    scopes = [str(cell["/A"].get("/Scope")) for cell in header_cells]
    assert set(scopes) <= {"/Column", "/Row"}, scopes


def test_a_header_cell_heads_its_column_in_the_head_row_and_its_row_in_the_body_and_foot(documents):
    with pikepdf.open(documents["pack"].path) as pdf:
        scopes = {
            (str(cell.P.P.S), str(cell.A.Scope))
            for cell in structure_elements(pdf.Root.StructTreeRoot) if cell.S == "/TH"
        }
    assert scopes == {("/THead", "/Column"), ("/TBody", "/Row"), ("/TFoot", "/Row")}


@pytest.mark.parametrize("name", ["pack", "report"])
def test_running_header_and_footer_are_pagination_artifacts_not_content(documents, name):
    checked = CheckedDocument(str(documents[name].path))
    try:
        running = [
            run for page in checked.pages for run in checked.content(page.index).runs if RUNNING_TEXT.match(run.text.strip())
        ]
    finally:
        checked.close()
    assert len(running) >= 2 * len(checked.pages)  # "OFFICIAL" and "Page N of M" on every page at least
    assert all(run.artifact and run.mcid is None for run in running)
    with pikepdf.open(documents[name].path) as pdf:
        artifacts = [
            operands[1] for page in pdf.pages for operands, operator in pikepdf.parse_content_stream(page, "BDC")
            if operands[0] == pikepdf.Name("/Artifact") and isinstance(operands[1], pikepdf.Dictionary)
        ]
    assert {str(properties.Type) for properties in artifacts} == {"/Pagination"}


@pytest.mark.parametrize("name", ["pack", "report"])
def test_reading_order_follows_the_page(documents, name):
    # outloud's ORD-001 compares the order content is painted in with the order of the tags.
    result = outloud.check(str(documents[name].path), only=["ORD-001"])
    assert [run.status for run in result.runs] == ["ran"]
    assert result.findings == []


def test_the_chart_is_the_one_figure_and_has_alternative_text(documents):
    figures = _tagged(documents["pack"].path, "/Figure")
    assert [str(figure["/Alt"]) for figure in figures] == [
        "Actions by status for each principle at 30 September 2026; the figures are in the table below."
    ]


@pytest.mark.parametrize("name", ["pack", "report"])
def test_bookmarks_are_the_headings_in_page_order(documents, name):
    headings = [_normalised(heading.text_content()) for heading in lxml.html.fromstring(documents[name].html).xpath(HEADINGS)]
    with pikepdf.open(documents[name].path) as pdf, pdf.open_outline() as outline:
        titles = [_normalised(title) for title in _outline_titles(outline.root)]
        tagged_headings = [element for element in structure_elements(pdf.Root.StructTreeRoot) if re.fullmatch(r"/H[1-6]", str(element.S))]
    assert titles == headings
    assert len(tagged_headings) == len(headings)
