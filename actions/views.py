"""Pages for the action plan: the manager's to-do list, the list of actions, an action and its update form."""

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin, UserPassesTestMixin
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views import View
from django.views.generic import TemplateView

from core.conflicts import EditConflict
from core.exports import FORMATS, export_response
from core.permissions import can_record_progress, can_view_action_plan, has_progress_to_report
from periods.selectors import period_current

from .exports import ACTION_COLUMNS, ACTION_TABLE
from .filtersets import ActionFilterSet
from .forms import ProgressUpdateForm, style_filter_form
from .models import ActionItem
from .selectors import (
    action_audit_history,
    action_detail,
    action_ids_updated_in,
    action_queryset,
    actions_for_user,
    needs_update,
)
from .services import progress_record

ACTIONS_PER_PAGE = 25


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
        updated_ids = action_ids_updated_in(period=period)
        rows = [
            {"action": action, "needs_update": needs_update(action=action, updated_ids=updated_ids), "updated": action.pk in updated_ids}
            for action in actions_for_user(user=self.request.user)
        ]
        # Still to report first, then those reported this quarter, then closed ones; soonest due first in each.
        rows.sort(key=lambda row: (not row["needs_update"], not row["updated"], row["action"].due_date, row["action"].reference))
        return super().get_context_data(
            period=period,
            rows=rows,
            to_do=sum(row["needs_update"] for row in rows),
            today=timezone.localdate(),
            **kwargs,
        )


class ActionListView(ActionPlanReaderMixin, View):
    template_name = "actions/action_list.html"

    def get(self, request):
        filterset = ActionFilterSet(request.GET or None, queryset=action_queryset())
        style_filter_form(filterset.form)
        download = request.GET.get("download")
        download_error = None
        if download is not None and download not in FORMATS:
            download_error = "Choose a download format: CSV or XLSX."
        filters_valid = filterset.is_valid() if filterset.is_bound else True
        if download in FORMATS and filters_valid:
            return export_response(
                rows=filterset.qs, columns=ACTION_COLUMNS, filename=f"actions-{timezone.localdate():%Y-%m-%d}", file_format=download
            )
        actions = filterset.qs if filters_valid else filterset.queryset.none()
        page = Paginator(actions, ACTIONS_PER_PAGE).get_page(request.GET.get("page"))
        query = request.GET.copy()
        for key in ("page", "download"):
            query.pop(key, None)
        pages = f", page {page.number} of {page.paginator.num_pages}" if page.paginator.num_pages > 1 else ""
        return render(
            request,
            self.template_name,
            {
                "filter": filterset,
                "form": filterset.form,
                "filters_valid": filters_valid,
                "download_error": download_error,
                "page": page,
                "query": query.urlencode(),
                "table": ACTION_TABLE.of(page.object_list, query=query),
                "table_caption": f"Actions{pages}. Select a column heading to sort.",
                "filtered": bool(set(query) - {"ordering"}),
                "wide_layout": True,
            },
        )


def _get_action(reference: str) -> ActionItem:
    try:
        return action_detail(reference=reference)
    except ActionItem.DoesNotExist:
        raise Http404(f"There is no action {reference}.") from None


class ActionDetailView(ActionPlanReaderMixin, TemplateView):
    template_name = "actions/action_detail.html"

    def get_context_data(self, **kwargs):
        action = _get_action(self.kwargs["reference"])
        return super().get_context_data(
            action=action,
            updates=list(action.updates.all()),
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
        context = {"action": self.action, "form": form, "period": period, "conflict": conflict, "last_update": updates[0] if updates else None}
        return render(self.request, self.template_name, context)

    def get(self, request, reference):
        updates = list(self.action.updates.all())
        form = ProgressUpdateForm(initial=ProgressUpdateForm.initial_for(self.action, updates[0] if updates else None))
        return self._render(form, period_current())

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
        messages.success(request, f"Progress on {self.action.reference} for {period.label} has been saved.")
        return redirect("action-detail", reference=self.action.reference)
