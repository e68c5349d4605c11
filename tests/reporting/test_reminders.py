"""Reminder e-mails: who gets which, on which working day, exactly once; the beat task and the command."""

import datetime
import smtplib
from email.utils import parseaddr
from io import StringIO

import pytest
from django.conf import settings
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management import call_command
from django.core.management.base import CommandError

from actions.choices import Rag, Status
from actions.models import ActionItem
from reporting import reminders
from reporting.choices import ReminderKind
from reporting.models import ReminderSent
from reporting.reminders import reminder_schedule, reminders_send_due, reminders_send_now
from reporting.tasks import send_update_reminders
from tests import factories

# 2026/27 Q3 ends Thu 31 Dec 2026; its deadline is Fri 22 Jan 2027 (tests/reporting/test_periods.py).
# Ten working days before: 21, 20, 19, 18, 15, 14, 13, 12, 11, 8 Jan -> Fri 8 Jan 2027.
# Three working days before: 21, 20, 19 Jan -> Tue 19 Jan 2027. The first working day after: Mon 25 Jan.
FIRST_DAY = datetime.date(2027, 1, 8)
FINAL_DAY = datetime.date(2027, 1, 19)
DEADLINE = datetime.date(2027, 1, 22)
LEADS_DAY = datetime.date(2027, 1, 25)


def recipients() -> list[str]:
    """The addresses e-mailed so far, without their names."""
    return sorted(parseaddr(to)[1] for message in mail.outbox for to in message.to)


def test_the_schedule_counts_working_days_back_from_the_deadline():
    assert reminder_schedule(deadline=DEADLINE) == reminders.ReminderSchedule(
        first=FIRST_DAY, final=FINAL_DAY, missing_updates=LEADS_DAY
    )


@pytest.mark.parametrize(
    "deadline, first, final, missing_updates",
    [
        # 2027/28 Q4's deadline is Tue 25 Apr 2028. Back over Easter (Good Friday 14, Easter
        # Monday 17 April): 24, 21, 20, 19, 18, 13, 12, 11, 10, 7 -> Fri 7 Apr; 24, 21, 20 -> Thu 20 Apr.
        (datetime.date(2028, 4, 25), datetime.date(2028, 4, 7), datetime.date(2028, 4, 20), datetime.date(2028, 4, 26)),
        # 2028/29 Q4's deadline is Mon 23 Apr 2029 (Easter Monday 2 April is inside the window
        # of the deadline, not of the reminders): 20..16, 13..9 -> Mon 9 Apr; 20, 19, 18 -> Wed 18 Apr.
        (datetime.date(2029, 4, 23), datetime.date(2029, 4, 9), datetime.date(2029, 4, 18), datetime.date(2029, 4, 24)),
        # 2027/28 Q3's deadline is Mon 24 Jan 2028: 21..17, 14..10 -> Mon 10 Jan; 21, 20, 19 -> Wed 19 Jan.
        (datetime.date(2028, 1, 24), datetime.date(2028, 1, 10), datetime.date(2028, 1, 19), datetime.date(2028, 1, 25)),
        # A deadline a lead set just after Christmas 2027 (Sat 25 Dec: 27 and 28 Dec are its
        # substitutes) and New Year's Day 2028 (Sat: Mon 3 Jan). Back from Wed 5 Jan 2028:
        # 4 Jan, 31, 30, 29 Dec, 24, 23, 22, 21, 20, 17 Dec -> Fri 17 Dec 2027; 4 Jan, 31, 30 Dec ->
        # Thu 30 Dec 2027; and the leads' list on Thu 6 Jan 2028.
        (datetime.date(2028, 1, 5), datetime.date(2027, 12, 17), datetime.date(2027, 12, 30), datetime.date(2028, 1, 6)),
        # Christmas 2029 on Tuesday, Boxing Day Wednesday; a deadline of Fri 4 Jan 2030 (1 Jan a
        # holiday): 3, 2 Jan, 31, 28, 27, 24, 21, 20, 19, 18 Dec -> Tue 18 Dec 2029; 3, 2 Jan, 31 Dec.
        (datetime.date(2030, 1, 4), datetime.date(2029, 12, 18), datetime.date(2029, 12, 31), datetime.date(2030, 1, 7)),
        # Easter 2027 (Good Friday 26, Easter Monday 29 March) with a deadline of Thu 1 Apr 2027:
        # 31, 30 Mar, 25..22, 19..16 Mar -> Tue 16 Mar; 31, 30, 25 Mar -> Thu 25 Mar; Fri 2 Apr after.
        (datetime.date(2027, 4, 1), datetime.date(2027, 3, 16), datetime.date(2027, 3, 25), datetime.date(2027, 4, 2)),
    ],
)
def test_reminder_days_over_christmas_and_easter(deadline, first, final, missing_updates):
    assert reminder_schedule(deadline=deadline) == reminders.ReminderSchedule(first=first, final=final, missing_updates=missing_updates)


