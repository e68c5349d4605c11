"""Tests for core.financial_year: UK financial-year quarters and working days."""

from datetime import date, timedelta

import pytest

from core.financial_year import (
    FinancialQuarter,
    PeriodKeyError,
    add_working_days,
    england_bank_holidays,
    financial_year_label,
    financial_year_short_label,
    financial_year_start,
    is_working_day,
    quarters_between,
    working_days_between,
)
from registers.filtersets import financial_year_choices
from registers.forms import FiguresForm
from reporting.models import ReferenceSequence
from tests import factories

FQ = FinancialQuarter


# --- containing(): every boundary -------------------------------------------------

@pytest.mark.parametrize(
    "day, expected_label",
    [
        # financial year boundary
        (date(2024, 3, 31), "2023/24 Q4"),
        (date(2024, 4, 1), "2024/25 Q1"),
        (date(2025, 3, 31), "2024/25 Q4"),
        (date(2025, 4, 1), "2025/26 Q1"),
        # Q1 / Q2
        (date(2024, 6, 30), "2024/25 Q1"),
        (date(2024, 7, 1), "2024/25 Q2"),
        # Q2 / Q3
        (date(2024, 9, 30), "2024/25 Q2"),
        (date(2024, 10, 1), "2024/25 Q3"),
        # Q3 / Q4 (calendar year changes, financial year does not)
        (date(2024, 12, 31), "2024/25 Q3"),
        (date(2025, 1, 1), "2024/25 Q4"),
        # leap years and February
        (date(2024, 2, 29), "2023/24 Q4"),
        (date(2024, 2, 28), "2023/24 Q4"),
        (date(2024, 3, 1), "2023/24 Q4"),
        (date(2025, 2, 28), "2024/25 Q4"),
        (date(2025, 3, 1), "2024/25 Q4"),
        (date(2000, 2, 29), "1999/00 Q4"),
        # mid-quarter
        (date(2024, 5, 15), "2024/25 Q1"),
        (date(2024, 8, 15), "2024/25 Q2"),
        (date(2024, 11, 15), "2024/25 Q3"),
        (date(2025, 2, 15), "2024/25 Q4"),
    ],
)
def test_containing(day, expected_label):
    quarter = FQ.containing(day)
    assert quarter.label == expected_label
    assert quarter.contains(day)
    assert not quarter.previous().contains(day)
    assert not quarter.next().contains(day)


@pytest.mark.parametrize(
    "last_day",
    [date(2024, 3, 31), date(2024, 6, 30), date(2024, 9, 30), date(2024, 12, 31), date(2025, 3, 31)],
)
def test_quarter_end_and_next_day_are_in_consecutive_quarters(last_day):
    before = FQ.containing(last_day)
    after = FQ.containing(last_day + timedelta(days=1))
    assert before.end_date == last_day
    assert after.start_date == last_day + timedelta(days=1)
    assert before.next() == after
    assert after.previous() == before


@pytest.mark.parametrize(
    "quarter, day, inside",
    [
        (FQ(2023, 4), date(2024, 1, 1), True),
        (FQ(2023, 4), date(2024, 2, 29), True),
        (FQ(2023, 4), date(2024, 3, 31), True),
        (FQ(2023, 4), date(2023, 12, 31), False),
        (FQ(2023, 4), date(2024, 4, 1), False),
        (FQ(2024, 2), date(2024, 7, 1), True),
        (FQ(2024, 2), date(2024, 9, 30), True),
        (FQ(2024, 2), date(2024, 6, 30), False),
        (FQ(2024, 2), date(2024, 10, 1), False),
    ],
)
def test_contains(quarter, day, inside):
    assert quarter.contains(day) is inside


def test_every_day_for_years_is_in_exactly_one_quarter():
    quarters = quarters_between(FQ(2022, 1), FQ(2027, 4))
    day = date(2022, 4, 1)
    while day <= date(2028, 3, 31):
        matches = [q for q in quarters if q.contains(day)]
        assert matches == [FQ.containing(day)], day
        day += timedelta(days=1)


# --- 16 quarters: exact dates and key/label round trip ----------------------------

