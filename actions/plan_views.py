"""A lead's pages for the plan itself: add, edit and cancel actions; an owner's page for their delegates.

Thin callers of the services, which decide and check the version; these pages only parse input
and put a refusal beside the field it names.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render

from core.permissions import can_change_delegates, can_edit_action
from registers.views.shared import apply_service_errors, forms_with_errors, require, submit_edit

from .forms import ActionForm, CancelActionForm, DelegatesForm
from .models import ActionItem
from .selectors import action_queryset
from .services import action_cancel, action_create, action_delegates_set, action_update


def _get_action(reference: str) -> ActionItem:
    return get_object_or_404(action_queryset().prefetch_related("risks"), reference=reference)


def _page(request: HttpRequest, template: str, form, **context) -> HttpResponse:
    return render(request, template, {"form": form, "form_errors": forms_with_errors(form), **context})


@login_required
def action_new(request: HttpRequest) -> HttpResponse:
    require(can_edit_action(request.user))
    form = ActionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            action = action_create(user=request.user, reference=form.cleaned_data["reference"], **form.plan())
        except ValidationError as error:
            apply_service_errors(error, form)
        else:
            messages.success(request, f"Action {action.reference} has been added to the plan.")
            return redirect("action-detail", reference=action.reference)
    return _page(request, "actions/action_form.html", form, heading="New action")


@login_required
def action_edit(request: HttpRequest, reference: str) -> HttpResponse:
    require(can_edit_action(request.user))
    action = _get_action(reference)
    form = ActionForm(request.POST or None, action=action)
    if request.method == "POST" and form.is_valid():
        if submit_edit(action_update, form, action=action, user=request.user, **form.plan()) is not None:
            messages.success(request, f"Action {action.reference} has been saved.")
            return redirect("action-detail", reference=action.reference)
    return _page(request, "actions/action_form.html", form, action=action, heading=f"Edit {action.reference}")


@login_required
def action_delegates(request: HttpRequest, reference: str) -> HttpResponse:
    action = _get_action(reference)
    require(can_change_delegates(request.user, action))
    initial = {"delegates": [person.pk for person in action.delegates.all()], "expected_version": action.version}
    form = DelegatesForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        saved = submit_edit(
            action_delegates_set, form, action=action, user=request.user, delegates=form.cleaned_data["delegates"]
        )
        if saved is not None:
            messages.success(request, f"The delegates of {action.reference} have been saved.")
            return redirect("action-detail", reference=action.reference)
    return _page(request, "actions/action_delegates.html", form, action=action)


@login_required
def action_cancel_confirm(request: HttpRequest, reference: str) -> HttpResponse:
    require(can_edit_action(request.user))
    action = _get_action(reference)
    form = CancelActionForm(request.POST or None, initial={"expected_version": action.version})
    if request.method == "POST" and form.is_valid():
        if submit_edit(action_cancel, form, action=action, user=request.user, reason=form.cleaned_data["reason"]) is not None:
            messages.success(request, f"Action {action.reference} has been cancelled.")
            return redirect("action-detail", reference=action.reference)
    return _page(request, "actions/action_cancel.html", form, action=action)
