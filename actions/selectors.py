"""Reads of the action plan shared by pages, the API and the packs."""

import datetime
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import OuterRef, Prefetch, QuerySet, Subquery
from django.utils import timezone

from principles.models import Principle
from reporting.models import ReportingPeriod

from .choices import CLOSED_STATUSES, Rag, Status
from .models import ActionItem, ProgressUpdate


def action_queryset() -> QuerySet[ActionItem]:
    """Actions with everything a list row shows, in a fixed number of queries."""
    return ActionItem.objects.select_related("principle", "owner", "business_case", "last_updated_by").prefetch_related(
        "delegates"
    )


def action_detail(*, reference: str) -> ActionItem:
    """One action with its delegates, risks and full update timeline, newest first."""
    updates = ProgressUpdate.objects.select_related("period", "author").order_by("-period__start_date")
    return action_queryset().prefetch_related("risks", Prefetch("updates", queryset=updates)).get(reference=reference)


@dataclass(frozen=True)
class ActionState:
    """Where one action stood at a date: the figures of its latest update up to then."""

    action: ActionItem
    status: str
    rag: str
    percent_complete: int
    commentary: str
    next_steps: str
    update: ProgressUpdate | None
    overdue: bool

    @property
    def status_label(self) -> str:
        return Status(self.status).label

    @property
    def rag_label(self) -> str:
        return Rag(self.rag).label


def _state(action: ActionItem, update: ProgressUpdate | None, on: datetime.date) -> ActionState:
    status = update.status if update else Status.NOT_STARTED
    return ActionState(
        action=action,
        status=status,
        rag=update.rag if update else Rag.GREEN,
        percent_complete=update.percent_complete if update else 0,
        commentary=update.commentary if update else "",
        next_steps=update.next_steps if update else "",
        update=update,
        overdue=status not in CLOSED_STATUSES and action.due_date < on,
    )


def action_states_as_at(*, period: ReportingPeriod, actions: QuerySet[ActionItem] | None = None) -> list[ActionState]:
    """Every action as it stood at the end of `period`, from updates for that period or earlier.

    Updates for later periods are ignored, so the answer for a past quarter never changes.
    Three queries whatever the number of actions.
    """
    latest = (
        ProgressUpdate.objects.filter(action=OuterRef("pk"), period__end_date__lte=period.end_date)
        .order_by("-period__end_date")
        .values("pk")[:1]
    )
    actions = (actions if actions is not None else action_queryset()).annotate(as_at_update=Subquery(latest))
    actions = list(actions.order_by("principle__number", "reference"))
    updates = ProgressUpdate.objects.select_related("period", "author").in_bulk(
        [a.as_at_update for a in actions if a.as_at_update]
    )
    return [_state(action, updates.get(action.as_at_update), period.end_date) for action in actions]


def action_states_current(*, on: datetime.date | None = None, actions: QuerySet[ActionItem] | None = None) -> list[ActionState]:
    """Every action's current state (its own fields, which mirror its latest update)."""
    on = on or timezone.localdate()
    actions = actions if actions is not None else action_queryset()
    return [
        ActionState(
            action=action,
            status=action.status,
            rag=action.rag,
            percent_complete=action.percent_complete,
            commentary="",
            next_steps="",
            update=None,
            overdue=action.is_overdue(on),
        )
        for action in actions.order_by("principle__number", "reference")
    ]


@dataclass
class Rollup:
    """Counts for a group of action states: one principle, or the whole plan."""

    label: str
    total: int = 0
    by_status: dict[str, int] = field(default_factory=lambda: dict.fromkeys(Status.values, 0))
    by_rag: dict[str, int] = field(default_factory=lambda: dict.fromkeys(Rag.values, 0))
    percent_sum: int = 0
    overdue: int = 0

    def add(self, state: ActionState) -> None:
        self.total += 1
        self.by_status[state.status] += 1
        self.by_rag[state.rag] += 1
        self.percent_sum += state.percent_complete
        self.overdue += state.overdue

    @property
    def average_percent(self) -> Decimal:
        if not self.total:
            return Decimal("0.0")
        return (Decimal(self.percent_sum) / self.total).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def rollup_by_principle(*, states: list[ActionState], principles: list[Principle]) -> tuple[list[tuple[Principle, Rollup]], Rollup]:
    """Per-principle and overall counts by status and RAG, average percent and overdue count."""
    per_principle = {p.pk: (p, Rollup(label=f"Principle {p.number}")) for p in principles}
    overall = Rollup(label="All principles")
    for state in states:
        per_principle[state.action.principle_id][1].add(state)
        overall.add(state)
    return list(per_principle.values()), overall


def progress_update_queryset() -> QuerySet[ProgressUpdate]:
    """Progress updates with their action, principle, period and author, newest period first."""
    return ProgressUpdate.objects.select_related("action__principle", "period", "author").order_by(
        "-period__start_date", "action__reference"
    )
