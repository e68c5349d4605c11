"""Writes from spreadsheets: a plan imported through the services, and a manager's quarterly sheet.

A dry run and an apply are the same run: every row is written through the services that own it,
each record in its own savepoint, and the outcome of each row is read back through the export
columns (old → new is what an export would show before and after). A dry run, or any refused
row, then rolls the whole run back, so applying writes every row or none, and the preview
checks exactly the rules that applying does.
"""

from collections import defaultdict
from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import dataclass, field
from types import SimpleNamespace
from typing import Any

from django.core.exceptions import NON_FIELD_ERRORS, PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.text import capfirst
from simple_history.models import HistoricalRecords

from actions.models import ActionItem
from actions.services import action_create, action_update, progress_record
from core import cells
from core.conflicts import EditConflict
from core.limits import too_long_message
from core.permissions import can_import_plan, can_record_progress
from core.tables import display_cell
from periods.models import ReportingPeriod
from periods.selectors import period_current
from registers.choices import BusinessCaseStatus
from registers.models import MONEY_FIELD_NAMES, SCORE_FIELDS, BusinessCase, Risk, needs_escalation
from registers.services.business_cases import (
    ALLOWED_TRANSITIONS,
    LineFigures,
    business_case_create,
    business_case_revise,
    business_case_transition,
    business_case_update,
)
from registers.services.risks import RiskDetails, RiskScores, risk_create, risk_update
from strategy.models import Strategy

from .models import UPLOAD_LIFETIME, SpreadsheetUpload
from .readers import FileRefused, Table
from .selectors import (
    ACTIONS,
    BUSINESS_CASE_LINES,
    BUSINESS_CASES,
    PLAN_KINDS,
    RISKS,
    SheetKind,
    match_kinds,
    progress_sheet_kind,
)

CREATED, CHANGED, UNCHANGED, REFUSED = "created", "changed", "unchanged", "refused"


@dataclass(frozen=True)
class Change:
    column: str
    old: str
    new: str


@dataclass
class RowOutcome:
    """What happens to one row of the file: created, changed (with each change), unchanged or refused (with why)."""

    sheet: str
    row: int
    reference: str
    result: str = UNCHANGED
    changes: list[Change] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    @property
    def reasons(self) -> list[str]:
        """Each refusal named by the row's reference: "P3-04: you can update only ..."."""
        name = self.reference or f"Row {self.row}"
        return [f"{name}: {_lower_first(error)}" for error in self.errors]


@dataclass
class ImportReport:
    outcomes: list[RowOutcome]
    applied: bool

    def count(self, result: str) -> int:
        return sum(outcome.result == result for outcome in self.outcomes)

    @property
    def refused(self) -> list[RowOutcome]:
        return [outcome for outcome in self.outcomes if outcome.result == REFUSED]

    @property
    def summary(self) -> str:
        return ", ".join(
            f"{self.count(result)} {result}" for result in (CREATED, CHANGED, UNCHANGED, REFUSED)
        )


def _lower_first(message: str) -> str:
    """ "You can ..." reads on after a reference as "you can ..."; "RAG ..." and "P3-04 ..." stay as they are."""
    if len(message) > 1 and message[0].isupper() and message[1].islower():
        return message[0].lower() + message[1:]
    return message


class _Refused(Exception):
    """A refusal found while applying, told on `row` when it is one row's cells (a case's figures)."""

    def __init__(self, messages: list[str], row: "_Row | None" = None):
        self.messages = messages
        self.row = row
        super().__init__("; ".join(messages))


class _NothingChanged(Exception):
    """Raised to roll back a record's savepoint when saving it changed nothing an export shows,
    so an unchanged row leaves no new version and no history behind."""


@dataclass
class _Row:
    kind: SheetKind
    number: int
    cells: dict[str, Any]
    outcome: RowOutcome
    key: tuple | None = None

    def parse(self) -> dict[str, Any]:
        """Every importable cell as its value; all the cells' problems at once, or the values."""
        values, errors = {}, []
        for column in self.kind.columns:
            if column.parse is None:
                continue
            try:
                values[column.field] = column.parse(self.cells[column.header])
            except cells.CellError as error:
                errors.append(f"{column.header}: {error}")
        if errors:
            raise _Refused(errors, row=self)
        return values

    def snapshot(self) -> dict[str, Any] | None:
        record = self.kind.find(self.key) if self.key else None
        return None if record is None else {column.header: column.value(record) for column in self.kind.compared}


