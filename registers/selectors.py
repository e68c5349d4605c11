"""Reads of business cases and risks shared by pages, the API and the packs."""

import datetime
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Prefetch, QuerySet, prefetch_related_objects

from .filtersets import BusinessCaseFilterSet, RiskFilterSet
from .models import MONEY_FIELD_NAMES as MONEY_FIELDS
from .models import BusinessCase, BusinessCaseLine, BusinessCaseRevision, BusinessCaseTransition, Risk, RiskReview, ScoreBand


def business_case_queryset() -> QuerySet[BusinessCase]:
    return BusinessCase.objects.select_related("sponsor", "strategy").prefetch_related(
        "principles", Prefetch("lines", queryset=BusinessCaseLine.objects.order_by("financial_year"))
    )


@dataclass
class MoneyTotals:
    """Sums of business case lines in pounds; Decimal throughout, never float."""

    capital_cost: Decimal = Decimal("0.00")
    revenue_cost: Decimal = Decimal("0.00")
    cashable_benefit: Decimal = Decimal("0.00")
    non_cashable_benefit: Decimal = Decimal("0.00")

    def add(self, line: BusinessCaseLine) -> None:
        for name in MONEY_FIELDS:
            setattr(self, name, getattr(self, name) + getattr(line, name))

    @property
    def net(self) -> Decimal:
        return self.cashable_benefit + self.non_cashable_benefit - self.capital_cost - self.revenue_cost


@dataclass
class BusinessCaseTotals:
    by_year: dict[int, MoneyTotals] = field(default_factory=dict)
    overall: MoneyTotals = field(default_factory=MoneyTotals)


def business_case_totals(*, cases: list[BusinessCase]) -> BusinessCaseTotals:
    """Totals per financial year and overall across the MTFS, from prefetched lines."""
    totals = BusinessCaseTotals()
    for case in cases:
        for line in case.lines.all():
            totals.by_year.setdefault(line.financial_year, MoneyTotals()).add(line)
            totals.overall.add(line)
    totals.by_year = dict(sorted(totals.by_year.items()))
    return totals


def business_cases_as_at(*, moment: datetime.datetime) -> list[BusinessCase]:
    """The business cases as they stood at `moment`, each with the figures it had then, by reference.

    Read from the cases' and lines' history, so a later edit, revision or workflow step never
    changes a past quarter's answer. Principles and sponsors are today's: they are not figures.
    Four queries whatever the number of cases.
    """
    cases = sorted(BusinessCase.history.as_of(moment), key=lambda case: case.reference)
    lines_by_case: dict[int, list[BusinessCaseLine]] = {case.pk: [] for case in cases}
    for line in BusinessCaseLine.history.as_of(moment).filter(business_case_id__in=list(lines_by_case)):
        lines_by_case[line.business_case_id].append(line)
    for case in cases:
        # Filled in as a prefetch would be, so every reader of `case.lines.all()` (totals, rows,
        # templates) sees the figures of `moment` without knowing they came from the history.
        case._prefetched_objects_cache = {
            "lines": sorted(lines_by_case[case.pk], key=lambda line: line.financial_year)
        }
    prefetch_related_objects(cases, "sponsor", "principles")
    return cases


def risks_as_at(*, moment: datetime.datetime) -> list[Risk]:
    """The risks as they stood at `moment` (scores, owner, mitigation, review date), by reference, from their history."""
    risks = sorted(Risk.history.as_of(moment), key=lambda risk: risk.reference)
    prefetch_related_objects(risks, "owner")
    return risks


def risk_queryset() -> QuerySet[Risk]:
    return Risk.objects.select_related("owner", "strategy").prefetch_related("business_cases")


@dataclass(frozen=True)
class HeatMapCell:
    likelihood: int
    impact: int
    risks: tuple[Risk, ...]

    @property
    def score(self) -> int:
        return self.likelihood * self.impact

    @property
    def count(self) -> int:
        return len(self.risks)

    @property
    def band(self) -> ScoreBand:
        return ScoreBand.for_score(self.score)


def risk_heat_map(*, risks: list[Risk], basis: str) -> list[list[HeatMapCell]]:
    """A 5×5 grid of risks by likelihood × impact, rows from likelihood 5 down to 1.

    `basis` is "inherent" (before mitigation) or "residual" (after).
    """
    if basis not in ("inherent", "residual"):
        raise ValueError(f"basis must be 'inherent' or 'residual', not {basis!r}")
    cells: dict[tuple[int, int], list[Risk]] = {}
    for risk in risks:
        key = (getattr(risk, f"{basis}_likelihood"), getattr(risk, f"{basis}_impact"))
        cells.setdefault(key, []).append(risk)
    return [
        [HeatMapCell(likelihood, impact, tuple(cells.get((likelihood, impact), ()))) for impact in range(1, 6)]
        for likelihood in range(5, 0, -1)
    ]


@dataclass(frozen=True)
class BusinessCaseRow:
    """A business case with the figures one list row shows: one year's, or the whole MTFS's."""

    case: BusinessCase
    money: MoneyTotals


def business_case_list(*, filters=None) -> BusinessCaseFilterSet:
    """The business cases page, its exports and the API: the FilterSet over the prefetched queryset."""
    return BusinessCaseFilterSet(filters if filters is not None else {}, queryset=business_case_queryset())


def business_case_rows(*, cases: list[BusinessCase], financial_year: int | None = None) -> list[BusinessCaseRow]:
    """One row per case, with that year's figures when `financial_year` is given, else the MTFS total."""
    rows = []
    for case in cases:
        money = MoneyTotals()
        for line in case.lines.all():
            if financial_year is None or line.financial_year == financial_year:
                money.add(line)
        rows.append(BusinessCaseRow(case=case, money=money))
    return rows


def business_case_detail(*, reference: str) -> BusinessCase:
    """One case with its lines, the actions it funds, its risks and its workflow and revision history."""
    return business_case_queryset().prefetch_related(
        # The action plan sits above the registers, so its actions come through the reverse relation
        # (ordered by reference, ActionItem's default).
        "actions__principle",
        "actions__owner",
        Prefetch("risks", queryset=Risk.objects.select_related("owner").order_by("reference")),
        Prefetch("transitions", queryset=BusinessCaseTransition.objects.select_related("actor").order_by("at", "pk")),
        Prefetch("revisions", queryset=BusinessCaseRevision.objects.select_related("revised_by").order_by("number")),
    ).get(reference=reference)


def risk_list(*, filters=None) -> RiskFilterSet:
    return RiskFilterSet(filters if filters is not None else {}, queryset=risk_queryset())


def risk_detail(*, reference: str) -> Risk:
    """One risk with its linked actions and business cases and its review history, newest first."""
    return risk_queryset().prefetch_related(
        "actions__principle",
        "actions__owner",
        Prefetch("reviews", queryset=RiskReview.objects.select_related("reviewed_by").order_by("-reviewed_at", "-pk")),
    ).get(reference=reference)
