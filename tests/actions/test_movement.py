"""Change since last quarter: counted by hand for a small plan reported in 2024/25 Q2 and Q3.

Both quarters are long over, so each is judged as at its end: 30 September and 31 December 2024.
"""

import datetime

import pytest
from django.urls import reverse

from actions.selectors import change_since_last_quarter
from periods.selectors import period_previous, periods_compared
from tests import factories
from tests.factories import FAR_FUTURE
from tests.helpers import results, token_client

# reference: (target date, 2024/25 Q2 update, 2024/25 Q3 update), each update (status, RAG, percent) or None.
PLAN = {
    # Red to amber: improved.
    "P1-01": (FAR_FUTURE, ("off_track", "red", 10), ("at_risk", "amber", 30)),
    # Green to red: worsened.
    "P1-02": (FAR_FUTURE, ("on_track", "green", 40), ("off_track", "red", 45)),
    # Amber to completed (green): newly completed, but no RAG change counted for a closed action.
    "P1-03": (FAR_FUTURE, ("at_risk", "amber", 70), ("completed", "green", 100)),
    # Due 30 November, not updated in Q3: on time on 30 September, overdue on 31 December.
    "P1-04": (datetime.date(2024, 11, 30), ("on_track", "green", 50), None),
    # Completed by Q2 already: not newly completed.
    "P1-05": (datetime.date(2024, 6, 30), ("completed", "green", 100), None),
    # Overdue at both ends (due 31 August), amber to red: worsened, not newly overdue.
    "P2-01": (datetime.date(2024, 8, 31), ("at_risk", "amber", 20), ("off_track", "red", 25)),
    # First rated in Q3: the green a new action starts with is no rating, so no change.
    "P2-02": (FAR_FUTURE, None, ("at_risk", "amber", 5)),
    # Red to cancelled (green): closed, so no RAG change; cancelling is not completing.
    "P2-03": (FAR_FUTURE, ("off_track", "red", 10), ("cancelled", "green", 10)),
    # Due 31 October and completed in Q3: newly completed, never overdue.
    "P2-04": (datetime.date(2024, 10, 31), ("on_track", "green", 80), ("completed", "green", 100)),
    # Green in Q2; red only in 2024/25 Q4, which is after the quarter compared: no change.
    "P2-05": (FAR_FUTURE, ("on_track", "green", 30), None),
}

BY_HAND = {
    # principle: (RAG improved, RAG worsened, newly completed, newly overdue)
    1: [1, 1, 1, 1],
    2: [0, 1, 1, 0],
}
LISTS_BY_HAND = {
    "rag_improved": ["P1-01"],
    "rag_worsened": ["P1-02", "P2-01"],
    "newly_completed": ["P1-03", "P2-04"],
    "newly_overdue": ["P1-04"],
}


@pytest.fixture
def history(db):
    q2, q3, q4 = (factories.PeriodFactory(key=key) for key in ("2024-25-Q2", "2024-25-Q3", "2024-25-Q4"))
    p1 = factories.PrincipleFactory(number=1)
    p2 = factories.PrincipleFactory(number=2, strategy=p1.strategy)
    for reference, (target, *updates) in PLAN.items():
        action = factories.ActionFactory(
            reference=reference, principle=p1 if reference.startswith("P1") else p2, target_date=target,
            start_date=datetime.date(2024, 4, 1),
        )
        for period, update in zip((q2, q3), updates):
            if update:
                status, rag, percent = update
                factories.ProgressUpdateFactory(
                    action=action, period=period, status=status, rag=rag, percent_complete=percent, commentary="Reported."
                )
    factories.ProgressUpdateFactory(
        action=factories.ActionItem.objects.get(reference="P2-05"), period=q4, status="off_track", rag="red", commentary="Late."
    )
    return {"q2": q2, "q3": q3, "principles": [p1, p2]}


def test_movement_counts_match_the_hand_count(history, django_assert_num_queries):
    with django_assert_num_queries(1):
        change = change_since_last_quarter(period=history["q3"], previous=history["q2"], principles=history["principles"])
    assert [count.label for count in change.overall] == ["RAG improved", "RAG worsened", "Newly completed", "Newly overdue"]
    assert {principle.number: [count.count for count in counts] for principle, counts in change.by_principle} == BY_HAND
    assert [count.count for count in change.overall] == [1, 2, 2, 1]


@pytest.mark.parametrize("movement", list(LISTS_BY_HAND))
def test_the_movement_filter_lists_the_actions_counted(history, client, movement):
    query = {"movement": movement, "movement_period": "2024-25-Q3", "ordering": "reference"}
    api = token_client(factories.api_client_user())
    assert results(api.get("/api/v1/actions/", query), "reference") == LISTS_BY_HAND[movement]
    for principle, counts in BY_HAND.items():
        rows = results(api.get("/api/v1/actions/", {**query, "principle": principle}), "reference")
        assert len(rows) == counts[list(LISTS_BY_HAND).index(movement)]


def test_the_quarter_before_is_the_previous_periods(history):
    assert period_previous(period=history["q3"]) == history["q2"]
    assert period_previous(period=history["q2"]) is None


def test_the_dashboard_compares_the_quarter_taking_updates_with_the_one_before(history):
    # 15 January 2025: 2024/25 Q3 is in its grace period, so it is the quarter reported on.
    assert periods_compared(on=datetime.date(2025, 1, 15)) == (history["q3"], history["q2"])
    # 1 August 2024: Q2 is running and the quarter before it has no period.
    assert periods_compared(on=datetime.date(2024, 8, 1)) is None


@pytest.mark.parametrize(
    "period, message",
    [
        ("2030-31-Q1", "There is no reporting period 2030/31 Q1."),
        ("2024-25-Q2", "2024/25 Q2 has no reporting period before it to compare with."),
        ("Q3", "2024-25-Q2"),
    ],
)
def test_a_quarter_that_cannot_be_compared_is_refused_with_a_reason(history, client, period, message):
    api = token_client(factories.api_client_user())
    response = api.get("/api/v1/actions/", {"movement": "rag_worsened", "movement_period": period})
    assert response.status_code == 400
    assert message in response.json()["errors"]["movement_period"][0]
    client.force_login(factories.committee_member())
    page = client.get(reverse("action-list"), {"movement": "rag_worsened", "movement_period": period})
    assert page.status_code == 200 and message in page.content.decode()


def test_a_percent_sign_in_a_quarter_is_refused_not_an_error(history):
    api = token_client(factories.api_client_user())
    for name in ("movement_period", "due_update_in", "updated_in"):
        response = api.get("/api/v1/actions/", {name: "100%"})
        assert response.status_code == 400 and "100%" in response.json()["errors"][name][0]