def _shown(value: Any) -> str:
    return display_cell(value).text


def _cell_message(problem: ValidationError, column: str) -> str:
    """One field's refusal as text; a cell longer than its field allows says so in the words the
    pages and the API use, naming its column."""
    if problem.code == "max_length" and problem.params:
        return too_long_message(column, problem.params["limit_value"], problem.params["show_value"])
    return problem.message % problem.params if problem.params else problem.message


def _messages(error: Exception, kind: SheetKind) -> list[str]:
    """A service's refusal in the words of the sheet: a field's error names its column."""
    if isinstance(error, _Refused):
        return error.messages
    if isinstance(error, ValidationError) and hasattr(error, "error_dict"):
        headers = {column.field: column.header for column in kind.columns if column.field}
        messages = []
        for name, errors in error.error_dict.items():
            column = headers.get(name, capfirst(name.replace("_", " ")))
            for problem in errors:
                message = _cell_message(problem, column)
                # A message that already names its column ("Commentary must be 5,000 characters or fewer") is not named twice.
                named = name == NON_FIELD_ERRORS or message.startswith(column)
                messages.append(message if named else f"{column}: {message}")
        return messages
    if isinstance(error, ValidationError):
        return error.messages
    return [str(error) or "You cannot do this."]


def _rows(kind: SheetKind, table: Table) -> list["_Row"]:
    """The table's rows with their keys; a key that cannot be read, or is repeated, refuses the row."""
    key_columns = [next(c for c in kind.columns if c.field == name) for name in kind.key_fields]
    rows = []
    for number, values in table.rows:
        row_cells = dict(zip(kind.headers, values, strict=True))
        outcome = RowOutcome(sheet=kind.label, row=number, reference=cells.text(row_cells[key_columns[0].header])[:60])
        row = _Row(kind=kind, number=number, cells=row_cells, outcome=outcome)
        key = []
        for column in key_columns:
            try:
                key.append(column.parse(row_cells[column.header]))
            except cells.CellError as error:
                row.outcome.errors.append(f"{column.header}: {error}")
        if not key[:1] or not key[0]:
            row.outcome.errors.append(f"{key_columns[0].header}: Enter the reference.")
        if not row.outcome.errors:
            row.key = tuple(key)
        rows.append(row)
    numbers = defaultdict(list)
    for row in rows:
        if row.key:
            numbers[row.key].append(row.number)
    for row in rows:
        repeated = [n for n in numbers.get(row.key, []) if n != row.number]
        if repeated:
            also = ", ".join(str(n) for n in repeated)
            row.outcome.errors.append(f"It appears more than once in the file (also row {also}): keep one row for it.")
    for row in rows:
        if row.outcome.errors:
            row.outcome.result = REFUSED
    return rows


def _run_record(rows: list[_Row], apply: Callable[[], None], *, extra_changes: Callable[[], list[Change]] = list) -> None:
    """Write one record (a case comes with its figures' rows) in a savepoint, and say what happened
    to each of its rows. rows[0] is the record's own row: a refusal of the record is told there."""
    head = rows[0]
    if any(row.outcome.result == REFUSED for row in rows):
        _refuse_with_its_rows(rows)
        return
    before = [row.snapshot() for row in rows]
    try:
        with transaction.atomic():
            apply()
            changed = False
            for row, old in zip(rows, before, strict=True):
                changed |= _tell(row.outcome, old, row.snapshot())
            changes = extra_changes()
            head.outcome.changes.extend(changes)
            if changes and head.outcome.result == UNCHANGED:
                head.outcome.result = CHANGED
            if not (changed or changes):
                raise _NothingChanged
    except _NothingChanged:
        pass
    except (_Refused, ValidationError, PermissionDenied, EditConflict) as error:
        for row in rows:
            row.outcome.result, row.outcome.changes = UNCHANGED, []
        refused = getattr(error, "row", None) or head
        refused.outcome.result = REFUSED
        refused.outcome.errors.extend(_messages(error, refused.kind))
        _refuse_with_its_rows(rows)


def _refuse_with_its_rows(rows: list[_Row]) -> None:
    """A record stands or falls with its rows: when a figures row is refused, so is its case."""
    head = rows[0]
    if head.outcome.result != REFUSED:
        bad = ", ".join(str(row.number) for row in rows if row.outcome.result == REFUSED)
        head.outcome.result = REFUSED
        head.outcome.errors.append(f"Row {bad} of {rows[-1].kind.label.lower()}, which goes with it, was refused.")


