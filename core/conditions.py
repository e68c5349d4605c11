"""A rule written once as a Q object, answered for one loaded instance without a query.

A model's rule ("taking updates", "overdue") is a Q so querysets, filters and the API filter
on it in SQL; its instance method asks `holds(rule, instance)` instead of restating the rule
in Python, so the two can never drift apart.  Comparisons follow SQL: one with a NULL is
unknown, and a rule holds only when it is true, as a row is kept by filter() only then.

Only lookups on the instance's own fields are understood (exact, isnull, in, lt, lte, gt,
gte); anything else raises ValueError rather than giving an answer SQL might not.
"""

from __future__ import annotations

import operator
from collections.abc import Callable

from django.db.models import Q

_COMPARISONS = {"exact": operator.eq, "lt": operator.lt, "lte": operator.le, "gt": operator.gt, "gte": operator.ge}


def holds(rule: Q, instance: object, **values) -> bool:
    """Whether `rule` is true of `instance`, reading fields named in `values` from there instead."""
    return _truth(rule, lambda name: values[name] if name in values else getattr(instance, name)) is True


def _truth(rule: Q, field: Callable[[str], object]) -> bool | None:
    """True, False or None (unknown), combined as SQL's three-valued logic does."""
    answers = [_truth(child, field) if isinstance(child, Q) else _lookup(child, field) for child in rule.children]
    if rule.connector == Q.AND:
        answer = False if False in answers else (None if None in answers else True)
    elif rule.connector == Q.OR:
        answer = True if True in answers else (None if None in answers else False)
    else:
        raise ValueError(f"{rule.connector} rules cannot be answered for an instance.")
    if rule.negated and answer is not None:
        return not answer
    return answer


def _lookup(child: object, field: Callable[[str], object]) -> bool | None:
    if not isinstance(child, tuple):
        raise ValueError(f"Only field lookups can be answered for an instance, not {child!r}.")
    path, expected = child
    name, _, lookup = path.partition("__")
    lookup = lookup or "exact"
    value = field(name)
    if lookup == "isnull":
        return (value is None) == expected
    if lookup == "exact" and expected is None:
        return value is None
    if lookup == "in":
        return None if value is None else value in expected
    if lookup not in _COMPARISONS:
        raise ValueError(f"The lookup {path!r} cannot be answered for an instance.")
    if value is None or expected is None:
        return None
    return _COMPARISONS[lookup](value, expected)
