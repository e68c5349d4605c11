"""One FilterSet for measures, shared by the /measures/ page, its exports and the REST API."""

import django_filters
from django.contrib.auth import get_user_model
from django.db.models import Q

from core.filters import StableOrderingFilter, UsernameFilter
from principles.filtersets import PrincipleNumberFilter
from principles.models import Principle

from .choices import MeasureState
from .models import Measure


class MeasureFilterSet(django_filters.FilterSet):
    """Filters a queryset from selectors.measures_in: `rag` is the state in the quarter it shows."""

    q = django_filters.CharFilter(method="search", label="Reference or name contains", max_length=100)
    principle = PrincipleNumberFilter(
        field_name="principle__number", to_field_name="number", queryset=Principle.objects.all(), label="Principle"
    )
    rag = django_filters.MultipleChoiceFilter(field_name="shown_state", choices=MeasureState.choices, label="RAG")
    owner = UsernameFilter(
        field_name="owner__username",
        to_field_name="username",
        queryset=get_user_model().objects.filter(owned_measures__isnull=False).distinct().order_by("username"),
        label="Data owner",
    )
    ordering = StableOrderingFilter(
        fields=(("reference", "reference"), ("name", "name"), ("principle__number", "principle"), ("owner__last_name", "owner")),
        label="Sort by",
    )

    class Meta:
        model = Measure
        fields = ["q", "principle", "rag", "owner"]

    def search(self, queryset, name, value):
        value = value.strip()
        if not value:
            return queryset
        return queryset.filter(Q(reference__icontains=value) | Q(name__icontains=value))
