"""Input limits (core.limits): every free-text field has a maximum length, enforced by the forms,
the API, the spreadsheet import and the database; references have one shape and never a word
the site's addresses use."""

import datetime
import re

import pytest
from django.apps import apps
from django.db import IntegrityError, models, transaction
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone

from actions.exports import ACTION_COLUMNS
from actions.models import ProgressUpdate
from core.limits import COMMENTARY_LENGTH, URL_WORDS, LimitedTextField
from registers.columns import RISK_COLUMNS
from registers.models import Risk
from spreadsheets.services import plan_import, progress_sheet_import
from tests import factories
from tests.helpers import token_client
from tests.spreadsheets.helpers import csv_bytes, tables

PROJECT_APPS = {"strategy", "principles", "periods", "registers", "actions", "reporting", "spreadsheets"}
TOO_LONG = "x" * 6_201
COMMENTARY_MESSAGE = "Commentary must be 5,000 characters or fewer (it has 6,201)."


def _free_text_fields():
    for model in apps.get_models():
        if model._meta.app_label not in PROJECT_APPS:
            continue
        for field in model._meta.concrete_fields:
            # simple-history's own columns (its change reason, the type of change) are written by it, not by people.
            if isinstance(field, models.CharField | models.TextField) and not field.name.startswith("history_"):
                yield model, field


def test_every_free_text_field_has_a_limit_the_database_enforces():
    fields = list(_free_text_fields())
    assert len(fields) > 40
    for model, field in fields:
        assert field.max_length, f"{model.__name__}.{field.name} has no maximum length"
        if not isinstance(field, models.TextField):
            continue  # A CharField's limit is its column's type (and Django's validation on SQLite).
        assert isinstance(field, LimitedTextField), f"{model.__name__}.{field.name}: use core.limits.LimitedTextField"
        # A history table copies rows the live table has already checked.
        if not hasattr(model, "instance_type"):
            checks = {constraint.name: constraint for constraint in model._meta.constraints}
            check = checks.get(f"{model._meta.model_name}_{field.name}_length")
            assert check is not None, f"{model.__name__}.{field.name}: add it to its Meta's length_checks"
            assert check.condition.rhs == field.max_length, f"{model.__name__}.{field.name}: its check and its field disagree"


@pytest.fixture
def update(db):
    action = factories.ActionFactory(reference="P1-01")
    period = factories.open_period()
    return ProgressUpdate.objects.create(
        action=action, period=period, status="on_track", rag="green", percent_complete=10, author=factories.lead(),
        created_at=timezone.now(), updated_at=timezone.now(),
    )


@pytest.mark.parametrize("field", ["commentary", "next_steps"])
def test_the_database_refuses_text_past_the_limit_even_from_a_script(update, field):
    ProgressUpdate.objects.filter(pk=update.pk).update(**{field: "x" * COMMENTARY_LENGTH})
    with pytest.raises(IntegrityError), transaction.atomic():
        ProgressUpdate.objects.filter(pk=update.pk).update(**{field: "x" * (COMMENTARY_LENGTH + 1)})


@pytest.fixture
def lead_and_action(db):
    period = factories.ensure_open_period()
    lead = factories.lead()
    action = factories.ActionFactory(reference="P1-01", owner=lead)
    return lead, action, period


FIGURES = {"status": "at_risk", "rag": "amber", "percent_complete": 40}


