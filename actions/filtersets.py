"""One FilterSet for actions, shared by the /actions/ page, its exports and the REST API."""

import datetime

import django_filters
from django import forms
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.utils import timezone
from django_filters.fields import IsoDateTimeField
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field

from core.filters import StableOrderingFilter, UsernameFilter
from core.financial_year import FinancialQuarter, PeriodKeyError
from periods.models import ReportingPeriod
from periods.selectors import period_get_by_key, period_previous, periods_compared
from principles.filtersets import PrincipleNumberFilter
from principles.models import Principle

from .choices import CLOSED_STATUSES, Movement, Rag, Status
from .models import BEFORE, NOW, ActionItem, ProgressUpdate, due_an_update, movement_rules, overdue_on, with_states_at


class PeriodKeyField(forms.CharField):
    def to_python(self, value):
        value = super().to_python(value)
        if not value:
            return None
        try:
            return FinancialQuarter.parse(value)
        except PeriodKeyError as error:
            # As a parameter: the text typed, quoted in the message, may hold a "%".
            raise forms.ValidationError("%(error)s", code="invalid_period", params={"error": str(error)}) from None


class StorableDateTimeField(IsoDateTimeField):
    """An ISO 8601 date-time the database can compare, in UTC: 0001-01-01T00:00+05:00 is before
    year 1 in UTC, and PostgreSQL refuses offsets past 15:59 (Python allows +23:59)."""

    def to_python(self, value):
        value = super().to_python(value)
        if value is None:
            return None
        try:
            return value.astimezone(datetime.UTC)
        except OverflowError:
            raise forms.ValidationError(
                "Enter a date and time between the years 1 and 9999, e.g. 2024-10-01T09:00:00Z.", code="invalid"
            ) from None


class UpdatedSinceFilter(django_filters.IsoDateTimeFilter):
    field_class = StorableDateTimeField


@extend_schema_field(OpenApiTypes.STR)
class PeriodFilter(django_filters.Filter):
    """Rows with a reporting period, reached through `field_name`, that is the quarter given as 2024-25-Q2.

    With exclude=True, rows with none. Through a to-many relation ("updates__period": actions
    updated in the quarter) the match is one subquery, so each row comes once and exclusion
    means having no update in that quarter at all.
    """

    field_class = PeriodKeyField

    def filter(self, qs, value: FinancialQuarter | None):
        if value is None:
            return qs
        in_quarter = qs.model._default_manager.filter(
            **{f"{self.field_name}__financial_year": value.start_year, f"{self.field_name}__quarter": value.quarter}
        ).values("pk")
        return self.get_method(qs)(pk__in=in_quarter)


class DueUpdateFilter(PeriodFilter):
    """Actions due an update in the quarter given: the "M" of "N of M actions updated"."""

    def filter(self, qs, value: FinancialQuarter | None):
        if value is None:
            return qs
        updated = ProgressUpdate.objects.filter(period__financial_year=value.start_year, period__quarter=value.quarter)
        return qs.filter(due_an_update(updated.values("action_id")))


class ComparedPeriodField(PeriodKeyField):
    """A reporting period that has one the quarter before it, as (period, previous period)."""

    def to_python(self, value):
        quarter = super().to_python(value)
        if quarter is None:
            return None
        try:
            period = period_get_by_key(key=quarter.key)
        except ReportingPeriod.DoesNotExist:
            raise forms.ValidationError(f"There is no reporting period {quarter.label}.", code="unknown_period") from None
        previous = period_previous(period=period)
        if previous is None:
            raise forms.ValidationError(
                f"{period.label} has no reporting period before it to compare with.", code="no_previous_period"
            )
        return period, previous


@extend_schema_field(OpenApiTypes.STR)
class ComparedPeriodFilter(django_filters.Filter):
    """Only names the quarter the `movement` filter compares; it filters nothing by itself."""

    field_class = ComparedPeriodField

    def filter(self, qs, value):
        return qs


