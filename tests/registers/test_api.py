"""/api/v1/business-cases/ and /api/v1/risks/: reads for every role, writes for leads (and risk
owners) through the services, ETag/If-Match, CSV in the page export's columns, query budgets."""

from decimal import Decimal

import pytest
from rest_framework.test import APIClient

from registers.columns import BUSINESS_CASE_COLUMNS, RISK_COLUMNS
from registers.models import BusinessCase, BusinessCaseTransition, Risk, RiskReview
from tests import factories
from tests.factories import NEXT_YEAR
from tests.helpers import csv_rows, query_count, results, token_client

CASES = "/api/v1/business-cases/"
RISKS = "/api/v1/risks/"
ROLES = [factories.lead, factories.manager, factories.committee_member, factories.api_client_user]


@pytest.fixture
def registers(owner):
    p1 = factories.PrincipleFactory(number=1)
    factories.PrincipleFactory(number=2, strategy=p1.strategy)
    cloud = factories.BusinessCaseFactory(reference="HLBC-01", title="Cloud", sponsor=owner, status="draft")
    cloud.principles.add(p1)
    factories.BusinessCaseLineFactory(
        business_case=cloud, financial_year=2024, capital_cost=Decimal("1000.10"), cashable_benefit=Decimal("0.05")
    )
    factories.BusinessCaseLineFactory(
        business_case=cloud, financial_year=2025, capital_cost=Decimal("0.00"), revenue_cost=Decimal("-250.50")
    )
    factories.BusinessCaseFactory(reference="HLBC-02", title="Devices", sponsor=owner, status="approved")
    factories.RiskFactory(reference="R-01", title="Ransomware", owner=owner, residual_likelihood=4, residual_impact=4)
    factories.RiskFactory(reference="R-02", title="Records", category="information", review_date=NEXT_YEAR)
    return cloud


def etag(client, url) -> str:
    return client.get(url)["ETag"]


# Reading


def test_anonymous_gets_401(registers):
    assert APIClient().get(CASES).status_code == 401
    assert APIClient().get(RISKS).status_code == 401


def test_a_user_without_a_role_gets_403(registers):
    assert token_client(factories.UserFactory()).get(CASES).status_code == 403


@pytest.mark.parametrize("role", ROLES)
def test_every_role_reads_both_registers(registers, role):
    client = token_client(role())
    assert results(client.get(CASES), "reference") == ["HLBC-01", "HLBC-02"]
    assert results(client.get(RISKS), "reference") == ["R-01", "R-02"]
    assert client.get(f"{CASES}HLBC-01/").status_code == 200
    assert client.get(f"{RISKS}R-01/").status_code == 200


def test_business_case_has_lines_money_as_strings_and_totals(registers):
    response = token_client(factories.api_client_user()).get(f"{CASES}HLBC-01/")
    body = response.json()
    assert body["principles"] == [1]
    assert body["sponsor"] == "owner"
    assert body["lines"][0] == {
        "capital_cost": "1000.10", "revenue_cost": "250.50", "cashable_benefit": "0.05",
        "non_cashable_benefit": "0.00", "net": "-1250.55", "financial_year": 2024, "financial_year_label": "2024/25",
    }
    assert body["lines"][1]["net"] == "250.50"
    assert body["totals"] == {
        "capital_cost": "1000.10", "revenue_cost": "0.00", "cashable_benefit": "0.05",
        "non_cashable_benefit": "0.00", "net": "-1000.05",
    }
    assert response["ETag"] == f'"{body["version"]}"'


def test_risk_has_scores_band_and_review_overdue(registers):
    body = token_client(factories.api_client_user()).get(f"{RISKS}R-01/").json()
    assert (body["inherent_score"], body["inherent_band"]) == (16, "very_high")
    assert (body["residual_score"], body["band"]) == (16, "very_high")
    assert body["review_overdue"] is True
    assert token_client(factories.api_client_user()).get(f"{RISKS}R-02/").json()["review_overdue"] is False