def test_the_progress_page_refuses_over_long_commentary_saying_by_how_much(client, lead_and_action):
    lead, action, _ = lead_and_action
    client.force_login(lead)
    response = client.post(
        reverse("action-update", args=[action.reference]),
        {**FIGURES, "commentary": TOO_LONG, "next_steps": "", "expected_version": action.version},
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert COMMENTARY_MESSAGE in page
    # The browser is not told to cut what is pasted silently: the message says by how much it is over.
    assert "maxlength" not in page
    assert not ProgressUpdate.objects.exists()


def test_the_api_refuses_over_long_next_steps_saying_by_how_much(lead_and_action):
    lead, action, period = lead_and_action
    response = token_client(lead).post(
        f"/api/v1/actions/{action.reference}/updates/",
        {**FIGURES, "period": period.key, "commentary": "Late", "next_steps": TOO_LONG, "expected_version": action.version},
        format="json",
    )
    assert response.status_code == 400
    assert response.json()["errors"]["next_steps"] == ["Next steps must be 5,000 characters or fewer (it has 6,201)."]


def test_the_progress_sheet_refuses_an_over_long_row_and_keeps_the_others(lead_and_action):
    lead, action, period = lead_and_action
    other = factories.ActionFactory(reference="P1-02", owner=lead)
    headers = ["Reference", "Title", "Status", "RAG", "Percent complete", "Commentary", "Next steps", "Version"]
    rows = [
        ["P1-01", "", "At risk", "Amber", 40, TOO_LONG, "", action.version],
        ["P1-02", "", "At risk", "Amber", 40, "Supplier late.", "", other.version],
    ]
    report = progress_sheet_import(tables=tables(csv_bytes([headers, *rows])), user=lead, period=period, dry_run=True)
    assert [outcome.reasons for outcome in report.outcomes] == [
        ["P1-01: commentary must be 5,000 characters or fewer (it has 6,201)."],
        [],
    ]


BAD_REFERENCES = ["ICT/R01", "ict-r01", "-R01", "R" * 21, "new", "NEW", "Export", "ICT R01", ""]


@pytest.mark.parametrize("reference", BAD_REFERENCES)
def test_the_api_refuses_a_bad_reference(db, reference):
    factories.StrategyFactory()
    lead = factories.lead()
    body = {
        "reference": reference, "title": "A risk", "category": "delivery", "owner": lead.username,
        "review_date": (datetime.date.today() + datetime.timedelta(days=30)).isoformat(),
        "inherent_likelihood": 3, "inherent_impact": 3, "residual_likelihood": 2, "residual_impact": 2,
    }
    response = token_client(lead).post("/api/v1/risks/", body, format="json")
    assert response.status_code == 400, response.content
    assert "reference" in response.json()["errors"]
    assert not Risk.objects.exists()


@pytest.mark.parametrize("reference", ["ICT/R01", "new", "R" * 21])
def test_the_risk_page_refuses_a_bad_reference(client, db, reference):
    factories.StrategyFactory()
    lead = factories.lead()
    client.force_login(lead)
    response = client.post(reverse("risk-create"), {"reference": reference, "title": "A risk", "category": "delivery"})
    assert response.status_code == 200
    assert not Risk.objects.exists()
    page = response.content.decode()
    assert any(
        message in page
        for message in ("Use capital letters, digits and dashes only", "a word the site", "Reference must be 20 characters or fewer")
    )


def test_the_import_refuses_a_risk_whose_reference_a_page_address_uses(db):
    factories.StrategyFactory()
    lead = factories.lead(username="thelead")
    headers = [column.header for column in RISK_COLUMNS]
    values = {
        "Reference": "NEW", "Title": "A risk", "Category": "Delivery", "Owner username": "thelead",
        "Inherent likelihood": 3, "Inherent impact": 3, "Residual likelihood": 2, "Residual impact": 2,
        "Strategic register": "No", "Review date": "2099-01-01",
    }
    row = [values.get(header, "") for header in headers]
    report = plan_import(tables=tables(csv_bytes([headers, row])), user=lead, source="risks.csv", dry_run=True)
    [outcome] = report.outcomes
    assert outcome.result == "refused"
    assert any("word the site's addresses use" in reason for reason in outcome.reasons), outcome.reasons


def _segments_beside_references(resolver=None, prefix=""):
    """Every literal word in an address that also has a reference or key in it, e.g. "edit" of risks/<reference>/edit/."""
    for pattern in (resolver or get_resolver()).url_patterns:
        text = prefix + str(pattern.pattern)
        if isinstance(pattern, URLResolver):
            yield from _segments_beside_references(pattern, text)
        elif isinstance(pattern, URLPattern) and text.startswith(("actions/", "business-cases/", "risks/", "api/v1/^actions/",
                                                                     "api/v1/^business-cases/", "api/v1/^risks/")):
            for segment in re.sub(r"\(\?P<\w+>[^)]*\)", "<group>", text).strip("^$/").split("/")[1:]:
                if segment and "<" not in segment and "(" not in segment:
                    yield segment.strip("^$")


def test_every_word_an_address_puts_beside_a_reference_is_refused_as_one():
    words = set(_segments_beside_references()) - {"v1", "actions", "business-cases", "risks"}
    assert words and words <= URL_WORDS, words - URL_WORDS


def test_the_plan_import_words_an_over_long_title_as_the_pages_do(db):
    strategy = factories.StrategyFactory()
    factories.PrincipleFactory(strategy=strategy, number=1)
    lead = factories.lead(username="thelead")
    headers = [column.header for column in ACTION_COLUMNS]
    values = {"Reference": "P1-01", "Title": "t" * 250, "Principle": 1, "Owner username": "thelead", "Start date": "2024-04-01",
              "Target date": "2026-03-31", "Status": "Not started", "RAG": "Green", "Percent complete": 0}
    row = [values.get(header, "") for header in headers]
    report = plan_import(tables=tables(csv_bytes([headers, row])), user=lead, source="plan.csv", dry_run=True)
    assert report.outcomes[0].reasons == ["P1-01: title must be 200 characters or fewer (it has 250)."]