class ActionFilterSet(django_filters.FilterSet):
    q = django_filters.CharFilter(method="search", label="Reference or title contains")
    principle = PrincipleNumberFilter(
        field_name="principle__number", to_field_name="number", queryset=Principle.objects.all(), label="Principle"
    )
    status = django_filters.MultipleChoiceFilter(choices=Status.choices)
    rag = django_filters.MultipleChoiceFilter(choices=Rag.choices, label="RAG")
    open = django_filters.BooleanFilter(method="filter_open", label="Open (neither completed nor cancelled)")
    owner = UsernameFilter(
        field_name="owner__username",
        to_field_name="username",
        queryset=get_user_model().objects.filter(owned_actions__isnull=False).distinct().order_by("username"),
        label="Owner",
    )
    overdue = django_filters.BooleanFilter(method="filter_overdue", label="Overdue")
    updated_in = PeriodFilter(field_name="updates__period", label="Updated in period (e.g. 2024-25-Q2)")
    not_updated_in = PeriodFilter(
        field_name="updates__period", exclude=True, label="Not yet updated in period (e.g. 2024-25-Q2)"
    )
    due_update_in = DueUpdateFilter(label="Due an update in period (e.g. 2024-25-Q2): updated in it, or open")
    movement = django_filters.ChoiceFilter(
        choices=Movement.choices, method="filter_movement", label="Change since the quarter before"
    )
    movement_period = ComparedPeriodFilter(
        label="Quarter whose change to show (e.g. 2024-25-Q2; default the one the dashboard shows)"
    )
    updated_since = UpdatedSinceFilter(
        field_name="last_updated_at", lookup_expr="gte", label="Updated since (ISO date-time, e.g. 2024-07-01T09:00:00Z)"
    )
    ordering = StableOrderingFilter(
        fields=(
            ("reference", "reference"),
            ("title", "title"),
            ("principle__number", "principle"),
            ("owner__last_name", "owner"),
            ("target_date", "target_date"),
            ("status", "status"),
            ("rag", "rag"),
            ("percent_complete", "percent_complete"),
        ),
        label="Sort by",
    )

    class Meta:
        model = ActionItem
        fields = [
            "q", "principle", "status", "rag", "open", "owner", "overdue", "updated_in", "not_updated_in", "due_update_in",
            "movement", "movement_period", "updated_since",
        ]

    def search(self, queryset, name, value):
        value = value.strip()
        if not value:
            return queryset
        return queryset.filter(Q(reference__icontains=value) | Q(title__icontains=value))

    def filter_overdue(self, queryset, name, value):
        if value is None:
            return queryset
        overdue = overdue_on(timezone.localdate())
        return queryset.filter(overdue) if value else queryset.exclude(overdue)

    def filter_open(self, queryset, name, value):
        if value is None:
            return queryset
        closed = Q(status__in=CLOSED_STATUSES)
        return queryset.exclude(closed) if value else queryset.filter(closed)

    def filter_movement(self, queryset, name, value):
        if not value:
            return queryset
        compared = self.form.cleaned_data.get("movement_period") or periods_compared()
        if compared is None:
            return queryset.none()
        period, previous = compared
        moved = with_states_at(
            ActionItem.objects.all(), ends={NOW: period.end_date, BEFORE: previous.end_date}, today=timezone.localdate()
        ).filter(movement_rules()[value])
        return queryset.filter(pk__in=moved.values("pk"))


class ProgressUpdateFilterSet(django_filters.FilterSet):
    period = PeriodFilter(field_name="period", label="Period (e.g. 2024-25-Q2)")
    action = django_filters.CharFilter(field_name="action__reference", label="Action reference (e.g. P3-04)")
    principle = PrincipleNumberFilter(
        field_name="action__principle__number",
        to_field_name="number",
        queryset=Principle.objects.all(),
        label="Principle",
    )
    author = django_filters.CharFilter(field_name="author__username", label="Author username")

    class Meta:
        model = ProgressUpdate
        fields = ["period", "action", "principle", "author"]
