"""The demo pack, laid out page by page: what a clerk would otherwise fix by hand before publishing.

WeasyPrint's layout (`reporting.pdf.layout`) gives every page's boxes, so "a quarter full" and
"ends with a heading" are measured, not guessed; `pdftotext -layout` reads each page as the PDF
shows it. The demo plan gets one more action whose commentary carries a very long address.
"""

import re
import subprocess
from collections import defaultdict
from decimal import Decimal
from types import SimpleNamespace

import pytest
from django.core.management import call_command
from django.db import transaction
from django.db.models import Sum
from weasyprint.formatting_structure import boxes

from actions.choices import Rag, Status
from actions.models import ActionItem
from core.templatetags.council import pounds
from principles.models import Principle
from registers.choices import BusinessCaseStatus
from registers.models import SCORE_BANDS, BusinessCaseLine, Risk
from reporting.models import ReportingPeriod
from reporting.pack_data import pack_data
from reporting.pack_pdf import PACK_STYLESHEETS, pack_html, status_chart
from reporting.pdf import layout, write_pdf
from tests import factories
from tests.helpers import pdf_info

# django_db: pytest-django sets up the test database, which the module fixture uses, even when this module runs alone.
pytestmark = [pytest.mark.pdf, pytest.mark.django_db]

LONG_URL = (
    "https://www.cheshireeast.gov.uk/council_and_democracy/your_council/ict-strategy/"
    "device-refresh-programme/guidance-for-staff-and-members-on-returning-old-laptops-and-phones"
    "?utm_source=progress-pack&utm_medium=pdf&utm_campaign=device-refresh-2026-27"
)
# A table caption is a heading too: it must not stand at a page foot without its table.
HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6", "caption"}
QUARTER = 0.25


@pytest.fixture(scope="module")
def demo_pack(django_db_setup, django_db_blocker, tmp_path_factory):
    """The demo's 2026/27 Q2 pack plus a long-URL action, laid out once for the module's tests."""
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("seed_strategy", "--demo", verbosity=0)
        period = ReportingPeriod.objects.get(financial_year=2026, quarter=2)
        principle = Principle.objects.get(number=1)
        neighbour = ActionItem.objects.filter(principle=principle).order_by("reference").first()
        long_url_action = factories.ActionFactory(
            reference="P1-07", principle=principle, owner=neighbour.owner, title="Publish the device return guidance",
            is_demo=True,
        )
        factories.ProgressUpdateFactory(
            action=long_url_action, period=period, status=Status.AT_RISK, rag=Rag.AMBER, percent_complete=40,
            commentary=f"The draft guidance is published for comment at {LONG_URL} until the end of October.",
            next_steps=f"Collect comments from {LONG_URL} and publish the final version.",
        )
        data = pack_data(period=period)
        document = layout(html=pack_html(data=data), stylesheets=PACK_STYLESHEETS)
        path = tmp_path_factory.mktemp("pack") / "pack.pdf"
        path.write_bytes(write_pdf(document))
        approved = BusinessCaseLine.objects.filter(business_case__status=BusinessCaseStatus.APPROVED).aggregate(
            capital=Sum("capital_cost"), revenue=Sum("revenue_cost")
        )
        overdue_reviews = list(Risk.objects.filter(review_date__lt=period.end_date).values_list("reference", "review_date"))
        transaction.set_rollback(True)
    pages = [
        subprocess.run(
            ["pdftotext", "-layout", "-f", str(n), "-l", str(n), str(path), "-"], capture_output=True, text=True, check=True
        ).stdout
        for n in range(1, len(document.pages) + 1)
    ]
    return SimpleNamespace(
        data=data, document=document, path=path, pages=pages, text="\n".join(pages),
        approved=approved, overdue_reviews=overdue_reviews,
    )


def _descendants(box, ancestors=()):
    yield box, ancestors
    for child in getattr(box, "children", None) or ():
        yield from _descendants(child, (*ancestors, box))


