"""UK local-government financial-year quarters.

Councils budget and report on a financial year running 1 April to 31 March,
named after both calendar years it spans ("2024/25").  Quarters count from
April: Q1 April-June, Q2 July-September, Q3 October-December and Q4
January-March of the *following* calendar year, so "2024/25 Q4" is
1 January 2025 - 31 March 2025.  The URL-safe key form is "2024-25-Q4".

Working-day arithmetic uses the England & Wales bank holidays, because
progress-update deadlines are set in working days after a quarter ends.

No Django imports, so it is safe anywhere; bank holidays come from the maintained
`holidays` package, which also carries one-off days such as a coronation.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

import holidays

__all__ = [
    "PeriodKeyError", "FinancialQuarter", "financial_year_start", "financial_year_label",
    "financial_year_short_label", "quarters_between", "england_bank_holidays",
    "is_working_day", "add_working_days", "working_days_between",
]

_KEY_RE = re.compile(r"(\d{4})-(\d{2})-Q(\d)", re.ASCII | re.IGNORECASE)
_LABEL_RE = re.compile(r"(\d{4})/(\d{2})\s+Q(\d)", re.ASCII | re.IGNORECASE)
_KEY_HINT = "a key like '2024-25-Q2'"
_LABEL_HINT = "a label like '2024/25 Q2'"


class PeriodKeyError(ValueError):
    """A financial-quarter key, label or component is malformed."""


def _parse(text: object, patterns: tuple[re.Pattern[str], ...], expected: str) -> FinancialQuarter:
    problem = f"{text!r} is not a financial-year quarter: expected {expected} (the second year must follow the first)."
    match = None
    if isinstance(text, str):
        stripped = text.strip()
        match = next((m for p in patterns if (m := p.fullmatch(stripped))), None)
    if match is None:
        raise PeriodKeyError(problem)
    start_year, second, quarter = (int(g) for g in match.groups())
    # The short second year is only a check digit pair, so "1999/00" is valid.
    if f"{second:02d}" != _second_year(start_year):
        raise PeriodKeyError(problem)
    try:
        return FinancialQuarter(start_year, quarter)
    except PeriodKeyError as exc:
        raise PeriodKeyError(f"{text!r} is not a valid financial-year quarter: {exc}") from exc


@dataclass(frozen=True, order=True)
class FinancialQuarter:
    start_year: int  # calendar year the financial year begins in: 2024 for 2024/25
    quarter: int  # 1..4, counted from April

    def __post_init__(self) -> None:
        # bool is an int subclass; True as a quarter is always a bug upstream.
        for name in ("start_year", "quarter"):
            value = getattr(self, name)
            if not isinstance(value, int) or isinstance(value, bool):
                raise PeriodKeyError(f"{name} must be an int, got {value!r}.")
        if not 1 <= self.quarter <= 4:
            raise PeriodKeyError(f"quarter must be 1-4, got {self.quarter!r}.")
        if not 1900 <= self.start_year <= 2999:
            raise PeriodKeyError(f"start_year must be 1900-2999, got {self.start_year!r}.")

    @property
    def financial_year_label(self) -> str:
        return financial_year_label(self.start_year)

    @property
    def financial_year_short_label(self) -> str:
        return _short_label(self.start_year)

    @property
    def label(self) -> str:
        return f"{self.financial_year_label} Q{self.quarter}"

    @property
    def key(self) -> str:
        return f"{self.start_year}-{_second_year(self.start_year)}-Q{self.quarter}"

    @property
    def start_date(self) -> date:
        month = 3 * self.quarter + 1  # 4, 7, 10, 13 -> Q4 spills into January of the next year
        return date(self.start_year + (month - 1) // 12, (month - 1) % 12 + 1, 1)

    @property
    def end_date(self) -> date:
        # Computed directly rather than via next() so 2999/00 Q4 still has an end.
        start = self.start_date
        last_month = start.month + 2
        return date(start.year, last_month, calendar.monthrange(start.year, last_month)[1])

    def update_deadline(self, working_days: int = 15) -> date:
        """The date `working_days` working days after the quarter ends (day 1 is the first working day after)."""
        if working_days < 0:
            raise ValueError(f"working_days must not be negative, got {working_days!r}.")
        return add_working_days(self.end_date, working_days)

    def previous(self) -> FinancialQuarter:
        if self.quarter == 1:
            return FinancialQuarter(self.start_year - 1, 4)
        return FinancialQuarter(self.start_year, self.quarter - 1)

    def next(self) -> FinancialQuarter:
        if self.quarter == 4:
            return FinancialQuarter(self.start_year + 1, 1)
        return FinancialQuarter(self.start_year, self.quarter + 1)

    def contains(self, day: date) -> bool:
        return self.start_date <= day <= self.end_date

    @classmethod
    def from_key(cls, key: str) -> FinancialQuarter:
        return _parse(key, (_KEY_RE,), _KEY_HINT)

    @classmethod
    def from_label(cls, label: str) -> FinancialQuarter:
        return _parse(label, (_LABEL_RE,), _LABEL_HINT)

    @classmethod
    def parse(cls, text: str) -> FinancialQuarter:
        return _parse(text, (_KEY_RE, _LABEL_RE), f"{_KEY_HINT} or {_LABEL_HINT}")

    @classmethod
    def containing(cls, day: date) -> FinancialQuarter:
        return cls(financial_year_start(day), (day.month - 4) % 12 // 3 + 1)

    def __str__(self) -> str:
        return self.label


def financial_year_start(day: date) -> int:
    return day.year if day.month >= 4 else day.year - 1


def _second_year(start_year: int) -> str:
    return f"{(start_year + 1) % 100:02d}"


def financial_year_label(start_year: int) -> str:
    """The name of the financial year starting in April of `start_year`: 2024 is "2024/25"."""
    return f"{start_year}/{_second_year(start_year)}"


def _short_label(start_year: int) -> str:
    return f"{start_year % 100:02d}-{_second_year(start_year)}"


def financial_year_short_label(day: date) -> str:
    """The financial year containing `day` as committee references write it: "24-25"."""
    return _short_label(financial_year_start(day))


def quarters_between(first: FinancialQuarter, last: FinancialQuarter) -> list[FinancialQuarter]:
    """Every quarter from `first` to `last` inclusive; empty if `last` precedes `first`."""
    quarters: list[FinancialQuarter] = []
    current = first
    while current <= last:
        quarters.append(current)
        if current == last:
            break
        current = current.next()
    return quarters


@lru_cache(maxsize=None)
def england_bank_holidays(year: int) -> frozenset[date]:
    """England & Wales bank holidays in `year` as gov.uk lists them.

    The library also names a weekend Christmas or New Year's Day beside its weekday
    substitute; gov.uk lists only the days off, and a weekend is never a working day anyway.
    The library knows the years 1872-2100; outside them only weekends are days off.
    """
    calendar_year = holidays.country_holidays("GB", subdiv="ENG", years=year)
    return frozenset(day for day in calendar_year if day.weekday() < 5)


def is_working_day(day: date) -> bool:
    return day.weekday() < 5 and day not in england_bank_holidays(day.year)


def add_working_days(day: date, count: int) -> date:
    """Step `count` working days from `day` (which itself never counts); negative counts step back."""
    step = timedelta(days=1 if count >= 0 else -1)
    remaining = abs(count)
    while remaining:
        day += step
        if is_working_day(day):
            remaining -= 1
    return day


def working_days_between(start: date, end: date) -> int:
    """Working days after `start` up to and including `end`, negative when `end` is earlier.

    The inverse of add_working_days: add_working_days(start, n) == end gives n for a working `end`.
    """
    if end < start:
        return -working_days_between(end, start)
    return sum(is_working_day(start + timedelta(days=n)) for n in range(1, (end - start).days + 1))
