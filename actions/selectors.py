"""Reads of the action plan shared by pages, the API and the packs."""

import datetime
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Count as CountOf
from django.db import connection
from django.db.models import F, Prefetch, Q, QuerySet, Sum, Value, Window
from django.db.models.functions import RowNumber
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.text import capfirst

from core.aggregates import cached_aggregate
from core.conditions import holds
from core.exports import display_name
from core.permissions import can_record_progress
from periods.models import ReportingPeriod
from principles.models import Principle

from .choices import CLOSED_STATUSES, Movement, Rag, Status
from .models import BEFORE, NOW, ActionItem, ProgressUpdate, due_an_update, movement_rules, overdue_on, with_states_at


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
        overdue=action.is_overdue(on, status=status),
    )


def latest_update_ids(*, end: datetime.date) -> QuerySet:
    """The ids of each action's latest update for a quarter ending by `end`, as a subquery.

    Set-based, one pass over the updates rather than a subquery per action: DISTINCT ON where
    the database has it (PostgreSQL), the first row of a window per action elsewhere.
    """
    in_time = ProgressUpdate.objects.filter(period__end_date__lte=end)
    if connection.features.can_distinct_on_fields:
        return in_time.order_by("action_id", "-period__end_date").distinct("action_id").values("pk")
    newest_first = Window(RowNumber(), partition_by=F("action_id"), order_by=F("period__end_date").desc())
    return in_time.annotate(newest_first=newest_first).filter(newest_first=1).values("pk")


def action_states_as_at(*, period: ReportingPeriod, actions: QuerySet[ActionItem] | None = None) -> list[ActionState]:
    """Every action as it stood at the end of `period`, from updates for that period or earlier.

    Updates for later periods are ignored, so the answer for a past quarter never changes.
    Three queries whatever the number of actions: the latest update of each action is picked
    in SQL (latest_update_ids), never by a list of ids (SQLite would split a long list into
    several queries).
    """
    actions = actions if actions is not None else action_queryset()
    updates = {
        update.action_id: update
        for update in ProgressUpdate.objects.select_related("period", "author").filter(
            action__in=actions.values("pk"), pk__in=latest_update_ids(end=period.end_date)
        )
    }
    # A quarter still running is judged as at today: nothing is overdue before its due date comes.
    as_at = min(period.end_date, timezone.localdate())
    return [
        _state(action, updates.get(action.pk), as_at) for action in actions.order_by("principle__number", "reference")
    ]


@dataclass(frozen=True)
class Count:
    """One status's or RAG rating's count, with the label every reader shows for it."""

    key: str
    label: str
    count: int


@dataclass
class Rollup:
    """Counts for a group of action states: one principle's (its number and title), or the whole plan's.

    The dashboard, the API's summary and its history, and the packs all read these figures from
    here, so one counting rule holds everywhere: completed and cancelled actions count under
    their status only, never in the RAG counts or the average percent complete, which are of
    the open actions.
    """

    number: int | None = None
    title: str = "All principles"
    total: int = 0
    by_status: dict[str, int] = field(default_factory=lambda: dict.fromkeys(Status.values, 0))
    open: int = 0
    by_rag: dict[str, int] = field(default_factory=lambda: dict.fromkeys(Rag.values, 0))
    open_percent_sum: int = 0
    overdue: int = 0

    def add(self, state: ActionState) -> None:
        self.total += 1
        self.by_status[state.status] += 1
        self.overdue += state.overdue
        if state.status in CLOSED_STATUSES:
            return
        self.open += 1
        self.by_rag[state.rag] += 1
        self.open_percent_sum += state.percent_complete

    @property
    def label(self) -> str:
        return self.title if self.number is None else f"Principle {self.number}"

    @property
    def average_percent(self) -> Decimal | None:
        """The open actions' average percent complete, to one decimal place; None with none open."""
        if not self.open:
            return None
        return (Decimal(self.open_percent_sum) / self.open).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)

    @property
    def status_counts(self) -> list[Count]:
        """In the order of the Status choices."""
        return [Count(status.value, status.label, self.by_status[status]) for status in Status]

    @property
    def rag_counts(self) -> list[Count]:
        """In the order of the Rag choices: red, amber, green."""
        return [Count(rag.value, rag.label, self.by_rag[rag]) for rag in Rag]


