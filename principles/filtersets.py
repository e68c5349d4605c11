"""One FilterSet for principles, shared by pages and the REST API, and the principle filter other lists use."""

import django_filters
from django import forms
from django.db.models import Q
from drf_spectacular.utils import extend_schema_field

from .models import PRINCIPLE_NUMBERS, Principle


class PrincipleFilterSet(django_filters.FilterSet):
    q = django_filters.CharFilter(method="search", label="Title, summary or lead officer contains")
    number = django_filters.MultipleChoiceFilter(choices=[(n, str(n)) for n in PRINCIPLE_NUMBERS], label="Principle number")

    class Meta:
        model = Principle
        fields = ["q", "number"]

    def search(self, queryset, name, value):
        value = value.strip()
        if not value:
            return queryset
        return queryset.filter(Q(title__icontains=value) | Q(summary__icontains=value) | Q(lead_officer__icontains=value))


class PrincipleNumberField(forms.ModelMultipleChoiceField):
    """Refuses anything but a principle number before querying: a 30-digit number would
    overflow the database driver's integer (a 500) rather than simply match nothing."""

    def _check_values(self, value):
        for number in value:
            text = str(number)
            if not (text.isascii() and text.isdigit() and int(text) in PRINCIPLE_NUMBERS):
                raise forms.ValidationError(
                    self.error_messages["invalid_choice"], code="invalid_choice", params={"value": number}
                )
        return super()._check_values(value)


@extend_schema_field({"type": "integer", "minimum": PRINCIPLE_NUMBERS.start, "maximum": PRINCIPLE_NUMBERS.stop - 1})
class PrincipleNumberFilter(django_filters.ModelMultipleChoiceFilter):
    """Principles by number (?principle=1&principle=3)."""

    field_class = PrincipleNumberField
