"""One FilterSet each for business cases and risks, shared by their pages, exports and the REST API."""

import django_filters
from django import forms
from django.contrib.auth import get_user_model
from django.db.models import F, Q
from django.utils import timezone

from core.filters import StableOrderingFilter, UsernameFilter
from core.financial_year import financial_year_label
from principles.filtersets import PrincipleNumberFilter
from principles.models import Principle

from .choices import BusinessCaseStatus, RiskCategory
from .models import SCORE_BANDS, BusinessCase, BusinessCaseLine, Risk, review_overdue_on

ONE_TO_FIVE_CHOICES = [(n, str(n)) for n in range(1, 6)]
SCORE_ERRORS = {"invalid_choice": "Choose a likelihood or impact from 1 to 5."}


class YesNoSelect(forms.Select):
    """Any / Yes / No for a yes-or-no filter (Django's default says "Unknown")."""

    def __init__(self, attrs=None):
        super().__init__(attrs, choices=[("", "Any"), ("true", "Yes"), ("false", "No")])


def _search(queryset, fields: tuple[str, ...], value: str):
    value = value.strip()
    if not value:
        return queryset
    condition = Q()
    for name in fields:
        condition |= Q(**{f"{name}__icontains": value})
    return queryset.filter(condition)


def financial_year_choices() -> list[tuple[int, str]]:
    """The financial years any business case has figures for, as (2024, "2024/25")."""
    years = BusinessCaseLine.objects.order_by("financial_year").values_list("financial_year", flat=True).distinct()
    return [(year, financial_year_label(year)) for year in years]


class BusinessCaseFilterSet(django_filters.FilterSet):
    q = django_filters.CharFilter(method="search", label="Reference or title contains")
    status = django_filters.MultipleChoiceFilter(choices=BusinessCaseStatus.choices, widget=forms.CheckboxSelectMultiple)
    principle = PrincipleNumberFilter(
        field_name="principles__number",
        to_field_name="number",
        queryset=Principle.objects.order_by("number"),
        label="Principle",
        distinct=True,
        widget=forms.CheckboxSelectMultiple,
    )
    # A case is in a financial year when it has figures for that year; the page then shows that
    # year's figures rather than the whole MTFS (see selectors.business_case_rows).
    financial_year = django_filters.ChoiceFilter(
        field_name="lines__financial_year",
        choices=financial_year_choices,
        empty_label="Any year",
        error_messages={"invalid_choice": "Choose a financial year the business cases have figures for."},
        label="Financial year",
        distinct=True,
    )
    ordering = StableOrderingFilter(
        fields=(("reference", "reference"), ("title", "title"), ("status", "status")),
        label="Sort by",
        empty_label="Reference",
    )

    class Meta:
        model = BusinessCase
        fields = ["q", "status", "principle", "financial_year"]

    def search(self, queryset, name, value):
        return _search(queryset, ("reference", "title"), value)


class RiskFilterSet(django_filters.FilterSet):
    q = django_filters.CharFilter(method="search", label="Reference or title contains")
    category = django_filters.MultipleChoiceFilter(choices=RiskCategory.choices, widget=forms.CheckboxSelectMultiple)
    owner = UsernameFilter(
        field_name="owner__username",
        to_field_name="username",
        queryset=get_user_model().objects.filter(owned_risks__isnull=False).distinct().order_by("username"),
        label="Owner",
        empty_label="Anyone",
    )
    on_strategic_register = django_filters.BooleanFilter(label="On the strategic register", widget=YesNoSelect)
    band = django_filters.ChoiceFilter(
        choices=[(band.key, f"{band.label} ({band.low}–{band.high})") for band in SCORE_BANDS],
        method="filter_band",
        empty_label="Any band",
        error_messages={"invalid_choice": "Choose a residual score band from the list."},
        label="Residual score band",
    )
    review_overdue = django_filters.BooleanFilter(method="filter_review_overdue", label="Review overdue", widget=YesNoSelect
    )
    # One cell of either heat map: ?residual_likelihood=4&residual_impact=3.
    inherent_likelihood = django_filters.ChoiceFilter(
        choices=ONE_TO_FIVE_CHOICES, empty_label="Any", error_messages=SCORE_ERRORS
    )
    inherent_impact = django_filters.ChoiceFilter(
        choices=ONE_TO_FIVE_CHOICES, empty_label="Any", error_messages=SCORE_ERRORS
    )
    residual_likelihood = django_filters.ChoiceFilter(
        choices=ONE_TO_FIVE_CHOICES, empty_label="Any", error_messages=SCORE_ERRORS
    )
    residual_impact = django_filters.ChoiceFilter(
        choices=ONE_TO_FIVE_CHOICES, empty_label="Any", error_messages=SCORE_ERRORS
    )
    ordering = StableOrderingFilter(
        fields=(
            ("reference", "reference"),
            ("title", "title"),
            ("category", "category"),
            ("owner__last_name", "owner"),
            ("review_date", "review_date"),
        ),
        label="Sort by",
        empty_label="Reference",
    )

    class Meta:
        model = Risk
        fields = [
            "q",
            "category",
            "owner",
            "on_strategic_register",
            "band",
            "review_overdue",
            "inherent_likelihood",
            "inherent_impact",
            "residual_likelihood",
            "residual_impact",
        ]

    def search(self, queryset, name, value):
        return _search(queryset, ("reference", "title"), value)

    def filter_band(self, queryset, name, value):
        band = next((band for band in SCORE_BANDS if band.key == value), None)
        if band is None:
            return queryset
        return queryset.alias(residual=F("residual_likelihood") * F("residual_impact")).filter(
            residual__gte=band.low, residual__lte=band.high
        )

    def filter_review_overdue(self, queryset, name, value):
        if value is None:
            return queryset
        overdue = review_overdue_on(timezone.localdate())
        return queryset.filter(overdue) if value else queryset.exclude(overdue)