def _rolled_up(rows, principles: list[Principle]) -> tuple[list[tuple[Principle, Rollup]], Rollup]:
    """Rollups from rows of per-principle counts (`_counts_by_principle`)."""
    per_principle = {p.pk: (p, Rollup(number=p.number, title=p.title)) for p in principles}
    overall = Rollup()
    for row in rows:
        for rollup in (per_principle[row["principle_id"]][1], overall):
            rollup.total += row["total"]
            rollup.open += row["open"]
            rollup.open_percent_sum += row["open_percent_sum"] or 0
            rollup.overdue += row["overdue"]
            for status in Status.values:
                rollup.by_status[status] += row[f"status_{status}"]
            for rag in Rag.values:
                rollup.by_rag[rag] += row[f"rag_{rag}"]
    return list(per_principle.values()), overall


def _counts_by_principle(actions: QuerySet[ActionItem], *, on: datetime.date, **extra) -> QuerySet:
    """Per principle, what a Rollup counts (Rollup.add's rule: RAG and percent of open actions only),
    over `actions` annotated with the state to count: `state_status`, `state_rag` and
    `state_percent`; overdue as judged on `on`."""
    open_state = ~Q(state_status__in=CLOSED_STATUSES)
    return (
        actions.values("principle_id")
        .annotate(
            total=CountOf("pk"),
            open=CountOf("pk", filter=open_state),
            open_percent_sum=Sum("state_percent", filter=open_state),
            overdue=CountOf("pk", filter=overdue_on(on, status="state_status")),
            **{f"status_{status}": CountOf("pk", filter=Q(state_status=status)) for status in Status.values},
            **{f"rag_{rag}": CountOf("pk", filter=open_state & Q(state_rag=rag)) for rag in Rag.values},
            **extra,
        )
        .order_by()
    )


def rollups_as_at(*, period: ReportingPeriod, principles: list[Principle]) -> tuple[list[tuple[Principle, Rollup]], Rollup]:
    """rollup_by_principle of action_states_as_at(period), counted in SQL in two queries whatever
    the number of actions: those with an update by then, joined to their latest one, and those
    without (not started, green and 0%), each grouped by principle. Cached until a write."""
    on = min(period.end_date, timezone.localdate())
    key = f"rollups-as-at:{period.pk}:{on}:{_keyed(principles)}"
    return cached_aggregate(key, lambda: _rollups_as_at(period=period, principles=principles, on=on))


def _keyed(principles: list[Principle]) -> str:
    return ",".join(str(principle.pk) for principle in principles)


def _rollups_as_at(*, period: ReportingPeriod, principles: list[Principle], on: datetime.date):
    # filter() then annotate(): the annotations read the very update the filter joined.
    rated = ActionItem.objects.filter(updates__pk__in=latest_update_ids(end=period.end_date)).annotate(
        state_status=F("updates__status"), state_rag=F("updates__rag"), state_percent=F("updates__percent_complete")
    )
    unrated = ActionItem.objects.exclude(updates__period__end_date__lte=period.end_date).annotate(
        state_status=Value(Status.NOT_STARTED.value), state_rag=Value(Rag.GREEN.value), state_percent=Value(0)
    )
    rows = [*_counts_by_principle(rated, on=on), *_counts_by_principle(unrated, on=on)]
    return _rolled_up(rows, principles)


def rollup_by_principle(*, states: list[ActionState], principles: list[Principle]) -> tuple[list[tuple[Principle, Rollup]], Rollup]:
    """Per-principle and overall counts by status and RAG, average percent and overdue count."""
    per_principle = {p.pk: (p, Rollup(number=p.number, title=p.title)) for p in principles}
    overall = Rollup()
    for state in states:
        per_principle[state.action.principle_id][1].add(state)
        overall.add(state)
    return list(per_principle.values()), overall


@dataclass(frozen=True)
class ChangeSinceLastQuarter:
    """Per principle and overall, how many actions moved each way between the ends of two quarters."""

    period: ReportingPeriod
    previous: ReportingPeriod
    by_principle: list[tuple[Principle, list[Count]]]
    overall: list[Count]


def change_since_last_quarter(
    *, period: ReportingPeriod, previous: ReportingPeriod, principles: list[Principle]
) -> ChangeSinceLastQuarter:
    """Counts of each Movement from the end of `previous` to the end of `period`, in one query.

    The states compared are those action_states_as_at reads (the latest update for a quarter
    ending by then), and the actions list's `movement` filter applies the same rules, so each
    count is the length of the list it links to. Cached until a write.
    """
    today = timezone.localdate()
    key = f"change-since:{period.pk}:{previous.pk}:{today}:{_keyed(principles)}"
    return cached_aggregate(key, lambda: _change_since_last_quarter(period=period, previous=previous, principles=principles, today=today))