@pytest.mark.parametrize(
    ("url", "params", "expected"),
    [
        (CASES, {"status": "draft"}, ["HLBC-01"]),
        (CASES, {"principle": 1}, ["HLBC-01"]),
        (CASES, {"financial_year": 2025}, ["HLBC-01"]),
        (CASES, {"q": "devices"}, ["HLBC-02"]),
        (RISKS, {"category": "information"}, ["R-02"]),
        (RISKS, {"owner": "owner"}, ["R-01"]),
        (RISKS, {"band": "medium"}, ["R-02"]),
        (RISKS, {"review_overdue": "true"}, ["R-01"]),
        (RISKS, {"ordering": "-reference"}, ["R-02", "R-01"]),
    ],
)
def test_filters_are_the_pages(registers, url, params, expected):
    assert results(token_client(factories.api_client_user()).get(url, params), "reference") == expected


@pytest.mark.parametrize(("url", "params"), [(CASES, {"principle": "9" * 30}), (RISKS, {"band": "huge"})])
def test_bad_filters_get_400(registers, url, params):
    response = token_client(factories.api_client_user()).get(url, params)
    assert response.status_code == 400
    assert response.json()["errors"]


def test_unknown_reference_is_404(registers):
    assert token_client(factories.api_client_user()).get(f"{CASES}HLBC-99/").status_code == 404


def test_a_current_copy_of_a_case_or_risk_is_answered_304(registers):
    """Business cases and risks are versioned by their save time: their ETags answer If-None-Match too."""
    client = token_client(factories.api_client_user())
    for url in (f"{CASES}HLBC-01/", f"{RISKS}R-01/"):
        read = etag(client, url)
        not_modified = client.get(url, HTTP_IF_NONE_MATCH=read)
        assert (not_modified.status_code, not_modified["ETag"], not_modified.content) == (304, read, b"")
        assert client.get(url, HTTP_IF_NONE_MATCH='"1234"').status_code == 200


def test_csv_uses_the_page_export_columns(registers):
    client = token_client(factories.api_client_user())
    cases = csv_rows(client.get(CASES, {"format": "csv", "financial_year": 2025}))
    assert cases[0] == [column.header for column in BUSINESS_CASE_COLUMNS]
    assert [row[0] for row in cases[1:]] == ["HLBC-01"]
    assert cases[1][-1] == "250.50"  # 2025/26's figures only
    risks = csv_rows(client.get(RISKS, {"format": "csv", "category": "information"}))
    assert risks[0] == [column.header for column in RISK_COLUMNS]
    assert [row[0] for row in risks[1:]] == ["R-02"]


# Business case writes


def test_lead_creates_a_business_case(registers, lead):
    body = {
        "reference": "HLBC-03", "title": "Network", "sponsor": "owner", "principles": [1, 2],
        "lines": [{"financial_year": 2024, "capital_cost": "1250000.00", "cashable_benefit": "0.01"}],
    }
    response = token_client(lead).post(CASES, body, format="json")
    assert response.status_code == 201, response.content
    assert response.json()["status"] == "draft"
    assert response.json()["totals"]["net"] == "-1249999.99"
    assert BusinessCase.objects.get(reference="HLBC-03").lines.get().capital_cost == Decimal("1250000.00")


@pytest.mark.parametrize("role", [factories.manager, factories.committee_member, factories.api_client_user])
def test_other_roles_cannot_write_business_cases(registers, role):
    client = token_client(role())
    assert client.post(CASES, {"reference": "X", "title": "X", "sponsor": "owner"}, format="json").status_code == 403
    assert client.patch(f"{CASES}HLBC-01/", {"title": "X"}, format="json", HTTP_IF_MATCH="*").status_code == 403
    assert client.post(f"{CASES}HLBC-01/transitions/", {"to": "submitted"}, format="json", HTTP_IF_MATCH="*").status_code == 403


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"reference": "HLBC-01", "title": "Again", "sponsor": "owner"}, "reference"),
        ({"reference": "HLBC-09", "title": "X", "sponsor": "nobody"}, "sponsor"),
        ({"reference": "HLBC-09", "title": "X", "sponsor": "owner", "principles": [8]}, "principles"),
        ({"reference": "HLBC-09", "title": "X", "sponsor": "owner", "lines": [{"financial_year": 2024, "capital_cost": "1.001"}]}, "lines"),
        ({"reference": "HLBC-09", "title": "X", "sponsor": "owner", "status": "approved"}, "status"),
    ],
)
def test_business_case_validation_is_400_with_field_messages(registers, lead, body, field):
    response = token_client(lead).post(CASES, body, format="json")
    assert response.status_code == 400, response.content
    assert field in response.json()["errors"]


