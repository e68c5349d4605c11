"""Request limits read from settings.API_THROTTLE_RATES when a request arrives (not at import),
so a deployment or a test can change them."""

from django.conf import settings
from rest_framework.throttling import AnonRateThrottle, UserRateThrottle


class SettingsRateMixin:
    def get_rate(self):
        return settings.API_THROTTLE_RATES[self.scope]


class UserThrottle(SettingsRateMixin, UserRateThrottle):
    """Per user, so per token: each token belongs to one user."""


class AnonThrottle(SettingsRateMixin, AnonRateThrottle):
    """Per IP address for requests without credentials."""
