"""FilterSets for reporting lists, shared by the HTML pages and the REST API."""

import django_filters
from django.db.models import Q

from core.filters import StableOrderingFilter
from core.financial_year import financial_year_label

from .choices import ReportStatus
from .models import CommitteeMeeting, CommitteeReport


def _financial_year_choices() -> list[tuple[int, str]]:
    years = CommitteeReport.objects.order_by("-financial_year").values_list("financial_year", flat=True).distinct()
    return [(year, financial_year_label(year)) for year in years]


class CommitteeReportFilterSet(django_filters.FilterSet):
    q = django_filters.CharFilter(method="search", label="Reference or title contains")
    status = django_filters.ChoiceFilter(choices=ReportStatus.choices, empty_label="Any status")
    financial_year = django_filters.ChoiceFilter(empty_label="Any year", label="Financial year")
    meeting = django_filters.ModelChoiceFilter(
        queryset=CommitteeMeeting.objects.order_by("-date"), empty_label="Any meeting", label="Meeting"
    )
    ordering = StableOrderingFilter(
        fields=(("financial_year", "financial_year"), ("sequence", "sequence"), ("meeting__date", "meeting_date"), ("title", "title"))
    )

    class Meta:
        model = CommitteeReport
        fields = ["q", "status", "financial_year", "meeting"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The years come from the reports themselves, read when the form is built (one query).
        self.filters["financial_year"].extra["choices"] = _financial_year_choices()

    def search(self, queryset, name, value):
        value = value.strip()
        if not value:
            return queryset
        return queryset.filter(Q(reference__icontains=value) | Q(title__icontains=value))