SIXTEEN = [
    ("2023/24 Q1", "2023-24-Q1", date(2023, 4, 1), date(2023, 6, 30)),
    ("2023/24 Q2", "2023-24-Q2", date(2023, 7, 1), date(2023, 9, 30)),
    ("2023/24 Q3", "2023-24-Q3", date(2023, 10, 1), date(2023, 12, 31)),
    ("2023/24 Q4", "2023-24-Q4", date(2024, 1, 1), date(2024, 3, 31)),
    ("2024/25 Q1", "2024-25-Q1", date(2024, 4, 1), date(2024, 6, 30)),
    ("2024/25 Q2", "2024-25-Q2", date(2024, 7, 1), date(2024, 9, 30)),
    ("2024/25 Q3", "2024-25-Q3", date(2024, 10, 1), date(2024, 12, 31)),
    ("2024/25 Q4", "2024-25-Q4", date(2025, 1, 1), date(2025, 3, 31)),
    ("2025/26 Q1", "2025-26-Q1", date(2025, 4, 1), date(2025, 6, 30)),
    ("2025/26 Q2", "2025-26-Q2", date(2025, 7, 1), date(2025, 9, 30)),
    ("2025/26 Q3", "2025-26-Q3", date(2025, 10, 1), date(2025, 12, 31)),
    ("2025/26 Q4", "2025-26-Q4", date(2026, 1, 1), date(2026, 3, 31)),
    ("2026/27 Q1", "2026-27-Q1", date(2026, 4, 1), date(2026, 6, 30)),
    ("2026/27 Q2", "2026-27-Q2", date(2026, 7, 1), date(2026, 9, 30)),
    ("2026/27 Q3", "2026-27-Q3", date(2026, 10, 1), date(2026, 12, 31)),
    ("2026/27 Q4", "2026-27-Q4", date(2027, 1, 1), date(2027, 3, 31)),
]


@pytest.mark.parametrize("label, key, start, end", SIXTEEN)
def test_sixteen_quarters_round_trip(label, key, start, end):
    from_key = FQ.from_key(key)
    from_label = FQ.from_label(label)
    assert from_key == from_label == FQ.parse(key) == FQ.parse(label)
    assert from_key.key == key
    assert from_key.label == label
    assert str(from_key) == label
    assert FQ.from_label(from_key.label) == from_key
    assert FQ.from_key(from_label.key) == from_label
    assert from_key.start_date == start
    assert from_key.end_date == end
    assert FQ.containing(start) == FQ.containing(end) == from_key


def test_sixteen_quarters_are_contiguous_and_ordered():
    quarters = quarters_between(FQ(2023, 1), FQ(2026, 4))
    assert [q.label for q in quarters] == [row[0] for row in SIXTEEN]
    assert quarters == sorted(quarters)
    for earlier, later in zip(quarters, quarters[1:]):
        assert earlier < later
        assert later.start_date == earlier.end_date + timedelta(days=1)


@pytest.mark.parametrize(
    "quarter, fy_label, fy_short",
    [
        (FQ(2024, 2), "2024/25", "24-25"),
        (FQ(2022, 4), "2022/23", "22-23"),
        (FQ(1999, 1), "1999/00", "99-00"),
        (FQ(2009, 3), "2009/10", "09-10"),
        (FQ(2000, 1), "2000/01", "00-01"),
    ],
)
def test_financial_year_labels(quarter, fy_label, fy_short):
    assert financial_year_label(quarter.start_year) == fy_label
    assert quarter.financial_year_label == fy_label
    assert quarter.label == f"{fy_label} Q{quarter.quarter}"
    assert quarter.financial_year_short_label == fy_short


def test_every_financial_year_label_names_the_same_year(db):
    """Pages, filters, forms, the API and packs all name a year by financial_year_label."""
    line = factories.BusinessCaseLineFactory(financial_year=1999)
    assert line.financial_year_label == "1999/00"
    assert financial_year_choices() == [(1999, "1999/00")]
    assert [label for label, _ in FiguresForm(years=[1999, 2024]).rows()] == ["1999/00", "2024/25"]
    assert str(ReferenceSequence(financial_year=2009, last_number=3)) == "2009/10: 3"


# --- previous / next --------------------------------------------------------------

