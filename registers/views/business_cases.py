"""Pages for business cases: thin callers of the selectors and services."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from core import permissions
from core.conflicts import EditConflict
from core.exports import export_response
from registers import selectors
from registers.choices import BusinessCaseStatus
from core.financial_year import financial_year_label
from core.tables import table_cells
from registers.columns import BUSINESS_CASE_COLUMNS, BUSINESS_CASE_TABLE, MONEY_COLUMNS
from registers.forms import (
    BusinessCaseForm,
    FiguresForm,
    RevisionForm,
    TransitionForm,
    figure_years,
    transition_choices,
)
from registers.models import BusinessCase
from registers.services import business_cases as services

from .shared import (
    apply_service_errors,
    current_strategy,
    export_format,
    forms_with_errors,
    get_or_404,
    require,
    submit_edit,
)


def _business_case_page(request: HttpRequest):
    filterset = selectors.business_case_list(filters=request.GET)
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
    require(permissions.can_view_business_cases(request.user))
    filterset, rows, money, year = _business_case_page(request)
    return render(
        request,
        "registers/business_case_list.html",
        {
            "wide_layout": True,
            "filterset": filterset,
            "error_forms": forms_with_errors(filterset.form),
            "table": BUSINESS_CASE_TABLE.of(rows, totals=table_cells(money, MONEY_COLUMNS)),
            "year_label": financial_year_label(year) if year else None,
            "query": request.GET.urlencode(),
            "may_manage": permissions.can_manage_business_cases(request.user),
        },
    )


@login_required
def business_case_export(request: HttpRequest, file_format: str) -> HttpResponse:
    require(permissions.can_view_business_cases(request.user))
    _, rows, _, _ = _business_case_page(request)
    return export_response(
        rows=rows, columns=BUSINESS_CASE_COLUMNS, filename="business-cases", file_format=export_format(file_format)
    )


@login_required
def business_case_detail(request: HttpRequest, reference: str) -> HttpResponse:
    require(permissions.can_view_business_cases(request.user))
    case = get_or_404(selectors.business_case_detail, reference)
    transition_form = TransitionForm(initial={"expected_version": case.version})
    return _render_business_case(request, case, transition_form=transition_form)


def _render_business_case(request: HttpRequest, case: BusinessCase, *, transition_form: TransitionForm) -> HttpResponse:
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
            "transition_form": transition_form,
            "is_editable": case.status in services.DETAILS_EDITABLE,
        },
    )


@login_required
def business_case_create(request: HttpRequest) -> HttpResponse:
    require(permissions.can_manage_business_cases(request.user))
    strategy = current_strategy()
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
            apply_service_errors(error, form, figures)
        else:
            messages.success(request, f"Business case {case.reference} created as a draft.")
            return redirect("business-case-detail", reference=case.reference)
    return render(
        request, "registers/business_case_form.html", {"form": form, "figures": figures, "heading": "New business case", "form_errors": forms_with_errors(form, figures)},
    )


@login_required
def business_case_edit(request: HttpRequest, reference: str) -> HttpResponse:
    require(permissions.can_manage_business_cases(request.user))
    case = get_or_404(selectors.business_case_detail, reference)
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
        saved = submit_edit(
            services.business_case_update,
            form,
            figures,
            business_case=case,
            user=request.user,
            title=data["title"],
            summary=data["summary"],
            sponsor=data["sponsor"],
            principles=data["principles"],
            lines=figures.lines() if figures else None,
        )
        if saved is not None:
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
            "form_errors": forms_with_errors(form, figures),
        },
    )


@login_required
@require_POST
def business_case_transition(request: HttpRequest, reference: str) -> HttpResponse:
    require(permissions.can_manage_business_cases(request.user))
    case = get_or_404(selectors.business_case_detail, reference)
    form = TransitionForm(request.POST)
    if form.is_valid():
        try:
            step = services.business_case_transition(
                business_case=case,
                user=request.user,
                expected_version=form.cleaned_data["expected_version"],
                to_status=form.cleaned_data["to_status"],
                note=form.cleaned_data["note"],
            )
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
        except EditConflict as conflict:
            # Shown on the case as it now stands, keeping the note the user wrote.
            form.refuse_stale(conflict)
            current_case = get_or_404(selectors.business_case_detail, reference)
            return _render_business_case(request, current_case, transition_form=form)
        else:
            messages.success(request, f"{case.reference} is now {step.get_to_status_display().lower()}.")
    else:
        messages.error(request, "Choose one of the next steps shown.")
    return redirect("business-case-detail", reference=case.reference)


@login_required
def business_case_revise(request: HttpRequest, reference: str) -> HttpResponse:
    require(permissions.can_manage_business_cases(request.user))
    case = get_or_404(selectors.business_case_detail, reference)
    form = RevisionForm(
        request.POST or None,
        years=figure_years(case, case.strategy),
        lines=list(case.lines.all()),
        initial={"expected_version": case.version},
    )
    if request.method == "POST" and form.is_valid():
        revision = submit_edit(
            services.business_case_revise,
            form,
            business_case=case,
            user=request.user,
            lines=form.lines(),
            reason=form.cleaned_data["reason"],
        )
        if revision is not None:
            messages.success(
                request, f"{case.reference} revised: revision {revision.number}'s figures are kept in its history."
            )
            return redirect("business-case-detail", reference=case.reference)
    return render(request, "registers/business_case_revise.html", {"form": form, "figures": form, "case": case, "form_errors": forms_with_errors(form)}
    )
