"""Pages for business cases and the risk register: thin callers of the selectors and services."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from core import permissions
from core.exports import FORMATS, export_response
from core.financial_year import financial_year_label
from strategy.models import Strategy

from . import selectors, services
from .choices import BusinessCaseStatus
from .columns import BUSINESS_CASE_COLUMNS, MONEY_COLUMNS, RISK_COLUMNS, table_cells, table_headers
from .forms import (
    BusinessCaseForm,
    FiguresForm,
    RevisionForm,
    RiskForm,
    RiskReviewForm,
    TransitionForm,
    figure_years,
    govuk_widgets,
    transition_choices,
)
from .models import ESCALATION_THRESHOLD, SCORE_FIELDS, BusinessCase, Risk

HEAT_MAP_BASES = (("inherent", "Inherent risk (before mitigation)"), ("residual", "Residual risk (after mitigation)"))


def _require(allowed: bool) -> None:
    if not allowed:
        raise PermissionDenied


def _apply_errors(error: ValidationError, *forms) -> None:
    """Show a service's refusal on the form field it names, or at the top of the first form."""
    items = error.message_dict.items() if hasattr(error, "error_dict") else [(None, error.messages)]
    for name, messages_for_field in items:
        form = next((f for f in forms if name in f.fields), forms[0])
        for message in messages_for_field:
            form.add_error(name if name in form.fields else None, message)


def _errors_of(*forms) -> list:
    """The forms that have errors, for the error summary at the top of the page."""
    return [form for form in forms if form is not None and form.errors]


def _get_or_404(getter, reference: str):
    try:
        return getter(reference=reference)
    except (BusinessCase.DoesNotExist, Risk.DoesNotExist):
        raise Http404(f"No record with reference {reference}.") from None


def _export_format(file_format: str) -> str:
    if file_format not in FORMATS:
        raise Http404("Exports are CSV or XLSX.")
    return file_format


# Business cases ----------------------------------------------------------------------------


def _business_case_page(request: HttpRequest):
    filterset = selectors.business_case_list(filters=request.GET)
    govuk_widgets(filterset.form)
    valid = filterset.is_valid()
    cases = list(filterset.qs) if valid else []
    chosen_year = filterset.form.cleaned_data.get("financial_year") if valid else None
    year = int(chosen_year) if chosen_year else None
    rows = selectors.business_case_rows(cases=cases, financial_year=year)
    totals = selectors.business_case_totals(cases=cases)
    money = totals.by_year.get(year, selectors.MoneyTotals()) if year else totals.overall
    return filterset, rows, money, year


@login_required
def business_case_list(request: HttpRequest) -> HttpResponse:
    _require(permissions.can_view_business_cases(request.user))
    filterset, rows, money, year = _business_case_page(request)
    return render(
        request,
        "registers/business_case_list.html",
        {
            "wide_layout": True,
            "filterset": filterset,
            "error_forms": _errors_of(filterset.form),
            "headers": table_headers(BUSINESS_CASE_COLUMNS, rows[0] if rows else None),
            "rows": [(row.case, table_cells(row, BUSINESS_CASE_COLUMNS), False) for row in rows],
            "totals": table_cells(money, MONEY_COLUMNS),
            "label_span": len(BUSINESS_CASE_COLUMNS) - len(MONEY_COLUMNS),
            "year_label": financial_year_label(year) if year else None,
            "query": request.GET.urlencode(),
            "may_manage": permissions.can_manage_business_cases(request.user),
        },
    )


@login_required
def business_case_export(request: HttpRequest, file_format: str) -> HttpResponse:
    _require(permissions.can_view_business_cases(request.user))
    _, rows, _, _ = _business_case_page(request)
    return export_response(
        rows=rows, columns=BUSINESS_CASE_COLUMNS, filename="business-cases", file_format=_export_format(file_format)
    )


@login_required
def business_case_detail(request: HttpRequest, reference: str) -> HttpResponse:
    _require(permissions.can_view_business_cases(request.user))
    case = _get_or_404(selectors.business_case_detail, reference)
    totals = selectors.business_case_totals(cases=[case]).overall
    may_manage = permissions.can_manage_business_cases(request.user)
    return render(
        request,
        "registers/business_case_detail.html",
        {
            "case": case,
            "money_headers": [column.header for column in MONEY_COLUMNS],
            "lines": [(line.financial_year_label, table_cells(line, MONEY_COLUMNS)) for line in case.lines.all()],
            "totals": table_cells(totals, MONEY_COLUMNS),
            "revisions": [
                (
                    revision,
                    [(line.financial_year_label, table_cells(line, MONEY_COLUMNS)) for line in revision.superseded_lines],
                )
                for revision in case.revisions.all()
            ],
            "current_revision": len(case.revisions.all()) + 1,
            "may_manage": may_manage,
            "next_steps": transition_choices(case.status) if may_manage else [],
            "transition_form": TransitionForm(),
            "is_editable": case.status in services.DETAILS_EDITABLE,
        },
    )


