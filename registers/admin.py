"""The admin for business cases and risks.

A case's status moves only through `business_case_transition`, and an approved case's figures
only through `business_case_revise` (which keeps the superseded ones), so the admin shows them
read-only; transitions, revisions and reviews are records of what happened and never change.
"""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .choices import BusinessCaseStatus
from .models import (
    MONEY_FIELD_NAMES,
    BusinessCase,
    BusinessCaseLine,
    BusinessCaseRevision,
    BusinessCaseTransition,
    Risk,
    RiskReview,
)

LINE_FIELDS = ["financial_year", *MONEY_FIELD_NAMES]


def _figures_locked(business_case: BusinessCase | None) -> bool:
    return business_case is not None and business_case.status == BusinessCaseStatus.APPROVED


class RecordAdmin(admin.ModelAdmin):
    """A record of something that happened: readable, never added or changed here."""

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


class BusinessCaseLineInline(admin.TabularInline):
    model = BusinessCaseLine
    extra = 0

    def get_readonly_fields(self, request, obj=None):
        return LINE_FIELDS if _figures_locked(obj) else []

    def has_add_permission(self, request, obj=None):
        return not _figures_locked(obj)

    def has_delete_permission(self, request, obj=None):
        return not _figures_locked(obj)


@admin.register(BusinessCase)
class BusinessCaseAdmin(SimpleHistoryAdmin):
    list_display = ["reference", "title", "status", "sponsor", "is_demo", "updated_at"]
    list_filter = ["status", "principles", "is_demo"]
    search_fields = ["reference", "title", "summary"]
    autocomplete_fields = ["sponsor"]
    filter_horizontal = ["principles"]
    readonly_fields = ["status", "updated_at"]
    inlines = [BusinessCaseLineInline]


@admin.register(BusinessCaseLine)
class BusinessCaseLineAdmin(admin.ModelAdmin):
    list_display = ["business_case", "financial_year", "capital_cost", "revenue_cost", "cashable_benefit", "non_cashable_benefit"]
    list_filter = ["financial_year"]
    search_fields = ["business_case__reference", "business_case__title"]
    list_select_related = ["business_case"]

    def get_readonly_fields(self, request, obj=None):
        return ["business_case", *LINE_FIELDS] if obj and _figures_locked(obj.business_case) else []

    def has_delete_permission(self, request, obj=None):
        return not (obj and _figures_locked(obj.business_case))


@admin.register(Risk)
class RiskAdmin(SimpleHistoryAdmin):
    list_display = ["reference", "title", "category", "owner", "inherent_score", "residual_score", "review_date", "on_strategic_register"]
    list_filter = ["category", "on_strategic_register", "is_demo"]
    search_fields = ["reference", "title", "description", "mitigation"]
    autocomplete_fields = ["owner"]
    filter_horizontal = ["business_cases"]
    list_select_related = ["owner"]


@admin.register(BusinessCaseTransition)
class BusinessCaseTransitionAdmin(RecordAdmin):
    list_display = ["business_case", "from_status", "to_status", "actor", "at"]
    list_filter = ["to_status"]
    search_fields = ["business_case__reference", "note"]
    list_select_related = ["business_case", "actor"]


@admin.register(BusinessCaseRevision)
class BusinessCaseRevisionAdmin(RecordAdmin):
    list_display = ["business_case", "number", "revised_by", "revised_at"]
    search_fields = ["business_case__reference", "reason"]
    list_select_related = ["business_case", "revised_by"]


@admin.register(RiskReview)
class RiskReviewAdmin(RecordAdmin):
    list_display = ["risk", "reviewed_by", "reviewed_at", "inherent_score", "residual_score", "escalated"]
    list_filter = ["escalated"]
    search_fields = ["risk__reference", "note"]
    list_select_related = ["risk", "reviewed_by"]
