"""Request limits read from settings.API_THROTTLE_RATES when a request arrives (not at import),
so a deployment or a test can change them."""

from django.conf import settings
from rest_framework.throttling import AnonRateThrottle, SimpleRateThrottle, UserRateThrottle


class SettingsRateMixin:
    def get_rate(self):
        return settings.API_THROTTLE_RATES[self.scope]


class UserThrottle(SettingsRateMixin, UserRateThrottle):
    """Per user, so per token: each token belongs to one user."""


class AnonThrottle(SettingsRateMixin, AnonRateThrottle):
    """Per IP address for requests without credentials."""


class AddressThrottle(SimpleRateThrottle):
    """Per IP address whether or not anyone is signed in, at the anonymous API rate: for the pages
    anyone may read (the public page and its open data). Counted apart from the API."""

    scope = "public"

    def get_rate(self):
        return settings.API_THROTTLE_RATES["anon"]

    def get_cache_key(self, request, view):
        return self.cache_format % {"scope": self.scope, "ident": self.get_ident(request)}
