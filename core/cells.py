"""Reading a spreadsheet cell back into a value: the `parse` of an importable Column.

A cell arrives as openpyxl or the csv module gives it: None for an empty cell, str, int, float,
or datetime for a date. Each parser returns the value a service takes, or raises CellError with
a message for the person who typed it. Rules about the values (a percent from 0 to 100, a
status and its RAG) stay in the models and services; these only read what the cell says.
"""

import datetime
import re
from decimal import Decimal, InvalidOperation

from django.contrib.auth import get_user_model
from django.db.models import Value
from django.db.models.functions import Concat

from .exports import unescape_cell


class CellError(ValueError):
    """A cell that cannot be read as its column's kind of value; the message says what to enter."""


def text(cell) -> str:
    """Text as typed, trimmed; a formula is kept as its text ("=1+1"), never worked out."""
    if cell is None:
        return ""
    if isinstance(cell, float) and cell.is_integer():
        cell = int(cell)
    if isinstance(cell, datetime.datetime) and cell.time() == datetime.time():
        cell = cell.date()
    if isinstance(cell, datetime.date):
        return cell.isoformat()
    return unescape_cell(str(cell)).strip()


def optional_date(cell) -> datetime.date | None:
    if isinstance(cell, datetime.datetime):
        return cell.date()
    if isinstance(cell, datetime.date):
        return cell
    value = text(cell)
    if not value:
        return None
    for pattern in ("%Y-%m-%d", "%d/%m/%Y"):
        try:
            return datetime.datetime.strptime(value, pattern).date()
        except ValueError:
            continue
    raise CellError(f"“{_shorten(value)}” is not a date: enter it like 2024-04-01 or 01/04/2024.")


def date(cell) -> datetime.date:
    value = optional_date(cell)
    if value is None:
        raise CellError("Enter a date, like 2024-04-01.")
    return value


# No column holds a number this large; a larger one would overflow the database's integers.
LARGEST_NUMBER = 10**9 - 1


def whole_number(cell) -> int:
    value = text(cell)
    if isinstance(cell, int) and not isinstance(cell, bool):
        number = cell
    elif isinstance(cell, float) and cell.is_integer():
        number = int(cell)
    elif re.fullmatch(r"[+-]?\d{1,18}", value):
        number = int(value)
    else:
        raise CellError(f"“{_shorten(value)}” is not a whole number." if value else "Enter a whole number.")
    if abs(number) > LARGEST_NUMBER:
        raise CellError(f"{_shorten(value)} is too large.")
    return number


# Business case figures have 14 digits, two of them pence.
LARGEST_AMOUNT = Decimal("999999999999.99")


def money(cell) -> Decimal:
    """Pounds and pence as Decimal; "£1,250.50" is read too. More than two decimal places is
    refused, not rounded: money is never guessed."""
    if isinstance(cell, bool):
        raise CellError("Enter an amount in pounds, like 1250.50.")
    # repr of a float is the shortest text that reads back as it, so 0.1 stays 0.1.
    value = repr(cell) if isinstance(cell, float) else text(cell).replace("£", "").replace(",", "")
    if value in ("", "None"):
        return Decimal("0.00")
    try:
        amount = Decimal(value)
    except InvalidOperation:
        raise CellError(f"“{_shorten(value)}” is not an amount in pounds: enter it like 1250.50.") from None
    if not amount.is_finite() or amount.as_tuple().exponent < -2:
        raise CellError(f"“{_shorten(value)}” is not pounds and pence: use at most two decimal places.")
    if abs(amount) > LARGEST_AMOUNT:
        raise CellError(f"{_shorten(value)} is more than any business case holds: check the amount.")
    return amount.quantize(Decimal("0.01"))


def yes_no(cell) -> bool:
    value = text(cell).lower()
    if value in ("yes", "no"):
        return value == "yes"
    raise CellError("Enter Yes or No.")


def choice(choices):
    """A parser for a TextChoices column: the label as exported ("On track"), or the stored value."""
    by_name = {name.lower(): value for value, label in choices.choices for name in (value, label)}

    def parse(cell) -> str:
        value = text(cell)
        if value.lower() in by_name:
            return by_name[value.lower()]
        allowed = ", ".join(label for _, label in choices.choices)
        raise CellError(f"“{_shorten(value)}” is not one of {allowed}." if value else f"Enter one of {allowed}.")

    return parse


# No username (150 characters) or full name (first and last name, 150 each) is longer.
LONGEST_PERSON = 301


def person(cell):
    """A user by username, or by full name as the exports write it."""
    value = text(cell)
    if not value:
        raise CellError("Enter a username.")
    # A longer cell names nobody: no query for it (SQLite refuses to match so long a pattern).
    if len(value) <= LONGEST_PERSON:
        users = get_user_model().objects.filter(is_active=True)
        found = users.filter(username=value).first()
        if found is not None:
            return found
        # The exports write get_full_name(): first and last name joined by a space.
        full_names = users.annotate(full_name=Concat("first_name", Value(" "), "last_name"))
        named = list(full_names.filter(full_name__iexact=value)[:2])
        if len(named) == 1:
            return named[0]
        if named:
            raise CellError(f"More than one person is called {_shorten(value)}: enter their username instead.")
    raise CellError(f"There is no user {_shorten(value)}: enter the username of someone who can sign in.")


def people(cell) -> list:
    """Users separated by commas, as the action exports write delegates."""
    return [person(name) for name in text(cell).split(",") if name.strip()]


def _shorten(value: str, limit: int = 60) -> str:
    """A cell quoted in a message stays readable however long the cell is."""
    return value if len(value) <= limit else value[: limit - 1] + "…"
