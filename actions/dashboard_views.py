"""The dashboard and the principle pages: where the action plan stands, principle by principle."""

from django.contrib.auth.mixins import LoginRequiredMixin, UserPassesTestMixin
from django.core.paginator import Paginator
from django.http import Http404
from django.views.generic import TemplateView

from core.charts import PERCENT_CHART_WIDTH, ChartSize, stacked_bars
from core.permissions import can_view_action_plan, can_view_principles
from periods.selectors import period_current, periods_compared
from principles.models import Principle
from principles.selectors import principle_get, principle_list

from .choices import RAG_SERIES, Status
from .exports import ACTIONS_PER_PAGE, PRINCIPLE_ACTION_TABLE
from .selectors import action_queryset, change_since_last_quarter, plan_now

# "Principle 2: 12 red, 3 amber, 40 green" above each bar carries the figures the colours show. As
# narrow as the percent chart (core.charts.PERCENT_CHART_WIDTH), so at 320 px it is scaled by at
# most a tenth and its words stay legible.
RAG_CHART_SIZE = ChartSize(label_width=0, bar_width=PERCENT_CHART_WIDTH, row_height=50, bar_height=20, text_width=0, caption_height=26)


def rag_chart(rows) -> dict:
    """Stacked RAG bars, one per principle, scaled to the principle with most actions."""
    return stacked_bars([(rollup.label, rollup.by_rag) for _, rollup, _ in rows], RAG_SERIES, RAG_CHART_SIZE)


class PrincipleReaderMixin(LoginRequiredMixin, UserPassesTestMixin):
    def test_func(self) -> bool:
        return can_view_principles(self.request.user) and can_view_action_plan(self.request.user)


class DashboardView(PrincipleReaderMixin, TemplateView):
    template_name = "principles/dashboard.html"
    shows_change = True

    def get_context_data(self, **kwargs):
        period = period_current()
        principles = list(principle_list())
        plan = plan_now(principles=principles, period=period)
        compared = periods_compared() if self.shows_change else None
        change = None
        if compared:
            change = change_since_last_quarter(period=compared[0], previous=compared[1], principles=principles)
        return super().get_context_data(
            period=period,
            rows=plan.rows,
            overall=plan.overall,
            coverage=plan.coverage,
            change=change,
            chart=rag_chart(plan.rows),
            statuses=Status.choices,
            **kwargs,
        )


class PrincipleListView(DashboardView):
    """The seven principles with the dashboard's figures beside each."""

    template_name = "principles/principle_list.html"
    shows_change = False


class PrincipleDetailView(PrincipleReaderMixin, TemplateView):
    template_name = "principles/principle_detail.html"

    def get_context_data(self, **kwargs):
        try:
            principle = principle_get(number=self.kwargs["number"])
        except Principle.DoesNotExist:
            raise Http404(f"There is no principle {self.kwargs['number']}.") from None
        period = period_current()
        plan = plan_now(principles=[principle], period=period)
        actions = action_queryset().filter(principle=principle).order_by("reference")
        page = Paginator(actions, ACTIONS_PER_PAGE).get_page(self.request.GET.get("page"))
        _, rollup, _ = plan.rows[0]
        return super().get_context_data(
            principle=principle,
            period=period,
            rows=plan.rows,
            rollup=rollup,
            coverage=plan.coverage,
            page=page,
            actions=PRINCIPLE_ACTION_TABLE.of(page.object_list),
            statuses=Status.choices,
            **kwargs,
        )
