"""Signing a person in from the council's identity provider: one account per provider subject,
roles re-synchronised from the token's group claims at every sign-in."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction
from django.utils import timezone

from core.roles import ROLE_PERMISSIONS

from .models import ExternalIdentity

User = get_user_model()


class SignInRefused(Exception):
    """The provider vouched for the person, but this service will not sign them in; says why."""


NO_ROLE = (
    "Your council account is not in any group that gives a role in this service, so you cannot sign in. "
    "Ask the ICT Strategy and Governance Lead to add you to the right group."
)
TOO_MANY_GROUPS = (
    "Your council account is in too many groups for the sign-in to list them. The service's registration "
    "in Entra ID must send only the groups assigned to the application (see the README)."
)
DISABLED = "Your account in this service has been disabled. Ask the ICT Strategy and Governance Lead."


def _subject(claims: dict) -> str:
    # Entra's oid is the person's id in the tenant; sub is per application. Either is stable, unlike e-mail.
    return str(claims.get("oid") or claims["sub"])


def _free_username(wanted: str, subject: str) -> str:
    """The sign-in name as the username, unless a (local) account already has it: accounts are never merged."""
    wanted = wanted[:150]
    if not User.objects.filter(username=wanted).exists():
        return wanted
    return f"{wanted[:140]}-{subject[:9]}"


def oidc_sign_in(*, issuer: str, claims: dict, role_groups: dict[str, str]) -> User:
    """The user for verified ID-token claims, created at their first sign-in, with exactly the roles
    their groups map to (`role_groups`: group id to role). Refused (SignInRefused) when no group
    maps to a role, after the roles are taken away, so a person removed from every group loses
    access at once, and for a disabled account."""
    if "groups" not in claims and "groups" in claims.get("_claim_names", {}):
        raise SignInRefused(TOO_MANY_GROUPS)
    subject = _subject(claims)
    wanted_roles = {role_groups[group] for group in claims.get("groups", []) if group in role_groups}
    with transaction.atomic():
        identity = ExternalIdentity.objects.select_for_update().select_related("user").filter(issuer=issuer, subject=subject).first()
        if identity is None:
            username = claims.get("preferred_username") or claims.get("email") or subject
            user = User(username=_free_username(username, subject))
            user.set_unusable_password()
            user.save()
            identity = ExternalIdentity.objects.create(user=user, issuer=issuer, subject=subject)
        user = identity.user
        user.first_name = claims.get("given_name", user.first_name)[:150]
        user.last_name = claims.get("family_name", user.last_name)[:150]
        user.email = claims.get("email", user.email)
        user.save(update_fields=["first_name", "last_name", "email"])
        other_groups = list(user.groups.exclude(name__in=ROLE_PERMISSIONS))
        user.groups.set([*other_groups, *Group.objects.filter(name__in=wanted_roles)])
        identity.last_signed_in_at = timezone.now()
        identity.save(update_fields=["last_signed_in_at"])
    if not user.is_active:
        raise SignInRefused(DISABLED)
    if not wanted_roles:
        raise SignInRefused(NO_ROLE)
    return user
