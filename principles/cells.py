"""Principles named in a spreadsheet cell by number, for the importable columns that name them."""

from core import cells

from .models import Principle


def principle_list(cell) -> list[Principle]:
    """ "1, 3" as those principles, in the order written."""
    numbers = [cells.whole_number(part) for part in cells.text(cell).split(",") if part.strip()]
    # With more than one strategy loaded, a number means the first strategy's principle.
    found = {}
    for principle in Principle.objects.filter(number__in=numbers).order_by("strategy_id"):
        found.setdefault(principle.number, principle)
    missing = [str(number) for number in numbers if number not in found]
    if missing:
        raise cells.CellError(f"There is no principle {', '.join(missing)}: enter principle numbers from 1 to 7.")
    return [found[number] for number in numbers]


def principle(cell) -> Principle:
    found = principle_list(cell)
    if len(found) != 1:
        raise cells.CellError("Enter one principle number, from 1 to 7.")
    return found[0]