def _strategy() -> Strategy:
    strategy = Strategy.objects.current()
    if strategy is None:
        raise Http404("Load the strategy first: python manage.py seed_strategy.")
    return strategy


@login_required
def business_case_create(request: HttpRequest) -> HttpResponse:
    _require(permissions.can_manage_business_cases(request.user))
    strategy = _strategy()
    years = figure_years(None, strategy)
    form = BusinessCaseForm(request.POST or None)
    figures = FiguresForm(request.POST or None, years=years)
    if request.method == "POST" and form.is_valid() and figures.is_valid():
        data = form.cleaned_data
        try:
            case = services.business_case_create(
                user=request.user,
                strategy=strategy,
                reference=data["reference"],
                title=data["title"],
                summary=data["summary"],
                sponsor=data["sponsor"],
                principles=data["principles"],
                lines=figures.lines(),
            )
        except ValidationError as error:
            _apply_errors(error, form, figures)
        else:
            messages.success(request, f"Business case {case.reference} created as a draft.")
            return redirect("business-case-detail", reference=case.reference)
    return render(
        request, "registers/business_case_form.html", {"form": form, "figures": figures, "heading": "New business case", "form_errors": _errors_of(form, figures)},
    )


@login_required
def business_case_edit(request: HttpRequest, reference: str) -> HttpResponse:
    _require(permissions.can_manage_business_cases(request.user))
    case = _get_or_404(selectors.business_case_detail, reference)
    # Figures are edited here only in draft; an approved case's figures change through a revision.
    with_figures = case.status == BusinessCaseStatus.DRAFT
    form = BusinessCaseForm(request.POST or None, business_case=case)
    figures = (
        FiguresForm(request.POST or None, years=figure_years(case, case.strategy), lines=list(case.lines.all()))
        if with_figures
        else None
    )
    if request.method == "POST" and form.is_valid() and (figures is None or figures.is_valid()):
        data = form.cleaned_data
        try:
            services.business_case_update(
                business_case=case,
                user=request.user,
                title=data["title"],
                summary=data["summary"],
                sponsor=data["sponsor"],
                principles=data["principles"],
                lines=figures.lines() if figures else None,
            )
        except ValidationError as error:
            _apply_errors(error, *(f for f in (form, figures) if f))
        else:
            messages.success(request, f"Business case {case.reference} saved.")
            return redirect("business-case-detail", reference=case.reference)
    return render(
        request,
        "registers/business_case_form.html",
        {
            "form": form,
            "figures": figures,
            "case": case,
            "heading": f"Edit {case.reference}",
            "form_errors": _errors_of(form, figures),
        },
    )


@login_required
@require_POST
def business_case_transition(request: HttpRequest, reference: str) -> HttpResponse:
    _require(permissions.can_manage_business_cases(request.user))
    case = _get_or_404(selectors.business_case_detail, reference)
    form = TransitionForm(request.POST)
    if form.is_valid():
        try:
            step = services.business_case_transition(
                business_case=case, user=request.user, to_status=form.cleaned_data["to_status"], note=form.cleaned_data["note"]
            )
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
        else:
            messages.success(request, f"{case.reference} is now {step.get_to_status_display().lower()}.")
    else:
        messages.error(request, "Choose one of the next steps shown.")
    return redirect("business-case-detail", reference=case.reference)


@login_required
def business_case_revise(request: HttpRequest, reference: str) -> HttpResponse:
    _require(permissions.can_manage_business_cases(request.user))
    case = _get_or_404(selectors.business_case_detail, reference)
    form = RevisionForm(request.POST or None, years=figure_years(case, case.strategy), lines=list(case.lines.all()))
    if request.method == "POST" and form.is_valid():
        try:
            revision = services.business_case_revise(
                business_case=case, user=request.user, lines=form.lines(), reason=form.cleaned_data["reason"]
            )
        except ValidationError as error:
            _apply_errors(error, form)
        else:
            messages.success(
                request, f"{case.reference} revised: revision {revision.number}'s figures are kept in its history."
            )
            return redirect("business-case-detail", reference=case.reference)
    return render(request, "registers/business_case_revise.html", {"form": form, "figures": form, "case": case, "form_errors": _errors_of(form)}
    )


