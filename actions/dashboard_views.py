"""The dashboard and the principle pages: where the action plan stands, principle by principle."""

from django.contrib.auth.mixins import LoginRequiredMixin, UserPassesTestMixin
from django.http import Http404
from django.views.generic import TemplateView

from core.permissions import can_view_action_plan, can_view_principles
from periods.selectors import period_current
from principles.models import Principle
from principles.selectors import principle_get, principle_list

from .choices import Rag, Status
from .exports import PRINCIPLE_ACTION_TABLE
from .selectors import (
    action_ids_updated_in,
    action_queryset,
    action_states_current,
    reporting_coverage_by_principle,
    rollup_by_principle,
)

# Geometry of the dashboard's RAG bar chart, in SVG user units.
CHART_LABEL_WIDTH = 110
CHART_BAR_WIDTH = 360
CHART_ROW_HEIGHT = 32
CHART_BAR_HEIGHT = 20
RAG_ORDER = [Rag.RED, Rag.AMBER, Rag.GREEN]


def rag_chart(rows) -> dict:
    """Stacked RAG bars, one per principle, scaled to the principle with most actions.

    Each segment's width and position are computed here so the template writes only SVG
    attributes (no inline styles under the coming CSP). The words beside each bar carry
    the figures; colour only repeats them.
    """
    longest = max((rollup.total for _, rollup, _ in rows), default=0) or 1
    bars = []
    for index, (principle, rollup, _) in enumerate(rows):
        x = CHART_LABEL_WIDTH
        segments = []
        for rag in RAG_ORDER:
            count = rollup.by_rag[rag]
            width = round(CHART_BAR_WIDTH * count / longest, 1)
            if count:
                segments.append({"rag": rag.value, "x": x, "width": width, "count": count})
            x += width
        words = ", ".join(f"{rollup.by_rag[rag]} {rag.label.lower()}" for rag in RAG_ORDER)
        bars.append(
            {
                "label": f"Principle {principle.number}",
                "y": index * CHART_ROW_HEIGHT,
                "text_y": index * CHART_ROW_HEIGHT + CHART_BAR_HEIGHT - 5,
                "segments": segments,
                "words": words,
                "words_x": x + 8,
            }
        )
    return {
        "bars": bars,
        "height": len(bars) * CHART_ROW_HEIGHT,
        "width": CHART_LABEL_WIDTH + CHART_BAR_WIDTH + 230,
        "bar_height": CHART_BAR_HEIGHT,
    }


def _principle_rows(principles: list[Principle], states, updated_ids):
    """(principle, roll-up, "N of M updated") per principle, plus the same for all of them."""
    per_principle, overall = rollup_by_principle(states=states, principles=principles)
    coverage, overall_coverage = reporting_coverage_by_principle(states=states, updated_ids=updated_ids)
    rows = [(principle, rollup, coverage.get(principle.pk)) for principle, rollup in per_principle]
    return rows, overall, overall_coverage


class PrincipleReaderMixin(LoginRequiredMixin, UserPassesTestMixin):
    def test_func(self) -> bool:
        return can_view_principles(self.request.user) and can_view_action_plan(self.request.user)


class DashboardView(PrincipleReaderMixin, TemplateView):
    template_name = "principles/dashboard.html"

    def get_context_data(self, **kwargs):
        period = period_current()
        rows, overall, coverage = _principle_rows(
            list(principle_list()), action_states_current(), action_ids_updated_in(period=period)
        )
        return super().get_context_data(
            period=period,
            rows=rows,
            overall=overall,
            coverage=coverage,
            chart=rag_chart(rows),
            statuses=Status.choices,
            **kwargs,
        )


class PrincipleListView(DashboardView):
    """The seven principles with the dashboard's figures beside each."""

    template_name = "principles/principle_list.html"


class PrincipleDetailView(PrincipleReaderMixin, TemplateView):
    template_name = "principles/principle_detail.html"

    def get_context_data(self, **kwargs):
        try:
            principle = principle_get(number=self.kwargs["number"])
        except Principle.DoesNotExist:
            raise Http404(f"There is no principle {self.kwargs['number']}.") from None
        period = period_current()
        states = action_states_current(actions=action_queryset().filter(principle=principle))
        rows, _, coverage = _principle_rows([principle], states, action_ids_updated_in(period=period))
        _, rollup, _ = rows[0]
        return super().get_context_data(
            principle=principle,
            period=period,
            rows=rows,
            rollup=rollup,
            coverage=coverage,
            actions=PRINCIPLE_ACTION_TABLE.of(state.action for state in states),
            statuses=Status.choices,
            **kwargs,
        )
