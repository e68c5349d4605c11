from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import ActionItem, ProgressUpdate


@admin.register(ActionItem)
class ActionItemAdmin(SimpleHistoryAdmin):
    list_display = ["reference", "title", "principle", "owner", "status", "rag", "percent_complete", "target_date", "version"]
    list_filter = ["principle", "status", "rag", "is_demo"]
    search_fields = ["reference", "title", "description"]
    autocomplete_fields = ["owner", "delegates", "business_case", "risks"]
    # Status, RAG and percent change only through progress_record, and every write through a
    # service bumps the version, so the admin may show them but never set them.
    readonly_fields = ["status", "rag", "percent_complete", "version", "last_updated_at", "last_updated_by"]
    list_select_related = ["principle", "owner"]


@admin.register(ProgressUpdate)
class ProgressUpdateAdmin(SimpleHistoryAdmin):
    """Read-only: progress is recorded through the update form or the API so its rules always apply."""

    list_display = ["action", "period", "status", "rag", "percent_complete", "author", "updated_at"]
    list_filter = ["period", "status", "rag"]
    search_fields = ["action__reference", "action__title", "commentary"]
    list_select_related = ["action", "period", "author"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
