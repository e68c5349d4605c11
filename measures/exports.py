"""Spreadsheet columns for measures, defined once for every export, and the list page's columns made from them."""

from django.urls import reverse
from django.utils.html import format_html

from core.financial_year import FinancialQuarter
from core.exports import Column, period_columns, person_columns
from core.tables import Cell, ListTable, PageColumn
from core.templatetags.council import demo_tag

from .choices import MeasureState
from .formatting import at_places, format_value
from .selectors import shown_assessment, value_assessment
from .templatetags.measures import measure_state_tag

REFERENCE = Column("Reference", lambda m: m.reference)
NAME = Column("Name", lambda m: m.name)
PRINCIPLE = Column("Principle", lambda m: m.principle.number)
OWNER, OWNER_USERNAME = person_columns("Data owner", lambda m: m.owner)
TARGET = Column("Target", lambda m: at_places(m.shown_target, m.decimal_places))
ACTUAL = Column("Actual", lambda m: at_places(m.shown_actual, m.decimal_places))
STATE = Column("RAG", lambda m: MeasureState(m.shown_state).label)


def _figure(measure, value) -> Cell:
    return Cell(format_value(value, unit=measure.unit, places=measure.decimal_places), True)


REASON = Column("Reason", lambda m: shown_assessment(m).reason)


def _shown_quarter(measure) -> FinancialQuarter | None:
    return FinancialQuarter.from_key(measure.shown_period_key) if measure.shown_period_key else None


# A row is a measure with a quarter's figures (models.with_figures_in): its target, actual and RAG are that quarter's.
MEASURE_COLUMNS = [
    REFERENCE,
    NAME,
    PRINCIPLE,
    Column("Unit", lambda m: m.get_unit_display()),
    Column("Direction", lambda m: m.get_direction_display()),
    Column("Frequency", lambda m: m.get_frequency_display()),
    OWNER,
    OWNER_USERNAME,
    Column("Source", lambda m: m.source),
    *period_columns(_shown_quarter),
    TARGET,
    ACTUAL,
    STATE,
    REASON,
]

MEASURE_VALUE_COLUMNS = [
    Column("Measure", lambda v: v.measure.reference),
    *period_columns(lambda v: v.period),
    Column("Target", lambda v: at_places(v.target, v.measure.decimal_places)),
    Column("Actual", lambda v: at_places(v.actual, v.measure.decimal_places)),
    Column("RAG", lambda v: MeasureState(value_assessment(v).rag or MeasureState.AWAITING).label),
    Column("Reason", lambda v: value_assessment(v).reason),
    Column("Commentary", lambda v: v.commentary),
    *person_columns("Entered by", lambda v: v.entered_by),
    Column("Entered", lambda v: v.entered_at),
]

MEASURE_TABLE = ListTable(
    columns=[
        PageColumn(REFERENCE, ordering="reference"),
        PageColumn(NAME, show=lambda m: Cell(format_html("{} {}", m.name, demo_tag(m))), ordering="name"),
        PageColumn(PRINCIPLE, show=lambda m: Cell(str(m.principle.number), True), ordering="principle"),
        PageColumn(OWNER, ordering="owner"),
        PageColumn(TARGET, show=lambda m: _figure(m, m.shown_target)),
        PageColumn(ACTUAL, show=lambda m: _figure(m, m.shown_actual)),
        PageColumn(STATE, show=lambda m: Cell(measure_state_tag(m.shown_state))),
        PageColumn(REASON),
    ],
    link=lambda m: reverse("measure-detail", args=[m.reference]),
)