@pytest.mark.parametrize(
    "quarter, previous, following",
    [
        (FQ(2024, 1), FQ(2023, 4), FQ(2024, 2)),
        (FQ(2024, 2), FQ(2024, 1), FQ(2024, 3)),
        (FQ(2024, 3), FQ(2024, 2), FQ(2024, 4)),
        (FQ(2024, 4), FQ(2024, 3), FQ(2025, 1)),
        (FQ(1999, 4), FQ(1999, 3), FQ(2000, 1)),
    ],
)
def test_previous_and_next(quarter, previous, following):
    assert quarter.previous() == previous
    assert quarter.next() == following
    assert quarter.previous().next() == quarter
    assert quarter.next().previous() == quarter


def test_previous_across_year_boundary_by_label():
    assert FQ.from_label("2024/25 Q1").previous() == FQ.from_label("2023/24 Q4")
    assert FQ.from_label("2023/24 Q4").next() == FQ.from_label("2024/25 Q1")


def test_ordering_and_hashing():
    assert FQ(2023, 4) < FQ(2024, 1) < FQ(2024, 2)
    assert max(FQ(2024, 1), FQ(2023, 4)) == FQ(2024, 1)
    assert len({FQ(2024, 1), FQ.from_key("2024-25-Q1")}) == 1


def test_is_frozen():
    with pytest.raises(AttributeError):
        FQ(2024, 1).quarter = 2  # type: ignore[misc]


# --- quarters_between -------------------------------------------------------------

@pytest.mark.parametrize(
    "first, last, expected",
    [
        (FQ(2024, 1), FQ(2024, 1), ["2024-25-Q1"]),
        (FQ(2023, 3), FQ(2024, 2), ["2023-24-Q3", "2023-24-Q4", "2024-25-Q1", "2024-25-Q2"]),
        (FQ(1999, 4), FQ(2000, 1), ["1999-00-Q4", "2000-01-Q1"]),
        (FQ(2024, 2), FQ(2024, 1), []),
    ],
)
def test_quarters_between(first, last, expected):
    assert [q.key for q in quarters_between(first, last)] == expected


def test_quarters_between_strategy_period_has_sixteen():
    assert len(quarters_between(FQ(2023, 1), FQ(2026, 4))) == 16


# --- financial_year_start / short label -------------------------------------------

@pytest.mark.parametrize(
    "day, start, short",
    [
        (date(2023, 3, 23), 2022, "22-23"),
        (date(2023, 3, 31), 2022, "22-23"),
        (date(2023, 4, 1), 2023, "23-24"),
        (date(2024, 4, 1), 2024, "24-25"),
        (date(2024, 12, 31), 2024, "24-25"),
        (date(2025, 1, 1), 2024, "24-25"),
        (date(2025, 3, 31), 2024, "24-25"),
        (date(2024, 2, 29), 2023, "23-24"),
        (date(2000, 1, 1), 1999, "99-00"),
        (date(2000, 4, 1), 2000, "00-01"),
    ],
)
def test_financial_year_start_and_short_label(day, start, short):
    assert financial_year_start(day) == start
    assert financial_year_short_label(day) == short


def test_committee_reference_example():
    assert financial_year_short_label(date(2023, 3, 23)) == "22-23"


# --- century wrap -----------------------------------------------------------------

@pytest.mark.parametrize(
    "text, start_year, quarter",
    [
        ("1999-00-Q1", 1999, 1),
        ("1999/00 Q4", 1999, 4),
        ("2099-00-Q1", 2099, 1),
        ("2099/00 Q3", 2099, 3),
        ("2000-01-Q2", 2000, 2),
    ],
)
def test_century_wrap(text, start_year, quarter):
    parsed = FQ.parse(text)
    assert (parsed.start_year, parsed.quarter) == (start_year, quarter)


def test_century_wrap_dates():
    q = FQ.from_label("1999/00 Q4")
    assert q.key == "1999-00-Q4"
    assert q.start_date == date(2000, 1, 1)
    assert q.end_date == date(2000, 3, 31)
    assert q.next().label == "2000/01 Q1"


# --- lenient but valid input ------------------------------------------------------

@pytest.mark.parametrize(
    "text",
    ["2024-25-Q2", "2024-25-q2", "  2024-25-Q2  ", "\t2024-25-Q2\n"],
)
def test_from_key_tolerates_case_and_whitespace(text):
    assert FQ.from_key(text) == FQ(2024, 2)


