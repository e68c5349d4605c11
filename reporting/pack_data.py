"""Reads for the quarterly progress packs: everything a pack shows, as a plain dict.

`pack_data` is the one place the ORM is touched for a build; the renderer (`pack_pdf`)
only sees the dict.  The number of queries is fixed (about fifteen) whatever the number of
actions, because states come from `action_states_as_at` and everything else is prefetched.
The state shown is as at the end of the period, so a rebuild of an old quarter reads the same.
"""

from __future__ import annotations

import datetime

from django.db.models import QuerySet

from actions.choices import CLOSED_STATUSES, Rag, Status
from actions.models import ActionItem
from actions.selectors import ActionState, action_states_as_at, rollup_by_principle
from core.conditions import holds
from core.exports import display_name
from core.financial_year import financial_year_label
from core.permissions import can_download_published_pack, can_see_unpublished_packs
from measures.choices import MeasureState
from measures.formatting import format_value
from measures.selectors import measures_as_at
from principles.models import Principle
from registers.choices import BusinessCaseStatus
from registers.models import VERY_HIGH, review_overdue_on
from registers.selectors import business_case_totals, business_cases_as_at, risk_heat_map, risks_as_at
from strategy.models import Strategy

from .choices import ReportStatus
from .models import CommitteeReport, ReportingPeriod, ReportPack
from .selectors import committee_report_document, published_packs

COMMITTEE = "Corporate Policy Committee"
DEFAULT_REPORT_OF = "Executive Director Corporate Services"
DEFAULT_WARDS = "All"
RAG_SEVERITY = {Rag.GREEN: 0, Rag.AMBER: 1, Rag.RED: 2}

def _pack_actions() -> QuerySet[ActionItem]:
    # Only what a pack row shows: no delegates or business case, so two queries per as-at read.
    return ActionItem.objects.select_related("principle", "owner")


def _action_row(state: ActionState) -> dict:
    action = state.action
    return {
        "reference": action.reference,
        "title": action.title,
        "principle_number": action.principle.number,
        "owner": display_name(action.owner),
        "due_date": action.due_date,
        "revised": action.revised_target_date is not None,
        "status": state.status,
        "status_label": state.status_label,
        "rag": state.rag,
        "rag_label": state.rag_label,
        "percent_complete": state.percent_complete,
        "commentary": state.commentary,
        "next_steps": state.next_steps,
        "overdue": state.overdue,
    }


def _changes(current: list[ActionState], previous: list[ActionState]) -> dict:
    """What moved between the previous quarter's end and this one's."""
    before = {state.action.pk: state for state in previous}
    changes = {"improved": [], "worsened": [], "newly_completed": [], "newly_overdue": []}
    for state in current:
        old = before.get(state.action.pk)
        if old is None:
            continue
        row = {**_action_row(state), "previous_rag": old.rag, "previous_rag_label": old.rag_label}
        if RAG_SEVERITY[state.rag] < RAG_SEVERITY[old.rag]:
            changes["improved"].append(row)
        elif RAG_SEVERITY[state.rag] > RAG_SEVERITY[old.rag]:
            changes["worsened"].append(row)
        if state.status == Status.COMPLETED and old.status != Status.COMPLETED:
            changes["newly_completed"].append(row)
        if state.overdue and not old.overdue:
            changes["newly_overdue"].append(row)
    return changes


def _cover(*, period: ReportingPeriod, strategy: Strategy | None, report: CommitteeReport | None) -> dict:
    """The report dict the committee-report templates take: the linked report's, or the pack's own cover.

    Without a linked report the cover is filled from the period and the council's defaults and
    the pack carries no report sections.
    """
    if report is not None:
        return committee_report_document(report=report)
    strategy_title = strategy.title if strategy else "ICT Strategy 2023–27"
    return {
        "council": strategy.council if strategy else "Cheshire East Council",
        "committee": COMMITTEE,
        "meeting_date": None,
        "title": f"{strategy_title}: progress report {period.label}",
        "report_of": DEFAULT_REPORT_OF,
        "reference": f"Progress pack {period.label}",
        "wards_affected": DEFAULT_WARDS,
        "status": ReportStatus.PUBLISHED,
        "status_label": ReportStatus.PUBLISHED.label,
    }


