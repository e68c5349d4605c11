"""Who a person is at the council's identity provider (Microsoft Entra ID), by its stable subject."""

from django.conf import settings
from django.db import models


class ExternalIdentity(models.Model):
    """Links a user to the provider's account: matched on the issuer and the token's `oid` (or `sub`),
    never on an e-mail address, which can change hands."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="external_identity")
    issuer = models.CharField(max_length=300, help_text="The provider's issuer, as its tokens' iss claim gives it.")
    subject = models.CharField(max_length=300, help_text="Entra's object id (oid) for the person, or the sub claim where there is none.")
    last_signed_in_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name_plural = "external identities"
        constraints = [models.UniqueConstraint(fields=["issuer", "subject"], name="externalidentity_unique_subject")]

    def __str__(self) -> str:
        return f"{self.user} at {self.issuer}"