def _page_content(page):
    """(box, its ancestors) for every box on the page but the margin boxes (header and footer)."""
    for child in page._page_box.children:
        if not isinstance(child, boxes.MarginBox):
            yield from _descendants(child)


def _text(box) -> str:
    return "".join(b.text for b, _ in _descendants(box) if isinstance(b, boxes.TextBox))


def _words(box) -> str:
    """The text of a box as laid out, its lines joined by spaces."""
    return " ".join(_text(line).strip() for line, _ in _descendants(box) if isinstance(line, boxes.LineBox))


def _fill(page) -> float:
    """How far down its text area the page's content reaches, from 0 to 1."""
    page_box = page._page_box
    top = page_box.content_box_y()
    bottom = max(
        (b.position_y + b.margin_height() for b, _ in _page_content(page) if isinstance(b, (boxes.LineBox, boxes.ReplacedBox))),
        default=top,
    )
    return (bottom - top) / page_box.height


def _tables(document, css_class: str):
    for page in document.pages:
        for box, _ in _page_content(page):
            if isinstance(box, boxes.TableBox) and css_class in (box.element.get("class") or "").split():
                yield box


def _header_widths(table) -> list[float]:
    return [
        round(cell.border_width(), 1)
        for group in table.children if group.element_tag == "thead"
        for row in group.children
        for cell in row.children
    ]


def test_every_page_but_the_last_is_at_least_a_quarter_full(demo_pack):
    fills = [_fill(page) for page in demo_pack.document.pages]
    short = [(number, round(fill, 2)) for number, fill in enumerate(fills[:-1], start=1) if fill < QUARTER]
    assert not short, f"pages under a quarter full (page, fill): {short}"


def test_no_page_ends_with_a_heading(demo_pack):
    for number, page in enumerate(demo_pack.document.pages, start=1):
        lines = [(box, ancestors) for box, ancestors in _page_content(page) if isinstance(box, boxes.LineBox)]
        last, ancestors = lines[-1]
        tags = {ancestor.element_tag for ancestor in ancestors}
        assert not tags & HEADINGS, f"page {number} ends with the heading {_text(last)!r}"


def test_no_table_header_is_hyphenated_and_no_cell_splits_a_word(demo_pack):
    assert "\u2010" not in demo_pack.text  # the hyphen WeasyPrint adds when it hyphenates
    for page in demo_pack.document.pages:
        for cell, _ in _page_content(page):
            if isinstance(cell, boxes.TableCellBox):
                words = " ".join(cell.element.itertext()).split()
                # A line may break after a hyphen in the text ("re-" / "baselined").
                laid_out = re.sub(r"(?<=\w-) ", "", _words(cell)).split()
                # Only a word too long for any column (an address) may be split across lines.
                long_words = [word for word in words if len(word) > 20]
                split = [w for w in laid_out if w not in words and not any(w in word for word in long_words)]
                assert not split, f"{words} laid out as {laid_out}"
                if cell.element_tag == "th":
                    assert laid_out == words


def test_no_text_runs_out_of_its_table_cell(demo_pack):
    for page in demo_pack.document.pages:
        for cell, _ in _page_content(page):
            if isinstance(cell, boxes.TableCellBox):
                right = cell.content_box_x() + cell.width
                for line, _ in _descendants(cell):
                    if isinstance(line, boxes.LineBox):
                        assert line.position_x + line.width <= right + 0.5, f"{_text(line)!r} overflows its cell"


def test_a_long_address_wraps_in_its_cell_and_the_other_columns_keep_their_widths(demo_pack):
    assert LONG_URL[:40] not in demo_pack.text.replace("\n", " ")  # it wraps, in its own column:
    # Every principle's actions table, and each page's part of a table that runs over pages, has the same columns.
    assert len(list(_tables(demo_pack.document, "actions"))) > 1
    for css_class in ("actions", "exceptions__table"):
        tables = list(_tables(demo_pack.document, css_class))
        assert tables and len({tuple(_header_widths(table)) for table in tables}) == 1, css_class
    cells = [
        box
        for table in _tables(demo_pack.document, "actions")
        for box, _ in _descendants(table)
        if isinstance(box, boxes.TableCellBox) and LONG_URL[:20] in _text(box)
    ]
    assert len(cells) == 1