@pytest.mark.parametrize("text", ["2024/25 Q2", "2024/25 q2", " 2024/25 Q2 "])
def test_from_label_tolerates_case_and_whitespace(text):
    assert FQ.from_label(text) == FQ(2024, 2)


# --- bad input --------------------------------------------------------------------

BAD = [
    "",
    "   ",
    "None",
    "null",
    "abc",
    "2024-26-Q2",
    "2024-24-Q2",
    "2024-25-Q5",
    "2024-25-Q0",
    "2024-25-Q",
    "2024-25",
    "2024/26 Q1",
    "2024/25 Q5",
    "2024/25",
    "24-25-Q2",
    "2024-2025-Q2",
    "2024-25-Q22",
    "2024-25Q2",
    "2024_25_Q2",
    "2024-25-Q2x",
    "1899-00-Q1",
    "3000-01-Q1",
    "2024\u2013" + "25-Q2",
    "\u0662\u0660\u0662\u0664-25-Q2",
]


@pytest.mark.parametrize("text", BAD)
def test_bad_input_raises_with_input_in_message(text):
    for parser in (FQ.parse, FQ.from_key, FQ.from_label):
        with pytest.raises(PeriodKeyError) as info:
            parser(text)
        assert repr(text) in str(info.value)


@pytest.mark.parametrize("value", [None, 2024, b"2024-25-Q2"])
def test_non_string_input_raises(value):
    for parser in (FQ.parse, FQ.from_key, FQ.from_label):
        with pytest.raises(PeriodKeyError) as info:
            parser(value)
        assert repr(value) in str(info.value)


def test_key_and_label_forms_are_not_interchangeable():
    with pytest.raises(PeriodKeyError):
        FQ.from_key("2024/25 Q2")
    with pytest.raises(PeriodKeyError):
        FQ.from_label("2024-25-Q2")


def test_error_message_matches_documented_form():
    with pytest.raises(PeriodKeyError) as info:
        FQ.parse("2024-26-Q2")
    assert str(info.value) == (
        "'2024-26-Q2' is not a financial-year quarter: expected a key like '2024-25-Q2' "
        "or a label like '2024/25 Q2' (the second year must follow the first)."
    )


def test_period_key_error_is_value_error():
    with pytest.raises(ValueError):
        FQ.from_key("abc")


@pytest.mark.parametrize(
    "start_year, quarter, fragment",
    [
        (2024, 0, "quarter"),
        (2024, 5, "quarter"),
        (2024, -1, "quarter"),
        (1899, 1, "start_year"),
        (3000, 1, "start_year"),
        ("2024", 1, "start_year"),
        (2024, 1.0, "quarter"),
        (2024, True, "quarter"),
    ],
)
def test_constructor_validation(start_year, quarter, fragment):
    with pytest.raises(PeriodKeyError) as info:
        FQ(start_year, quarter)
    assert fragment in str(info.value)


@pytest.mark.parametrize("start_year", [1900, 2999])
def test_year_range_limits_are_inclusive(start_year):
    assert FQ(start_year, 1).start_year == start_year
    assert FQ(start_year, 4).end_date == date(start_year + 1, 3, 31)


# --- bank holidays ----------------------------------------------------------------

# 2022 and 2023 carry one-off days (the Platinum Jubilee with the spring bank holiday moved
# to 2 June, the State Funeral, the Coronation); 2028 and 2029 are hand-counted from the
# rules: Easter 2028 is 16 April, Easter 2029 is 1 April, and 1 January 2028 is a Saturday.
GOV_UK_BANK_HOLIDAYS = {
    2018: [(1, 1), (3, 30), (4, 2), (5, 7), (5, 28), (8, 27), (12, 25), (12, 26)],
    2019: [(1, 1), (4, 19), (4, 22), (5, 6), (5, 27), (8, 26), (12, 25), (12, 26)],
    2022: [(1, 3), (4, 15), (4, 18), (5, 2), (6, 2), (6, 3), (8, 29), (9, 19), (12, 26), (12, 27)],
    2023: [(1, 2), (4, 7), (4, 10), (5, 1), (5, 8), (5, 29), (8, 28), (12, 25), (12, 26)],
    2024: [(1, 1), (3, 29), (4, 1), (5, 6), (5, 27), (8, 26), (12, 25), (12, 26)],
    2025: [(1, 1), (4, 18), (4, 21), (5, 5), (5, 26), (8, 25), (12, 25), (12, 26)],
    2026: [(1, 1), (4, 3), (4, 6), (5, 4), (5, 25), (8, 31), (12, 25), (12, 28)],
    2027: [(1, 1), (3, 26), (3, 29), (5, 3), (5, 31), (8, 30), (12, 27), (12, 28)],
    2028: [(1, 3), (4, 14), (4, 17), (5, 1), (5, 29), (8, 28), (12, 25), (12, 26)],
    2029: [(1, 1), (3, 30), (4, 2), (5, 7), (5, 28), (8, 27), (12, 25), (12, 26)],
}