def test_each_step_emails_the_right_people_exactly_once(reminder_plan):
    # Nothing before the first reminder's day.
    assert reminders_send_due(today=FIRST_DAY - datetime.timedelta(days=1)) == []
    assert mail.outbox == []

    reminders_send_due(today=FIRST_DAY)
    assert recipients() == ["chase-delegate@example.gov.uk", "chase-owner@example.gov.uk"]
    assert {message.subject for message in mail.outbox} == {"Progress updates needed for 2026/27 Q3 by 22 January 2027"}

    # Every day up to the final reminder's day sends nothing more.
    for offset in range(1, (FINAL_DAY - FIRST_DAY).days):
        reminders_send_due(today=FIRST_DAY + datetime.timedelta(days=offset))
    assert len(mail.outbox) == 2

    mail.outbox.clear()
    reminders_send_due(today=FINAL_DAY)
    assert recipients() == ["chase-delegate@example.gov.uk", "chase-owner@example.gov.uk"]
    assert {message.subject for message in mail.outbox} == {"Final reminder: 2026/27 Q3 progress updates needed by 22 January 2027"}
    for day in (FINAL_DAY + datetime.timedelta(days=1), DEADLINE):
        reminders_send_due(today=day)
    assert len(mail.outbox) == 2

    mail.outbox.clear()
    reminders_send_due(today=LEADS_DAY)
    assert recipients() == ["chase-lead@example.gov.uk"]
    assert mail.outbox[0].subject == "Missing progress updates for 2026/27 Q3: 2 actions"
    reminders_send_due(today=LEADS_DAY + datetime.timedelta(days=1))
    assert len(mail.outbox) == 1
    assert sorted(ReminderSent.objects.values_list("recipient__username", "kind")) == [
        ("chase-delegate", "final"), ("chase-delegate", "first"), ("chase-lead", "missing_updates"),
        ("chase-owner", "final"), ("chase-owner", "first"),
    ]


def test_a_job_run_twice_sends_nothing_twice(reminder_plan):
    first = reminders_send_due(today=FIRST_DAY)
    again = reminders_send_due(today=FIRST_DAY)
    assert len(mail.outbox) == 2
    assert [len(outcome.sent) for outcome in first] == [2]
    assert [(len(outcome.sent), len(outcome.already_sent)) for outcome in again] == [(0, 2)]


def test_a_claim_made_by_a_run_at_the_same_moment_wins(reminder_plan, monkeypatch):
    """Two beats firing together: the other one claims the owner's row after this one looked."""
    real_create = ReminderSent.objects.create

    def other_run_claims_first(**fields):
        if fields["recipient"] == reminder_plan.owner:
            real_create(**fields)
        return real_create(**fields)

    monkeypatch.setattr(ReminderSent.objects, "create", other_run_claims_first)
    (outcome,) = reminders_send_due(today=FIRST_DAY)
    assert outcome.sent == [reminder_plan.delegate] and outcome.already_sent == [reminder_plan.owner]
    assert recipients() == ["chase-delegate@example.gov.uk"]