# Risks -------------------------------------------------------------------------------------


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
    govuk_widgets(filterset.form)
    risks = list(filterset.qs) if filterset.is_valid() else []
    return filterset, risks


@login_required
def risk_list(request: HttpRequest) -> HttpResponse:
    _require(permissions.can_view_risks(request.user))
    filterset, risks = _risk_page(request)
    return render(
        request,
        "registers/risk_list.html",
        {
            "wide_layout": True,
            "filterset": filterset,
            "error_forms": _errors_of(filterset.form),
            "headers": table_headers(RISK_COLUMNS, risks[0] if risks else None),
            # The last column says whether the review is overdue; the flag makes it stand out.
            "rows": [(risk, table_cells(risk, RISK_COLUMNS), risk.is_review_overdue) for risk in risks],
            "heat_maps": _heat_map(request, risks),
            "query": request.GET.urlencode(),
            "may_manage": permissions.can_manage_risks(request.user),
        },
    )


@login_required
def risk_export(request: HttpRequest, file_format: str) -> HttpResponse:
    _require(permissions.can_view_risks(request.user))
    _, risks = _risk_page(request)
    return export_response(rows=risks, columns=RISK_COLUMNS, filename="risks", file_format=_export_format(file_format))


@login_required
def risk_detail(request: HttpRequest, reference: str) -> HttpResponse:
    _require(permissions.can_view_risks(request.user))
    risk = _get_or_404(selectors.risk_detail, reference)
    return render(
        request,
        "registers/risk_detail.html",
        {"risk": risk, "may_edit": permissions.can_edit_risk(request.user, risk)},
    )


@login_required
def risk_create(request: HttpRequest) -> HttpResponse:
    _require(permissions.can_manage_risks(request.user))
    form = RiskForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            risk = services.risk_create(
                user=request.user,
                strategy=_strategy(),
                reference=form.cleaned_data["reference"],
                details=form.details(),
                scores=form.scores(),
            )
        except ValidationError as error:
            _apply_errors(error, form)
        else:
            messages.success(request, f"Risk {risk.reference} added to the register.")
            return redirect("risk-detail", reference=risk.reference)
    return render(request, "registers/risk_form.html", {"form": form, "heading": "New risk", "form_errors": _errors_of(form)}
    )


@login_required
def risk_edit(request: HttpRequest, reference: str) -> HttpResponse:
    risk = _get_or_404(selectors.risk_detail, reference)
    _require(permissions.can_edit_risk(request.user, risk))
    may_manage = permissions.can_manage_risks(request.user)
    form = RiskForm(request.POST or None, risk=risk, may_manage=may_manage)
    if request.method == "POST" and form.is_valid():
        try:
            services.risk_update(risk=risk, user=request.user, details=form.details(), scores=form.scores())
        except ValidationError as error:
            _apply_errors(error, form)
        else:
            messages.success(request, f"Risk {risk.reference} saved.")
            return redirect("risk-detail", reference=risk.reference)
    return render(request, "registers/risk_form.html", {"form": form, "risk": risk, "heading": f"Edit {risk.reference}", "form_errors": _errors_of(form)},
    )


@login_required
def risk_review(request: HttpRequest, reference: str) -> HttpResponse:
    risk = _get_or_404(selectors.risk_detail, reference)
    _require(permissions.can_edit_risk(request.user, risk))
    initial = {name: getattr(risk, name) for name in SCORE_FIELDS}
    form = RiskReviewForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            review = services.risk_review(
                risk=risk,
                user=request.user,
                scores=form.scores(),
                note=form.cleaned_data["note"],
                next_review_date=form.cleaned_data["next_review_date"],
            )
        except ValidationError as error:
            _apply_errors(error, form)
        else:
            message = f"Review of {risk.reference} recorded."
            if review.escalated:
                message += f" Its residual score is {ESCALATION_THRESHOLD} or more, so it is now on the strategic register."
            messages.success(request, message)
            return redirect("risk-detail", reference=risk.reference)
    return render(request, "registers/risk_review_form.html", {"form": form, "risk": risk, "form_errors": _errors_of(form)}
    )
