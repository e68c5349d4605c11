"""The OpenAPI schema, checked against the running API by schemathesis (on PostgreSQL in CI:
.ci/run sets DATABASE_URL).

Every operation gets at least MIN_EXAMPLES generated requests (up to MAX_EXAMPLES), authenticated
as a strategy lead (so the writes really run), against a demo database seeded once for the
module: no response may be a 5xx or differ from what the schema promises (status code, content
type, headers, body). Generated requests include schema-violating ones (negative data), so bad
input is tried too. Then schemathesis chains operations through the links it infers from the
schema (a risk created, then read, changed and reviewed) and no step may answer a 5xx.
Two checks judge the API's leniency rather than its correctness and are left out: a
schema-valid value a filter still refuses (an unknown owner's username) gets a documented 400,
and a value the API forgives (page_size=abc falls back to the default) gets a 200.
"""

import datetime
from dataclasses import asdict

import pytest
import schemathesis
from django.core.management import call_command
from django.core.signals import request_finished, request_started
from django.db import close_old_connections, transaction
from django.utils import timezone
from hypothesis import HealthCheck, settings
from schemathesis.checks import negative_data_rejection, not_a_server_error, positive_data_acceptance

from core.services import api_token_rotate
from periods.models import ReportingPeriod
from reporting.models import CommitteeMeeting
from strategy.wsgi import application
from tests import factories
from tests.reporting.builders import ALL_IMPLICATIONS, COMPLETE_SECTIONS

schema = schemathesis.openapi.from_wsgi("/api/schema/", application)


MAX_EXAMPLES = 100
MIN_EXAMPLES = 50
STATEFUL_SCENARIOS = 30


@pytest.fixture(scope="module")
def demo_lead_token(django_db_setup, django_db_blocker):
    """The demo data and a lead's token, made once for the module in a transaction rolled back
    at its end (as Django's setUpTestData does): each test's own transaction nests inside it."""
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("seed_strategy", "--demo", verbosity=0)
        yield api_token_rotate(user=factories.lead(username="schemathesis-lead")).key
        transaction.set_rollback(True)


@pytest.fixture
def lead_token(demo_lead_token, db):
    return demo_lead_token


@pytest.fixture
def requests_sent():
    """The requests one operation's test sent: never fewer than MIN_EXAMPLES."""
    sent = []
    yield sent
    assert len(sent) >= MIN_EXAMPLES, f"only {len(sent)} requests"


@pytest.fixture(autouse=True)
def keep_the_test_connection_open():
    """Calling the WSGI application directly sends request_started/finished, whose handler closes
    a connection inside a transaction (the test's). Django's test client disconnects it too."""
    for signal in (request_started, request_finished):
        signal.disconnect(close_old_connections)
    yield
    for signal in (request_started, request_finished):
        signal.connect(close_old_connections)


@schema.parametrize()
@settings(
    max_examples=MAX_EXAMPLES,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=list(HealthCheck),
)
def test_api_conforms_to_its_schema(case, lead_token, requests_sent):
    requests_sent.append(case.operation.label)
    case.call_and_validate(
        headers={"Authorization": f"Token {lead_token}"}, excluded_checks=[positive_data_acceptance, negative_data_rejection]
    )


def test_chains_of_operations_answer_no_server_error(lead_token):
    """Stateful: schemathesis follows the links it infers between operations (create, then read,
    change and act on the same record), so the writes reach records that exist."""

    class LeadWorkflow(schema.as_state_machine()):
        def get_call_kwargs(self, case):
            return {"headers": {"Authorization": f"Token {lead_token}"}}

        def validate_response(self, response, case, additional_checks=None, **kwargs):
            case.validate_response(response, checks=[not_a_server_error])

    LeadWorkflow.run(
        settings=settings(
            max_examples=STATEFUL_SCENARIOS, stateful_step_count=6, deadline=None, derandomize=True, database=None,
            suppress_health_check=list(HealthCheck),
        )
    )


