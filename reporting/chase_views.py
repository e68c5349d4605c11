"""The chase list at /reports/chase/: who has not updated for a period, and "Send reminders now"."""

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin, UserPassesTestMixin
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.text import get_text_list
from django.views.generic import TemplateView

from core.exports import display_name
from core.financial_year import PeriodKeyError, working_days_between
from core.permissions import can_chase_updates
from periods.models import ReportingPeriod
from periods.selectors import period_current, period_get_by_key

from .choices import ReminderKind
from .reminders import ReminderOutcome, owner_reminder_for_stage, reminder_schedule, reminders_send_now
from .selectors import chase_list


def _people(people: list) -> str:
    names = get_text_list([display_name(person) for person in people], "and")
    return f"{len(people)} {'person' if len(people) == 1 else 'people'} ({names})"


def _outcome_message(outcome: ReminderOutcome) -> tuple[int, str]:
    """The message level and text that say exactly what a press of the button did."""
    what = f"the {outcome.kind_label.lower()} for {outcome.period.label}"
    sentences = []
    if outcome.sent:
        sentences.append(f"Sent {what} to {_people(outcome.sent)}.")
    if outcome.already_sent and not (outcome.sent or outcome.failed or outcome.unreachable):
        sentences.append(f"Everyone listed has already had {what}, so nothing was sent.")
    elif outcome.already_sent:
        sentences.append(f"{_people(outcome.already_sent)} had already had it.")
    if outcome.unreachable:
        sentences.append(f"Not sent to {_people(outcome.unreachable)}: no e-mail address, or their account is disabled.")
    if outcome.failed:
        sentences.append(f"Could not send to {_people(outcome.failed)}: the mail server did not accept it. Try again later.")
    if not sentences:
        sentences.append(f"Nothing to send: every open action has been updated for {outcome.period.label}.")
    level = messages.WARNING if outcome.failed or outcome.unreachable else messages.SUCCESS if outcome.sent else messages.INFO
    return level, " ".join(sentences)


class ChaseListView(LoginRequiredMixin, UserPassesTestMixin, TemplateView):
    """The open period by default; ?period=2026-27-Q2 shows another (the leads' e-mail links to its period)."""

    template_name = "reporting/chase_list.html"

    def test_func(self) -> bool:
        return can_chase_updates(self.request.user)

    def _period(self, today) -> ReportingPeriod | None:
        key = self.request.GET.get("period")
        if not key:
            return period_current(on=today)
        try:
            return period_get_by_key(key=key)
        except (PeriodKeyError, ReportingPeriod.DoesNotExist):
            raise Http404("There is no reporting period with that key.") from None

    def get_context_data(self, **kwargs):
        today = timezone.localdate()
        period = self._period(today)
        context = {"period": period, "today": today}
        if period is not None:
            owners = chase_list(period=period)
            context.update(
                owners=owners,
                missing=sum(len(group.actions) for group in owners),
                is_open=period.is_open(today),
                is_current=period == period_current(on=today),
                working_days_left=working_days_between(today, period.update_deadline),
                schedule=reminder_schedule(deadline=period.update_deadline),
                send_now=ReminderKind(owner_reminder_for_stage(period=period, today=today)),
            )
        return super().get_context_data(**context, **kwargs)

    def post(self, request):
        try:
            level, text = _outcome_message(reminders_send_now(user=request.user))
        except ValidationError as exc:
            level, text = messages.ERROR, " ".join(exc.messages)
        messages.add_message(request, level, text)
        return redirect("chase-list")
