from django.contrib import admin

from .models import ExternalIdentity


@admin.register(ExternalIdentity)
class ExternalIdentityAdmin(admin.ModelAdmin):
    """Linking an existing local account to a council account is done here, by the person's object id."""

    list_display = ["user", "subject", "issuer", "last_signed_in_at"]
    search_fields = ["user__username", "user__email", "subject"]
    list_select_related = ["user"]
    raw_id_fields = ["user"]