def _change_since_last_quarter(
    *, period: ReportingPeriod, previous: ReportingPeriod, principles: list[Principle], today: datetime.date
) -> ChangeSinceLastQuarter:
    rows = (
        with_states_at(ActionItem.objects.all(), ends={NOW: period.end_date, BEFORE: previous.end_date}, today=today)
        .values("principle_id")
        .annotate(**{kind.value: CountOf("pk", filter=rule) for kind, rule in movement_rules().items()})
        .order_by()
    )
    tallies = {row["principle_id"]: row for row in rows}

    def counts(of) -> list[Count]:
        return [Count(kind.value, kind.label, sum(tally[kind.value] for tally in of)) for kind in Movement]

    return ChangeSinceLastQuarter(
        period=period,
        previous=previous,
        by_principle=[(principle, counts([tallies[principle.pk]] if principle.pk in tallies else [])) for principle in principles],
        overall=counts(tallies.values()),
    )


def action_ids_updated_in(*, period: ReportingPeriod | None) -> set[int]:
    """The ids of actions with a progress update for `period` (none when no period is open)."""
    if period is None:
        return set()
    return set(ProgressUpdate.objects.filter(period=period).values_list("action_id", flat=True))


def needs_update(*, action: ActionItem, updated_ids: set[int]) -> bool:
    """An open action not yet updated for the period; completed and cancelled ones report no more."""
    return action.status not in CLOSED_STATUSES and action.pk not in updated_ids


def actions_missing_update(*, period: ReportingPeriod) -> QuerySet[ActionItem]:
    """The actions `needs_update` picks for `period`, in one query, with their owners and delegates."""
    return (
        ActionItem.objects.exclude(status__in=CLOSED_STATUSES)
        .exclude(updates__period=period)
        .select_related("owner")
        .prefetch_related("delegates")
        .order_by("reference")
    )


@dataclass(frozen=True)
class ReportingCoverage:
    """'This quarter: N of M actions updated': M counts the actions due an update in the period."""

    updated: int = 0
    due: int = 0


@dataclass(frozen=True)
class PlanNow:
    """The dashboard's figures: per principle and overall, the roll-up of the actions as they
    stand and, for the period taking updates, how many of those due an update have one."""

    rows: list[tuple[Principle, Rollup, ReportingCoverage | None]]
    overall: Rollup
    coverage: ReportingCoverage


def plan_now(*, principles: list[Principle], period: ReportingPeriod | None) -> PlanNow:
    """Every action's roll-up as it stands (its own fields, which mirror its latest update) and the
    period's "N of M updated" (an action is due an update unless closed before the period; one
    closed in it was updated in it, so counts on both sides), counted in one query. Cached until a write."""
    today = timezone.localdate()
    key = f"plan-now:{period.pk if period else ''}:{today}:{_keyed(principles)}"
    return cached_aggregate(key, lambda: _plan_now(principles=principles, period=period, today=today))


def _plan_now(*, principles: list[Principle], period: ReportingPeriod | None, today: datetime.date) -> PlanNow:
    updated = ProgressUpdate.objects.filter(period=period).values("action_id") if period else ProgressUpdate.objects.none().values("action_id")
    due = due_an_update(updated)
    actions = ActionItem.objects.filter(principle__in=principles).annotate(
        state_status=F("status"), state_rag=F("rag"), state_percent=F("percent_complete")
    )
    rows = list(
        _counts_by_principle(
            actions, on=today, due=CountOf("pk", filter=due), updated=CountOf("pk", filter=due & Q(pk__in=updated))
        )
    )
    per_principle, overall = _rolled_up(rows, principles)
    coverage = {row["principle_id"]: ReportingCoverage(updated=row["updated"], due=row["due"]) for row in rows if row["due"]}
    return PlanNow(
        rows=[(principle, rollup, coverage.get(principle.pk)) for principle, rollup in per_principle],
        overall=overall,
        coverage=ReportingCoverage(updated=sum(c.updated for c in coverage.values()), due=sum(c.due for c in coverage.values())),
    )


def actions_for_user(*, user) -> QuerySet[ActionItem]:
    """The actions a person owns or is delegated, for their to-do list."""
    delegated = ActionItem.objects.filter(delegates=user).values("pk")
    return action_queryset().filter(Q(owner=user) | Q(pk__in=delegated))


def _due_order(action: ActionItem) -> tuple[datetime.date, str]:
    # due_date is a property (the revised target date, else the target date), so the sort is in Python.
    return action.due_date, action.reference


@dataclass(frozen=True)
class MyActionRow:
    action: ActionItem
    needs_update: bool
    updated: bool
    # The RAG rating as at the end of the quarter before, "" when it had none then (or no quarter is compared).
    last_rag: str = ""


@dataclass(frozen=True)
class MyActions:
    """A person's to-do list: open actions (those needing an update first), and closed ones apart."""

    open: list[MyActionRow]
    closed: list[MyActionRow]

    @property
    def to_do(self) -> list[ActionItem]:
        return [row.action for row in self.open if row.needs_update]