def test_a_send_that_fails_is_released_for_the_next_run(reminder_plan, monkeypatch):
    def refuse(self, fail_silently=False):
        raise smtplib.SMTPServerDisconnected("Connection unexpectedly closed")

    with monkeypatch.context() as patched:
        patched.setattr("django.core.mail.EmailMultiAlternatives.send", refuse)
        (outcome,) = reminders_send_due(today=FIRST_DAY)
    assert sorted(person.username for person in outcome.failed) == ["chase-delegate", "chase-owner"]
    assert not ReminderSent.objects.exists()
    reminders_send_due(today=FIRST_DAY + datetime.timedelta(days=3))  # the next working day
    assert recipients() == ["chase-delegate@example.gov.uk", "chase-owner@example.gov.uk"]


def test_an_owner_who_has_updated_gets_nothing(reminder_plan):
    factories.ProgressUpdateFactory(action=reminder_plan.missing, period=reminder_plan.period, status=Status.ON_TRACK, rag=Rag.GREEN, percent_complete=50)
    reminders_send_due(today=FIRST_DAY)
    # The delegate's only action is updated now; the owner still has P1-02.
    assert recipients() == ["chase-owner@example.gov.uk"]
    assert "P1-02" in mail.outbox[0].body and "P1-01" not in mail.outbox[0].body


def test_the_owner_and_delegate_emails_list_their_actions_with_absolute_links(reminder_plan):
    reminders_send_due(today=FIRST_DAY)
    by_recipient = {message.to[0]: message for message in mail.outbox}
    owner = by_recipient["Daniel Whitfield <chase-owner@example.gov.uk>"]
    delegate = by_recipient["Priya Sharma <chase-delegate@example.gov.uk>"]
    assert owner.from_email == settings.DEFAULT_FROM_EMAIL
    assert "Dear Daniel Whitfield," in owner.body
    assert "2 actions you own or are delegated still need a progress update for 2026/27 Q3" in owner.body
    assert "Friday 22 January 2027, 10 working days from today" in owner.body
    assert "https://ict-strategy.example.gov.uk/my-actions/" in owner.body
    assert "- P1-01 Migrate the data centre (you own it)" in owner.body
    assert "- P1-01 Migrate the data centre (you are a delegate)" in delegate.body and "P1-02" not in delegate.body
    html, mimetype = owner.alternatives[0]
    assert mimetype == "text/html"
    assert 'href="https://ict-strategy.example.gov.uk/my-actions/"' in html
    assert 'href="https://ict-strategy.example.gov.uk/actions/P1-01/"' in html
    assert '<html lang="en-GB">' in html


def test_the_leads_list_names_each_owners_missing_actions(reminder_plan):
    factories.lead(username="chase-lead-away", is_active=False)
    factories.UserFactory(username="chase-admin", is_superuser=True, is_staff=True)
    reminders_send_due(today=LEADS_DAY)
    (message,) = mail.outbox
    assert message.to == ["Helen Ashworth <chase-lead@example.gov.uk>"]
    assert "The update deadline for 2026/27 Q3 passed on Friday 22 January 2027. 2 actions still have no progress update" in message.body
    assert "Daniel Whitfield\n- P1-01 Migrate the data centre\n" in message.body
    assert "https://ict-strategy.example.gov.uk/reports/chase/?period=2026-27-Q3" in message.body
    assert 'href="https://ict-strategy.example.gov.uk/reports/chase/?period=2026-27-Q3"' in message.alternatives[0][0]


def test_the_leads_list_catches_up_within_a_week_but_not_later(reminder_plan):
    reminders_send_due(today=LEADS_DAY + datetime.timedelta(days=7))  # Mon 1 Feb: six working days after
    assert mail.outbox == []
    reminders_send_due(today=LEADS_DAY + datetime.timedelta(days=4))  # Fri 29 Jan: the fifth
    assert recipients() == ["chase-lead@example.gov.uk"]


def test_no_leads_list_for_a_period_a_lead_closed_early(reminder_plan):
    reminder_plan.period.closed_at = datetime.datetime(2027, 1, 15, 12, tzinfo=datetime.UTC)
    reminder_plan.period.save()
    reminders_send_due(today=LEADS_DAY)
    assert mail.outbox == []


