"""Services for the e-mails that chase progress updates.

Before a period's update deadline its action owners and delegates who have not updated are
reminded twice; after it, strategy leads get the list of updates still missing. Each e-mail is
claimed in `ReminderSent` (one row per period, recipient and kind) in the same transaction as
its send: a second run, or two runs at once, find the claim and send nothing, and a send that
fails releases its claim for the next run to try again.
"""

from __future__ import annotations

import datetime
import logging
import smtplib
from dataclasses import dataclass, field
from email.utils import formataddr

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import EmailMultiAlternatives
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format

from actions.models import ActionItem
from core.exports import display_name
from core.financial_year import add_working_days, is_working_day, working_days_between
from core.permissions import can_chase_updates
from periods.models import ReportingPeriod
from periods.selectors import period_current

from .choices import ReminderKind
from .models import ReminderSent
from .selectors import chase_list, people_to_remind

logger = logging.getLogger(__name__)

FIRST_REMINDER_WORKING_DAYS = 10
FINAL_REMINDER_WORKING_DAYS = 3
# The leads' list is due on the first working day after the deadline; a scheduler that was
# down that day still sends it on a run within this many working days of the deadline.
MISSING_LIST_LATEST_WORKING_DAY = 5


@dataclass(frozen=True)
class ReminderSchedule:
    """The days a period's e-mails fall due (each stays due until the next, so a missed run catches up)."""

    first: datetime.date
    final: datetime.date
    missing_updates: datetime.date


def reminder_schedule(*, deadline: datetime.date) -> ReminderSchedule:
    return ReminderSchedule(
        first=add_working_days(deadline, -FIRST_REMINDER_WORKING_DAYS),
        final=add_working_days(deadline, -FINAL_REMINDER_WORKING_DAYS),
        missing_updates=add_working_days(deadline, 1),
    )


@dataclass
class ReminderOutcome:
    """What one round of e-mails did, person by person."""

    period: ReportingPeriod
    kind: str
    sent: list = field(default_factory=list)
    already_sent: list = field(default_factory=list)
    # No e-mail address, or an account that can no longer sign in to act on it.
    unreachable: list = field(default_factory=list)
    failed: list = field(default_factory=list)

    @property
    def kind_label(self) -> str:
        return ReminderKind(self.kind).label


def _absolute_url(path: str) -> str:
    return f"{settings.SITE_URL}{path}"


def _message(*, recipient, subject: str, template: str, context: dict) -> EmailMultiAlternatives:
    context = {**context, "recipient_name": display_name(recipient), "site_url": settings.SITE_URL}
    message = EmailMultiAlternatives(
        subject=subject,
        body=render_to_string(f"reporting/email/{template}.txt", context),
        to=[formataddr((display_name(recipient), recipient.email))],
    )
    message.attach_alternative(render_to_string(f"reporting/email/{template}.html", context), "text/html")
    return message


def _send_once(*, outcome: ReminderOutcome, recipient, message: EmailMultiAlternatives) -> None:
    try:
        with transaction.atomic():
            ReminderSent.objects.create(period=outcome.period, recipient=recipient, kind=outcome.kind)
            message.send()
    except IntegrityError:
        # Another run claimed it since this one looked.
        outcome.already_sent.append(recipient)
    except (smtplib.SMTPException, OSError):
        logger.exception("Could not e-mail the %s for %s to %s", outcome.kind_label, outcome.period.label, recipient.email)
        outcome.failed.append(recipient)
    else:
        outcome.sent.append(recipient)


def _send_to_each(*, outcome: ReminderOutcome, recipients: list, message_for) -> ReminderOutcome:
    """Send `message_for(person)` to each recipient not yet sent this kind for the period."""
    claimed = set(
        ReminderSent.objects.filter(period=outcome.period, kind=outcome.kind).values_list("recipient_id", flat=True)
    )
    for person in recipients:
        if person.pk in claimed:
            outcome.already_sent.append(person)
        elif not (person.email and person.is_active):
            outcome.unreachable.append(person)
        else:
            _send_once(outcome=outcome, recipient=person, message=message_for(person))
    return outcome


def _action_link(action: ActionItem) -> dict:
    return {"action": action, "url": _absolute_url(reverse("action-detail", args=[action.reference]))}


