"""Loading the ICT Strategy from the committee report, and the optional demo action plan.

Every function here is idempotent: it creates what is missing and saves a row only when
its values differ, so a second run writes nothing (not even audit history).
"""

import datetime
import hashlib
from dataclasses import dataclass
from decimal import Decimal
from zoneinfo import ZoneInfo

from django.conf import settings
from django.contrib.auth.models import Group, Permission, User
from django.db import models, transaction

from actions.choices import Rag, Status
from actions.models import ActionItem
from actions.services import progress_record
from core.financial_year import FinancialQuarter, add_working_days, quarters_between
from core.roles import sync_role_groups
from measures.models import Measure
from measures.services import measure_value_record
from periods.models import ReportingPeriod
from principles.models import Principle
from registers.models import (
    BusinessCase,
    BusinessCaseLine,
    BusinessCaseTransition,
    Risk,
    escalation_reason,
    needs_escalation,
)
from reporting.models import CommitteeMeeting, CommitteeReport, ReportImplication
from reporting.sections import AUTHORED_FIELDS
from reporting.services import committee_report_published_pdf
from strategy.models import Strategy

from . import demo_data, reference_data

LONDON = ZoneInfo("Europe/London")
# The demo history stops at a fixed quarter so every run, on any day, loads the same rows.
DEMO_HISTORY_THROUGH = FinancialQuarter(2026, 2)
# Measures have the six quarters of figures up to the end of the demo history.
DEMO_MEASURES_FROM = FinancialQuarter(2025, 1)
DEMO_MEASURE_COMMENTARY = "Demo figures: see the source for how the measure is counted."
DEMO_REVIEW_BASE = datetime.date(2026, 7, 1)


def _upsert(
    model: type[models.Model], lookup: dict, values: dict, *, created_at: datetime.datetime | None = None
) -> models.Model:
    """`created_at` dates a new row's first history record, so the demo plan has a past to report."""
    obj = model.objects.filter(**lookup).first()
    if obj is None:
        obj = model(**lookup, **values)
        if created_at is not None:
            obj._history_date = created_at  # django-simple-history dates the record it writes by this
        obj.save(force_insert=True)
        return obj
    changed = [field for field, value in values.items() if getattr(obj, field) != value]
    if changed:
        for field in changed:
            setattr(obj, field, values[field])
        obj.save(update_fields=changed)
    return obj


def _set_if_different(manager, objects) -> None:
    if set(manager.all()) != set(objects):
        manager.set(objects)


@transaction.atomic
def seed_reference_data() -> Strategy:
    """The strategy, principles, meetings, report CP/35/22-23, periods and role groups."""
    sync_role_groups(Group, Permission)
    meetings = {
        meeting["date"]: _upsert(CommitteeMeeting, {"committee": meeting["committee"], "date": meeting["date"]}, {})
        for meeting in reference_data.MEETINGS
    }
    report = reference_data.COMMITTEE_REPORT
    approving_meeting = meetings[report["meeting_date"]]
    strategy = _upsert(
        Strategy,
        {"title": reference_data.STRATEGY["title"]},
        {
            "council": reference_data.COUNCIL,
            "start_year": reference_data.STRATEGY["start_year"],
            "end_year": reference_data.STRATEGY["end_year"],
            "vision": reference_data.STRATEGY["vision"],
            "ict_services_vision": reference_data.STRATEGY["ict_services_vision"],
            "approved_at": approving_meeting,
        },
    )
    for principle in reference_data.PRINCIPLES:
        _upsert(
            Principle,
            {"strategy": strategy, "number": principle["number"]},
            {field: principle[field] for field in ("title", "summary", "rationale", "benefits", "deliverables", "lead_officer")},
        )
    _seed_committee_report(report, approving_meeting)
    _seed_periods(strategy)
    return strategy