@pytest.mark.parametrize("year, days", sorted(GOV_UK_BANK_HOLIDAYS.items()))
def test_bank_holidays_match_gov_uk(year, days):
    assert england_bank_holidays(year) == frozenset(date(year, m, d) for m, d in days)


@pytest.mark.parametrize(
    "year, christmas_days",
    [
        (2021, {date(2021, 12, 27), date(2021, 12, 28)}),  # Christmas on Saturday
        (2022, {date(2022, 12, 26), date(2022, 12, 27)}),  # Christmas on Sunday
        (2026, {date(2026, 12, 25), date(2026, 12, 28)}),  # Boxing Day on Saturday
        (2027, {date(2027, 12, 27), date(2027, 12, 28)}),  # Christmas on Saturday
        (2024, {date(2024, 12, 25), date(2024, 12, 26)}),  # both weekdays
    ],
)
def test_christmas_substitute_days(year, christmas_days):
    december = {d for d in england_bank_holidays(year) if d.month == 12}
    assert december == christmas_days


@pytest.mark.parametrize(
    "year, new_year",
    [
        (2022, date(2022, 1, 3)),  # Saturday -> Monday 3rd
        (2023, date(2023, 1, 2)),  # Sunday -> Monday 2nd
        (2028, date(2028, 1, 3)),  # Saturday -> Monday 3rd
        (2024, date(2024, 1, 1)),
    ],
)
def test_new_year_substitute_day(year, new_year):
    january = {d for d in england_bank_holidays(year) if d.month == 1}
    assert january == {new_year}


@pytest.mark.parametrize(
    "easter_sunday",
    [
        date(2000, 4, 23),
        date(2008, 3, 23),
        date(2011, 4, 24),
        date(2019, 4, 21),
        date(2024, 3, 31),
        date(2025, 4, 20),
        date(2038, 4, 25),  # latest possible
        date(2029, 4, 1),
    ],
)
def test_easter_holidays_follow_gregorian_easter(easter_sunday):
    holidays = england_bank_holidays(easter_sunday.year)
    assert easter_sunday - timedelta(days=2) in holidays
    assert easter_sunday + timedelta(days=1) in holidays


# Years whose May holidays moved or that had an extra day (VE Day anniversaries, the
# Millennium, jubilees, a royal wedding, the State Funeral, the Coronation).
YEARS_WITH_ONE_OFF_CHANGES = {1995, 1999, 2002, 2011, 2012, 2020, 2022, 2023}


@pytest.mark.parametrize("year", range(1990, 2060))
def test_bank_holiday_invariants(year):
    holidays = england_bank_holidays(year)
    assert all(d.year == year and d.weekday() < 5 for d in holidays)
    if year in YEARS_WITH_ONE_OFF_CHANGES:
        assert len(holidays) >= 8
    else:
        assert len(holidays) == 8
        assert sum(d.month == 5 and d.weekday() == 0 for d in holidays) == 2


def test_bank_holidays_are_cached_frozensets():
    first = england_bank_holidays(2024)
    assert isinstance(first, frozenset)
    assert england_bank_holidays(2024) is first


# --- working days -----------------------------------------------------------------

