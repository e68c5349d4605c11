"""One FilterSet for reporting periods, shared by pages and the REST API."""

import django_filters
from django import forms
from django.utils import timezone

from .models import ReportingPeriod, taking_updates_on


class WholeNumberFilter(django_filters.NumberFilter):
    field_class = forms.IntegerField


class ReportingPeriodFilterSet(django_filters.FilterSet):
    financial_year = WholeNumberFilter(
        min_value=1900, max_value=2999, label="Financial year, by its start year (2024 for 2024/25)"
    )
    quarter = django_filters.ChoiceFilter(choices=[(q, f"Q{q}") for q in range(1, 5)], label="Quarter")
    is_open = django_filters.BooleanFilter(method="filter_open", label="Taking updates today")

    class Meta:
        model = ReportingPeriod
        fields = ["financial_year", "quarter", "is_open"]

    def filter_open(self, queryset, name, value):
        if value is None:
            return queryset
        taking_updates = taking_updates_on(timezone.localdate())
        return queryset.filter(taking_updates) if value else queryset.exclude(taking_updates)
