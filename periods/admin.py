from django.contrib import admin

from .models import ReportingPeriod


@admin.register(ReportingPeriod)
class ReportingPeriodAdmin(admin.ModelAdmin):
    list_display = ["label", "start_date", "end_date", "update_deadline", "closed_at"]
    list_filter = ["financial_year", "quarter"]
    search_fields = ["financial_year"]