def _tell(outcome: RowOutcome, old: dict | None, new: dict | None) -> bool:
    if new is None:
        return False
    if old is None:
        outcome.result = CREATED
        outcome.changes = [Change(header, "", _shown(value)) for header, value in new.items()]
        return True
    outcome.changes = [
        Change(header, _shown(old[header]), _shown(value)) for header, value in new.items() if old[header] != value
    ]
    outcome.result = CHANGED if outcome.changes else UNCHANGED
    return bool(outcome.changes)


@contextmanager
def _history_user(user):
    """Name the importer in every history record the run writes. In a request the middleware
    does this; the import_plan command has no request, so without this its history would have no user."""
    context = HistoricalRecords.context
    previous = getattr(context, "request", None)
    context.request = SimpleNamespace(user=user)
    try:
        yield
    finally:
        if previous is None:
            del context.request
        else:
            context.request = previous


@contextmanager
def _run(*, user, dry_run: bool, outcomes: list[RowOutcome]):
    """One transaction for the whole file, rolled back for a dry run or when any row is refused."""
    with _history_user(user), transaction.atomic():
        yield
        if dry_run or any(outcome.result == REFUSED for outcome in outcomes):
            transaction.set_rollback(True)


# The plan -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Plan:
    user: Any
    strategy: Strategy
    period: ReportingPeriod | None
    note: str


def plan_import(*, tables: list[Table], user, source: str, dry_run: bool) -> ImportReport:
    """Import actions, business cases with their figures, and risks from `tables` (an export's sheets).

    Raises FileRefused when a sheet is not an export or there is no strategy to import into.
    """
    if not can_import_plan(user):
        raise PermissionDenied("Only a strategy lead can import a plan.")
    matched = {kind.name: _rows(kind, table) for kind, table in match_kinds(tables, PLAN_KINDS)}
    strategy = Strategy.objects.order_by("pk").first()
    if strategy is None:
        raise FileRefused("Load the strategy first: python manage.py seed_strategy.")
    outcomes = [row.outcome for rows in matched.values() for row in rows]
    outcomes.sort(key=lambda outcome: ([kind.label for kind in PLAN_KINDS].index(outcome.sheet), outcome.row))
    with _run(user=user, dry_run=dry_run, outcomes=outcomes):
        plan = _Plan(user=user, strategy=strategy, period=period_current(), note=f"Imported from {source[:100]}.")
        lines_by_case = defaultdict(list)
        for row in matched.get(BUSINESS_CASE_LINES.name, []):
            lines_by_case[row.key[0] if row.key else None].append(row)
        has_lines = BUSINESS_CASE_LINES.name in matched
        for row in matched.get(BUSINESS_CASES.name, []):
            lines = lines_by_case.pop(row.key[0], []) if row.key else []
            _run_record(
                [row, *lines],
                lambda row=row, lines=lines: _apply_business_case(row, lines if has_lines else None, plan),
                extra_changes=_removed_lines(row, lines) if has_lines else list,
            )
        for lines in lines_by_case.values():
            _run_record(lines, lambda lines=lines: _apply_figures_only(lines, plan))
        for row in matched.get(RISKS.name, []):
            _run_record([row], lambda row=row: _apply_risk(row.parse(), plan))
        for row in matched.get(ACTIONS.name, []):
            _run_record([row], lambda row=row: _apply_action(row.parse(), plan))
    return ImportReport(outcomes=outcomes, applied=not dry_run and not any(o.result == REFUSED for o in outcomes))


def _line_figures(lines: list[_Row]) -> list[LineFigures]:
    figures = []
    for line in lines:
        values = line.parse()
        figures.append(
            LineFigures(financial_year=values["financial_year"], **{name: values[name] for name in MONEY_FIELD_NAMES})
        )
    return figures


def _apply_business_case(row: _Row, lines: list[_Row] | None, plan: _Plan) -> None:
    values = row.parse()
    figures = None if lines is None else _line_figures(lines)
    case = BusinessCase.objects.filter(reference=values["reference"]).first()
    if case is None:
        case = business_case_create(
            user=plan.user,
            strategy=plan.strategy,
            reference=values["reference"],
            title=values["title"],
            sponsor=values["sponsor"],
            principles=values["principles"],
            lines=figures or (),
        )
    elif (case.title, case.sponsor_id, {p.pk for p in case.principles.all()}) != (
        values["title"],
        values["sponsor"].pk,
        {p.pk for p in values["principles"]},
    ):
        case = business_case_update(
            business_case=case,
            user=plan.user,
            expected_version=case.version,
            title=values["title"],
            sponsor=values["sponsor"],
            summary=case.summary,
            principles=values["principles"],
        )
    if figures is not None:
        _apply_figures(case, figures, plan)
    _follow_workflow(case, values["status"], plan)