def _seed_committee_report(report: dict, meeting: CommitteeMeeting) -> None:
    sections = {field: report[field] for field in AUTHORED_FIELDS}
    fy_start = FinancialQuarter.containing(report["meeting_date"]).start_year
    committee_report = _upsert(
        CommitteeReport,
        {"reference": report["reference"]},
        {**sections, "sequence": report["sequence"], "financial_year": fy_start, "meeting": meeting, "status": "published"},
    )
    for area, text in report["implications"].items():
        _upsert(ReportImplication, {"report": committee_report, "area": area}, {"text": text})
    committee_report_published_pdf(report=committee_report)


def _seed_periods(strategy: Strategy) -> None:
    window = settings.REPORTING_UPDATE_WINDOW_WORKING_DAYS
    first = FinancialQuarter(strategy.start_year, 1)
    last = FinancialQuarter(strategy.end_year - 1, 4)
    for quarter in quarters_between(first, last):
        _upsert(
            ReportingPeriod,
            {"financial_year": quarter.start_year, "quarter": quarter.quarter},
            {"start_date": quarter.start_date, "end_date": quarter.end_date, "update_deadline": quarter.update_deadline(window)},
        )


@dataclass(frozen=True)
class QuarterState:
    status: str
    rag: str
    percent: int


def _story_state(story: str, index: int, planned: int) -> QuarterState:
    """Where an action stands `index` quarters into a plan of `planned` quarters."""
    done = (index + 1) / planned
    if story == "completed_early":
        done *= 1.4
    if story in ("steady", "completed_early"):
        if done >= 1:
            return QuarterState(Status.COMPLETED, Rag.GREEN, 100)
        return QuarterState(Status.ON_TRACK, Rag.GREEN, round(done * 100))
    if story == "slipping":
        percent = min(90, round(done * 70))
        if done < 0.4:
            return QuarterState(Status.ON_TRACK, Rag.GREEN, percent)
        if done < 0.75:
            return QuarterState(Status.AT_RISK, Rag.AMBER, percent)
        return QuarterState(Status.OFF_TRACK, Rag.RED, percent)
    if story == "recovering":
        if done < 0.3:
            return QuarterState(Status.OFF_TRACK, Rag.RED, round(done * 40))
        if done < 0.6:
            return QuarterState(Status.AT_RISK, Rag.AMBER, round(done * 70))
        if done >= 1:
            return QuarterState(Status.COMPLETED, Rag.GREEN, 100)
        return QuarterState(Status.ON_TRACK, Rag.GREEN, round(done * 100))
    if story == "wobbling":
        if done < 0.5:
            return QuarterState(Status.ON_TRACK, Rag.GREEN, round(done * 100))
        return QuarterState(Status.AT_RISK, Rag.AMBER, min(95, round(done * 85)))
    if story == "cancelled":
        if index >= 2:
            return QuarterState(Status.CANCELLED, Rag.AMBER, 20)
        return QuarterState(Status.AT_RISK, Rag.AMBER, 10 * (index + 1))
    return QuarterState(Status.NOT_STARTED, Rag.AMBER if index else Rag.GREEN, 0)


def _pick(options: list, *keys: object):
    digest = hashlib.sha256("/".join(map(str, keys)).encode()).digest()
    return options[digest[0] % len(options)]


def _recorded_at(period: ReportingPeriod) -> datetime.datetime:
    day = add_working_days(period.end_date, 5)
    return datetime.datetime.combine(day, datetime.time(10, 0), tzinfo=LONDON)


def _seed_demo_history(action: ActionItem, story: str, periods: dict[FinancialQuarter, ReportingPeriod]) -> None:
    if action.updates.exists():
        return
    first = FinancialQuarter.containing(action.start_date)
    planned = max(1, len(quarters_between(first, FinancialQuarter.containing(action.target_date))))
    for index, quarter in enumerate(quarters_between(first, DEMO_HISTORY_THROUGH)):
        state = _story_state(story, index, planned)
        if state.status == Status.CANCELLED:
            commentary, next_steps = demo_data.CANCELLED_COMMENTARY
        else:
            commentary, next_steps = _pick(demo_data.COMMENTARY[state.rag], action.reference, quarter.key)
        progress_record(
            action=action,
            user=action.owner,
            period=periods[quarter],
            status=state.status,
            rag=state.rag,
            percent_complete=state.percent,
            commentary=commentary,
            next_steps=next_steps,
            expected_version=action.version,
            recorded_at=_recorded_at(periods[quarter]),
        )
        if state.status in (Status.COMPLETED, Status.CANCELLED):
            break


