"""Pages for business cases (business_cases.py) and the risk register (risks.py)."""