def _apply_figures_only(lines: list[_Row], plan: _Plan) -> None:
    """Figures for a case that is not in the file's business cases sheet: an existing case's new figures."""
    reference = lines[0].key[0]
    case = BusinessCase.objects.filter(reference=reference).first()
    if case is None:
        raise _Refused([f"There is no business case {reference}: add it to the business cases sheet."])
    _apply_figures(case, _line_figures(lines), plan)


def _apply_figures(case: BusinessCase, figures: list[LineFigures], plan: _Plan) -> None:
    """Replace a case's figures if they differ: in draft directly, once approved as an annual revision
    (its services refuse any other status, with their own reason)."""
    current = {
        LineFigures(financial_year=line.financial_year, **{name: getattr(line, name) for name in MONEY_FIELD_NAMES})
        for line in case.lines.all()
    }
    if {line for line in current if not line.is_empty} == {line for line in figures if not line.is_empty}:
        return
    # The import reads and writes in one transaction: the version in hand is the one it just read.
    case.refresh_from_db()
    if case.status == BusinessCaseStatus.APPROVED:
        business_case_revise(
            business_case=case, user=plan.user, expected_version=case.version, lines=figures, reason=plan.note
        )
    else:
        business_case_update(
            business_case=case,
            user=plan.user,
            expected_version=case.version,
            title=case.title,
            sponsor=case.sponsor,
            summary=case.summary,
            principles=list(case.principles.all()),
            lines=figures,
        )


def _removed_lines(row: _Row, lines: list[_Row]) -> Callable[[], list[Change]]:
    """A year the case had and the file leaves out is removed: say so on the case's row."""
    kept = {line.key[1] for line in lines if line.key}
    before = [] if not row.key else [
        line
        for line in BUSINESS_CASE_LINES.records().filter(business_case__reference=row.key[0])
        if line.financial_year not in kept
    ]

    def changes() -> list[Change]:
        return [Change(f"{line.financial_year_label} figures", f"net {_shown(line.net)}", "removed") for line in before]

    return changes


def _workflow_path(start: str, goal: str) -> list[str] | None:
    """The steps from `start` to `goal` along the business case workflow, or None if there are none."""
    paths = {start: []}
    queue = [start]
    while queue:
        status = queue.pop(0)
        if status == goal:
            return paths[status]
        for step in ALLOWED_TRANSITIONS[BusinessCaseStatus(status)]:
            if step not in paths:
                paths[step] = [*paths[status], step]
                queue.append(step)
    return None


def _follow_workflow(case: BusinessCase, goal: str, plan: _Plan) -> None:
    case.refresh_from_db()
    path = _workflow_path(case.status, goal)
    if path is None:
        raise ValidationError(
            {
                "status": f"{case.reference} is {case.get_status_display().lower()}: the workflow cannot take it "
                f"to {BusinessCaseStatus(goal).label.lower()}."
            }
        )
    for step in path:
        business_case_transition(
            business_case=case, user=plan.user, expected_version=case.version, to_status=step, note=plan.note
        )
        case.refresh_from_db()


def _apply_risk(values: dict, plan: _Plan) -> None:
    risk = Risk.objects.filter(reference=values["reference"]).first()
    scores = RiskScores(**{name: values[name] for name in SCORE_FIELDS})
    # A risk put on the strategic register by hand needs a reason, which the sheet has no column
    # for: an existing one is kept; a new one says it came from the import.
    reason = risk.escalation_reason if risk and risk.escalation_reason else ""
    if values["on_strategic_register"] and not reason and not needs_escalation(Risk(**scores.as_dict()).residual_score):
        reason = plan.note
    details = RiskDetails(
        title=values["title"],
        category=values["category"],
        owner=values["owner"],
        review_date=values["review_date"],
        description=risk.description if risk else "",
        mitigation=risk.mitigation if risk else "",
        on_strategic_register=values["on_strategic_register"],
        escalation_reason=reason,
        business_cases=list(risk.business_cases.all()) if risk else [],
    )
    if risk is None:
        risk_create(user=plan.user, strategy=plan.strategy, reference=values["reference"], details=details, scores=scores)
    else:
        risk_update(risk=risk, user=plan.user, expected_version=risk.version, details=details, scores=scores)


