"""build_pack: request (or, with --sync, build here and now) the progress pack for a period."""

import shutil

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management.base import BaseCommand, CommandError

from core.financial_year import PeriodKeyError
from periods.models import ReportingPeriod
from periods.selectors import period_get_by_key
from reporting.choices import PackStatus
from reporting.packs import pack_build, pack_request


class Command(BaseCommand):
    help = "Build the quarterly progress pack for a reporting period, e.g. --period 2024-25-Q2."

    def add_arguments(self, parser):
        parser.add_argument("--period", required=True, help="The quarter, as a key (2024-25-Q2) or label ('2024/25 Q2').")
        parser.add_argument("--sync", action="store_true", help="Build in this process instead of queueing for a worker.")
        parser.add_argument("--output", metavar="FILE", help="Copy the built PDF here (implies waiting for the build: use with --sync).")
        parser.add_argument("--as-user", default=None, help="Username of the strategy lead requesting it (default: the first active lead).")

    def handle(self, *args, period, sync, output, as_user, **options):
        if output and not sync:
            raise CommandError("--output needs --sync: without it the pack is built later by a worker.")
        try:
            reporting_period = period_get_by_key(key=period)
        except PeriodKeyError as exc:
            raise CommandError(str(exc)) from exc
        except ReportingPeriod.DoesNotExist as exc:
            raise CommandError(f"There is no reporting period {period}: run seed_strategy first.") from exc
        requester = self._requester(as_user)
        try:
            # The request enqueues on commit; with --sync the build below claims the row first,
            # so a worker picking the task up later finds it built and does nothing.
            pack = pack_request(period=reporting_period, requested_by=requester)
        except (ValidationError, PermissionDenied) as exc:
            raise CommandError(" ".join(getattr(exc, "messages", [str(exc)]))) from exc
        if not sync:
            pack.refresh_from_db()  # without a broker Celery runs the build eagerly, so it may be done already
            self.stdout.write(f"Requested the {reporting_period.label} pack, version {pack.version} (id {pack.pk}): {pack.get_status_display().lower()}.")
            return
        pack = pack_build(pack_id=pack.pk)
        if pack.status not in (PackStatus.READY, PackStatus.PUBLISHED):
            raise CommandError(pack.error or f"The pack is {pack.get_status_display().lower()}, not built.")
        if output:
            with pack.file.open("rb") as source, open(output, "wb") as target:
                shutil.copyfileobj(source, target)
        self.stdout.write(
            f"Built the {reporting_period.label} pack, version {pack.version}: {pack.page_count} pages, "
            f"SHA-256 {pack.sha256}" + (f", written to {output}" if output else ", in " + pack.file.name) + "."
        )

    def _requester(self, username: str | None):
        users = get_user_model().objects.filter(is_active=True)
        if username:
            user = users.filter(username=username).first()
            if user is None:
                raise CommandError(f"No active user called {username!r}.")
            return user
        for user in users.order_by("pk"):
            if user.has_perm("reporting.request_pack"):
                return user
        raise CommandError("No active user may request packs: create a strategy lead or pass --as-user.")
