"""/api/v1/actions/, /api/v1/actions/{reference}/ and its /updates/, and /api/v1/progress-updates/."""


import pytest
from django.contrib.auth.models import User
from django.db import connection
from django.test.utils import CaptureQueriesContext
from rest_framework.test import APIClient

from actions.exports import ACTION_COLUMNS, PROGRESS_UPDATE_COLUMNS
from actions.models import ActionItem, ProgressUpdate
from tests import factories
from tests.helpers import aware, csv_rows, query_count, results, token_client

ACTIONS = "/api/v1/actions/"
UPDATES = "/api/v1/progress-updates/"


@pytest.fixture
def plan(owner):
    p1 = factories.PrincipleFactory(number=1)
    p2 = factories.PrincipleFactory(number=2, strategy=p1.strategy)
    factories.ActionFactory(reference="P1-01", title="Cloud migration", principle=p1, owner=owner)
    factories.ActionFactory(reference="P1-02", title="Device refresh", principle=p1, status="off_track", rag="red")
    factories.ActionFactory(reference="P2-01", title="Architecture board", principle=p2, owner=owner)
    ActionItem.objects.filter(reference="P1-01").update(last_updated_at=aware(2024, 7, 1))
    ActionItem.objects.filter(reference="P2-01").update(last_updated_at=aware(2024, 10, 7))


# Reading


def test_anonymous_gets_401_with_a_token_challenge(plan):
    response = APIClient().get(ACTIONS)
    assert response.status_code == 401
    assert response["WWW-Authenticate"] == "Token"
    assert "credentials" in response.json()["detail"]


@pytest.mark.parametrize("role", [factories.lead, factories.manager, factories.committee_member, factories.api_client_user])
def test_every_role_can_read_actions(plan, role):
    assert results(token_client(role()).get(ACTIONS), "reference") == ["P1-01", "P1-02", "P2-01"]


def test_a_user_without_a_role_gets_403(plan):
    response = token_client(factories.UserFactory()).get(ACTIONS)
    assert response.status_code == 403
    assert "role" in response.json()["detail"]


def test_signed_in_browser_session_works(plan, owner):
    client = APIClient()
    client.force_login(owner)
    assert results(client.get(ACTIONS), "reference") == ["P1-01", "P1-02", "P2-01"]


def test_action_list_row(plan):
    row = token_client(factories.api_client_user()).get(ACTIONS, {"q": "P1-01"}).json()["results"][0]
    assert row["principle"] == 1
    assert row["owner"] == "owner"
    assert row["status"] == "on_track"
    assert row["version"] == 1
    assert row["last_updated_at"] == "2024-07-01T13:00:00+01:00"


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"principle": "2"}, ["P2-01"]),
        ({"status": "off_track"}, ["P1-02"]),
        ({"rag": "red"}, ["P1-02"]),
        ({"owner": "owner"}, ["P1-01", "P2-01"]),
        ({"q": "cloud"}, ["P1-01"]),
        ({"ordering": "-reference"}, ["P2-01", "P1-02", "P1-01"]),
        ({"ordering": ","}, ["P1-01", "P1-02", "P2-01"]),
        ({"ordering": "status"}, ["P1-02", "P1-01", "P2-01"]),
        ({"updated_since": "2024-07-01T12:00:00Z"}, ["P1-01", "P2-01"]),
        ({"updated_since": "2024-07-01T12:00:01Z"}, ["P2-01"]),
        ({"updated_since": "2024-10-01"}, ["P2-01"]),
        ({"updated_since": "2024-10-07T13:00:00+01:00"}, ["P2-01"]),
        # An offset PostgreSQL cannot read (past 15:59) is compared in UTC: 2024-07-01T12:00:00Z.
        ({"updated_since": "2024-07-02T11:30:00+23:30"}, ["P1-01", "P2-01"]),
    ],
)
def test_action_filters(plan, params, expected):
    assert results(token_client(factories.api_client_user()).get(ACTIONS, params), "reference") == expected


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"updated_since": "last tuesday"}, "updated_since"),
        ({"updated_since": "2024-13-45T00:00:00"}, "updated_since"),
        ({"updated_since": "0001-01-01T00:00:00+05:00"}, "updated_since"),
        ({"updated_since": "9999-12-31T23:59:59-05:00"}, "updated_since"),
        ({"status": "finished"}, "status"),
        ({"principle": "99999999999999999999999"}, "principle"),
        ({"updated_in": "2024-25-Q9"}, "updated_in"),
        ({"format": "xml"}, "format"),
    ],
)
def test_bad_filter_values_are_400_with_the_field_named(plan, params, field):
    response = token_client(factories.api_client_user()).get(ACTIONS, params)
    assert response.status_code == 400
    assert field in response.json()["errors"]


