"""factory_boy factories: the smallest valid rows, with roles given by group."""

import datetime
import hashlib
from decimal import Decimal

import factory
from django.contrib.auth.models import Group, User
from django.core.files.base import ContentFile
from django.utils import timezone

from actions.choices import Rag, Status
from actions.models import ActionItem, ProgressUpdate
from core import roles
from core.financial_year import FinancialQuarter
from measures.choices import Direction, Unit
from measures.models import Measure, MeasureValue
from periods.models import ReportingPeriod
from periods.selectors import period_current
from principles.models import Principle
from registers.choices import BusinessCaseStatus, RiskCategory
from registers.models import BusinessCase, BusinessCaseLine, Risk
from reporting.models import CommitteeMeeting, CommitteeReport, ReportPack
from strategy.models import Strategy

# Committee report CP/35/22-23, paragraph 6.6, word for word.
PRINCIPLE_TITLES = [
    "To provide standard, sustainable, and flexible technology",
    "Ensure ICT governance and architectural practices are sustainable for the future",
    "Focus on agile delivery, supporting and communicating with the workforce, to maximise the benefits",
    "Ensure the Council's information and data is managed effectively with enterprise solutions",
    "Facilitate sharing of information and partnership working",
    "Maximise the value of technology enabling financial stability",
    "Provide Cyber Security and Threat Management",
]
# A target date no run of the suite reaches, so the action is never overdue.
FAR_FUTURE = datetime.date(2099, 3, 31)
# A review date the forms accept as in the future.
NEXT_YEAR = datetime.date.today() + datetime.timedelta(days=365)


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ["username"]
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    first_name = factory.Faker("first_name", locale="en_GB")
    last_name = factory.Faker("last_name", locale="en_GB")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.gov.uk")
    password = factory.django.Password("ict-strategy-demo")

    @factory.post_generation
    def role(user, create, extracted, **kwargs):
        if extracted:
            user.groups.add(Group.objects.get(name=extracted))


def lead(**kwargs) -> User:
    return UserFactory(role=roles.STRATEGY_LEAD, **kwargs)


def manager(**kwargs) -> User:
    return UserFactory(role=roles.ICT_MANAGER, **kwargs)


def committee_member(**kwargs) -> User:
    return UserFactory(role=roles.COMMITTEE_MEMBER, **kwargs)


def api_client_user(**kwargs) -> User:
    return UserFactory(role=roles.API_CLIENT, **kwargs)


class StrategyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Strategy
        django_get_or_create = ["title"]

    title = "ICT Strategy 2023–27"
    council = "Cheshire East Council"
    start_year = 2023
    end_year = 2027
    vision = "Exploit information and technology to deliver change and innovation."


class PrincipleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Principle
        django_get_or_create = ["strategy", "number"]

    strategy = factory.SubFactory(StrategyFactory)
    number = factory.Sequence(lambda n: n % 7 + 1)
    title = factory.LazyAttribute(lambda p: f"Principle {p.number}")


class PeriodFactory(factory.django.DjangoModelFactory):
    """A reporting period from a key such as '2024-25-Q2', with the standard deadline."""

    class Meta:
        model = ReportingPeriod
        django_get_or_create = ["financial_year", "quarter"]

    class Params:
        key = "2024-25-Q2"
        fq = factory.LazyAttribute(lambda p: FinancialQuarter.from_key(p.key))

    financial_year = factory.LazyAttribute(lambda p: p.fq.start_year)
    quarter = factory.LazyAttribute(lambda p: p.fq.quarter)
    start_date = factory.LazyAttribute(lambda p: p.fq.start_date)
    end_date = factory.LazyAttribute(lambda p: p.fq.end_date)
    update_deadline = factory.LazyAttribute(lambda p: p.fq.update_deadline())


def open_period() -> ReportingPeriod:
    """The reporting period taking updates today (the quarter containing today), whatever day the suite runs."""
    return PeriodFactory(key=FinancialQuarter.containing(timezone.localdate()).key)


def ensure_open_period() -> ReportingPeriod:
    """The period taking updates today; on a day none covers (the seed's end with 2026/27 Q4), the
    quarter containing today, opened."""
    current = period_current()
    if current is not None:
        return current
    today = timezone.localdate()
    quarter = FinancialQuarter.containing(today)
    period, _ = ReportingPeriod.objects.update_or_create(
        financial_year=quarter.start_year,
        quarter=quarter.quarter,
        defaults={
            "start_date": quarter.start_date,
            "end_date": quarter.end_date,
            "update_deadline": max(quarter.update_deadline(), today),
            "closed_at": None,
        },
    )
    return period


class BusinessCaseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = BusinessCase

    reference = factory.Sequence(lambda n: f"HLBC-T{n:03d}")
    strategy = factory.SubFactory(StrategyFactory)
    title = factory.Sequence(lambda n: f"Business case {n}")
    sponsor = factory.SubFactory(UserFactory)
    status = BusinessCaseStatus.APPROVED


class BusinessCaseLineFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = BusinessCaseLine

    business_case = factory.SubFactory(BusinessCaseFactory)
    financial_year = 2024
    capital_cost = Decimal("1000.00")
    revenue_cost = Decimal("250.50")


class RiskFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Risk

    reference = factory.Sequence(lambda n: f"R-T{n:03d}")
    strategy = factory.SubFactory(StrategyFactory)
    title = factory.Sequence(lambda n: f"Risk {n}")
    category = RiskCategory.CYBER_SECURITY
    owner = factory.SubFactory(UserFactory)
    inherent_likelihood = 4
    inherent_impact = 4
    residual_likelihood = 2
    residual_impact = 3
    review_date = datetime.date(2025, 1, 31)


class ActionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ActionItem
        skip_postgeneration_save = True

    principle = factory.SubFactory(PrincipleFactory)
    reference = factory.Sequence(lambda n: f"P1-{n + 100:03d}")
    title = factory.Sequence(lambda n: f"Action {n}")
    owner = factory.SubFactory(UserFactory)
    start_date = datetime.date(2023, 4, 1)
    target_date = datetime.date(2026, 3, 31)
    status = Status.ON_TRACK
    rag = Rag.GREEN
    percent_complete = 10

    @factory.post_generation
    def delegates(action, create, extracted, **kwargs):
        if extracted:
            action.delegates.add(*extracted)


class MeasureFactory(factory.django.DjangoModelFactory):
    """Service desk first-time fix, a percentage where higher is better, 2 points of tolerance."""

    class Meta:
        model = Measure
        skip_postgeneration_save = True

    principle = factory.SubFactory(PrincipleFactory)
    reference = factory.Sequence(lambda n: f"KPI-{n + 100:03d}")
    name = factory.Sequence(lambda n: f"Service desk first-time fix {n}")
    unit = Unit.PERCENTAGE
    direction = Direction.HIGHER
    decimal_places = 1
    tolerance = Decimal(2)
    owner = factory.SubFactory(UserFactory)

    @factory.post_generation
    def delegates(measure, create, extracted, **kwargs):
        if extracted:
            measure.delegates.add(*extracted)


class MeasureValueFactory(factory.django.DjangoModelFactory):
    """A value stored as it stands, by the measure's owner: no service rules, no version bump."""

    class Meta:
        model = MeasureValue

    measure = factory.SubFactory(MeasureFactory)
    period = factory.SubFactory(PeriodFactory)
    target = Decimal(95)
    actual = Decimal(96)
    rag = "green"
    entered_by = factory.LazyAttribute(lambda v: v.measure.owner)
    created_at = factory.LazyFunction(timezone.now)
    entered_at = factory.LazyFunction(timezone.now)


class ProgressUpdateFactory(factory.django.DjangoModelFactory):
    """An update stored as it stands, by the action's owner: no service rules, no change to the action."""

    class Meta:
        model = ProgressUpdate

    action = factory.SubFactory(ActionFactory)
    period = factory.SubFactory(PeriodFactory)
    status = Status.ON_TRACK
    rag = Rag.GREEN
    percent_complete = 10
    author = factory.LazyAttribute(lambda u: u.action.owner)
    created_at = factory.LazyFunction(timezone.now)
    updated_at = factory.SelfAttribute("created_at")


def progress_updates(actions: dict[str, ActionItem], rows, **fields) -> None:
    """Updates stored as they stand, one per (reference, period, status, rag, percent) row."""
    for reference, period, status, rag, percent in rows:
        ProgressUpdateFactory(
            action=actions[reference], period=period, status=status, rag=rag, percent_complete=percent, **fields
        )


class MeetingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CommitteeMeeting
        django_get_or_create = ["committee", "date"]

    committee = "Corporate Policy Committee"
    date = datetime.date(2024, 11, 21)


class CommitteeReportFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CommitteeReport

    sequence = factory.Sequence(lambda n: n + 1)
    financial_year = 2024
    reference = factory.LazyAttribute(
        lambda r: f"CP/{r.sequence}/{FinancialQuarter(r.financial_year, 1).financial_year_short_label}"
    )
    meeting = factory.SubFactory(MeetingFactory)
    title = "ICT Strategy 2023–27: progress report"
    report_of = "Executive Director Corporate Services"


class ReportPackFactory(factory.django.DjangoModelFactory):
    """A built pack row with a small stored file, without rendering one; published unless told."""

    class Meta:
        model = ReportPack

    class Params:
        content = factory.LazyAttribute(lambda p: f"%PDF-1.7 pack {p.period.key} v{p.version}".encode())

    period = factory.SubFactory(PeriodFactory)
    version = 1
    status = "published"
    file = factory.LazyAttribute(lambda p: ContentFile(p.content, name=f"pack-{p.period.key}-v{p.version}.pdf"))
    sha256 = factory.LazyAttribute(lambda p: hashlib.sha256(p.content).hexdigest())
    page_count = 3
    size_bytes = factory.LazyAttribute(lambda p: len(p.content))
    requested_by = factory.SubFactory(UserFactory)
    finished_at = factory.LazyFunction(timezone.now)
    published_at = factory.LazyAttribute(lambda p: p.finished_at if p.status == "published" else None)