def test_a_table_that_runs_over_pages_keeps_at_least_two_body_rows_on_each(demo_pack):
    # A header row over one lone row reads as more headings than figures (and outloud calls it shredded).
    rows_per_part = defaultdict(list)
    for page in demo_pack.document.pages:
        for box, _ in _page_content(page):
            if isinstance(box, boxes.TableBox) and "data" in (box.element.get("class") or "").split():
                rows_per_part[box.element].append(
                    sum(len(group.children) for group in box.children if not (group.is_header or group.is_footer))
                )
    split = {element.get("class"): rows for element, rows in rows_per_part.items() if len(rows) > 1}
    assert split
    assert all(min(rows) >= 2 for rows in split.values()), split


def test_the_status_chart_shows_each_segments_count_and_the_principle_names(demo_pack):
    chart = status_chart(demo_pack.data["summary"]["principles"])
    assert all(segment["shows_count"] for row in chart["rows"] for segment in row["segments"])
    summary = next(page for page in demo_pack.pages if "Actions by status and principle" in page)
    for principle in demo_pack.data["summary"]["principles"]:
        assert f"{principle.number}. {principle.title}" in summary
    for row in chart["rows"]:
        counts = r"\s+".join(str(segment["count"]) for segment in row["segments"])
        assert re.search(rf"{counts}\s+{row['total']}: {re.escape(row['nonzero_words'])}", summary), row["label"]


def test_both_heat_maps_have_a_key_in_the_registers_score_bands(demo_pack):
    text = " ".join(demo_pack.text.split())
    keys = " ".join(f"{band.label} {band.low}–{band.high}" for band in SCORE_BANDS)
    for name in ("inherent", "residual"):
        assert f"Key to the {name} heat map, by score: {keys}" in text


def test_business_case_totals_count_approved_cases_only_and_list_the_others_apart(demo_pack):
    text = " ".join(demo_pack.text.split())
    capital, revenue = demo_pack.approved["capital"], demo_pack.approved["revenue"]
    assert re.search(rf"Total {re.escape(pounds(capital))} {re.escape(pounds(revenue))} ", text)
    assert demo_pack.data["business_cases"]["overall"]["capital_cost"] == capital != Decimal("8020000.00")
    statuses = [group["label"] for group in demo_pack.data["business_cases"]["others"]]
    assert statuses == ["Draft", "Submitted", "Rejected", "Closed"]
    for group in demo_pack.data["business_cases"]["others"]:
        assert f"{group['label']}: subtotal {pounds(group['subtotal']['cost'])}" in text


def test_risks_past_their_review_date_are_flagged_in_words(demo_pack):
    assert demo_pack.overdue_reviews
    rows = [
        [_words(cell) for cell in row.children]
        for page in demo_pack.document.pages
        for row, _ in _page_content(page)
        if isinstance(row, boxes.TableRowBox)
    ]
    for reference, review_date in demo_pack.overdue_reviews:
        flag = f"Review overdue since {review_date.day} {review_date:%B %Y}"
        assert [reference, flag] in [[row[0], row[-1]] for row in rows], reference


def test_the_pack_stays_tagged(demo_pack):
    assert "Tagged:          yes" in pdf_info(demo_pack.path)
    structure = subprocess.run(["pdfinfo", "-struct", str(demo_pack.path)], capture_output=True, text=True, check=True).stdout
    for tag in ("H1", "H2", "Table", "TH", "TD"):
        assert re.search(rf"^\s*{tag}\b", structure, re.MULTILINE), tag