def _add_months(day: datetime.date, months: int) -> datetime.date:
    month_index = day.month - 1 + months
    return day.replace(year=day.year + month_index // 12, month=month_index % 12 + 1)


# The workflow steps that lead to each demo status, with the note the lead recorded.
DEMO_WORKFLOW = {
    "draft": [],
    "submitted": [("draft", "submitted", "")],
    "approved": [("draft", "submitted", ""), ("submitted", "approved", "Approved by SIGG.")],
    "rejected": [
        ("draft", "submitted", ""),
        ("submitted", "rejected", "Rejected by the ICT investment board: see the summary for why."),
    ],
    "closed": [
        ("draft", "submitted", ""),
        ("submitted", "approved", "Approved by SIGG."),
        ("approved", "closed", "Delivered and closed."),
    ],
}


def _demo_case_year(reference: str) -> int:
    return int(reference.split("-")[1])


def _seed_demo_workflow(business_case: BusinessCase, status: str, lead: User) -> None:
    """Workflow history for a demo case, at fixed dates in the year its reference names.

    The case moves a step at each transition's date, in its own history too, so a pack of a
    past quarter shows the status the case had then.
    """
    year = _demo_case_year(business_case.reference)
    for step, (from_status, to_status, note) in enumerate(DEMO_WORKFLOW[status]):
        # Submitted in May, decided in July; a closed case closes at the end of its second year.
        if to_status == "closed":
            at = datetime.datetime(year + 2, 3, 31, 16, 0, tzinfo=LONDON)
        else:
            at = datetime.datetime(year, 5 + 2 * step, 1, 10, 0, tzinfo=LONDON)
        _upsert(
            BusinessCaseTransition,
            {"business_case": business_case, "to_status": to_status},
            {"from_status": from_status, "actor": lead, "at": at, "note": note},
        )
        if business_case.status == from_status:
            business_case.status = to_status
            business_case._history_date = at
            business_case.save(update_fields=["status", "updated_at"])


# The committee's demo calendar: the first Thursday of these months, so each quarter's figures,
# in by its update deadline, go to the meeting after (Q1 in August, Q2 in December, Q3 in
# February, Q4 in June).
DEMO_MEETING_MONTHS = (6, 8, 10, 12, 2, 3)
DEMO_MEETINGS_THROUGH_YEAR = 2027


def _demo_meeting_dates(strategy: Strategy) -> list[datetime.date]:
    dates = []
    for financial_year in range(strategy.start_year, DEMO_MEETINGS_THROUGH_YEAR + 1):
        for month in DEMO_MEETING_MONTHS:
            first = datetime.date(financial_year if month >= 4 else financial_year + 1, month, 1)
            dates.append(first + datetime.timedelta(days=(3 - first.weekday()) % 7))
    return dates


@transaction.atomic
def _seed_demo_measure_values(measure: Measure, item: dict, periods: dict[FinancialQuarter, ReportingPeriod]) -> None:
    if measure.values.exists():
        return
    for quarter, actual in zip(quarters_between(DEMO_MEASURES_FROM, DEMO_HISTORY_THROUGH), item["actuals"], strict=True):
        measure_value_record(
            measure=measure,
            user=measure.owner,
            period=periods[quarter],
            target=Decimal(item["target"]),
            actual=Decimal(actual),
            commentary=DEMO_MEASURE_COMMENTARY,
            expected_version=measure.version,
            recorded_at=_recorded_at(periods[quarter]),
        )


def seed_demo_data(strategy: Strategy) -> None:
    """Demo users, business cases, risks and a progress history, all marked as demo data."""
    users = {}
    for person in demo_data.DEMO_USERS:
        user = _upsert(
            User,
            {"username": person["username"]},
            {"first_name": person["first_name"], "last_name": person["last_name"], "email": person["email"]},
        )
        if not user.password:
            user.set_password(demo_data.DEMO_PASSWORD)
            user.save(update_fields=["password"])
        _set_if_different(user.groups, [Group.objects.get(name=person["role"])])
        users[user.username] = user

    for meeting_date in _demo_meeting_dates(strategy):
        _upsert(CommitteeMeeting, {"committee": reference_data.COMMITTEE, "date": meeting_date}, {"is_demo": True})

    principles = {p.number: p for p in strategy.principles.all()}
    cases = {}
    for case in demo_data.DEMO_BUSINESS_CASES:
        # Drafted at the start of the year its reference names; the workflow below moves it on.
        drafted_at = datetime.datetime(_demo_case_year(case["reference"]), 4, 1, 9, 0, tzinfo=LONDON)
        business_case = _upsert(
            BusinessCase,
            {"reference": case["reference"]},
            {
                "strategy": strategy,
                "title": case["title"],
                "summary": case["summary"],
                "sponsor": users[case["sponsor"]],
                "is_demo": True,
            },
            created_at=drafted_at,
        )
        _set_if_different(business_case.principles, [principles[n] for n in case["principles"]])
        for line in case["lines"]:
            _upsert(
                BusinessCaseLine,
                {"business_case": business_case, "financial_year": line["financial_year"]},
                {field: Decimal(line[field]) for field in ("capital_cost", "revenue_cost", "cashable_benefit", "non_cashable_benefit")},
                created_at=drafted_at,
            )
        _seed_demo_workflow(business_case, case["status"], users["lead"])
        cases[business_case.reference] = business_case

    risks = {}
    for item in demo_data.DEMO_RISKS:
        residual = item["residual_likelihood"] * item["residual_impact"]
        escalated = needs_escalation(residual)
        risk = _upsert(
            Risk,
            {"reference": item["reference"]},
            {
                "strategy": strategy,
                "title": item["title"],
                "description": item["description"],
                "category": item["category"],
                "owner": users[item["owner"]],
                **{
                    field: item[field]
                    for field in ("inherent_likelihood", "inherent_impact", "residual_likelihood", "residual_impact")
                },
                "mitigation": item["mitigation"],
                "review_date": _add_months(DEMO_REVIEW_BASE, item["review_months"]),
                "on_strategic_register": item["on_strategic_register"] or escalated,
                "escalation_reason": escalation_reason(residual) if escalated else "",
                "is_demo": True,
            },
            # On the register from the strategy's first day, so every quarter's pack has its risks.
            created_at=datetime.datetime(strategy.start_year, 4, 1, 9, 0, tzinfo=LONDON),
        )
        _set_if_different(risk.business_cases, [cases[ref] for ref in item["business_cases"]])
        risks[risk.reference] = risk

    periods = {p.financial_quarter: p for p in ReportingPeriod.objects.all()}
    for item in demo_data.DEMO_ACTIONS:
        action = _upsert(
            ActionItem,
            {"reference": item["reference"]},
            {
                "principle": principles[item["principle"]],
                "title": item["title"],
                "description": item["description"],
                "owner": users[item["owner"]],
                "business_case": cases.get(item["business_case"]),
                "start_date": item["start"],
                "target_date": item["target"],
                "is_demo": True,
            },
        )
        _set_if_different(action.delegates, [users[name] for name in item["delegates"]])
        _set_if_different(action.risks, [risks[ref] for ref in item["risks"]])
        _seed_demo_history(action, item["story"], periods)

    for item in demo_data.DEMO_MEASURES:
        measure = _upsert(
            Measure,
            {"reference": item["reference"]},
            {
                "principle": principles[item["principle"]],
                **{field: item[field] for field in ("name", "description", "unit", "direction", "decimal_places", "tolerance_kind", "source")},
                "tolerance": Decimal(item["tolerance"]),
                "owner": users[item["owner"]],
                "baseline_value": Decimal(item["actuals"][0]),
                "baseline_date": quarters_between(DEMO_MEASURES_FROM, DEMO_HISTORY_THROUGH)[0].start_date,
                "is_demo": True,
            },
        )
        _seed_demo_measure_values(measure, item, periods)