def test_no_leads_list_when_every_update_is_in(reminder_plan):
    for action in ActionItem.objects.filter(reference__in=["P1-01", "P1-02"]):
        factories.ProgressUpdateFactory(action=action, period=reminder_plan.period, status=Status.ON_TRACK, rag=Rag.GREEN, percent_complete=50)
    assert [outcome.sent for outcome in reminders_send_due(today=LEADS_DAY)] == [[]]
    assert mail.outbox == []


def test_nothing_goes_on_a_weekend_or_bank_holiday(reminder_plan):
    assert reminders_send_due(today=datetime.date(2027, 1, 9)) == []  # Saturday after the first reminder's day
    assert reminders_send_due(today=datetime.date(2027, 1, 1)) == []  # New Year's Day
    assert mail.outbox == []


def test_people_without_an_address_or_a_working_account_are_reported_not_emailed(reminder_plan):
    reminder_plan.delegate.email = ""
    reminder_plan.delegate.save()
    reminder_plan.owner.is_active = False
    reminder_plan.owner.save()
    (outcome,) = reminders_send_due(today=FIRST_DAY)
    assert mail.outbox == []
    assert sorted(person.username for person in outcome.unreachable) == ["chase-delegate", "chase-owner"]


def test_send_now_is_for_leads_and_sends_the_reminder_due_at_this_stage(reminder_plan):
    with pytest.raises(PermissionDenied):
        reminders_send_now(user=reminder_plan.owner, today=FIRST_DAY)
    early = reminders_send_now(user=reminder_plan.lead, today=FIRST_DAY - datetime.timedelta(days=5))
    assert early.kind == ReminderKind.FIRST and len(early.sent) == 2
    # The scheduled first reminder finds it already sent; the final one still goes on its day.
    reminders_send_due(today=FIRST_DAY)
    assert len(mail.outbox) == 2
    final = reminders_send_now(user=reminder_plan.lead, today=FINAL_DAY)
    assert final.kind == ReminderKind.FINAL and len(final.sent) == 2
    again = reminders_send_now(user=reminder_plan.lead, today=FINAL_DAY)
    assert again.sent == [] and again.already_sent == [reminder_plan.owner, reminder_plan.delegate]
    assert len(mail.outbox) == 4


def test_send_now_with_no_open_period_says_so(db):
    with pytest.raises(ValidationError, match="No reporting period is taking updates today"):
        reminders_send_now(user=factories.lead(username="lonely-lead"), today=FIRST_DAY)


def test_the_beat_task_sends_what_is_due(reminder_plan, monkeypatch):
    monkeypatch.setattr("django.utils.timezone.localdate", lambda *args: FIRST_DAY)
    assert send_update_reminders.apply().get() == 2
    assert send_update_reminders.apply().get() == 0
    assert "send-update-reminders" in settings.CELERY_BEAT_SCHEDULE
    assert settings.CELERY_BEAT_SCHEDULE["send-update-reminders"]["task"] == "reporting.tasks.send_update_reminders"


def test_the_command_prints_who_was_emailed_and_nothing_when_nothing_is_due(reminder_plan):
    out = StringIO()
    call_command("send_reminders", "--today", FIRST_DAY.isoformat(), stdout=out)
    assert out.getvalue().splitlines() == [
        "E-mailed Daniel Whitfield <chase-owner@example.gov.uk>: first reminder for 2026/27 Q3.",
        "E-mailed Priya Sharma <chase-delegate@example.gov.uk>: first reminder for 2026/27 Q3.",
    ]
    for day in (FIRST_DAY, FIRST_DAY - datetime.timedelta(days=1)):
        out = StringIO()
        call_command("send_reminders", "--today", day.isoformat(), stdout=out)
        assert out.getvalue() == ""


@pytest.mark.parametrize("value", ["2027-02-30", "tomorrow", "08/01/2027"])
def test_the_command_refuses_a_date_it_cannot_read(db, value):
    with pytest.raises(CommandError, match="is not a date: use YYYY-MM-DD"):
        call_command("send_reminders", "--today", value)
