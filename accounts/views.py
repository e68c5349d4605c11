"""Sign-in and sign-out: the local form (break-glass and the demo) and, when configured, the council's Entra ID."""

import logging
from urllib.parse import urlencode

import requests
from django.conf import settings
from django.contrib import auth
from django.contrib.auth.views import LoginView, LogoutView
from django.core.exceptions import SuspiciousOperation
from django.http import Http404
from django.shortcuts import render
from django.urls import reverse
from mozilla_django_oidc.views import OIDCAuthenticationCallbackView, OIDCAuthenticationRequestView

from core.forms import SignInForm

from .backends import REFUSAL_SESSION_KEY

logger = logging.getLogger(__name__)

# Set on a session signed in through the provider, so signing out offers the provider's sign-out.
SIGNED_IN_WITH_PROVIDER = "signed_in_with_council_account"
PROVIDER_UNAVAILABLE = (
    "The council's sign-in service did not answer as expected, so you have not been signed in. "
    "Try again in a few minutes, or sign in with a local account if you have one."
)
NOT_VERIFIED = (
    "The council's sign-in could not be checked, so you have not been signed in. "
    "Start again from the sign-in page; if it happens again, tell the ICT service desk."
)


class SignInView(LoginView):
    authentication_form = SignInForm

    def get_context_data(self, **kwargs):
        return super().get_context_data(council_sign_in=settings.OIDC_ENABLED, **kwargs)


def _only_when_configured(view):
    def configured(request, *args, **kwargs):
        if not settings.OIDC_ENABLED:
            raise Http404("Sign-in with a council account is not set up.")
        return view(request, *args, **kwargs)

    return configured


class CallbackView(OIDCAuthenticationCallbackView):
    """The provider's answer. Anything that cannot be verified (a state this browser did not start
    or already used, a token with the wrong audience, issuer, nonce or signature, or expired) and
    any refusal ends on the refusal page, never signed in."""

    @property
    def failure_url(self):
        return reverse("sign-in-refused")

    def get(self, request):
        try:
            return super().get(request)
        except SuspiciousOperation as exc:
            logger.warning("Council sign-in refused: %s", exc)
            return self.login_failure()
        except requests.RequestException as exc:
            logger.warning("Council sign-in failed at the provider: %s", exc)
            request.session[REFUSAL_SESSION_KEY] = PROVIDER_UNAVAILABLE
            return self.login_failure()

    def login_failure(self):
        # Whoever was signed in in this browser is not any more: the page says nobody is.
        reason = self.request.session.get(REFUSAL_SESSION_KEY, NOT_VERIFIED)
        auth.logout(self.request)
        self.request.session[REFUSAL_SESSION_KEY] = reason
        return super().login_failure()

    def login_success(self):
        response = super().login_success()
        self.request.session[SIGNED_IN_WITH_PROVIDER] = True
        return response


def sign_in_refused(request):
    reason = request.session.pop(REFUSAL_SESSION_KEY, NOT_VERIFIED)
    return render(request, "accounts/refused.html", {"reason": reason}, status=403)


class SignOutView(LogoutView):
    """Ends this service's session; after a council sign-in, offers the provider's sign-out too
    (the council account stays signed in for Outlook and the rest until then)."""

    def post(self, request, *args, **kwargs):
        with_provider = request.session.get(SIGNED_IN_WITH_PROVIDER, False)
        response = super().post(request, *args, **kwargs)
        if not (with_provider and settings.OIDC_OP_LOGOUT_ENDPOINT):
            return response
        back = request.build_absolute_uri(reverse("login"))
        provider_sign_out = f"{settings.OIDC_OP_LOGOUT_ENDPOINT}?{urlencode({'post_logout_redirect_uri': back})}"
        return render(request, "accounts/signed_out.html", {"provider_sign_out": provider_sign_out})


sign_in_start = _only_when_configured(OIDCAuthenticationRequestView.as_view())
sign_in_callback = _only_when_configured(CallbackView.as_view())