def _money(totals) -> dict:
    return {
        "capital_cost": totals.capital_cost,
        "revenue_cost": totals.revenue_cost,
        "cashable_benefit": totals.cashable_benefit,
        "non_cashable_benefit": totals.non_cashable_benefit,
        "net": totals.net,
        "cost": totals.capital_cost + totals.revenue_cost,
        "benefit": totals.cashable_benefit + totals.non_cashable_benefit,
    }


def _business_case_row(case, years: list[int]) -> dict:
    lines = {line.financial_year: line for line in case.lines.all()}
    return {
        "reference": case.reference,
        "title": case.title,
        "status_label": case.get_status_display(),
        "sponsor": display_name(case.sponsor),
        "principles": ", ".join(str(p.number) for p in sorted(case.principles.all(), key=lambda p: p.number)),
        "years": [
            {
                "cost": (lines[y].capital_cost + lines[y].revenue_cost) if y in lines else None,
                "benefit": (lines[y].cashable_benefit + lines[y].non_cashable_benefit) if y in lines else None,
            }
            for y in years
        ],
        "total_cost": sum((line.capital_cost + line.revenue_cost for line in lines.values()), start=0),
        "total_benefit": sum((line.cashable_benefit + line.non_cashable_benefit for line in lines.values()), start=0),
    }


def _business_cases(period: ReportingPeriod) -> dict:
    """Approved cases and their MTFS totals as at the period's end; every other status apart, with its own subtotal.

    Only an approved case commits money, so drafts, submissions, rejections and closed cases
    never swell the totals the committee reads.
    """
    cases = business_cases_as_at(moment=period.end_moment)
    approved = [case for case in cases if case.status == BusinessCaseStatus.APPROVED]
    totals = business_case_totals(cases=approved)
    years = sorted({line.financial_year for case in cases for line in case.lines.all()})
    others = []
    for status in BusinessCaseStatus:
        in_status = [case for case in cases if case.status == status and status != BusinessCaseStatus.APPROVED]
        if in_status:
            others.append(
                {
                    "label": status.label,
                    "cases": [_business_case_row(case, years) for case in in_status],
                    "subtotal": _money(business_case_totals(cases=in_status).overall),
                }
            )
    return {
        "years": [financial_year_label(y) for y in years],
        "count": len(cases),
        "cases": [_business_case_row(case, years) for case in approved],
        "by_year": [{"label": financial_year_label(y), **_money(t)} for y, t in totals.by_year.items()],
        "overall": _money(totals.overall),
        "others": others,
    }


def _heat_map(risks: list, basis: str) -> list[dict]:
    return [
        {
            "likelihood": row[0].likelihood,
            "cells": [
                {"impact": c.impact, "score": c.score, "band": c.band, "count": c.count, "references": [r.reference for r in c.risks]}
                for c in row
            ],
        }
        for row in risk_heat_map(risks=risks, basis=basis)
    ]


def _risks(period: ReportingPeriod) -> dict:
    risks = risks_as_at(moment=period.end_moment)
    overdue = {r.reference for r in risks if holds(review_overdue_on(period.end_date), r)}
    very_high = [r for r in risks if max(r.inherent_score, r.residual_score) >= VERY_HIGH.low]
    very_high.sort(key=lambda r: (-r.residual_score, -r.inherent_score, r.reference))
    return {
        "count": len(risks),
        "inherent": _heat_map(risks, "inherent"),
        "residual": _heat_map(risks, "residual"),
        "very_high_band": VERY_HIGH,
        "very_high": [
            {
                "reference": r.reference,
                "title": r.title,
                "category": r.get_category_display(),
                "owner": display_name(r.owner),
                "inherent_score": r.inherent_score,
                "residual_score": r.residual_score,
                "mitigation": r.mitigation,
                "review_date": r.review_date,
                "review_overdue": r.reference in overdue,
            }
            for r in very_high
        ],
        "review_overdue": [
            {"reference": r.reference, "title": r.title, "owner": display_name(r.owner), "review_date": r.review_date}
            for r in risks
            if r.reference in overdue
        ],
    }


