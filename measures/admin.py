from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import Measure, MeasureValue


@admin.register(Measure)
class MeasureAdmin(SimpleHistoryAdmin):
    """Where a strategy lead adds a measure and sets its unit, direction, tolerance and data owner."""

    list_display = ["reference", "name", "principle", "unit", "direction", "owner", "frequency", "version"]
    list_filter = ["principle", "unit", "direction", "frequency", "is_demo"]
    search_fields = ["reference", "name", "description"]
    autocomplete_fields = ["owner", "delegates", "action", "business_case"]
    # Every value recorded through measure_value_record bumps the version: the admin never sets it.
    readonly_fields = ["version", "last_updated_at", "last_updated_by"]
    list_select_related = ["principle", "owner"]


@admin.register(MeasureValue)
class MeasureValueAdmin(SimpleHistoryAdmin):
    """Read-only: figures are entered through the form or the API so the period rules and RAG rule always apply."""

    list_display = ["measure", "period", "target", "actual", "rag", "entered_by", "entered_at"]
    list_filter = ["period", "rag"]
    search_fields = ["measure__reference", "measure__name", "commentary"]
    list_select_related = ["measure", "period", "entered_by"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
