"""Columns of the principles' CSV (the API's ?format=csv)."""

from core.exports import Column

PRINCIPLE_COLUMNS = [
    Column("Number", lambda p: p.number),
    Column("Title", lambda p: p.title),
    Column("Summary", lambda p: p.summary),
    Column("Rationale", lambda p: p.rationale),
    Column("Benefits", lambda p: p.benefits),
    Column("Deliverables", lambda p: p.deliverables),
    Column("Lead officer", lambda p: p.lead_officer),
]
