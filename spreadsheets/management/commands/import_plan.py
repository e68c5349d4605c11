"""import_plan: actions, business cases with their figures, and risks from export-format spreadsheets."""

from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.core.management.base import BaseCommand, CommandError

from core.permissions import can_import_plan
from spreadsheets.readers import MAX_BYTES, FileRefused, read_tables
from spreadsheets.services import CHANGED, REFUSED, plan_import


class Command(BaseCommand):
    help = (
        "Import a plan from XLSX or CSV files in the export_plan format, every row or none; "
        "--dry-run shows what each row would do. Exits 1 when any row is refused."
    )

    def add_arguments(self, parser):
        parser.add_argument("files", nargs="+", metavar="FILE", help="An .xlsx workbook or .csv files (one kind each).")
        parser.add_argument("--dry-run", action="store_true", help="Show what each row would do; save nothing.")
        parser.add_argument("--as-user", default=None, help="Username of the strategy lead importing it (default: the first active one).")

    def handle(self, *args, files, dry_run, as_user, **options):
        tables = []
        for name in files:
            path = Path(name)
            if not path.is_file():
                raise CommandError(f"{name}: there is no such file.")
            if path.stat().st_size > MAX_BYTES:
                raise CommandError(f"{name}: files of up to {MAX_BYTES // 1024 // 1024} MB are accepted.")
            try:
                tables += read_tables(path.read_bytes())
            except FileRefused as refusal:
                raise CommandError(f"{name}: {refusal}") from None
        user = self._importer(as_user)
        try:
            report = plan_import(tables=tables, user=user, source=", ".join(Path(f).name for f in files), dry_run=dry_run)
        except (FileRefused, PermissionDenied) as refusal:
            raise CommandError(str(refusal)) from None
        for outcome in report.outcomes:
            line = f"{outcome.sheet} row {outcome.row} {outcome.reference or '-'}: {outcome.result}"
            if outcome.result == REFUSED:
                self.stdout.write(line + "\n" + "\n".join(f"    {reason}" for reason in outcome.reasons))
            elif outcome.result == CHANGED:
                self.stdout.write(line + "".join(f"\n    {c.column}: {c.old or '(blank)'} -> {c.new or '(blank)'}" for c in outcome.changes))
            else:
                self.stdout.write(line)
        if report.refused:
            raise CommandError(f"Nothing was imported: {report.summary}. Correct the refused rows and run it again.")
        verb = "Would import (dry run, nothing saved)" if dry_run else "Imported"
        self.stdout.write(f"{verb}: {report.summary}.")

    def _importer(self, username: str | None):
        users = get_user_model().objects.filter(is_active=True).order_by("pk")
        if username:
            user = users.filter(username=username).first()
            if user is None:
                raise CommandError(f"No active user called {username!r}.")
            return user
        user = next((user for user in users if can_import_plan(user)), None)
        if user is None:
            raise CommandError("No active user may import a plan: create a strategy lead or pass --as-user.")
        return user
