"""send_reminders: send the progress-update e-mails due today (the scheduler's daily job), once each."""

import datetime

from django.core.management.base import BaseCommand, CommandError

from core.exports import display_name
from reporting.reminders import reminders_send_due


def _iso_date(text: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(text)
    except ValueError as exc:
        raise CommandError(f"--today {text!r} is not a date: use YYYY-MM-DD, e.g. 2027-01-08.") from exc


class Command(BaseCommand):
    help = "E-mail the progress-update reminders and the leads' list of missing updates that are due, each once."

    def add_arguments(self, parser):
        parser.add_argument("--today", metavar="YYYY-MM-DD", help="Act as if it were this day (default: today).")

    def handle(self, *args, today, **options):
        for outcome in reminders_send_due(today=_iso_date(today) if today else None):
            what = f"{outcome.kind_label.lower()} for {outcome.period.label}"
            for person in outcome.sent:
                self.stdout.write(f"E-mailed {display_name(person)} <{person.email}>: {what}.")
            for person in outcome.failed:
                self.stderr.write(f"Could not e-mail {display_name(person)} <{person.email}> the {what}; the next run tries again.")
            for person in outcome.unreachable:
                self.stderr.write(f"Not e-mailed {display_name(person)}: no e-mail address or a disabled account ({what}).")
