"""Acceptance 5: whatever bytes arrive, the importer answers with its own clear refusal and writes nothing.

Each example goes through what the page and import_plan do (read_tables, then plan_import, applying):
the only exception allowed out is FileRefused; otherwise every row has an outcome, a refused row
has a reason, and the plan is as it was.
"""

import datetime

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from actions.exports import ACTION_COLUMNS
from actions.models import ActionItem
from registers.columns import BUSINESS_CASE_LINE_COLUMNS, RISK_COLUMNS
from registers.models import BusinessCase, Risk
from spreadsheets.readers import OLE2_MAGIC, ZIP_MAGIC, FileRefused, read_tables
from spreadsheets.services import plan_import

from .helpers import csv_bytes, xlsx

FUZZ = settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
HEADER_ROWS = [[c.header for c in columns] for columns in (ACTION_COLUMNS, RISK_COLUMNS, BUSINESS_CASE_LINE_COLUMNS)]

# Text as people and attackers type it: formulas, signs, huge runs, quotes and line breaks.
xml_safe_text = st.text(st.characters(blacklist_categories=("Cs", "Cc")), max_size=40)
cell_text = st.one_of(
    xml_safe_text,
    st.sampled_from(["=1+1", "=HYPERLINK(\"http://x\")", "+44", "-3", "@SUM(A1)", "'=2", "P1-01", "Not started", "Green", "owner"]),
    st.builds(lambda s, n: s * n, st.sampled_from(["x", "9", "£"]), st.integers(1, 40_000)),
)
cell = st.one_of(
    st.none(),
    cell_text,
    st.integers(-(10**20), 10**20),
    st.floats(allow_nan=True, allow_infinity=True),
    st.dates(min_value=datetime.date(1900, 1, 1)),
)


def assert_refused_cleanly(plan, content: bytes) -> None:
    try:
        report = plan_import(tables=read_tables(content), user=plan["lead"], source="fuzz", dry_run=False)
    except FileRefused as refusal:
        assert str(refusal).strip()
    else:
        assert not report.applied
        assert all(outcome.reasons for outcome in report.refused)
    assert not (ActionItem.objects.exists() or BusinessCase.objects.exists() or Risk.objects.exists())


@FUZZ
@given(prefix=st.sampled_from([b"", ZIP_MAGIC, OLE2_MAGIC, b"\xef\xbb\xbf", b"Reference,"]), body=st.binary(max_size=3000))
def test_random_bytes(plan, prefix, body):
    assert_refused_cleanly(plan, prefix + body)


# Every generated file also has a row for an owner who does not exist, so none can be applied.
BAD_ROW = ["P1-99", "Bad", 1, "Nobody", "no-such-user"]


@FUZZ
@given(header=st.sampled_from(HEADER_ROWS), rows=st.lists(st.lists(cell, max_size=16), max_size=8), nul=st.booleans())
def test_malformed_csv(plan, header, rows, nul):
    text_rows = [[("" if value is None else str(value)) for value in row] for row in rows]
    content = csv_bytes([header, BAD_ROW, *text_rows])
    assert_refused_cleanly(plan, content.replace(b",", b"\x00,", 1) if nul else content)


@FUZZ
@given(
    header=st.one_of(st.sampled_from(HEADER_ROWS), st.lists(xml_safe_text, min_size=1, max_size=14)),
    rows=st.lists(st.lists(cell.filter(lambda v: not isinstance(v, str) or len(v) < 32_000), max_size=16), max_size=8),
    cut=st.one_of(st.none(), st.floats(0, 1)),
)
def test_malformed_workbooks(plan, header, rows, cut):
    clean_rows = [[v if not isinstance(v, float) or v == v and abs(v) != float("inf") else None for v in row] for row in rows]
    content = xlsx({"sheet": [header, BAD_ROW, *clean_rows]})
    if cut is not None:
        content = content[: int(len(content) * cut)]
    assert_refused_cleanly(plan, content)


@pytest.mark.parametrize("header", HEADER_ROWS)
def test_formulas_in_every_cell_are_refused_as_text_not_run(plan, header):
    content = xlsx({"sheet": [header, ["=1+1"] * len(header)]})
    assert_refused_cleanly(plan, content)
