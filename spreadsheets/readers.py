"""An uploaded file as tables of cells, or a refusal that says why in plain words.

Everything a file can do wrong is refused here, before any row is looked at: too big, empty,
password-protected, not a spreadsheet, too many rows. Cells come back as openpyxl and the csv
module give them; a formula comes back as its text ("=1+1"), never as a worked-out value.
"""

import csv
import datetime
import io
import zipfile
from dataclasses import dataclass

from openpyxl import load_workbook

MAX_BYTES = 5 * 1024 * 1024
MAX_ROWS = 10_000
# An XLSX is a zip: one whose parts unpack to more than this is refused unread (a "zip bomb").
MAX_UNPACKED_BYTES = 100 * 1024 * 1024
# Columns read per row: far more than any export has, so a sheet claiming 16,384 columns costs nothing.
MAX_COLUMNS = 64
ZIP_MAGIC = b"PK\x03\x04"
# Excel saves a password-protected workbook (and an old .xls) as an OLE2 compound file.
OLE2_MAGIC = b"\xd0\xcf\x11\xe0"
PLAIN_CELL_TYPES = (str, int, float, bool, datetime.datetime, datetime.date, datetime.time)


class FileRefused(Exception):
    """The whole file is refused; the message tells the person what to do instead."""


@dataclass(frozen=True)
class Table:
    """One sheet (or one CSV file): its header row and its data rows, numbered as the sheet numbers them."""

    name: str
    headers: tuple[str, ...]
    rows: tuple[tuple[int, tuple], ...]


def read_tables(content: bytes) -> list[Table]:
    """The tables in an XLSX workbook (one a sheet) or a UTF-8 CSV file (one table)."""
    if not content:
        raise FileRefused("The file is empty.")
    if len(content) > MAX_BYTES:
        raise FileRefused(
            f"The file is {len(content) / 1024 / 1024:.1f} MB: files of up to {MAX_BYTES // 1024 // 1024} MB "
            "are accepted. Split it into smaller files."
        )
    if content.startswith(OLE2_MAGIC):
        raise FileRefused(
            "The file is password-protected, or an Excel 97-2003 workbook: remove the password and save it "
            "as an Excel Workbook (.xlsx), then upload it again."
        )
    tables = _xlsx_tables(content) if content.startswith(ZIP_MAGIC) else [_csv_table(content)]
    if sum(len(table.rows) for table in tables) == 0:
        raise FileRefused("The file has no rows to import: it needs a header row and at least one row under it.")
    return tables


def _rows_checked(rows, counted: list[int]):
    """Data rows that are not blank, numbered from 2 (the header is row 1), stopping past the limit."""
    for number, cells in enumerate(rows, start=2):
        if all(cell is None or (isinstance(cell, str) and not cell.strip()) for cell in cells):
            continue
        counted[0] += 1
        if counted[0] > MAX_ROWS:
            raise FileRefused(f"The file has more than {MAX_ROWS:,} rows: split it into smaller files.")
        yield number, cells


def _table(name: str, header: tuple, rows, counted: list[int]) -> Table | None:
    headers = [("" if cell is None else str(cell)).strip() for cell in header]
    while headers and not headers[-1]:
        headers.pop()
    if not headers:
        return None
    width = len(headers)
    data = tuple((number, tuple(cells[:width]) + (None,) * (width - len(cells))) for number, cells in _rows_checked(rows, counted))
    return Table(name=name, headers=tuple(headers), rows=data)


def _plain(cell):
    # openpyxl gives array and data-table formulas as objects: keep their formula text.
    if cell is None or isinstance(cell, PLAIN_CELL_TYPES):
        return cell
    return str(getattr(cell, "text", None) or cell)


def _xlsx_tables(content: bytes) -> list[Table]:
    try:
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            if sum(info.file_size for info in archive.infolist()) > MAX_UNPACKED_BYTES:
                raise FileRefused("The workbook unpacks to more than 100 MB: split it into smaller files.")
        # read_only streams the rows; data_only=False (the default) gives formulas as their text.
        workbook = load_workbook(io.BytesIO(content), read_only=True, data_only=False)
        counted = [0]
        tables = []
        try:
            for sheet in workbook.worksheets:
                rows = sheet.iter_rows(max_col=MAX_COLUMNS, values_only=True)
                header = next(rows, None)
                table = _table(sheet.title, header, (tuple(map(_plain, row)) for row in rows), counted) if header else None
                if table:
                    tables.append(table)
        finally:
            workbook.close()
        return tables
    except FileRefused:
        raise
    # openpyxl and zipfile raise many kinds of error on a damaged or hostile file (bad zip,
    # missing parts, malformed XML, bad numbers): each means the same thing to the person.
    except Exception:
        raise FileRefused(
            "The file could not be read as an Excel workbook: it may be damaged. Save it again as an "
            "Excel Workbook (.xlsx) or CSV UTF-8 and upload it again."
        ) from None


def _csv_table(content: bytes) -> Table:
    if b"\x00" in content:
        raise FileRefused("The file is not a spreadsheet: upload an Excel Workbook (.xlsx) or a CSV file.")
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise FileRefused(
            "The file is not an Excel Workbook (.xlsx) or a UTF-8 CSV file: in Excel, save it as "
            "“CSV UTF-8 (Comma delimited)” or as an Excel Workbook, then upload it again."
        ) from None
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next(reader, None)
        table = _table("CSV file", tuple(header), reader, [0]) if header else None
    except csv.Error as error:
        raise FileRefused(f"Line {reader.line_num} of the file could not be read as CSV ({error}).") from None
    if table is None:
        raise FileRefused("The file has no header row: it should start with the column names of an export.")
    return table