def test_successful_writes_conform_to_the_schema(lead_token):
    """Generated writes rarely name a real action and its version, so the success paths are checked here."""
    period = factories.open_period()
    headers = {"Authorization": f"Token {lead_token}", "If-Match": "*"}
    action = schema["/api/v1/actions/{reference}/"]["PATCH"].Case(
        path_parameters={"reference": "P1-01"}, headers=headers, body={"title": "Renamed through the API"},
        media_type="application/json",
    )
    assert action.call_and_validate().status_code == 200
    update = schema["/api/v1/actions/{reference}/updates/"]["POST"].Case(
        path_parameters={"reference": "P1-01"}, headers=headers, media_type="application/json",
        body={"period": period.key, "status": "at_risk", "rag": "amber", "percent_complete": 60, "commentary": "Late."},
    )
    assert update.call_and_validate().status_code in (200, 201)


def test_successful_register_and_report_writes_conform_to_the_schema(lead_token):
    """The success paths of the business case, risk, committee report and meeting writes, on the demo data."""
    headers = {"Authorization": f"Token {lead_token}", "If-Match": "*"}
    next_year = (timezone.localdate() + datetime.timedelta(days=365)).isoformat()
    scores = {"inherent_likelihood": 4, "inherent_impact": 4, "residual_likelihood": 2, "residual_impact": 2}
    calls = [
        ("/api/v1/business-cases/", "POST", {}, {"reference": "HLBC-API-1", "title": "Via the API", "sponsor": "lead",
                                                 "lines": [{"financial_year": 2025, "capital_cost": "1250.50"}]}, 201),
        ("/api/v1/business-cases/{reference}/", "PATCH", {"reference": "HLBC-API-1"}, {"title": "Renamed"}, 200),
        ("/api/v1/business-cases/{reference}/transitions/", "POST", {"reference": "HLBC-API-1"}, {"to": "submitted"}, 201),
        ("/api/v1/risks/", "POST", {}, {"reference": "R-API-1", "title": "Via the API", "category": "delivery",
                                        "owner": "lead", "review_date": next_year, **scores}, 201),
        ("/api/v1/risks/{reference}/", "PATCH", {"reference": "R-API-1"}, {"mitigation": "Tested"}, 200),
        ("/api/v1/risks/{reference}/reviews/", "POST", {"reference": "R-API-1"},
         {**scores, "note": "Reviewed", "next_review_date": next_year}, 201),
        ("/api/v1/meetings/", "POST", {}, {"committee": "Audit and Governance Committee", "date": "2026-01-15"}, 201),
    ]
    for path, method, path_parameters, body, expected in calls:
        case = schema[path][method].Case(
            path_parameters=path_parameters, headers=headers, body=body, media_type="application/json"
        )
        assert case.call_and_validate().status_code == expected, (method, path)
    meeting = CommitteeMeeting.objects.get(committee="Audit and Governance Committee")
    report = schema["/api/v1/committee-reports/"]["POST"].Case(
        headers=headers, media_type="application/json",
        body={"meeting": meeting.pk, **asdict(COMPLETE_SECTIONS), "implications": ALL_IMPLICATIONS},
    ).call_and_validate()
    assert report.status_code == 201
    for step in ("approve", "publish"):
        response = schema[f"/api/v1/committee-reports/{{slug}}/{step}/"]["POST"].Case(
            path_parameters={"slug": report.json()["slug"]}, headers=headers
        ).call_and_validate()
        assert response.status_code == 200, step


def test_successful_pack_request_publish_and_download_conform_to_the_schema(lead_token, django_capture_on_commit_callbacks):
    headers = {"Authorization": f"Token {lead_token}"}
    # The quarter's report is already published, so the pack that carries it may be published.
    factories.CommitteeReportFactory(status="published", period=ReportingPeriod.objects.get(financial_year=2024, quarter=2))
    with django_capture_on_commit_callbacks(execute=True):
        requested = schema["/api/v1/packs/"]["POST"].Case(
            headers=headers, body={"period": "2024-25-Q2"}, media_type="application/json"
        ).call_and_validate()
    assert requested.status_code == 202
    pack = {"id": requested.json()["id"]}
    assert schema["/api/v1/packs/{id}/publish/"]["POST"].Case(path_parameters=pack, headers=headers).call_and_validate().status_code == 200
    download = schema["/api/v1/packs/{id}/download/"]["GET"].Case(path_parameters=pack, headers=headers).call_and_validate()
    assert download.status_code == 200
    assert "x-pack-sha256" in {name.lower() for name in download.headers}
    assert download.content.startswith(b"%PDF")
