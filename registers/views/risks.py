"""Pages for the risk register: thin callers of the selectors and services."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse

from core import permissions
from core.exports import export_response
from registers import selectors
from registers.columns import RISK_COLUMNS, RISK_TABLE
from registers.forms import RiskForm, RiskReviewForm
from registers.models import ESCALATION_THRESHOLD, SCORE_FIELDS, Risk
from registers.services import risks as services

from .shared import (
    apply_service_errors,
    current_strategy,
    export_format,
    forms_with_errors,
    get_or_404,
    require,
    submit_edit,
)

HEAT_MAP_BASES = (("inherent", "Inherent risk (before mitigation)"), ("residual", "Residual risk (after mitigation)"))


def _heat_map(request: HttpRequest, risks: list[Risk]) -> list[dict]:
    """Both heat maps, each cell with its count, band and a link to the list filtered to it."""
    maps = []
    for basis, caption in HEAT_MAP_BASES:
        rows = []
        for row in selectors.risk_heat_map(risks=risks, basis=basis):
            cells = []
            for cell in row:
                query = request.GET.copy()
                query[f"{basis}_likelihood"] = cell.likelihood
                query[f"{basis}_impact"] = cell.impact
                href = f"{reverse('risk-list')}?{query.urlencode()}"
                cells.append({"cell": cell, "band": cell.band, "href": href})
            rows.append({"likelihood": row[0].likelihood, "cells": cells})
        maps.append({"basis": basis, "caption": caption, "rows": rows})
    return maps


def _risk_page(request: HttpRequest):
    filterset = selectors.risk_list(filters=request.GET)
    risks = list(filterset.qs) if filterset.is_valid() else []
    return filterset, risks


@login_required
def risk_list(request: HttpRequest) -> HttpResponse:
    require(permissions.can_view_risks(request.user))
    filterset, risks = _risk_page(request)
    return render(
        request,
        "registers/risk_list.html",
        {
            "wide_layout": True,
            "filterset": filterset,
            "error_forms": forms_with_errors(filterset.form),
            "table": RISK_TABLE.of(risks),
            "heat_maps": _heat_map(request, risks),
            "query": request.GET.urlencode(),
            "may_manage": permissions.can_manage_risks(request.user),
        },
    )


@login_required
def risk_export(request: HttpRequest, file_format: str) -> HttpResponse:
    require(permissions.can_view_risks(request.user))
    _, risks = _risk_page(request)
    return export_response(rows=risks, columns=RISK_COLUMNS, filename="risks", file_format=export_format(file_format))


@login_required
def risk_detail(request: HttpRequest, reference: str) -> HttpResponse:
    require(permissions.can_view_risks(request.user))
    risk = get_or_404(selectors.risk_detail, reference)
    return render(
        request,
        "registers/risk_detail.html",
        {"risk": risk, "may_edit": permissions.can_edit_risk(request.user, risk)},
    )


@login_required
def risk_create(request: HttpRequest) -> HttpResponse:
    require(permissions.can_manage_risks(request.user))
    form = RiskForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            risk = services.risk_create(
                user=request.user,
                strategy=current_strategy(),
                reference=form.cleaned_data["reference"],
                details=form.details(),
                scores=form.scores(),
            )
        except ValidationError as error:
            apply_service_errors(error, form)
        else:
            messages.success(request, f"Risk {risk.reference} added to the register.")
            return redirect("risk-detail", reference=risk.reference)
    return render(request, "registers/risk_form.html", {"form": form, "heading": "New risk", "form_errors": forms_with_errors(form)}
    )


@login_required
def risk_edit(request: HttpRequest, reference: str) -> HttpResponse:
    risk = get_or_404(selectors.risk_detail, reference)
    require(permissions.can_edit_risk(request.user, risk))
    may_manage = permissions.can_manage_risks(request.user)
    form = RiskForm(request.POST or None, risk=risk, may_manage=may_manage)
    if request.method == "POST" and form.is_valid():
        saved = submit_edit(
            services.risk_update, form, risk=risk, user=request.user, details=form.details(), scores=form.scores()
        )
        if saved is not None:
            messages.success(request, f"Risk {risk.reference} saved.")
            return redirect("risk-detail", reference=risk.reference)
    return render(request, "registers/risk_form.html", {"form": form, "risk": risk, "heading": f"Edit {risk.reference}", "form_errors": forms_with_errors(form)},
    )


@login_required
def risk_review(request: HttpRequest, reference: str) -> HttpResponse:
    risk = get_or_404(selectors.risk_detail, reference)
    require(permissions.can_edit_risk(request.user, risk))
    initial = {name: getattr(risk, name) for name in SCORE_FIELDS} | {"expected_version": risk.version}
    form = RiskReviewForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        review = submit_edit(
            services.risk_review,
            form,
            risk=risk,
            user=request.user,
            scores=form.scores(),
            note=form.cleaned_data["note"],
            next_review_date=form.cleaned_data["next_review_date"],
        )
        if review is not None:
            message = f"Review of {risk.reference} recorded."
            if review.escalated:
                message += f" Its residual score is {ESCALATION_THRESHOLD} or more, so it is now on the strategic register."
            messages.success(request, message)
            return redirect("risk-detail", reference=risk.reference)
    return render(request, "registers/risk_review_form.html", {"form": form, "risk": risk, "form_errors": forms_with_errors(form)}
    )
