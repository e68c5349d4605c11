"""export_plan: the plan in the format import_plan reads."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from spreadsheets.selectors import PLAN_KINDS, plan_csv, plan_xlsx

KINDS = {kind.name: kind for kind in PLAN_KINDS}


class Command(BaseCommand):
    help = (
        "Write the plan to FILE: an .xlsx workbook with a sheet each of actions, business-cases, "
        "business-case-lines and risks, or with --kind one of them as .csv."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", metavar="FILE", help="plan.xlsx, or e.g. actions.csv with --kind actions.")
        parser.add_argument("--kind", choices=sorted(KINDS), help="Which sheet to write as CSV (needed for .csv).")

    def handle(self, *args, file, kind, **options):
        path = Path(file)
        suffix = path.suffix.lower()
        if suffix == ".xlsx":
            if kind:
                raise CommandError("--kind is for CSV: a workbook has a sheet of every kind.")
            content = plan_xlsx()
        elif suffix == ".csv":
            if not kind:
                raise CommandError(f"A CSV file holds one kind: add --kind ({', '.join(sorted(KINDS))}).")
            content = plan_csv(KINDS[kind])
        else:
            raise CommandError("FILE must end in .xlsx or .csv.")
        path.write_bytes(content)
        self.stdout.write(f"Wrote {path} ({len(content):,} bytes).")