def test_pagination(plan):
    client = token_client(factories.api_client_user())
    first = client.get(ACTIONS, {"page_size": 2}).json()
    assert first["count"] == 3
    assert [row["reference"] for row in first["results"]] == ["P1-01", "P1-02"]
    second = client.get(first["next"]).json()
    assert [row["reference"] for row in second["results"]] == ["P2-01"]
    assert client.get(ACTIONS, {"page": 3, "page_size": 2}).status_code == 404


def test_page_size_is_capped_at_500(db):
    owner = factories.manager()
    factories.ActionFactory.create_batch(501, owner=owner, principle=factories.PrincipleFactory(number=1))
    body = token_client(owner).get(ACTIONS, {"page_size": 10000}).json()
    assert (body["count"], len(body["results"])) == (501, 500)


def test_actions_csv_uses_the_export_columns(plan):
    response = token_client(factories.api_client_user()).get(ACTIONS, {"format": "csv", "principle": "1"})
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    rows = csv_rows(response)
    assert rows[0] == [column.header for column in ACTION_COLUMNS]
    assert [row[0] for row in rows[1:]] == ["P1-01", "P1-02"]
    assert dict(zip(rows[0], rows[1]))["Status"] == "On track"


def test_action_detail_carries_its_version_as_etag(plan):
    response = token_client(factories.api_client_user()).get(f"{ACTIONS}P1-01/")
    assert response.status_code == 200
    assert response["ETag"] == '"1"'
    assert response.json()["title"] == "Cloud migration"


def test_unknown_action_is_404(plan):
    assert token_client(factories.api_client_user()).get(f"{ACTIONS}P9-99/").status_code == 404


@pytest.mark.parametrize("held", ['"1"', 'W/"1"', '"7", "1"', "*"])
def test_a_current_copy_is_answered_304_with_its_etag_and_no_body(plan, held):
    response = token_client(factories.api_client_user()).get(f"{ACTIONS}P1-01/", HTTP_IF_NONE_MATCH=held)
    assert response.status_code == 304
    assert response["ETag"] == '"1"'
    assert response.content == b""


def test_a_stale_copy_gets_the_action_again(plan):
    ActionItem.objects.filter(reference="P1-01").update(version=2)
    response = token_client(factories.api_client_user()).get(f"{ACTIONS}P1-01/", HTTP_IF_NONE_MATCH='"1"')
    assert response.status_code == 200
    assert response["ETag"] == '"2"'
    assert response.json()["title"] == "Cloud migration"


def test_if_none_match_on_an_unknown_action_is_404(plan):
    assert token_client(factories.api_client_user()).get(f"{ACTIONS}P9-99/", HTTP_IF_NONE_MATCH="*").status_code == 404


def test_not_modified_is_answered_before_the_action_is_read(plan):
    """Four queries (the token, the user's permissions in two, the version), however many delegates
    and risks the action has."""
    client = token_client(factories.api_client_user())
    action = ActionItem.objects.get(reference="P1-01")

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(f"{ACTIONS}P1-01/", HTTP_IF_NONE_MATCH='"1"').status_code == 304
        return len(captured)

    few = queries()
    action.delegates.set(factories.manager() for _ in range(5))
    action.risks.set(factories.RiskFactory() for _ in range(5))
    assert queries() == few == 4
    with CaptureQueriesContext(connection) as full:
        client.get(f"{ACTIONS}P1-01/")
    assert len(full) > few
    # Without If-None-Match the version is not read first: the record is read once.
    assert sum('FROM "actions_actionitem" ' in query["sql"] for query in full.captured_queries) == 1


# PATCH: strategy leads change an action's plan


