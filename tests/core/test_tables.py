"""core.tables: a list page's table from its export columns."""

from decimal import Decimal
from types import SimpleNamespace

from django.http import QueryDict

from core.exports import Column
from core.tables import Cell, ListTable, PageColumn, page_columns

NAME = Column("Name", lambda r: r.name)
COST = Column("Cost", lambda r: r.cost)
TABLE = ListTable(
    columns=page_columns([NAME, COST], PageColumn(NAME, heading="Who", ordering="name")),
    link=lambda r: f"/things/{r.name}/",
    flagged=lambda r: r.cost > 100,
)
ROWS = [SimpleNamespace(name="a", cost=Decimal("1250000")), SimpleNamespace(name="b", cost=Decimal("0.5"))]


def test_page_columns_keep_the_export_order_and_change_only_the_overridden_one():
    columns = TABLE.columns
    assert [column.header for column in columns] == ["Who", "Cost"]
    assert [column.column for column in columns] == [NAME, COST]


def test_rows_link_flag_and_format_their_cells():
    table = TABLE.of(ROWS, totals=[Cell("£1,250,000.50", True)])
    assert [(row.href, row.flagged) for row in table.rows] == [("/things/a/", True), ("/things/b/", False)]
    assert table.rows[0].cells == [Cell("a"), Cell("£1,250,000", True)]
    assert [(header.text, header.numeric) for header in table.headers] == [("Who", False), ("Cost", True)]
    assert table.totals_span == 1


def test_headings_sort_only_given_the_query_and_a_new_sort_starts_at_page_one():
    assert TABLE.of(ROWS).headers[0].href == ""
    unsorted, cost = TABLE.of(ROWS, query=QueryDict("page=3&download=csv&q=x")).headers
    assert (unsorted.href, unsorted.aria_sort) == ("?q=x&ordering=name", "")
    assert cost.href == ""
    ascending = TABLE.of(ROWS, query=QueryDict("ordering=name")).headers[0]
    assert (ascending.href, ascending.aria_sort) == ("?ordering=-name", "ascending")
    descending = TABLE.of(ROWS, query=QueryDict("ordering=-name")).headers[0]
    assert (descending.href, descending.aria_sort) == ("?ordering=name", "descending")


def test_an_empty_table_keeps_its_headings():
    table = TABLE.of([])
    assert [(header.text, header.numeric) for header in table.headers] == [("Who", False), ("Cost", False)]
    assert table.rows == []
