"""Files refused whole, before any row is read, each with a message that says what to do."""

import io
import zipfile

import pytest

from actions.exports import ACTION_COLUMNS
from spreadsheets.readers import MAX_BYTES, MAX_ROWS, FileRefused, read_tables

from .helpers import csv_bytes, xlsx

HEADERS = [column.header for column in ACTION_COLUMNS]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "The file is empty."),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, "password-protected"),
        (b"%PDF-1.7\n\x00\x01binary", "not a spreadsheet"),
        (b"\xff\xfe\x00\x00caf\xe9", "not a spreadsheet"),
        ("Reference,Title\n".encode("cp1252") + b"P1-01,Caf\xe9\n", "UTF-8"),
        (b"PK\x03\x04" + b"\x00" * 200, "could not be read as an Excel workbook"),
        (b"Reference,Title\n", "no rows to import"),
        (b"\n\n", "no header row"),
        (b" " * (MAX_BYTES + 1), "files of up to 5 MB"),
    ],
)
def test_a_file_that_cannot_be_imported_is_refused_with_a_clear_message(content, message):
    with pytest.raises(FileRefused, match=message):
        read_tables(content)


def test_a_truncated_workbook_is_refused():
    content = xlsx({"actions": [HEADERS, ["P1-01"]]})
    with pytest.raises(FileRefused, match="could not be read as an Excel workbook"):
        read_tables(content[: len(content) // 2])


def test_more_than_10000_rows_is_refused():
    rows = [HEADERS] + [["P1-01"] for _ in range(MAX_ROWS + 1)]
    with pytest.raises(FileRefused, match="more than 10,000 rows"):
        read_tables(csv_bytes(rows))
    read_tables(csv_bytes(rows[:-1]))


def test_a_workbook_that_unpacks_to_too_much_is_refused_unread():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/worksheets/sheet1.xml", b"<" * (101 * 1024 * 1024))
    with pytest.raises(FileRefused, match="unpacks to more than 100 MB"):
        read_tables(buffer.getvalue())


def test_a_huge_csv_cell_is_refused():
    with pytest.raises(FileRefused, match="could not be read as CSV"):
        read_tables(csv_bytes([HEADERS, ["x" * 200_000]]))


def test_formulas_come_back_as_their_text_and_blank_rows_are_skipped():
    content = xlsx({"actions": [HEADERS, ["=1+1", "+44 1270", "-minus"], [], ["@SUM(A1)"]]})

    [table] = read_tables(content)

    assert table.headers == tuple(HEADERS)
    assert [(number, cells[0]) for number, cells in table.rows] == [(2, "=1+1"), (4, "@SUM(A1)")]
    assert table.rows[0][1][1:3] == ("+44 1270", "-minus")
