from django.contrib import admin

from .models import CommitteeMeeting, CommitteeReport, ReportImplication, ReportPack


@admin.register(CommitteeMeeting)
class CommitteeMeetingAdmin(admin.ModelAdmin):
    list_display = ["committee", "date"]
    list_filter = ["committee"]
    search_fields = ["committee"]
    date_hierarchy = "date"


class ReportImplicationInline(admin.StackedInline):
    model = ReportImplication
    extra = 0


@admin.register(CommitteeReport)
class CommitteeReportAdmin(admin.ModelAdmin):
    list_display = ["reference", "title", "meeting", "report_of", "status"]
    list_filter = ["status", "financial_year"]
    search_fields = ["reference", "title", "purpose", "executive_summary"]
    list_select_related = ["meeting"]
    inlines = [ReportImplicationInline]


@admin.register(ReportPack)
class ReportPackAdmin(admin.ModelAdmin):
    """Read-only: packs are requested, built, retried and published through reporting.packs, and a
    published pack never changes."""

    list_display = ["period", "version", "status", "requested_by", "requested_at", "page_count", "sha256"]
    list_filter = ["status", "period"]
    search_fields = ["sha256", "period__financial_year"]
    list_select_related = ["period", "requested_by"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
