"""Pages for the action plan: the manager's to-do list, the list of actions, an action and its update form."""

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin, UserPassesTestMixin
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views import View
from django.views.generic import TemplateView

from core.charts import PercentBar, percent_bars
from core.conflicts import EditConflict
from core.list_pages import filtered_list_response
from core.permissions import can_record_progress, can_view_action_plan, has_progress_to_report
from periods.models import ReportingPeriod
from periods.selectors import period_current, periods_compared

from .choices import RAG_SERIES
from .exports import ACTION_COLUMNS, ACTION_TABLE, ACTIONS_PER_PAGE
from .filtersets import ActionFilterSet
from .forms import ProgressUpdateForm, style_filter_form
from .models import ActionItem, ProgressUpdate
from .selectors import (
    action_audit_history,
    action_detail,
    action_ids_updated_in,
    action_queryset,
    my_actions,
    next_action_needing_update,
)
from .services import progress_record

# The value of the progress form's second submit button, "Save and go to the next action needing an update".
GO_TO_NEXT = "next"


class ActionPlanReaderMixin(LoginRequiredMixin, UserPassesTestMixin):
    """Anonymous visitors go to sign in; signed-in people without the right get a 403."""

    def test_func(self) -> bool:
        return can_view_action_plan(self.request.user)


class MyActionsView(ActionPlanReaderMixin, TemplateView):
    template_name = "actions/my_actions.html"

    def test_func(self) -> bool:
        return has_progress_to_report(self.request.user)

    def get_context_data(self, **kwargs):
        period = period_current()
        compared = periods_compared()
        last_period = compared[1] if compared else None
        return super().get_context_data(
            period=period,
            last_period=last_period,
            actions=my_actions(user=self.request.user, period=period, last_period=last_period),
            today=timezone.localdate(),
            **kwargs,
        )


class ActionListView(ActionPlanReaderMixin, View):
    template_name = "actions/action_list.html"

    def get(self, request):
        filterset = ActionFilterSet(request.GET or None, queryset=action_queryset())
        style_filter_form(filterset.form)
        return filtered_list_response(
            request, filterset=filterset, columns=ACTION_COLUMNS, table=ACTION_TABLE, name="actions",
            template_name=self.template_name,
        )


def _get_action(reference: str) -> ActionItem:
    try:
        return action_detail(reference=reference)
    except ActionItem.DoesNotExist:
        raise Http404(f"There is no action {reference}.") from None


RAG_COLOURS = {series.key: series.colour for series in RAG_SERIES}


def progress_chart(updates: list[ProgressUpdate]) -> dict:
    """Percent complete by quarter, oldest first, each bar in its RAG colour with every figure in words."""
    return percent_bars(
        [
            PercentBar(
                words=f"{update.period.label}: {update.percent_complete}%, {update.get_status_display()}, {update.get_rag_display()}",
                percent=update.percent_complete,
                colour=RAG_COLOURS[update.rag],
            )
            for update in reversed(updates)
        ]
    )


class ActionDetailView(ActionPlanReaderMixin, TemplateView):
    template_name = "actions/action_detail.html"

    def get_context_data(self, **kwargs):
        action = _get_action(self.kwargs["reference"])
        updates = list(action.updates.all())
        return super().get_context_data(
            action=action,
            updates=updates,
            chart=progress_chart(updates),
            history=action_audit_history(action=action),
            can_update=can_record_progress(self.request.user, action),
            overdue=action.is_overdue(timezone.localdate()),
            **kwargs,
        )


class ActionUpdateView(ActionPlanReaderMixin, View):
    """The quarterly progress form: the view only translates between the form and progress_record."""

    template_name = "actions/action_update.html"

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated:
            self.action = _get_action(kwargs["reference"])
            if not can_record_progress(request.user, self.action):
                raise PermissionDenied("You can update only the actions you own or are delegated.")
        return super().dispatch(request, *args, **kwargs)

    def _render(self, form, period, conflict=None):
        updates = list(self.action.updates.all())
        context = {
            "action": self.action,
            "form": form,
            "period": period,
            "conflict": conflict,
            "last_update": updates[0] if updates else None,
            "earlier_update": _earlier_update(updates, period),
        }
        return render(self.request, self.template_name, context)

    def get(self, request, reference):
        period = period_current()
        updates = list(self.action.updates.all())
        form = ProgressUpdateForm(initial=ProgressUpdateForm.initial_for(self.action, updates[0] if updates else None, period=period))
        return self._render(form, period)

    def post(self, request, reference):
        period = period_current()
        form = ProgressUpdateForm(request.POST)
        if period is None or not form.is_valid():
            return self._render(form, period)
        try:
            progress_record(action=self.action, user=request.user, period=period, **form.cleaned_data)
        except ValidationError as error:
            for field, field_errors in error.message_dict.items():
                form.add_error(field if field in form.fields else None, field_errors)
            return self._render(form, period)
        except EditConflict as conflict:
            form.refuse_stale(conflict)
            self.action = _get_action(reference)
            return self._render(form, period, conflict=conflict)
        saved = f"Progress on {self.action.reference} for {period.label} has been saved."
        if request.POST.get("then") != GO_TO_NEXT:
            messages.success(request, saved)
            return redirect("action-detail", reference=self.action.reference)
        following = next_action_needing_update(user=request.user, period=period, after=self.action)
        if following is None:
            messages.success(request, f"{saved} All your actions are done: every one has an update for {period.label}.")
            return redirect("my-actions")
        messages.success(request, f"{saved} Next, {following.reference}.")
        return redirect("action-update", reference=following.reference)


def _earlier_update(updates: list[ProgressUpdate], period: ReportingPeriod | None) -> ProgressUpdate | None:
    """The latest update before `period`, whose words the form shows for reference (updates come newest first)."""
    if period is None:
        return None
    return next((update for update in updates if update.period.start_date < period.start_date), None)
