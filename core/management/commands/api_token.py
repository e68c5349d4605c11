from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from core.services import api_token_rotate


class Command(BaseCommand):
    help = "Create or rotate a user's REST API token and print it. The previous token stops working."

    def add_arguments(self, parser):
        parser.add_argument("username")

    def handle(self, *args, username: str, **options):
        User = get_user_model()
        try:
            user = User.objects.get(username=username)
        except User.DoesNotExist:
            raise CommandError(f"There is no user called {username!r}.") from None
        if not user.is_active:
            raise CommandError(f"{username} is inactive: reactivate the account in the admin before giving it a token.")
        self.stdout.write(api_token_rotate(user=user).key)
