from django.contrib import admin

from .models import Strategy


@admin.register(Strategy)
class StrategyAdmin(admin.ModelAdmin):
    list_display = ["title", "council", "start_year", "end_year", "approved_at"]
    search_fields = ["title", "vision"]