def _measures(period: ReportingPeriod, principles: list[Principle]) -> dict:
    """Per principle, each measure's figures, RAG and reason as at the quarter, and counts by RAG."""
    rows_by_principle: dict[int, list[dict]] = {p.number: [] for p in principles}
    counts = dict.fromkeys(MeasureState.values, 0)
    for row in measures_as_at(period=period):
        measure, value, assessment = row["measure"], row["value"], row["assessment"]
        state = assessment.rag or MeasureState.AWAITING
        counts[state] += 1
        places = {"unit": measure.unit, "places": measure.decimal_places}
        rows_by_principle[measure.principle.number].append(
            {
                "reference": measure.reference,
                "name": measure.name,
                "target": format_value(value.target if value else None, **places),
                "actual": format_value(value.actual if value else None, **places),
                "rag": state,
                "rag_label": MeasureState(state).label,
                "reason": assessment.reason,
                "trend": "; ".join(f"{v.period.label} {format_value(v.actual, **places)}" for v in row["trend"]),
                "is_demo": measure.is_demo,
            }
        )
    return {
        "principles": [{"number": p.number, "title": p.title, "measures": rows_by_principle[p.number]} for p in principles if rows_by_principle[p.number]],
        "counts": [{"key": state, "label": label, "count": counts[state]} for state, label in MeasureState.choices if counts[state]],
    }


def pack_data(*, period: ReportingPeriod, committee_report: CommitteeReport | None = None) -> dict:
    """Everything the pack for `period` shows, as at the period's end, in a fixed number of queries.

    Actions are read from their updates for the period or earlier; business cases and risks
    from their history as at the period's last instant.
    """
    report = None
    if committee_report is not None:
        report = CommitteeReport.objects.select_related("meeting").get(pk=committee_report.pk)
    strategy = Strategy.objects.current()
    principles = list(Principle.objects.order_by("number"))
    states = action_states_as_at(period=period, actions=_pack_actions())
    # Only the previous quarter's end date matters, so an unsaved period stands in for it.
    previous_quarter = period.financial_quarter.previous()
    previous_period = ReportingPeriod(end_date=previous_quarter.end_date)
    previous_states = action_states_as_at(period=previous_period, actions=_pack_actions())

    per_principle, overall = rollup_by_principle(states=states, principles=principles)
    _, previous_overall = rollup_by_principle(states=previous_states, principles=principles)
    rows_by_principle: dict[int, list[dict]] = {p.pk: [] for p in principles}
    appendix = []
    exceptions = []
    for state in states:
        row = _action_row(state)
        rows_by_principle[state.action.principle_id].append(row)
        appendix.append(row)
        # A completed or cancelled action needs no decision from the committee, whatever its RAG.
        if state.status not in CLOSED_STATUSES and (state.rag in (Rag.RED, Rag.AMBER) or state.overdue):
            exceptions.append(row)
    exceptions.sort(key=lambda r: (-RAG_SEVERITY[r["rag"]], not r["overdue"], r["reference"]))

    return {
        "period": {
            "label": period.label,
            "key": period.key,
            "start_date": period.start_date,
            "end_date": period.end_date,
            "previous_label": previous_quarter.label,
        },
        "strategy": {"title": strategy.title if strategy else "ICT Strategy 2023–27", "vision": strategy.vision if strategy else ""},
        "report": _cover(period=period, strategy=strategy, report=report),
        "has_report_sections": report is not None,
        "contains_demo_data": any(state.action.is_demo for state in states),
        "summary": {
            "overall": overall,
            "previous_overall": previous_overall,
            "completed": overall.by_status[Status.COMPLETED],
            "principles": [rollup for _, rollup in per_principle],
        },
        "changes": _changes(states, previous_states),
        "exceptions": exceptions,
        "principles": [
            {"number": p.number, "title": p.title, "summary": p.summary, "lead_officer": p.lead_officer, "actions": rows_by_principle[p.pk]}
            for p in principles
        ],
        "measures": _measures(period, principles),
        "business_cases": _business_cases(period),
        "risks": _risks(period),
        "appendix": appendix,
    }


# Reads for the packs pages.

def pack_periods(*, on: datetime.date) -> list[ReportingPeriod]:
    """Periods that have started by `on`, newest first: the ones a pack can be built for."""
    return list(ReportingPeriod.objects.filter(start_date__lte=on).select_related("closed_by", "progress_report").order_by("-start_date"))


def packs_visible_to(*, user) -> QuerySet[ReportPack]:
    """Packs the user may see: every version for leads, published ones for other readers, none otherwise."""
    packs = ReportPack.objects.select_related("period", "requested_by", "published_by", "committee_report")
    if can_see_unpublished_packs(user):
        return packs
    if can_download_published_pack(user):
        return published_packs(packs)
    return packs.none()
