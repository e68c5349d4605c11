"""One FilterSet for principles, shared by pages and the REST API."""

import django_filters
from django.db.models import Q

from .models import Principle


class PrincipleFilterSet(django_filters.FilterSet):
    q = django_filters.CharFilter(method="search", label="Title, summary or lead officer contains")
    number = django_filters.MultipleChoiceFilter(choices=[(n, str(n)) for n in range(1, 8)], label="Principle number")

    class Meta:
        model = Principle
        fields = ["q", "number"]

    def search(self, queryset, name, value):
        value = value.strip()
        if not value:
            return queryset
        return queryset.filter(Q(title__icontains=value) | Q(summary__icontains=value) | Q(lead_officer__icontains=value))