PLAN_FIELDS = ("title", "principle", "owner", "delegates", "business_case", "start_date", "target_date")


def _differs(action: ActionItem, name: str, value) -> bool:
    if name == "delegates":
        return set(action.delegates.all()) != set(value)
    return getattr(action, name) != value


def _apply_action(values: dict, plan: _Plan) -> None:
    action = ActionItem.objects.filter(reference=values["reference"]).first()
    if action is None:
        action = action_create(
            reference=values["reference"], user=plan.user, **{name: values[name] for name in PLAN_FIELDS}
        )
    changed = {
        name: values[name] for name in (*PLAN_FIELDS, "revised_target_date") if _differs(action, name, values[name])
    }
    if "revised_target_date" in changed:
        # The sheet has no column for why; the import says where the date came from.
        changed["revised_target_reason"] = plan.note
    if changed:
        action_update(action=action, user=plan.user, expected_version=action.version, **changed)
    state = (values["status"], values["rag"], values["percent_complete"])
    if state != (action.status, action.rag, action.percent_complete):
        _record_state(action, values, plan)


def _record_state(action: ActionItem, values: dict, plan: _Plan) -> None:
    """An action's status, RAG and percent change only as progress: recorded for the period taking
    updates, keeping any words already reported for it, or saying the import set them."""
    if plan.period is None:
        raise ValidationError(
            {"status": "No reporting period is taking updates today, so the status, RAG and percent cannot change."}
        )
    reported = action.updates.filter(period=plan.period).first()
    progress_record(
        action=action,
        user=plan.user,
        period=plan.period,
        status=values["status"],
        rag=values["rag"],
        percent_complete=values["percent_complete"],
        commentary=(reported.commentary if reported else "") or plan.note,
        next_steps=reported.next_steps if reported else "",
        expected_version=action.version,
    )


# The manager's quarterly sheet ----------------------------------------------------------------


def progress_sheet_import(*, tables: list[Table], user, period: ReportingPeriod, dry_run: bool) -> ImportReport:
    """Record each row of a manager's filled sheet through progress_record, every row or none.

    A row as it was handed out (nothing changed) records nothing. Raises FileRefused when the
    file is not the sheet.
    """
    kind = progress_sheet_kind(user=user, period=period)
    [(_, table)] = match_kinds(tables, [kind])
    rows = _rows(kind, table)
    outcomes = [row.outcome for row in rows]
    with _run(user=user, dry_run=dry_run, outcomes=outcomes):
        for row in rows:
            _run_record([row], lambda row=row: _record_sheet_row(row, user, period))
    return ImportReport(outcomes=outcomes, applied=not dry_run and not any(o.result == REFUSED for o in outcomes))


def _record_sheet_row(row: _Row, user, period: ReportingPeriod) -> None:
    values = row.parse()
    sheet_row = row.kind.find(row.key)
    if sheet_row is None:
        raise _Refused([f"There is no action {values['reference']}."])
    action, reported = sheet_row.action, sheet_row.update
    as_handed_out = (
        values["status"] == action.status
        and values["rag"] == action.rag
        and values["percent_complete"] == action.percent_complete
        and values["commentary"] == (reported.commentary if reported else "")
        and values["next_steps"] == (reported.next_steps if reported else "")
    )
    if as_handed_out and can_record_progress(user, action):
        return
    progress_record(action=action, user=user, period=period, **{k: v for k, v in values.items() if k != "reference"})


# Uploads ----------------------------------------------------------------------------------------


def upload_store(*, user, purpose: str, filename: str, content: bytes) -> SpreadsheetUpload:
    """Keep an uploaded file for its preview and confirmation. The user's earlier uploads for the
    same purpose, and anyone's that have expired, are deleted: nothing lingers."""
    with transaction.atomic():
        SpreadsheetUpload.objects.filter(created_at__lt=timezone.now() - UPLOAD_LIFETIME).delete()
        SpreadsheetUpload.objects.filter(owner=user, purpose=purpose).delete()
        upload = SpreadsheetUpload(owner=user, purpose=purpose, filename=filename[:255], content=content)
        upload.full_clean()
        upload.save()
    return upload


def upload_discard(*, upload: SpreadsheetUpload) -> None:
    upload.delete()