@pytest.mark.parametrize(
    "day, working",
    [
        (date(2024, 9, 30), True),  # Monday
        (date(2024, 10, 5), False),  # Saturday
        (date(2024, 10, 6), False),  # Sunday
        (date(2024, 4, 1), False),  # Easter Monday
        (date(2024, 3, 29), False),  # Good Friday
        (date(2025, 1, 1), False),  # New Year's Day
        (date(2024, 12, 24), True),  # Christmas Eve is not a holiday
        (date(2026, 12, 28), False),  # substitute Boxing Day
        (date(2027, 12, 27), False),  # substitute Christmas Day
    ],
)
def test_is_working_day(day, working):
    assert is_working_day(day) is working


@pytest.mark.parametrize(
    "start, count, expected",
    [
        (date(2024, 9, 30), 0, date(2024, 9, 30)),
        (date(2024, 9, 30), 1, date(2024, 10, 1)),
        (date(2024, 10, 4), 1, date(2024, 10, 7)),  # Friday -> Monday
        (date(2024, 10, 5), 1, date(2024, 10, 7)),  # from a Saturday
        (date(2024, 3, 28), 1, date(2024, 4, 2)),  # over Easter 2024
        (date(2024, 12, 24), 1, date(2024, 12, 27)),  # over Christmas
        (date(2024, 12, 24), 2, date(2024, 12, 30)),
        (date(2024, 12, 31), 1, date(2025, 1, 2)),  # over New Year's Day
        (date(2024, 10, 7), -1, date(2024, 10, 4)),  # backwards over a weekend
        (date(2024, 4, 2), -1, date(2024, 3, 28)),  # backwards over Easter
    ],
)
def test_add_working_days(start, count, expected):
    assert add_working_days(start, count) == expected


@pytest.mark.parametrize(
    "start, end, expected",
    [
        (date(2024, 9, 30), date(2024, 9, 30), 0),
        (date(2024, 10, 4), date(2024, 10, 7), 1),  # Friday to Monday
        (date(2024, 10, 5), date(2024, 10, 6), 0),  # a weekend
        (date(2024, 10, 7), date(2024, 10, 4), -1),  # backwards
        # Christmas 2027 falls on a Saturday: Monday 27 and Tuesday 28 are its substitutes, and
        # New Year's Day 2028 (a Saturday) moves to Monday 3 January.
        (date(2027, 12, 24), date(2027, 12, 29), 1),
        (date(2027, 12, 24), date(2028, 1, 4), 4),  # 29, 30, 31 Dec and 4 Jan
        (date(2028, 12, 22), date(2028, 12, 27), 1),  # Christmas 2028 Monday, Boxing Day Tuesday
        (date(2029, 12, 24), date(2029, 12, 31), 3),  # Christmas 2029 Tuesday, Boxing Day Wednesday: 27, 28, 31
        # Easter 2027: Good Friday 26 March, Easter Monday 29 March.
        (date(2027, 3, 25), date(2027, 3, 30), 1),
        # Easter 2028: Good Friday 14 April, Easter Monday 17 April.
        (date(2028, 4, 13), date(2028, 4, 18), 1),
        (date(2028, 4, 7), date(2028, 4, 25), 10),
        # Easter 2029: Good Friday 30 March, Easter Monday 2 April.
        (date(2029, 3, 29), date(2029, 4, 3), 1),
        (date(2029, 4, 18), date(2029, 3, 28), -13),
    ],
)
def test_working_days_between(start, end, expected):
    assert working_days_between(start, end) == expected


@pytest.mark.parametrize("start", [date(2027, 12, 20), date(2028, 4, 10), date(2029, 3, 26), date(2029, 12, 21)])
def test_working_days_between_undoes_add_working_days(start):
    for count in range(-25, 26):
        assert working_days_between(start, add_working_days(start, count)) == count


