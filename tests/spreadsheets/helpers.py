"""Spreadsheets made in tests: an export's header row and rows, as XLSX or CSV bytes."""

import csv
import io

from openpyxl import Workbook, load_workbook

from spreadsheets.readers import read_tables


def xlsx(sheets: dict[str, list[list]]) -> bytes:
    """A workbook with a sheet per name, each a list of rows (the first the header row)."""
    workbook = Workbook()
    workbook.remove(workbook.active)
    for title, rows in sheets.items():
        sheet = workbook.create_sheet(title)
        for row in rows:
            sheet.append(row)
    output = io.BytesIO()
    workbook.save(output)
    return output.getvalue()


def csv_bytes(rows: list[list]) -> bytes:
    buffer = io.StringIO()
    csv.writer(buffer).writerows(rows)
    return buffer.getvalue().encode("utf-8")


def sheet_values(content: bytes) -> dict[str, list[tuple]]:
    """Every sheet's rows of values, header first, to compare two workbooks cell by cell."""
    workbook = load_workbook(io.BytesIO(content), read_only=True)
    try:
        return {sheet.title: [tuple(row) for row in sheet.iter_rows(values_only=True)] for sheet in workbook.worksheets}
    finally:
        workbook.close()


def tables(content: bytes):
    return read_tables(content)
