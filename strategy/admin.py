from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import (
    BusinessCase,
    BusinessCaseLine,
    BusinessCaseRevision,
    BusinessCaseTransition,
    Risk,
    RiskReview,
    Strategy,
)


@admin.register(Strategy)
class StrategyAdmin(admin.ModelAdmin):
    list_display = ["title", "council", "start_year", "end_year", "approved_at"]
    search_fields = ["title", "vision"]


class BusinessCaseLineInline(admin.TabularInline):
    model = BusinessCaseLine
    extra = 0


@admin.register(BusinessCase)
class BusinessCaseAdmin(SimpleHistoryAdmin):
    list_display = ["reference", "title", "status", "sponsor", "is_demo", "updated_at"]
    list_filter = ["status", "principles", "is_demo"]
    search_fields = ["reference", "title", "summary"]
    autocomplete_fields = ["sponsor"]
    filter_horizontal = ["principles"]
    inlines = [BusinessCaseLineInline]


@admin.register(BusinessCaseLine)
class BusinessCaseLineAdmin(admin.ModelAdmin):
    list_display = ["business_case", "financial_year", "capital_cost", "revenue_cost", "cashable_benefit", "non_cashable_benefit"]
    list_filter = ["financial_year"]
    search_fields = ["business_case__reference", "business_case__title"]
    list_select_related = ["business_case"]


@admin.register(Risk)
class RiskAdmin(SimpleHistoryAdmin):
    list_display = ["reference", "title", "category", "owner", "inherent_score", "residual_score", "review_date", "on_strategic_register"]
    list_filter = ["category", "on_strategic_register", "is_demo"]
    search_fields = ["reference", "title", "description", "mitigation"]
    autocomplete_fields = ["owner"]
    filter_horizontal = ["business_cases"]
    list_select_related = ["owner"]


@admin.register(BusinessCaseTransition)
class BusinessCaseTransitionAdmin(admin.ModelAdmin):
    list_display = ["business_case", "from_status", "to_status", "actor", "at"]
    list_filter = ["to_status"]
    search_fields = ["business_case__reference", "note"]
    list_select_related = ["business_case", "actor"]


@admin.register(BusinessCaseRevision)
class BusinessCaseRevisionAdmin(admin.ModelAdmin):
    list_display = ["business_case", "number", "revised_by", "revised_at"]
    search_fields = ["business_case__reference", "reason"]
    list_select_related = ["business_case", "revised_by"]


@admin.register(RiskReview)
class RiskReviewAdmin(admin.ModelAdmin):
    list_display = ["risk", "reviewed_by", "reviewed_at", "inherent_score", "residual_score", "escalated"]
    list_filter = ["escalated"]
    search_fields = ["risk__reference", "note"]
    list_select_related = ["risk", "reviewed_by"]