# --- update deadlines (15 working days after quarter end) -------------------------
#
# Hand counts:
#   2024/25 Q1 ends Sun 30 Jun 2024: Jul 1-5 (1-5), 8-12 (6-10), 15-19 (11-15) -> Fri 19 Jul.
#   2024/25 Q2 ends Mon 30 Sep 2024: Oct 1-4 (1-4), 7-11 (5-9), 14-18 (10-14), 21 (15) -> Mon 21 Oct.
#   2024/25 Q3 ends Tue 31 Dec 2024: 1 Jan bank holiday; Jan 2-3 (1-2), 6-10 (3-7),
#       13-17 (8-12), 20-22 (13-15) -> Wed 22 Jan 2025.
#   2023/24 Q4 ends Sun 31 Mar 2024: Mon 1 Apr is Easter Monday; Apr 2-5 (1-4), 8-12 (5-9),
#       15-19 (10-14), 22 (15) -> Mon 22 Apr 2024.
#   2024/25 Q4 ends Mon 31 Mar 2025: Apr 1-4 (1-4), 7-11 (5-9), 14-17 (10-13),
#       Good Friday 18 and Easter Monday 21 skipped, 22-23 (14-15) -> Wed 23 Apr 2025.
#   2026/27 Q3 ends Thu 31 Dec 2026: 1 Jan 2027 holiday; Jan 4-8 (1-5), 11-15 (6-10),
#       18-22 (11-15) -> Fri 22 Jan 2027.
#   2026/27 Q4 ends Wed 31 Mar 2027 (Easter is before it): Apr 1-2 (1-2), 5-9 (3-7),
#       12-16 (8-12), 19-21 (13-15) -> Wed 21 Apr 2027.
#   2027/28 Q3 ends Fri 31 Dec 2027: New Year's Day (Sat) moves to Mon 3 Jan; Jan 4-7 (1-4),
#       10-14 (5-9), 17-21 (10-14), 24 (15) -> Mon 24 Jan 2028.
#   2027/28 Q4 ends Fri 31 Mar 2028: Apr 3-7 (1-5), 10-13 (6-9), Good Friday 14 and Easter
#       Monday 17 skipped, 18-21 (10-13), 24-25 (14-15) -> Tue 25 Apr 2028.
#   2028/29 Q3 ends Sun 31 Dec 2028: 1 Jan 2029 holiday; Jan 2-5 (1-4), 8-12 (5-9),
#       15-19 (10-14), 22 (15) -> Mon 22 Jan 2029.
#   2028/29 Q4 ends Sat 31 Mar 2029: Easter Monday 2 Apr skipped; Apr 3-6 (1-4), 9-13 (5-9),
#       16-20 (10-14), 23 (15) -> Mon 23 Apr 2029.

@pytest.mark.parametrize(
    "key, end, deadline",
    [
        ("2024-25-Q1", date(2024, 6, 30), date(2024, 7, 19)),
        ("2024-25-Q2", date(2024, 9, 30), date(2024, 10, 21)),
        ("2024-25-Q3", date(2024, 12, 31), date(2025, 1, 22)),
        ("2023-24-Q4", date(2024, 3, 31), date(2024, 4, 22)),
        ("2024-25-Q4", date(2025, 3, 31), date(2025, 4, 23)),
        ("2026-27-Q3", date(2026, 12, 31), date(2027, 1, 22)),
        ("2026-27-Q4", date(2027, 3, 31), date(2027, 4, 21)),
        ("2027-28-Q3", date(2027, 12, 31), date(2028, 1, 24)),
        ("2027-28-Q4", date(2028, 3, 31), date(2028, 4, 25)),
        ("2028-29-Q3", date(2028, 12, 31), date(2029, 1, 22)),
        ("2028-29-Q4", date(2029, 3, 31), date(2029, 4, 23)),
    ],
)
def test_update_deadline_fifteen_working_days(key, end, deadline):
    quarter = FQ.from_key(key)
    assert quarter.end_date == end
    assert quarter.update_deadline() == deadline
    assert quarter.update_deadline(15) == deadline


def test_update_deadline_counts_by_brute_force():
    # Independent check: count working days strictly after the quarter end up to the deadline.
    for quarter in quarters_between(FQ(2023, 1), FQ(2026, 4)):
        deadline = quarter.update_deadline()
        span = (deadline - quarter.end_date).days
        days = [quarter.end_date + timedelta(days=n) for n in range(1, span + 1)]
        assert sum(is_working_day(d) for d in days) == 15
        assert is_working_day(deadline)


@pytest.mark.parametrize(
    "working_days, expected",
    [(0, date(2024, 9, 30)), (1, date(2024, 10, 1)), (5, date(2024, 10, 7)), (10, date(2024, 10, 14))],
)
def test_update_deadline_custom_working_days(working_days, expected):
    assert FQ(2024, 2).update_deadline(working_days) == expected


def test_update_deadline_rejects_negative():
    with pytest.raises(ValueError):
        FQ(2024, 2).update_deadline(-1)