def test_patch_needs_if_match_and_a_stale_one_gets_412(registers, lead):
    client = token_client(lead)
    url = f"{CASES}HLBC-01/"
    read = etag(client, url)
    assert client.patch(url, {"title": "Renamed"}, format="json").json()["errors"].keys() == {"If-Match"}
    response = client.patch(url, {"title": "Renamed", "lines": []}, format="json", HTTP_IF_MATCH=read)
    assert response.status_code == 200, response.content
    assert response.json()["title"] == "Renamed"
    assert response.json()["lines"] == []
    assert response["ETag"] != read
    stale = client.patch(url, {"title": "Lost"}, format="json", HTTP_IF_MATCH=read)
    assert stale.status_code == 412
    assert stale["ETag"] == response["ETag"]
    assert f'"{stale.json()["current_version"]}"' == response["ETag"]
    assert BusinessCase.objects.get(reference="HLBC-01").title == "Renamed"


def test_approved_figures_change_only_by_revision(registers, lead):
    response = token_client(lead).patch(f"{CASES}HLBC-02/", {"lines": []}, format="json", HTTP_IF_MATCH="*")
    assert response.status_code == 400
    assert "annual revision" in response.json()["errors"]["lines"][0]


def test_workflow_transitions_are_recorded(registers, lead):
    client = token_client(lead)
    url = f"{CASES}HLBC-01/transitions/"
    submitted = client.post(url, {"to": "submitted"}, format="json", HTTP_IF_MATCH=etag(client, f"{CASES}HLBC-01/"))
    assert submitted.status_code == 201, submitted.content
    assert submitted.json()["from_status"] == "draft"
    assert submitted.json()["actor"] == "lead"
    approved = client.post(url, {"to": "approved", "note": "Agreed"}, format="json", HTTP_IF_MATCH=submitted["ETag"])
    assert approved.status_code == 201, approved.content
    assert client.get(f"{CASES}HLBC-01/")["ETag"] == approved["ETag"]
    assert BusinessCase.objects.get(reference="HLBC-01").status == "approved"
    assert BusinessCaseTransition.objects.count() == 2


def test_refused_transition_is_400_under_to(registers, lead):
    response = token_client(lead).post(f"{CASES}HLBC-01/transitions/", {"to": "closed"}, format="json", HTTP_IF_MATCH="*")
    assert response.status_code == 400
    assert "cannot be closed" in response.json()["errors"]["to"][0]


def test_transition_with_a_stale_etag_gets_412(registers, lead):
    response = token_client(lead).post(
        f"{CASES}HLBC-01/transitions/", {"to": "submitted"}, format="json", HTTP_IF_MATCH='"1"'
    )
    assert response.status_code == 412
    assert BusinessCase.objects.get(reference="HLBC-01").status == "draft"


# Risk writes

NEW_RISK = {
    "reference": "R-03", "title": "Supplier failure", "category": "delivery", "owner": "owner",
    "review_date": NEXT_YEAR.isoformat(), "inherent_likelihood": 5, "inherent_impact": 5,
    "residual_likelihood": 3, "residual_impact": 5,
}


def test_lead_adds_a_risk_escalated_at_15(registers, lead):
    response = token_client(lead).post(RISKS, NEW_RISK, format="json")
    assert response.status_code == 201, response.content
    assert response.json()["on_strategic_register"] is True
    assert "15" in response.json()["escalation_reason"]


@pytest.mark.parametrize("role", [factories.manager, factories.committee_member, factories.api_client_user])
def test_only_leads_add_risks(registers, role):
    assert token_client(role()).post(RISKS, NEW_RISK, format="json").status_code == 403


def test_risk_validation_is_400(registers, lead):
    response = token_client(lead).post(RISKS, NEW_RISK | {"residual_impact": 6, "category": "weather"}, format="json")
    assert response.status_code == 400
    assert response.json()["errors"].keys() == {"residual_impact", "category"}


def test_owner_edits_their_risk_but_cannot_hand_it_on(registers, owner):
    client = token_client(owner)
    url = f"{RISKS}R-01/"
    response = client.patch(url, {"mitigation": "Offline backups"}, format="json", HTTP_IF_MATCH=etag(client, url))
    assert response.status_code == 200, response.content
    assert Risk.objects.get(reference="R-01").mitigation == "Offline backups"
    factories.manager(username="colleague")
    handed = client.patch(url, {"owner": "colleague"}, format="json", HTTP_IF_MATCH="*")
    assert handed.status_code == 403
    assert token_client(owner).patch(f"{RISKS}R-02/", {"title": "X"}, format="json", HTTP_IF_MATCH="*").status_code == 403


