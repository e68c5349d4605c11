"""mozilla-django-oidc's authorisation-code flow against Microsoft Entra ID, stricter where it is lax.

The library checks the signature (against the provider's JWKS), the expiry and the nonce; this
also requires the audience to be our client id and the issuer to be the configured one, and
signs people in by their subject (accounts.services), never by e-mail.
"""

import jwt
from django.conf import settings
from django.core.exceptions import SuspiciousOperation
from mozilla_django_oidc.auth import OIDCAuthenticationBackend

from .services import SignInRefused, oidc_sign_in

# Where the reason a sign-in was refused waits for the refusal page.
REFUSAL_SESSION_KEY = "sign_in_refused"
# Clocks at Microsoft and here may differ by this many seconds.
CLOCK_SKEW_SECONDS = 60


class CouncilSignInBackend(OIDCAuthenticationBackend):
    def authenticate(self, request, **kwargs):
        # Only the callback view asks with a nonce. A password sign-in whose address carries
        # ?code=…&state=… is not a council sign-in, and must not send that code to the provider.
        if "nonce" not in kwargs or "username" in kwargs:
            return None
        return super().authenticate(request, **kwargs)

    def verify_token(self, token, **kwargs):
        try:
            return super().verify_token(token, **kwargs)
        except jwt.PyJWTError as exc:  # a malformed token, no matching key, or a failed check below
            raise SuspiciousOperation(f"The ID token was refused: {exc}") from exc

    def get_payload_data(self, token, key):
        if jwt.get_unverified_header(token).get("alg") != self.OIDC_RP_SIGN_ALGO:
            raise SuspiciousOperation("The ID token is not signed with the expected algorithm.")
        return jwt.decode(
            token,
            key,
            algorithms=[self.OIDC_RP_SIGN_ALGO],
            audience=self.OIDC_RP_CLIENT_ID,
            issuer=settings.OIDC_OP_ISSUER,
            leeway=CLOCK_SKEW_SECONDS,
            options={"require": ["exp", "iat", "aud", "iss", "sub"]},
        )

    def get_or_create_user(self, access_token, id_token, payload):
        userinfo = self.get_userinfo(access_token, id_token, payload)
        if userinfo.get("sub") != payload["sub"]:
            raise SuspiciousOperation("The user information is about someone other than the ID token.")
        # The token's claims (oid, groups) win over the user information's (name, e-mail).
        claims = {**userinfo, **payload}
        try:
            return oidc_sign_in(issuer=settings.OIDC_OP_ISSUER, claims=claims, role_groups=settings.OIDC_ROLE_GROUPS)
        except SignInRefused as refusal:
            self.request.session[REFUSAL_SESSION_KEY] = str(refusal)
            return None
