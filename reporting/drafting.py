"""The first draft of a quarter's progress report to committee, written from the quarter's figures.

A lead edits the draft on the committee report pages before approving it, so every text here
is a starting point in the council's form (numbered paragraphs, as CP/35/22-23), never final.
Business cases and risks are read as at the quarter's end, like the pack they go with.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.formats import date_format

from actions.selectors import Rollup
from core.exports import display_name
from core.financial_year import financial_year_label
from core.templatetags.council import percent, pounds
from periods.models import ReportingPeriod
from registers.choices import BusinessCaseStatus
from registers.models import SCORE_BANDS, VERY_HIGH, BusinessCase, ScoreBand
from registers.selectors import business_case_totals, business_cases_as_at, risks_as_at
from strategy.models import Strategy

from .choices import ImplicationArea
from .models import CommitteeMeeting
from .pack_data import COMMITTEE, DEFAULT_REPORT_OF, DEFAULT_WARDS, pack_data
from .sections import IMPLICATIONS_NUMBER

# The areas a progress report has something to say about; the rest get the council's usual line.
FIGURED_AREAS = (ImplicationArea.FINANCE, ImplicationArea.RISK_MANAGEMENT)


@dataclass(frozen=True)
class ProgressReportDraft:
    meeting: CommitteeMeeting | None
    sections: dict[str, str]
    implications: dict[str, str]


def next_meeting_for(period: ReportingPeriod) -> CommitteeMeeting | None:
    """The committee's first meeting after the quarter's update deadline, when its figures are all in."""
    return CommitteeMeeting.objects.filter(committee=COMMITTEE, date__gt=period.update_deadline).order_by("date").first()


def _day(value) -> str:
    return date_format(value, "j F Y")


def _paragraphs(number: int | str, *texts: str) -> str:
    """Numbered paragraphs 2.1., 2.2., ... (or 8.2.1., ...) as the council's form sets them."""
    return "\n\n".join(f"{number}.{index}. {text}" for index, text in enumerate(texts, start=1))


def _area_number(area: ImplicationArea) -> str:
    return f"{IMPLICATIONS_NUMBER}.{list(ImplicationArea).index(area) + 1}"


def _plural(count: int, singular: str, plural: str | None = None) -> str:
    return f"{count} {singular if count == 1 else (plural or singular + 's')}"


def _rag_movement(current: Rollup, previous: Rollup) -> str:
    parts = []
    for count in current.rag_counts:
        before = previous.by_rag[count.key]
        if count.count == before:
            moved = "unchanged"
        else:
            moved = f"{'up' if count.count > before else 'down'} {abs(count.count - before)} from {before}"
        parts.append(f"{count.label.lower()} {count.count} ({moved})")
    return "; ".join(parts)


def _finance(cases: list[BusinessCase], *, as_at: str) -> str:
    approved = [case for case in cases if case.status == BusinessCaseStatus.APPROVED]
    number = _area_number(ImplicationArea.FINANCE)
    if not approved:
        return _paragraphs(number, f"As at {as_at} no High Level Business Case was approved, so this report has no financial implications.")
    totals = business_case_totals(cases=approved).overall
    years = sorted({line.financial_year for case in approved for line in case.lines.all()})
    span = f"{financial_year_label(years[0])} to {financial_year_label(years[-1])}" if years else "the MTFS"
    return _paragraphs(
        number,
        f"The figures below are those of the {_plural(len(approved), 'approved High Level Business Case')} "
        f"as at {as_at} ({', '.join(case.reference for case in approved)}); draft, submitted, rejected and "
        "closed cases are not included.",
        f"Over {span} they plan capital costs of {pounds(totals.capital_cost)} and revenue costs of "
        f"{pounds(totals.revenue_cost)}, against cashable benefits of {pounds(totals.cashable_benefit)} and "
        f"non-cashable benefits of {pounds(totals.non_cashable_benefit)}: a net of {pounds(totals.net)}.",
        "This report has no further financial implications: the costs are met from the budgets agreed "
        "for each approved business case within the MTFS.",
    )


def _risk(risks: list, *, as_at: str) -> str:
    number = _area_number(ImplicationArea.RISK_MANAGEMENT)
    by_band = {band.key: 0 for band in SCORE_BANDS}
    for risk in risks:
        by_band[ScoreBand.for_score(risk.residual_score).key] += 1
    bands = ", ".join(f"{by_band[band.key]} {band.label.lower()} ({band.low}–{band.high})" for band in reversed(SCORE_BANDS))
    strategic = sum(risk.on_strategic_register for risk in risks)
    very_high = sorted(
        (risk for risk in risks if ScoreBand.for_score(risk.residual_score) == VERY_HIGH),
        key=lambda risk: (-risk.residual_score, risk.reference),
    )
    texts = [
        f"As at {as_at} the ICT risk register held {_plural(len(risks), 'risk')}. By residual score: {bands}; "
        f"{strategic} {'is' if strategic == 1 else 'are'} on the Strategic Risk Register.",
    ]
    if very_high:
        texts.append(
            "The very high risks are "
            + "; ".join(f"{risk.reference} {risk.title} (residual score {risk.residual_score})" for risk in very_high)
            + ". Their mitigation is set out in the progress pack."
        )
    return _paragraphs(number, *texts)


