"""Every write to business cases (business_cases.py) and the risk register (risks.py).

Each function checks who may do it (core.permissions), validates with clear messages
(django ValidationError, by field where there is one) and writes inside one transaction; one
that changes an existing record first re-reads it under a row lock and refuses with
core.conflicts.EditConflict if it has changed since the version the caller read.
"""
