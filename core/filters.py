"""Filters every app's FilterSets use."""

import django_filters
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field


@extend_schema_field(OpenApiTypes.STR)
class UsernameFilter(django_filters.ModelChoiceFilter):
    """A user by username; the API schema types it as text."""


class StableOrderingFilter(django_filters.OrderingFilter):
    """Sorts with the primary key as the last tie-break, so pages of a list never overlap or skip
    rows; an empty choice (?ordering=,) keeps the model's default order."""

    def filter(self, qs, value):
        ordered = super().filter(qs, value)
        if ordered.query.order_by:
            return ordered.order_by(*ordered.query.order_by, "pk")
        return ordered if ordered.ordered else ordered.order_by(*qs.model._meta.ordering, "pk")