def test_lead_patches_with_if_match(plan, owner, lead):
    factories.manager(username="newowner")
    response = token_client(lead).patch(
        f"{ACTIONS}P1-01/",
        {"title": "Cloud-first migration", "owner": "newowner", "delegates": ["owner"], "revised_target_date": "2026-06-30",
         "revised_target_reason": "Supplier delay"},
        format="json",
        HTTP_IF_MATCH='"1"',
    )
    assert response.status_code == 200, response.content
    assert response["ETag"] == '"2"'
    body = response.json()
    assert (body["title"], body["owner"], body["delegates"], body["version"]) == (
        "Cloud-first migration", "newowner", ["owner"], 2,
    )
    assert (body["due_date"], body["revised_target_reason"]) == ("2026-06-30", "Supplier delay")
    assert body["last_updated_by"] == "lead"


def test_lead_patches_with_expected_version(plan):
    response = token_client(factories.lead()).patch(
        f"{ACTIONS}P1-01/", {"title": "Renamed", "expected_version": 1}, format="json"
    )
    assert response.status_code == 200
    assert ActionItem.objects.get(reference="P1-01").title == "Renamed"


@pytest.mark.parametrize("role", [factories.manager, factories.committee_member, factories.api_client_user])
def test_only_leads_may_patch(plan, role):
    response = token_client(role()).patch(f"{ACTIONS}P1-01/", {"title": "X"}, format="json", HTTP_IF_MATCH='"1"')
    assert response.status_code == 403
    assert response.json()["detail"] == "Only a strategy lead can change an action's details."
    assert ActionItem.objects.get(reference="P1-01").title == "Cloud migration"


def test_patch_with_a_stale_if_match_is_412_with_who_and_when(plan, owner, lead):
    client = token_client(lead)
    assert client.patch(f"{ACTIONS}P1-01/", {"title": "First"}, format="json", HTTP_IF_MATCH='"1"').status_code == 200
    response = client.patch(f"{ACTIONS}P1-01/", {"title": "Second"}, format="json", HTTP_IF_MATCH='"1"')
    assert response.status_code == 412
    body = response.json()
    assert body["current_version"] == 2
    assert body["changed_by"] == "lead"
    assert body["changed_at"]
    assert "was changed by" in body["detail"]
    assert response["ETag"] == '"2"'
    assert ActionItem.objects.get(reference="P1-01").title == "First"


def test_patch_with_a_stale_expected_version_is_412_too(plan):
    response = token_client(factories.lead()).patch(
        f"{ACTIONS}P1-01/", {"title": "X", "expected_version": 5}, format="json"
    )
    assert response.status_code == 412
    assert response.json()["current_version"] == 1


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"title": "No version"}, "expected_version"),
        ({"expected_version": 1}, "non_field_errors"),
        ({"title": "", "expected_version": 1}, "title"),
        ({"target_date": "2020-01-01", "expected_version": 1}, "target_date"),
        ({"target_date": "31/03/2026", "expected_version": 1}, "target_date"),
        ({"owner": "nobody", "expected_version": 1}, "owner"),
        ({"expected_version": "seven", "title": "X"}, "expected_version"),
        ({"expected_version": 10**30, "title": "X"}, "expected_version"),
        ({"status": "completed", "expected_version": 1}, "status"),
        ({"version": 9, "title": "X", "expected_version": 1}, "version"),
    ],
)
def test_patch_validation_errors_are_400_with_field_messages(plan, body, field):
    response = token_client(factories.lead()).patch(f"{ACTIONS}P1-01/", body, format="json")
    assert response.status_code == 400, response.content
    assert field in response.json()["errors"]
    assert ActionItem.objects.get(reference="P1-01").version == 1


def test_malformed_json_is_400(plan):
    response = token_client(factories.lead()).generic(
        "PATCH", f"{ACTIONS}P1-01/", '{"title": ', content_type="application/json"
    )
    assert response.status_code == 400
    assert "JSON" in response.json()["detail"]


# Progress updates through the API