def my_actions(*, user, period: ReportingPeriod | None, last_period: ReportingPeriod | None = None) -> MyActions:
    """The actions `user` owns or is delegated, in the order /my-actions/ lists them, soonest due first,
    with each one's RAG rating as at the end of `last_period` when one is given.

    The "save and go to the next" button walks the same order, so the list and the button agree.
    """
    updated_ids = action_ids_updated_in(period=period)
    last_rags = {}
    if last_period is not None:
        states = action_states_as_at(period=last_period, actions=ActionItem.objects.filter(pk__in=actions_for_user(user=user).values("pk")))
        last_rags = {state.action.pk: state.rag for state in states if state.update is not None}
    rows = [
        MyActionRow(
            action=action,
            needs_update=needs_update(action=action, updated_ids=updated_ids),
            updated=action.pk in updated_ids,
            last_rag=last_rags.get(action.pk, ""),
        )
        for action in sorted(actions_for_user(user=user), key=_due_order)
    ]
    return MyActions(
        open=sorted((row for row in rows if row.action.status not in CLOSED_STATUSES), key=lambda row: not row.needs_update),
        closed=[row for row in rows if row.action.status in CLOSED_STATUSES],
    )


def next_action_needing_update(*, user, period: ReportingPeriod, after: ActionItem) -> ActionItem | None:
    """The action after `after` on the user's to-do list that still needs an update for `period`.

    The walk goes on from where `after` sits in the order and wraps round to the start, so
    actions the user skipped earlier are not forgotten; None when none is left.
    """
    to_do = [
        action for action in my_actions(user=user, period=period).to_do
        if action.pk != after.pk and can_record_progress(user, action)
    ]
    later = [action for action in to_do if _due_order(action) > _due_order(after)]
    return (later or to_do or [None])[0]


@dataclass(frozen=True)
class AuditChange:
    field: str
    old: str
    new: str


@dataclass(frozen=True)
class AuditEntry:
    """One saved version of an action: when, by whom, and what changed from the one before."""

    at: datetime.datetime
    user: object
    kind: str
    changes: list[AuditChange]
    # What the save did to the delegates and risks, which the history's own columns do not hold.
    links_note: str = ""


# The version counter changes on every save and says nothing a reader needs.
AUDIT_HIDDEN_FIELDS = ["version"]


def _audit_value(record, field_name: str, related: dict[str, dict]) -> str:
    model_field = ActionItem._meta.get_field(field_name)
    if model_field.is_relation:
        value = getattr(record, model_field.attname)
        if value is None:
            return "none"
        obj = related[field_name].get(value)
        if obj is None:
            return f"#{value} (deleted)"
        if hasattr(obj, "get_username"):
            return display_name(obj)
        return str(obj)
    value = getattr(record, field_name)
    if model_field.choices:
        return str(dict(model_field.flatchoices).get(value, value))
    if value in (None, ""):
        return "none"
    if isinstance(value, datetime.date):
        return date_format(value)
    return str(value)


def action_audit_history(*, action: ActionItem) -> list[AuditEntry]:
    """Every saved version of the action, newest first, with the fields each save changed.

    Related rows named in the history (owner, principle, business case) are fetched once per
    model, so the number of queries does not grow with the length of the history.
    """
    records = list(action.history.select_related("history_user").order_by("-history_date", "-history_id"))
    fk_fields = [f for f in ActionItem._meta.concrete_fields if f.is_relation]
    related = {
        f.name: f.related_model._default_manager.in_bulk({getattr(r, f.attname) for r in records} - {None})
        for f in fk_fields
    }
    entries = []
    for record, older in zip(records, records[1:] + [None]):
        changes = []
        if older is not None:
            delta = record.diff_against(older, excluded_fields=AUDIT_HIDDEN_FIELDS + ["last_updated_at"])
            changes = [
                AuditChange(
                    field=capfirst(ActionItem._meta.get_field(change.field).verbose_name),
                    old=_audit_value(older, change.field, related),
                    new=_audit_value(record, change.field, related),
                )
                for change in delta.changes
            ]
        entries.append(
            AuditEntry(
                at=record.history_date,
                user=record.history_user,
                kind=record.get_history_type_display(),
                changes=changes,
                links_note=record.history_change_reason or "",
            )
        )
    return entries


def progress_update_queryset() -> QuerySet[ProgressUpdate]:
    """Progress updates with their action, principle, period and author, newest period first."""
    return ProgressUpdate.objects.select_related("action__principle", "period", "author").order_by(
        "-period__start_date", "action__reference"
    )
