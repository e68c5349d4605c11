from django.contrib import admin

from .models import Principle


@admin.register(Principle)
class PrincipleAdmin(admin.ModelAdmin):
    list_display = ["number", "title", "strategy", "lead_officer"]
    list_filter = ["strategy"]
    search_fields = ["title", "summary", "rationale"]
    list_select_related = ["strategy"]
