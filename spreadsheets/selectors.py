"""Reads for spreadsheets: the kinds of sheet a plan has, their rows, the files they make, and uploads."""

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from django.db.models import QuerySet
from django.utils import timezone
from openpyxl import Workbook

from actions.choices import CLOSED_STATUSES
from actions.exports import ACTION_COLUMNS
from actions.models import ActionItem
from actions.selectors import action_queryset, actions_for_user
from core.exports import Column, append_sheet, csv_content, xlsx_content
from periods.models import ReportingPeriod
from registers.columns import BUSINESS_CASE_COLUMNS, BUSINESS_CASE_LINE_COLUMNS, RISK_COLUMNS
from registers.models import MONEY_FIELD_NAMES, BusinessCaseLine
from registers.selectors import business_case_queryset, business_case_rows, risk_queryset

from .columns import PROGRESS_SHEET_COLUMNS, ProgressSheetRow
from .models import UPLOAD_LIFETIME, SpreadsheetUpload
from .readers import FileRefused, Table

@dataclass(frozen=True)
class SheetKind:
    """One kind of sheet: its export's columns, the fields that identify a row, and how to read
    the records it lists (all of them in export order, or one by its key) as its columns read them."""

    name: str
    label: str
    columns: list[Column]
    key_fields: tuple[str, ...]
    records: Callable[[], Iterable[Any]]
    find: Callable[[tuple], Any | None]
    # The columns whose change makes a row "changed"; by default every importable one.
    compared_fields: tuple[str, ...] | None = None

    @property
    def headers(self) -> tuple[str, ...]:
        return tuple(column.header for column in self.columns)

    @property
    def compared(self) -> list[Column]:
        return [
            column
            for column in self.columns
            if column.parse and (self.compared_fields is None or column.field in self.compared_fields)
        ]


def _case_rows(cases: QuerySet) -> list:
    return business_case_rows(cases=list(cases))


def _line_queryset() -> QuerySet[BusinessCaseLine]:
    # To the services a year with no figures at all has no line (registers.services._replace_lines),
    # so it is not exported as one: an import would drop it, and the round trip would differ.
    return (
        BusinessCaseLine.objects.select_related("business_case")
        .exclude(**dict.fromkeys(MONEY_FIELD_NAMES, 0))
        .order_by("business_case__reference", "financial_year")
    )


ACTIONS = SheetKind(
    name="actions",
    label="Actions",
    columns=ACTION_COLUMNS,
    key_fields=("reference",),
    records=lambda: action_queryset().order_by("reference"),
    find=lambda key: action_queryset().filter(reference=key[0]).first(),
)
BUSINESS_CASES = SheetKind(
    name="business-cases",
    label="Business cases",
    columns=BUSINESS_CASE_COLUMNS,
    key_fields=("reference",),
    records=lambda: _case_rows(business_case_queryset().order_by("reference")),
    find=lambda key: next(iter(_case_rows(business_case_queryset().filter(reference=key[0]))), None),
)
BUSINESS_CASE_LINES = SheetKind(
    name="business-case-lines",
    label="Business case figures",
    columns=BUSINESS_CASE_LINE_COLUMNS,
    key_fields=("business_case", "financial_year"),
    records=_line_queryset,
    find=lambda key: _line_queryset().filter(business_case__reference=key[0], financial_year=key[1]).first(),
)
RISKS = SheetKind(
    name="risks",
    label="Risks",
    columns=RISK_COLUMNS,
    key_fields=("reference",),
    records=lambda: risk_queryset().order_by("reference"),
    find=lambda key: risk_queryset().filter(reference=key[0]).first(),
)
# The sheets of a plan workbook, in the order export_plan writes them.
PLAN_KINDS = (ACTIONS, BUSINESS_CASES, BUSINESS_CASE_LINES, RISKS)


def match_kinds(tables: list[Table], kinds: Iterable[SheetKind]) -> list[tuple[SheetKind, Table]]:
    """Each table with the kind its header row names; a header row matching no kind is refused."""
    kinds = list(kinds)
    by_headers = {kind.headers: kind for kind in kinds}
    matched: list[tuple[SheetKind, Table]] = []
    for table in tables:
        kind = by_headers.get(table.headers)
        if kind is None:
            raise FileRefused(_header_problem(table, kinds))
        if any(seen is kind for seen, _ in matched):
            raise FileRefused(f"The file has two sheets of {kind.label.lower()}: put them in one sheet.")
        matched.append((kind, table))
    return matched


def _header_problem(table: Table, kinds: list[SheetKind]) -> str:
    closest = max(kinds, key=lambda kind: len(set(kind.headers) & set(table.headers)))
    missing = [header for header in closest.headers if header not in table.headers]
    unexpected = [header for header in table.headers if header not in closest.headers]
    where = "The header row" if table.name == "CSV file" else f"The header row of sheet “{table.name[:40]}”"
    details = []
    if missing:
        details.append("it lacks " + ", ".join(missing))
    if unexpected:
        details.append("it has " + ", ".join(header[:40] for header in unexpected[:5]) + " which no export has")
    if not details:
        details.append("its columns are in another order")
    return (
        f"{where} does not match the export of {closest.label.lower()} ({'; '.join(details)}). "
        "Start from an export and keep its header row as it is."
    )


def plan_xlsx() -> bytes:
    """The whole plan as export_plan writes it: a workbook with one sheet of each kind."""
    workbook = Workbook(write_only=True)
    for kind in PLAN_KINDS:
        append_sheet(workbook, title=kind.name, rows=kind.records(), columns=kind.columns)
    return xlsx_content(workbook)


def plan_csv(kind: SheetKind) -> bytes:
    return csv_content(rows=kind.records(), columns=kind.columns)


def progress_sheet_kind(*, user, period: ReportingPeriod) -> SheetKind:
    """The manager's quarterly sheet: their open actions, each with its update for `period`."""

    def row(action: ActionItem) -> ProgressSheetRow:
        return ProgressSheetRow(action=action, update=action.updates.filter(period=period).first())

    return SheetKind(
        name="progress",
        label="Progress",
        columns=PROGRESS_SHEET_COLUMNS,
        key_fields=("reference",),
        records=lambda: [
            row(action)
            for action in actions_for_user(user=user).exclude(status__in=CLOSED_STATUSES).order_by("reference")
        ],
        find=lambda key: next((row(action) for action in action_queryset().filter(reference=key[0])), None),
        compared_fields=("status", "rag", "percent_complete", "commentary", "next_steps"),
    )


def progress_sheet_xlsx(*, user, period: ReportingPeriod) -> bytes:
    workbook = Workbook(write_only=True)
    kind = progress_sheet_kind(user=user, period=period)
    append_sheet(workbook, title=f"{period.key} progress", rows=kind.records(), columns=kind.columns)
    return xlsx_content(workbook)


def upload_get(*, token, user, purpose: str) -> SpreadsheetUpload | None:
    """The user's own upload for `purpose`, if it has not expired."""
    return SpreadsheetUpload.objects.filter(
        token=token, owner=user, purpose=purpose, created_at__gte=timezone.now() - UPLOAD_LIFETIME
    ).first()
