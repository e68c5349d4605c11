from django.core.management.base import BaseCommand

from seeding.demo_data import DEMO_PASSWORD
from seeding.services import seed_demo_data, seed_reference_data


class Command(BaseCommand):
    help = "Load the ICT Strategy 2023–27 from committee report CP/35/22-23 (idempotent); --demo adds a demo action plan."

    def add_arguments(self, parser):
        parser.add_argument("--demo", action="store_true", help="Also load demo users, actions, business cases and risks.")

    def handle(self, *args, demo: bool, **options):
        strategy = seed_reference_data()
        self.stdout.write(f"Loaded {strategy.title}: {strategy.principles.count()} principles.")
        if demo:
            seed_demo_data(strategy)
            self.stdout.write(f"Loaded the demo action plan (marked as demo data). Demo password: {DEMO_PASSWORD}")