def _remind_owners(*, period: ReportingPeriod, kind: str, today: datetime.date) -> ReminderOutcome:
    actions_by_person = dict(people_to_remind(period=period))
    final = kind == ReminderKind.FINAL
    deadline = date_format(period.update_deadline)
    subject = (
        f"Final reminder: {period.label} progress updates needed by {deadline}"
        if final
        else f"Progress updates needed for {period.label} by {deadline}"
    )

    def message_for(person) -> EmailMultiAlternatives:
        context = {
            "period": period,
            "final": final,
            "person": person,
            "actions": [_action_link(action) for action in actions_by_person[person]],
            "working_days_left": working_days_between(today, period.update_deadline),
            "my_actions_url": _absolute_url(reverse("my-actions")),
        }
        return _message(recipient=person, subject=subject, template="owner_reminder", context=context)

    return _send_to_each(
        outcome=ReminderOutcome(period=period, kind=kind), recipients=list(actions_by_person), message_for=message_for
    )


def _leads() -> list:
    # Superusers are technical administrators, not the strategy leads who chase the updates.
    # Permissions live in ModelBackend (django-axes' backend, listed first, only counts sign-ins).
    users = get_user_model().objects.with_perm(
        "reporting.chase_updates", include_superusers=False, backend="django.contrib.auth.backends.ModelBackend"
    )
    return list(users.order_by("last_name", "first_name", "username"))


def _send_missing_updates_to_leads(*, period: ReportingPeriod) -> ReminderOutcome:
    outcome = ReminderOutcome(period=period, kind=ReminderKind.MISSING_UPDATES)
    owners = chase_list(period=period)
    if not owners:
        return outcome
    missing = sum(len(group.actions) for group in owners)
    context = {
        "period": period,
        "owners": [{"owner": group.owner, "actions": [_action_link(a) for a in group.actions]} for group in owners],
        "missing": missing,
        "chase_url": _absolute_url(f"{reverse('chase-list')}?period={period.key}"),
    }
    subject = f"Missing progress updates for {period.label}: {missing} action{'s' if missing != 1 else ''}"
    return _send_to_each(
        outcome=outcome,
        recipients=_leads(),
        message_for=lambda lead: _message(recipient=lead, subject=subject, template="missing_updates", context=context),
    )


def _periods_awaiting_missing_list(today: datetime.date) -> list[ReportingPeriod]:
    # A period a lead closed early was closed knowingly; only one that ran to its deadline is listed.
    return list(
        ReportingPeriod.objects.filter(
            closed_at__isnull=True,
            update_deadline__lt=today,
            update_deadline__gte=add_working_days(today, -MISSING_LIST_LATEST_WORKING_DAY),
        )
    )


def owner_reminder_for_stage(*, period: ReportingPeriod, today: datetime.date) -> str:
    """The owners' reminder for where `period` stands: the first until the final one's day.

    A lead's "Send reminders now" before the first reminder's day sends it early, and then the
    scheduler does not send it again when its day comes.
    """
    final = today >= reminder_schedule(deadline=period.update_deadline).final
    return ReminderKind.FINAL if final else ReminderKind.FIRST


def reminders_send_due(*, today: datetime.date | None = None) -> list[ReminderOutcome]:
    """The scheduler's daily job: send every e-mail due on `today` that has not gone yet.

    Nothing goes on a weekend or bank holiday: a reminder due then goes on the next working day.
    """
    today = today or timezone.localdate()
    if not is_working_day(today):
        return []
    outcomes = []
    period = period_current(on=today)
    # An open period's deadline is today or later, so from the first reminder's day one is due.
    if period is not None and today >= reminder_schedule(deadline=period.update_deadline).first:
        kind = owner_reminder_for_stage(period=period, today=today)
        outcomes.append(_remind_owners(period=period, kind=kind, today=today))
    for closed in _periods_awaiting_missing_list(today):
        outcomes.append(_send_missing_updates_to_leads(period=closed))
    return outcomes


def reminders_send_now(*, user, today: datetime.date | None = None) -> ReminderOutcome:
    """A lead's "Send reminders now": the open period's reminder, to each owner and delegate who has not had it."""
    if not can_chase_updates(user):
        raise PermissionDenied("Only strategy leads may send reminders.")
    today = today or timezone.localdate()
    period = period_current(on=today)
    if period is None:
        raise ValidationError("No reporting period is taking updates today, so there is no one to remind.")
    return _remind_owners(period=period, kind=owner_reminder_for_stage(period=period, today=today), today=today)
