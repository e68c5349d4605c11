import datetime
import threading
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection

from actions.models import ActionItem, ProgressUpdate
from actions.services import progress_record
from core.conflicts import EditConflict
from tests import factories

LONDON = ZoneInfo("Europe/London")
# 2024/25 Q2 runs 1 July - 30 September 2024; its update deadline is 21 October 2024.
IN_Q2_WINDOW = datetime.datetime(2024, 10, 7, 10, 30, tzinfo=LONDON)


@pytest.fixture
def action(owner):
    return factories.ActionFactory(owner=owner, reference="P3-04")


def record(action, user, period, **overrides):
    fields = {
        "status": "on_track",
        "rag": "green",
        "percent_complete": 40,
        "commentary": "",
        "next_steps": "",
        "expected_version": action.version,
        "recorded_at": IN_Q2_WINDOW,
    }
    fields.update(overrides)
    return progress_record(action=action, user=user, period=period, **fields)


def test_records_update_and_moves_action_state(action, owner, period):
    update = record(action, owner, period, status="at_risk", rag="amber", percent_complete=55, commentary="Supplier late.")

    action.refresh_from_db()
    assert (action.status, action.rag, action.percent_complete, action.version) == ("at_risk", "amber", 55, 2)
    assert action.last_updated_by == owner
    assert (update.period, update.author, update.commentary) == (period, owner, "Supplier late.")
    assert ProgressUpdate.objects.count() == 1


def test_second_update_in_a_period_amends_it_and_keeps_history(action, owner, period):
    record(action, owner, period, percent_complete=40)
    update = record(action, owner, period, percent_complete=45)

    assert ProgressUpdate.objects.count() == 1
    assert update.percent_complete == 45
    assert [h.percent_complete for h in update.history.order_by("history_date")] == [40, 45]


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"rag": "amber", "status": "at_risk"}, "commentary", "commentary is required for amber and red"),
        ({"rag": "red", "status": "off_track", "commentary": "   "}, "commentary", "commentary is required"),
        ({"status": "completed", "percent_complete": 90}, "percent_complete", "A completed action is 100% complete"),
        ({"status": "completed", "rag": "amber", "percent_complete": 100, "commentary": "x"}, "rag", "must be rated green"),
        ({"status": "cancelled"}, "commentary", "Explain why the action was cancelled"),
        ({"percent_complete": 101}, "percent_complete", "from 0 to 100"),
        ({"percent_complete": -1}, "percent_complete", "from 0 to 100"),
        ({"status": "on_track", "rag": "red", "commentary": "x"}, "rag", "on track must be rated green"),
        ({"status": "paused"}, "status", "Choose a status"),
        ({"rag": "blue"}, "rag", "Choose a RAG rating"),
    ],
)
def test_rules_refuse_bad_updates_with_plain_messages(action, owner, period, overrides, field, message):
    with pytest.raises(ValidationError) as caught:
        record(action, owner, period, **overrides)

    assert message in " ".join(caught.value.message_dict[field])
    assert ProgressUpdate.objects.count() == 0
    action.refresh_from_db()
    assert action.version == 1


def test_completed_and_cancelled_are_accepted_when_complete(action, owner, period):
    record(action, owner, period, status="completed", rag="green", percent_complete=100)
    action.refresh_from_db()
    record(action, owner, period, status="cancelled", rag="amber", percent_complete=100, commentary="Superseded by P3-05.")
    action.refresh_from_db()
    assert action.status == "cancelled"


def test_closed_or_past_period_refuses_updates(action, owner, period):
    after_deadline = datetime.datetime(2024, 10, 22, 9, 0, tzinfo=LONDON)
    with pytest.raises(ValidationError) as caught:
        record(action, owner, period, recorded_at=after_deadline)
    assert "2024/25 Q2 is not taking updates" in caught.value.message_dict["period"][0]
    assert "21 October 2024" in caught.value.message_dict["period"][0]

    period.closed_at = IN_Q2_WINDOW
    period.save()
    with pytest.raises(ValidationError, match="it has been closed"):
        record(action, owner, period)


def test_delegate_and_lead_may_record_others_may_not(action, period):
    delegate = factories.manager(username="delegate")
    action.delegates.add(delegate)
    record(action, delegate, period)
    record(action, factories.lead(username="boss"), period, expected_version=2)

    with pytest.raises(PermissionDenied, match="own or are delegated"):
        record(action, factories.manager(username="other-manager"), period, expected_version=3)
    for reader in (factories.committee_member(username="councillor"), factories.api_client_user(username="dashboard")):
        with pytest.raises(PermissionDenied, match="Your role can read progress but not record it"):
            record(action, reader, period, expected_version=3)
    assert ProgressUpdate.objects.get().author.username == "boss"


def test_stale_version_is_a_conflict_naming_who_and_when(action, owner, period):
    record(action, owner, period)

    with pytest.raises(EditConflict) as caught:
        record(action, owner, period, expected_version=1, percent_complete=80)

    conflict = caught.value
    assert conflict.current_version == 2
    assert conflict.changed_by == owner
    assert "changed by Priya Shah at 10:30 on 7 October 2024" in str(conflict)
    assert ProgressUpdate.objects.get().percent_complete == 40


def test_amending_an_earlier_quarter_keeps_the_newer_state(action, owner):
    q2 = factories.PeriodFactory(key="2024-25-Q2")
    q3 = factories.PeriodFactory(key="2024-25-Q3")
    in_both_windows = datetime.datetime(2024, 10, 10, 12, 0, tzinfo=LONDON)
    record(action, owner, q3, percent_complete=60, recorded_at=in_both_windows)
    record(action, owner, q2, percent_complete=50, expected_version=2, recorded_at=in_both_windows)

    action.refresh_from_db()
    assert action.percent_complete == 60
    assert action.version == 3


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_twenty_concurrent_writers_one_wins_nineteen_conflict(owner, period):
    action = factories.ActionFactory(owner=owner)
    barrier = threading.Barrier(20)
    outcomes: list[str] = []
    lock = threading.Lock()

    def writer(n: int) -> None:
        try:
            barrier.wait()
            record(action, owner, period, percent_complete=n, expected_version=1)
            result = "saved"
        except EditConflict:
            result = "conflict"
        finally:
            connection.close()
        with lock:
            outcomes.append(result)

    threads = [threading.Thread(target=writer, args=(n,)) for n in range(20)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert sorted(outcomes) == ["conflict"] * 19 + ["saved"]
    action = ActionItem.objects.get(pk=action.pk)
    update = ProgressUpdate.objects.get(action=action)
    assert action.version == 2
    assert action.percent_complete == update.percent_complete
    assert update.history.count() == 1
