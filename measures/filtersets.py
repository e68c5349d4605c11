"""One FilterSet for measures, shared by the /measures/ page, its exports and the REST API."""

from functools import cached_property

import django_filters
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.utils import timezone

from actions.filtersets import PeriodFilter
from core.filters import StableOrderingFilter, UsernameFilter
from periods.models import ReportingPeriod
from periods.selectors import period_latest_begun, period_of
from principles.filtersets import PrincipleNumberFilter
from principles.models import Principle

from .choices import MeasureState
from .models import Measure, with_figures_in


class MeasureFilterSet(django_filters.FilterSet):
    """Measures with their figures in one quarter (`period`, by default the one taking figures, else
    the latest begun: models.with_figures_in); `rag` is the state in that quarter.
    `period_shown` is that quarter. Bind it even to an empty query: only a bound FilterSet adds the figures."""

    period = PeriodFilter(method="keep", label="Quarter shown (e.g. 2024-25-Q2; default the one taking figures)")
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
        fields = ["period", "q", "principle", "rag", "owner"]

    @cached_property
    def period_shown(self) -> ReportingPeriod | None:
        """The quarter shown: the one asked for, else (also when the filters are wrong) the default."""
        quarter = self.form.cleaned_data.get("period") if self.is_valid() else None
        return period_of(quarter=quarter) if quarter else period_latest_begun()

    def filter_queryset(self, queryset):
        period = self.period_shown
        closed = period is not None and period.is_closed(timezone.localdate())
        return super().filter_queryset(with_figures_in(queryset, period=period, closed=closed))

    def keep(self, queryset, name, value):
        # The quarter chooses the figures (filter_queryset), not the measures.
        return queryset

    def search(self, queryset, name, value):
        value = value.strip()
        if not value:
            return queryset
        return queryset.filter(Q(reference__icontains=value) | Q(name__icontains=value))
