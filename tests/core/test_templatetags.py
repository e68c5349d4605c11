from decimal import Decimal

import pytest

from django.core.paginator import Paginator
from django.template.loader import render_to_string

from core.templatetags.council import elided_page_numbers, pounds


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (Decimal("1250000"), "£1,250,000"),
        (Decimal("1250000.00"), "£1,250,000"),
        (Decimal("1250.5"), "£1,250.50"),
        (Decimal("0.01"), "£0.01"),
        (Decimal("-300"), "-£300"),
        (Decimal("0"), "£0"),
        ("12.345", "£12.35"),
        (None, ""),
    ],
)
def test_pounds(value, expected):
    assert pounds(value) == expected



def test_a_long_list_links_its_ends_and_the_pages_near_this_one():
    page = Paginator(range(400 * 25), 25).page(200)
    gap = Paginator.ELLIPSIS
    assert elided_page_numbers(page) == [1, gap, 198, 199, 200, 201, 202, gap, 400]
    html = render_to_string("core/_pagination.html", {"page": page, "query": "owner=3"})
    assert html.count('class="govuk-link govuk-pagination__link"') == 7 + 2  # the page numbers, previous and next
    assert 'href="?owner=3&amp;page=400" aria-label="Page 400"' in html
    assert 'aria-current="page">200<' in html


def test_a_short_list_links_every_page():
    assert elided_page_numbers(Paginator(range(4 * 25), 25).page(2)) == [1, 2, 3, 4]
