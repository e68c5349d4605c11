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


@dataclass(frozen=True)
class Column:
    header: str
    value: Callable[[Any], Any]


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


def export_response(*, rows: Iterable[Any], columns: list[Column], filename: str, file_format: str) -> HttpResponse:
    """A download of `rows` in `columns`; `file_format` is "csv" or "xlsx"."""
    if file_format not in FORMATS:
        raise ValueError(f"Unknown export format {file_format!r}: use csv or xlsx.")
    if file_format == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow([column.header for column in columns])
        for row in rows:
            writer.writerow([_csv_cell(column.value(row)) for column in columns])
        # The byte-order mark makes Excel read the file as UTF-8 (£, en dashes).
        content: bytes = ("\ufeff" + buffer.getvalue()).encode("utf-8")
    else:
        workbook = Workbook(write_only=True)
        sheet = workbook.create_sheet(title=filename[:31])
        sheet.append([column.header for column in columns])
        for row in rows:
            sheet.append([_xlsx_cell(column.value(row)) for column in columns])
        output = io.BytesIO()
        workbook.save(output)
        content = output.getvalue()
    response = HttpResponse(content, content_type=FORMATS[file_format])
    response["Content-Disposition"] = f'attachment; filename="{filename}.{file_format}"'
    return response
