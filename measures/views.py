"""Pages for measures: the list, a measure with its trend, and the quarter's value form."""

from decimal import Decimal

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.views import View
from django.views.generic import TemplateView

from actions.forms import style_filter_form
from actions.views import ActionPlanReaderMixin
from core.charts import PercentBar, percent_bars
from core.list_pages import filtered_list_response
from core.permissions import can_record_progress, can_view_model
from periods.selectors import period_current
from registers.views.shared import submit_edit

from .choices import MeasureRag
from .exports import MEASURE_COLUMNS, MEASURE_TABLE
from .filtersets import MeasureFilterSet
from .formatting import format_value
from .forms import MeasureValueForm
from .models import Measure, MeasureValue
from .selectors import measure_detail, measure_queryset, measure_values, value_assessment
from .services import measure_value_record

class MeasureReaderMixin(ActionPlanReaderMixin):
    def test_func(self) -> bool:
        return can_view_model(self.request.user, Measure)
# Chart colours: GOV.UK Frontend's, as the action charts use; "not reported" has no bar.
RAG_COLOURS = {MeasureRag.RED: "#d4351c", MeasureRag.AMBER: "#ffdd00", MeasureRag.GREEN: "#00703c"}
UNRATED_COLOUR = "#505a5f"


class MeasureListView(MeasureReaderMixin, View):
    template_name = "measures/measure_list.html"

    def get(self, request):
        filterset = MeasureFilterSet(request.GET, queryset=measure_queryset())
        style_filter_form(filterset.form)
        period = filterset.period_shown
        quarter = f" in {period.label}" if period else ""
        return filtered_list_response(
            request, filterset=filterset, columns=MEASURE_COLUMNS, table=MEASURE_TABLE, name="measures",
            template_name=self.template_name, caption=f"Measures and their figures{quarter}", context={"period": period},
        )


def _get_measure(reference: str) -> Measure:
    try:
        return measure_detail(reference=reference)
    except Measure.DoesNotExist:
        raise Http404(f"There is no measure {reference}.") from None


def trend_chart(measure: Measure, quarters: list[dict]) -> dict:
    """Each quarter's actual as a bar, oldest first, scaled to the largest target or actual and
    coloured by its RAG, with every figure in words above it."""
    figures = [abs(figure) for quarter in quarters for figure in (quarter["value"].target, quarter["value"].actual) if figure is not None]
    scale = max(figures, default=Decimal(0)) or Decimal(1)
    bars = []
    for quarter in quarters:
        value, assessment = quarter["value"], quarter["assessment"]
        actual = format_value(value.actual, unit=measure.unit, places=measure.decimal_places) if value.actual is not None else "no actual"
        target = format_value(value.target, unit=measure.unit, places=measure.decimal_places)
        state = MeasureRag(assessment.rag).label.lower() if assessment.rag else "not yet reported"
        bars.append(
            PercentBar(
                words=f"{value.period.label}: {actual} against {target}, {state}",
                percent=round(100 * abs(value.actual) / scale) if value.actual is not None else 0,
                colour=RAG_COLOURS.get(assessment.rag, UNRATED_COLOUR),
            )
        )
    return percent_bars(bars)


def _quarters(values: list[MeasureValue]) -> list[dict]:
    return [{"value": value, "assessment": value_assessment(value)} for value in values]


class MeasureDetailView(MeasureReaderMixin, TemplateView):
    template_name = "measures/measure_detail.html"

    def get_context_data(self, **kwargs):
        measure = _get_measure(self.kwargs["reference"])
        quarters = _quarters(measure_values(measure=measure))
        return super().get_context_data(
            measure=measure,
            quarters=quarters,
            chart=trend_chart(measure, quarters),
            can_update=can_record_progress(self.request.user, measure),
            **kwargs,
        )


class MeasureUpdateView(MeasureReaderMixin, View):
    """The quarter's value form: the view only translates between the form and measure_value_record."""

    template_name = "measures/measure_update.html"

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated:
            self.measure = _get_measure(kwargs["reference"])
            if not can_record_progress(request.user, self.measure):
                raise PermissionDenied("You can enter values only for the measures you own or are delegated.")
        return super().dispatch(request, *args, **kwargs)

    def _render(self, form, period):
        return render(self.request, self.template_name, {"measure": self.measure, "form": form, "period": period})

    def get(self, request, reference):
        period = period_current()
        values = measure_values(measure=self.measure)
        this_quarter = next((value for value in values if period and value.period_id == period.pk), None)
        form = MeasureValueForm(initial=MeasureValueForm.initial_for(self.measure, this_quarter, values[-1] if values else None))
        return self._render(form, period)

    def post(self, request, reference):
        period = period_current()
        form = MeasureValueForm(request.POST)
        if period is None or not form.is_valid():
            return self._render(form, period)
        figures = {name: form.cleaned_data[name] for name in ("target", "actual", "commentary")}
        saved = submit_edit(measure_value_record, form, measure=self.measure, user=request.user, period=period, **figures)
        if saved is None:
            return self._render(form, period)
        messages.success(request, f"The {period.label} figures for {self.measure.reference} have been saved.")
        return redirect("measure-detail", reference=self.measure.reference)
