"""Columns of the reporting periods' CSV (the API's ?format=csv)."""

from django.utils import timezone

from core.exports import Column, period_columns, yes_no

PERIOD_COLUMNS = [
    *period_columns(lambda p: p),
    Column("Financial year", lambda p: p.financial_quarter.financial_year_label),
    Column("Quarter", lambda p: p.quarter),
    Column("Start date", lambda p: p.start_date),
    Column("End date", lambda p: p.end_date),
    Column("Update deadline", lambda p: p.update_deadline),
    Column("Closed early", lambda p: p.closed_at),
    Column("Taking updates", lambda p: yes_no(p.is_open(timezone.localdate()))),
]
