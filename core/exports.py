"""CSV and XLSX downloads. Each model defines its columns once; pages, exports and imports share them."""

import csv
import datetime
import io
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.http import HttpResponse
from openpyxl import Workbook

FORMATS = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
# A cell starting with one of these is run as a formula by spreadsheet programs.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")

# Every export's headers are in sentence case ("Target date"); these words keep their capitals.
HEADER_ACRONYMS = frozenset({"RAG", "SHA-256"})


def is_sentence_case(header: str) -> bool:
    """The one header style: the first word capitalised, the others lower case, acronyms as they are."""
    words = header.split(" ")
    if not all(words):
        return False
    first, rest = words[0], words[1:]
    first_ok = first in HEADER_ACRONYMS or (first[:1].isupper() and first[1:] == first[1:].lower())
    return first_ok and all(word in HEADER_ACRONYMS or word == word.lower() for word in rest)


def display_name(user) -> str:
    """A person as every page and export names them: their full name, else their username."""
    return user.get_full_name() or user.get_username()


@dataclass(frozen=True)
class Column:
    """A column of a download. `parse` and `field` make it importable: `parse` turns a cell back
    into the value the services take as `field` (core/cells.py has the parsers). A column without
    `parse` is worked out from others (a total, a band, a timestamp) and is ignored on import.
    A column not `on_pages` is for spreadsheets only (a username, beside the name pages show)."""

    header: str
    value: Callable[[Any], Any]
    parse: Callable[[Any], Any] | None = None
    field: str | None = None
    on_pages: bool = True

    def __post_init__(self):
        if not is_sentence_case(self.header):
            raise ValueError(f"Export header {self.header!r} is not in sentence case, like “Target date”.")


def yes_no(value: bool) -> str:
    return "Yes" if value else "No"


def person_columns(header: str, person: Callable[[Any], Any], *, parse=None, field: str | None = None) -> list[Column]:
    """A person as two columns: their display name, and their username (the one an import reads)
    in "<header> username"; both empty when `person` gives None."""

    def name(row) -> str:
        user = person(row)
        return display_name(user) if user is not None else ""

    def username(row) -> str:
        user = person(row)
        return user.get_username() if user is not None else ""

    return [Column(header, name), Column(f"{header} username", username, parse, field, on_pages=False)]


def period_columns(period: Callable[[Any], Any]) -> list[Column]:
    """A reporting period as its label ("2024/25 Q2") and its key ("2024-25-Q2"), empty for None."""
    return [
        Column("Period", lambda row: getattr(period(row), "label", "")),
        Column("Period key", lambda row: getattr(period(row), "key", "")),
    ]


def _csv_cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime.date):
        return value.isoformat()
    text = str(value)
    if isinstance(value, str) and text.startswith(FORMULA_PREFIXES):
        return "'" + text
    return text


def _xlsx_cell(value: Any) -> Any:
    if isinstance(value, datetime.datetime) and value.tzinfo is not None:
        return value.replace(tzinfo=None)
    if isinstance(value, (int, float, Decimal, datetime.date)) or value is None:
        return value
    text = str(value)
    return "'" + text if text.startswith(FORMULA_PREFIXES) else text


def unescape_cell(text: str) -> str:
    """A cell as it was before _csv_cell or _xlsx_cell guarded it, so an export imports unchanged."""
    if text.startswith("'") and text[1:].startswith(FORMULA_PREFIXES):
        return text[1:]
    return text


def csv_content(*, rows: Iterable[Any], columns: list[Column]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow([column.header for column in columns])
    for row in rows:
        writer.writerow([_csv_cell(column.value(row)) for column in columns])
    # The byte-order mark makes Excel read the file as UTF-8 (£, en dashes).
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def append_sheet(workbook: Workbook, *, title: str, rows: Iterable[Any], columns: list[Column]) -> None:
    """Add a sheet of `rows` in `columns` to a write-only workbook."""
    sheet = workbook.create_sheet(title=title[:31])
    sheet.append([column.header for column in columns])
    for row in rows:
        sheet.append([_xlsx_cell(column.value(row)) for column in columns])


def xlsx_content(workbook: Workbook) -> bytes:
    output = io.BytesIO()
    workbook.save(output)
    return output.getvalue()


def export_response(*, rows: Iterable[Any], columns: list[Column], filename: str, file_format: str) -> HttpResponse:
    """A download of `rows` in `columns`; `file_format` is "csv" or "xlsx"."""
    if file_format not in FORMATS:
        raise ValueError(f"Unknown export format {file_format!r}: use csv or xlsx.")
    if file_format == "csv":
        content = csv_content(rows=rows, columns=columns)
    else:
        workbook = Workbook(write_only=True)
        append_sheet(workbook, title=filename, rows=rows, columns=columns)
        content = xlsx_content(workbook)
    return download_response(content, filename=f"{filename}.{file_format}")


def download_response(content: bytes, *, filename: str) -> HttpResponse:
    """`content` as an attachment named `filename`, typed by its extension (.csv or .xlsx)."""
    response = HttpResponse(content, content_type=FORMATS[filename.rsplit(".", 1)[-1]])
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
