from django.db import transaction
from rest_framework.authtoken.models import Token


def api_token_rotate(*, user) -> Token:
    """Give `user` a new API token, revoking any they had: the old key stops working at once."""
    with transaction.atomic():
        Token.objects.filter(user=user).delete()
        return Token.objects.create(user=user)
