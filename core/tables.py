"""List pages' tables, from the Column objects the downloads use; templates/core/_table.html draws them.

A list's page shows its export columns (`core.exports.Column`), a `PageColumn` saying where the
page differs (a shorter heading, a tag beside the words, the ordering a heading sorts by), and
its first cell links to the row's own page.
"""

import datetime
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.http import QueryDict
from django.utils.formats import date_format

from core.exports import Column
from core.templatetags.council import pounds


@dataclass(frozen=True)
class Cell:
    """A value as a page shows it; `text` is escaped unless it is safe HTML (a tag beside the words)."""

    text: str
    numeric: bool = False


def display_cell(value: Any) -> Cell:
    """Pounds as £1,250,000 and dates as 23 March 2023; numbers align right."""
    if isinstance(value, Decimal):
        return Cell(pounds(value), True)
    if isinstance(value, datetime.date):
        return Cell(date_format(value, "j F Y"), False)
    if isinstance(value, int):
        return Cell(str(value), True)
    return Cell("" if value is None else str(value), False)


def table_cells(row: Any, columns: Sequence[Column]) -> list[Cell]:
    return [display_cell(column.value(row)) for column in columns]


@dataclass(frozen=True)
class PageColumn:
    """An export column on a list page: the page's own heading and cell where they differ, and
    the FilterSet ordering that its heading sorts by."""

    column: Column
    heading: str = ""
    show: Callable[[Any], Cell] | None = None
    ordering: str = ""

    @property
    def header(self) -> str:
        return self.heading or self.column.header

    def cell(self, row: Any) -> Cell:
        return self.show(row) if self.show else display_cell(self.column.value(row))


def page_columns(columns: Iterable[Column], *overrides: PageColumn) -> list[PageColumn]:
    """Export columns as the page shows them: as they are, but where one of `overrides` says
    otherwise; spreadsheet-only columns (usernames) are left off."""
    by_column = {override.column: override for override in overrides}
    return [by_column.get(column, PageColumn(column)) for column in columns if column.on_pages]


@dataclass(frozen=True)
class Header:
    text: str
    numeric: bool
    href: str = ""
    aria_sort: str = ""


@dataclass(frozen=True)
class Row:
    href: str
    cells: list[Cell]
    flagged: bool


@dataclass(frozen=True)
class Table:
    headers: list[Header]
    rows: list[Row]
    totals: list[Cell]

    @property
    def totals_span(self) -> int:
        """How many columns the totals row's label spans: those before the totalled ones."""
        return len(self.headers) - len(self.totals)


def _sorted_header(column: PageColumn, numeric: bool, query: QueryDict) -> Header:
    """The heading as a link: the first click sorts ascending, the next descending, from page 1."""
    current = query.get("ordering", "")
    sort = query.copy()
    for key in ("page", "download"):
        sort.pop(key, None)
    sort["ordering"] = f"-{column.ordering}" if current == column.ordering else column.ordering
    direction = "ascending" if current == column.ordering else "descending" if current == f"-{column.ordering}" else ""
    return Header(column.header, numeric, href=f"?{sort.urlencode()}", aria_sort=direction)


@dataclass(frozen=True)
class ListTable:
    """A list page's table: its columns, the page each row links to, and the rows that stand out."""

    columns: list[PageColumn]
    link: Callable[[Any], str]
    flagged: Callable[[Any], bool] = lambda row: False

    def of(self, rows: Iterable[Any], *, totals: Sequence[Cell] = (), query: QueryDict | None = None) -> Table:
        """The table of `rows`, with a totals row under the last columns; given the page's `query`,
        headings with an ordering sort the list."""
        body = [Row(self.link(row), [column.cell(row) for column in self.columns], self.flagged(row)) for row in rows]
        # A column is numeric as its values are, so each heading aligns with its cells.
        numeric = [cell.numeric for cell in body[0].cells] if body else [False] * len(self.columns)
        headers = [
            _sorted_header(column, is_numeric, query) if query is not None and column.ordering else Header(column.header, is_numeric)
            for column, is_numeric in zip(self.columns, numeric, strict=True)
        ]
        return Table(headers, body, list(totals))