def test_risk_patch_with_stale_etag_gets_412(registers, lead):
    client = token_client(lead)
    url = f"{RISKS}R-02/"
    read = etag(client, url)
    assert client.patch(url, {"title": "First"}, format="json", HTTP_IF_MATCH=read).status_code == 200
    assert client.patch(url, {"title": "Second"}, format="json", HTTP_IF_MATCH=read).status_code == 412
    assert Risk.objects.get(reference="R-02").title == "First"


def test_risk_review_is_recorded(registers, owner):
    client = token_client(owner)
    body = {
        "inherent_likelihood": 4, "inherent_impact": 4, "residual_likelihood": 2, "residual_impact": 2,
        "note": "Backups tested", "next_review_date": NEXT_YEAR.isoformat(),
    }
    response = client.post(f"{RISKS}R-01/reviews/", body, format="json", HTTP_IF_MATCH=etag(client, f"{RISKS}R-01/"))
    assert response.status_code == 201, response.content
    assert response.json()["reviewed_by"] == "owner"
    assert client.get(f"{RISKS}R-01/").json()["review_overdue"] is False
    assert RiskReview.objects.filter(risk__reference="R-01").count() == 1
    past = client.post(
        f"{RISKS}R-01/reviews/", body | {"next_review_date": "2020-01-01"}, format="json", HTTP_IF_MATCH="*"
    )
    assert past.status_code == 400
    assert "next_review_date" in past.json()["errors"]


def test_a_review_on_a_stale_etag_gets_412_naming_who_changed_the_risk(registers, lead, owner):
    url = f"{RISKS}R-01/"
    read = etag(token_client(owner), url)
    assert token_client(lead).patch(url, {"mitigation": "Lead's"}, format="json", HTTP_IF_MATCH=read).status_code == 200
    body = {
        "inherent_likelihood": 4, "inherent_impact": 4, "residual_likelihood": 2, "residual_impact": 2,
        "note": "Backups tested", "next_review_date": NEXT_YEAR.isoformat(),
    }

    stale = token_client(owner).post(f"{url}reviews/", body, format="json", HTTP_IF_MATCH=read)

    assert stale.status_code == 412
    assert stale.json()["changed_by"] == "lead"
    assert "R-01 was changed by" in stale.json()["detail"]
    assert stale["ETag"] == etag(token_client(owner), url)
    assert not RiskReview.objects.exists()
    missing = token_client(owner).post(f"{url}reviews/", body, format="json")
    assert missing.status_code == 400 and missing.json()["errors"].keys() == {"If-Match"}


def test_committee_member_cannot_review_a_risk(registers):
    body = {"inherent_likelihood": 1, "inherent_impact": 1, "residual_likelihood": 1, "residual_impact": 1,
            "note": "x", "next_review_date": NEXT_YEAR.isoformat()}
    response = token_client(factories.committee_member()).post(f"{RISKS}R-01/reviews/", body, format="json", HTTP_IF_MATCH="*")
    assert response.status_code == 403


# Query budgets


def test_business_case_list_queries_do_not_grow_with_rows(db):
    client = token_client(factories.api_client_user())
    principle = factories.PrincipleFactory(number=1)

    def add(count):
        for case in factories.BusinessCaseFactory.create_batch(count):
            case.principles.add(principle)
            factories.BusinessCaseLineFactory(business_case=case)

    add(10)
    small, small_csv = query_count(client, f"{CASES}?page_size=500"), query_count(client, f"{CASES}?format=csv")
    add(190)
    assert query_count(client, f"{CASES}?page_size=500") == small
    assert query_count(client, f"{CASES}?format=csv") == small_csv


def test_risk_list_queries_do_not_grow_with_rows(db):
    client = token_client(factories.api_client_user())

    def add(count):
        case = factories.BusinessCaseFactory()
        for risk in factories.RiskFactory.create_batch(count):
            risk.business_cases.add(case)

    add(10)
    small, small_csv = query_count(client, f"{RISKS}?page_size=500"), query_count(client, f"{RISKS}?format=csv")
    add(190)
    assert query_count(client, f"{RISKS}?page_size=500") == small
    assert query_count(client, f"{RISKS}?format=csv") == small_csv