def test_owner_records_progress_in_the_current_period(plan, owner):
    period = factories.open_period()
    client = token_client(owner)
    response = client.post(
        f"{ACTIONS}P1-01/updates/",
        {"status": "at_risk", "rag": "amber", "percent_complete": 35, "commentary": "Supplier delay."},
        format="json",
        HTTP_IF_MATCH='"1"',
    )
    assert response.status_code == 201, response.content
    assert response["ETag"] == '"2"'
    body = response.json()
    assert (body["period"], body["status"], body["author"]) == (period.key, "at_risk", "owner")
    action = ActionItem.objects.get(reference="P1-01")
    assert (action.status, action.rag, action.percent_complete, action.version) == ("at_risk", "amber", 35, 2)

    amended = client.post(
        f"{ACTIONS}P1-01/updates/",
        {"period": period.key, "status": "on_track", "rag": "green", "percent_complete": 40, "expected_version": 2},
        format="json",
    )
    assert amended.status_code == 200
    assert ProgressUpdate.objects.filter(action__reference="P1-01").count() == 1


@pytest.mark.parametrize("role", [factories.manager, factories.committee_member, factories.api_client_user])
def test_others_may_not_record_progress(plan, role):
    factories.open_period()
    response = token_client(role()).post(
        f"{ACTIONS}P1-01/updates/", {"status": "on_track", "rag": "green", "percent_complete": 50}, format="json",
        HTTP_IF_MATCH='"1"',
    )
    assert response.status_code == 403
    assert response.json()["detail"] == "You can update only the actions you own or are delegated."


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"status": "at_risk", "rag": "amber", "percent_complete": 30}, "commentary"),
        ({"status": "on_track", "rag": "red", "percent_complete": 30, "commentary": "x"}, "rag"),
        ({"status": "on_track", "rag": "green", "percent_complete": 101}, "percent_complete"),
        ({"status": "on_track", "rag": "green", "percent_complete": "lots"}, "percent_complete"),
        ({"status": "done", "rag": "green", "percent_complete": 30}, "status"),
        ({"status": "on_track", "rag": "green", "percent_complete": 30, "period": "2024-25-Q9"}, "period"),
        ({"status": "on_track", "rag": "green", "percent_complete": 30, "period": "2030-31-Q1"}, "period"),
        ({"status": "on_track", "rag": "green", "percent_complete": 30, "period": "2023-24-Q1"}, "period"),
    ],
)
def test_progress_validation_errors_are_400(plan, owner, body, field):
    factories.open_period()
    factories.PeriodFactory(key="2023-24-Q1")
    response = token_client(owner).post(f"{ACTIONS}P1-01/updates/", body, format="json", HTTP_IF_MATCH='"1"')
    assert response.status_code == 400, response.content
    assert field in response.json()["errors"]


def test_progress_with_a_stale_version_is_412(plan, owner):
    factories.open_period()
    ActionItem.objects.filter(reference="P1-01").update(version=4, last_updated_by=owner, last_updated_at=aware(2024, 7, 2))
    client = token_client(owner)
    body = {"status": "on_track", "rag": "green", "percent_complete": 50}
    by_header = client.post(f"{ACTIONS}P1-01/updates/", body, format="json", HTTP_IF_MATCH='"3"')
    by_body = client.post(f"{ACTIONS}P1-01/updates/", {**body, "expected_version": 3}, format="json")
    for response in (by_header, by_body):
        assert response.status_code == 412
        assert response.json()["current_version"] == 4
        assert response.json()["changed_by"] == "owner"
    assert not ProgressUpdate.objects.exists()


def test_action_updates_list_and_csv(plan, owner, periods):
    q1, q2, *_ = periods
    action = ActionItem.objects.get(reference="P1-01")
    for period, percent in ((q1, 10), (q2, 20)):
        factories.ProgressUpdateFactory(action=action, period=period, percent_complete=percent, created_at=aware(2024, 7, 1))
    client = token_client(factories.api_client_user())
    response = client.get(f"{ACTIONS}P1-01/updates/")
    assert response["ETag"] == '"1"'
    assert [(row["period"], row["percent_complete"]) for row in response.json()["results"]] == [
        ("2024-25-Q2", 20), ("2024-25-Q1", 10),
    ]
    rows = csv_rows(client.get(f"{ACTIONS}P1-01/updates/", {"format": "csv"}))
    assert rows[0] == [column.header for column in PROGRESS_UPDATE_COLUMNS]
    assert [row[1] for row in rows[1:]] == ["2024/25 Q2", "2024/25 Q1"]


# /api/v1/progress-updates/