def _no_implications(area: ImplicationArea) -> str:
    return _paragraphs(_area_number(area), f"There are no direct {area.label.lower()} implications arising from this progress report.")


def _contact(user) -> str:
    # The scheduler's account is nobody to contact: the lead fills this in before approval.
    if not user.is_active:
        return ""
    return "\n".join(part for part in (display_name(user), user.email) if part)


def progress_report_draft(*, period: ReportingPeriod, drafted_by) -> ProgressReportDraft:
    """Every section of the quarter's report, drafted from its figures as at the quarter's end."""
    data = pack_data(period=period)
    strategy = Strategy.objects.current()
    strategy_title = data["strategy"]["title"]
    label = period.label
    as_at = _day(period.end_date)
    current: Rollup = data["summary"]["overall"]
    previous: Rollup = data["summary"]["previous_overall"]
    changes = data["changes"]
    attention = sum(current.by_rag[rag] for rag in ("red", "amber"))
    approval = strategy.approved_at if strategy else None
    approved_text = f", approved by this Committee on {_day(approval.date)}" if approval else ""
    approving_report = approval.reports.order_by("sequence").first() if approval else None
    if approving_report:
        approved_text += f" (report {approving_report.reference})"

    sections = {
        "title": f"{strategy_title}: progress report {label}",
        "report_of": DEFAULT_REPORT_OF,
        "wards_affected": DEFAULT_WARDS,
        "purpose": _paragraphs(
            1,
            f"To report progress in delivering the {strategy_title}{approved_text}, for {label} "
            f"({_day(period.start_date)} to {as_at}).",
        ),
        "executive_summary": _paragraphs(
            2,
            f"As at {as_at}, the end of {label}, the strategy has {_plural(current.total, 'action')}; the "
            f"{_plural(current.open, 'open one')} (neither completed nor cancelled) {'is' if current.open == 1 else 'are'} on "
            f"average {percent(current.average_percent)} complete (at the end of {data['period']['previous_label']}: "
            f"{percent(previous.average_percent)}).",
            f"Open actions by RAG rating: {_rag_movement(current, previous)}, compared with the end of "
            f"{data['period']['previous_label']}.",
            f"{_plural(data['summary']['completed'], 'action')} {'is' if data['summary']['completed'] == 1 else 'are'} "
            f"completed and {_plural(current.overdue, 'action')} {'is' if current.overdue == 1 else 'are'} overdue. "
            "The progress pack at Appendix A sets out every action, the exceptions, the business cases and the risks.",
        ),
        "recommendations": _paragraphs(
            3,
            f"That the Committee notes the progress made in delivering the {strategy_title} in {label}, "
            "as set out in this report and the progress pack at Appendix A.",
        ),
        "reasons": _paragraphs(
            4,
            "The Committee approved the strategy and receives a report on its delivery each quarter.",
            f"Noting the progress keeps the Committee informed of delivery, of the {_plural(attention, 'action')} "
            "rated red or amber and of the risks to the strategy.",
        ),
        "other_options": _paragraphs(
            5,
            "Not reporting progress was considered and rejected: the Committee could not then oversee "
            "the delivery of the strategy it approved.",
        ),
        "background": _paragraphs(
            6,
            f"The strategy is delivered through {_plural(current.total, 'action')} under its "
            f"{_plural(len(data['principles']), 'principle')}. Each quarter the officer responsible for each action "
            "reports its status, RAG rating and percent complete; the figures here are as they stood at the "
            f"end of the quarter, {as_at}.",
            f"In {label} the RAG rating of {_plural(len(changes['improved']), 'action')} improved and of "
            f"{len(changes['worsened'])} worsened; {len(changes['newly_completed'])} completed and "
            f"{len(changes['newly_overdue'])} became overdue.",
        ),
        "contact_officer": _contact(drafted_by),
        "appendices": f"Appendix A: {strategy_title} progress pack, {label}",
        "background_papers": f"Report {approving_report.reference} to {COMMITTEE}, {_day(approval.date)}"
        if approving_report
        else "",
    }
    implications = {area.value: _no_implications(area) for area in ImplicationArea if area not in FIGURED_AREAS}
    implications[ImplicationArea.FINANCE.value] = _finance(business_cases_as_at(moment=period.end_moment), as_at=as_at)
    implications[ImplicationArea.RISK_MANAGEMENT.value] = _risk(risks_as_at(moment=period.end_moment), as_at=as_at)
    return ProgressReportDraft(meeting=next_meeting_for(period), sections=sections, implications=implications)
