"""Plumbing shared by every app's REST API: permissions, errors, pagination, CSV, ETags, schema."""