@pytest.fixture
def history(plan, owner, periods):
    q1, q2, *_ = periods
    other = factories.manager(username="other")
    for reference, period, author in (("P1-01", q1, owner), ("P1-01", q2, owner), ("P1-02", q2, other), ("P2-01", q2, owner)):
        factories.ProgressUpdateFactory(
            action=ActionItem.objects.get(reference=reference), period=period, author=author, created_at=aware(2024, 7, 1),
        )


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({}, [("P1-01", "2024-25-Q2"), ("P1-02", "2024-25-Q2"), ("P2-01", "2024-25-Q2"), ("P1-01", "2024-25-Q1")]),
        ({"period": "2024-25-Q1"}, [("P1-01", "2024-25-Q1")]),
        ({"action": "P1-01"}, [("P1-01", "2024-25-Q2"), ("P1-01", "2024-25-Q1")]),
        ({"principle": "2"}, [("P2-01", "2024-25-Q2")]),
        ({"author": "other"}, [("P1-02", "2024-25-Q2")]),
        ({"period": "2024-25-Q2", "principle": "1", "author": "owner"}, [("P1-01", "2024-25-Q2")]),
    ],
)
def test_progress_update_filters(history, params, expected):
    response = token_client(factories.api_client_user()).get(UPDATES, params)
    assert response.status_code == 200
    assert [(row["action"], row["period"]) for row in response.json()["results"]] == expected


@pytest.mark.parametrize("params", [{"period": "Q2"}, {"period": "2024-26-Q2"}, {"principle": "8"}])
def test_bad_progress_update_filters_are_400(history, params):
    response = token_client(factories.api_client_user()).get(UPDATES, params)
    assert response.status_code == 400
    assert set(params) <= set(response.json()["errors"])


def test_progress_updates_csv(history):
    rows = csv_rows(token_client(factories.api_client_user()).get(UPDATES, {"format": "csv", "period": "2024-25-Q1"}))
    assert rows == [
        [column.header for column in PROGRESS_UPDATE_COLUMNS],
        [
            "P1-01", "2024/25 Q1", "2024-25-Q1", "On track", "Green", "10", "", "",
            User.objects.get(username="owner").get_full_name(), "owner", "2024-07-01T12:00:00+00:00",
        ],
    ]


# Query budgets: the number of queries does not grow with the number of rows.


def _actions(count: int, principle, owner) -> None:
    delegate = factories.manager()
    for action in factories.ActionFactory.create_batch(count, principle=principle, owner=owner):
        action.delegates.add(delegate)


def test_action_list_queries_do_not_grow_with_rows(db):
    owner = factories.manager()
    principle = factories.PrincipleFactory(number=1)
    client = token_client(owner)
    _actions(10, principle, owner)
    small = query_count(client, f"{ACTIONS}?page_size=500")
    small_csv = query_count(client, f"{ACTIONS}?format=csv")
    _actions(490, principle, owner)
    assert query_count(client, f"{ACTIONS}?page_size=500") == small
    assert query_count(client, f"{ACTIONS}?format=csv") == small_csv


def test_progress_update_list_queries_do_not_grow_with_rows(db):
    owner = factories.manager()
    principle = factories.PrincipleFactory(number=1)
    client = token_client(owner)
    periods = [factories.PeriodFactory(key=key) for key in ("2024-25-Q1", "2024-25-Q2", "2024-25-Q3", "2024-25-Q4", "2025-26-Q1")]

    def add_updates(actions):
        ProgressUpdate.objects.bulk_create(
            ProgressUpdate(
                action=action, period=period, status="on_track", rag="green", percent_complete=5, author=owner,
                created_at=aware(2024, 7, 1), updated_at=aware(2024, 7, 1),
            )
            for action in actions
            for period in periods
        )

    add_updates(factories.ActionFactory.create_batch(2, principle=principle, owner=owner))
    small = query_count(client, f"{UPDATES}?page_size=500")
    small_nested = query_count(client, f"{ACTIONS}{ActionItem.objects.first().reference}/updates/?page_size=500")
    add_updates(factories.ActionFactory.create_batch(98, principle=principle, owner=owner))
    assert ProgressUpdate.objects.count() == 500
    assert query_count(client, f"{UPDATES}?page_size=500") == small
    assert query_count(client, f"{UPDATES}?format=csv") == query_count(client, f"{UPDATES}?format=csv&period=2024-25-Q1")
    assert query_count(client, f"{ACTIONS}{ActionItem.objects.first().reference}/updates/?page_size=500") == small_nested
