"""The action plan: actions under each principle and their quarterly progress updates."""

import datetime

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.db.models import BooleanField, Case, F, OuterRef, Q, QuerySet, Subquery, Value, When
from django.db.models.functions import Coalesce
from simple_history.models import HistoricalRecords

from core.conditions import holds
from core.limits import (
    COMMENTARY_LENGTH,
    DESCRIPTION_LENGTH,
    REASON_LENGTH,
    TITLE_LENGTH,
    LimitedTextField,
    length_checks,
)

from .choices import CLOSED_STATUSES, RAG_ORDER, Movement, Rag, Status

PERCENT = [MinValueValidator(0), MaxValueValidator(100)]
REFERENCE_PATTERN = r"^P[1-7]-\d{2,3}$"


def overdue_on(day: datetime.date, *, status: str = "status") -> Q:
    """Past its due date (the revised target date if set, else the target date) on `day`,
    and neither completed nor cancelled; `status` names the field holding the status to judge by."""
    past_due = Q(revised_target_date__lt=day) | Q(revised_target_date__isnull=True, target_date__lt=day)
    return past_due & ~Q(**{f"{status}__in": CLOSED_STATUSES})


def due_an_update(updated) -> Q:
    """Due an update in a period: updated in it (`updated`: action ids or a subquery of them),
    or still open. An action closed before the period reports no more; one closed in it counts."""
    return Q(pk__in=updated) | ~Q(status__in=CLOSED_STATUSES)


# The fields with_states_at adds for the later (`now_`) and the earlier (`before_`) quarter end.
NOW, BEFORE = "now", "before"


def movement_rules() -> dict[str, Q]:
    """Each Movement as a rule on the fields `with_states_at` adds.

    A RAG moves only for an action still open at the later end and rated at the earlier one
    (by an update, not the green a new action starts with): completing is counted on its own,
    and an action's first rating is not a change.
    """
    open_now = ~Q(**{f"{NOW}_status__in": CLOSED_STATUSES}) & Q(**{f"{BEFORE}_rag__isnull": False})
    return {
        Movement.RAG_IMPROVED: open_now & Q(**{f"{NOW}_rag_rank__gt": F(f"{BEFORE}_rag_rank")}),
        Movement.RAG_WORSENED: open_now & Q(**{f"{NOW}_rag_rank__lt": F(f"{BEFORE}_rag_rank")}),
        Movement.NEWLY_COMPLETED: Q(**{f"{NOW}_status": Status.COMPLETED}) & ~Q(**{f"{BEFORE}_status": Status.COMPLETED}),
        Movement.NEWLY_OVERDUE: Q(**{f"{NOW}_overdue": True, f"{BEFORE}_overdue": False}),
    }


def with_states_at(actions: QuerySet, *, ends: dict[str, datetime.date], today: datetime.date) -> QuerySet:
    """`actions` with, for each name in `ends` and its quarter end date, the status, RAG, RAG rank
    and overdue flag of the latest update for a quarter ending by then (as action_states_as_at
    reads them: not started and unrated without one), each a field named `<name>_status` etc.

    A quarter still running is judged as at `today`: nothing is overdue before its due date comes.
    """
    fields = {}
    for name, end in ends.items():
        latest = ProgressUpdate.objects.filter(action=OuterRef("pk"), period__end_date__lte=end).order_by("-period__end_date")
        fields[f"{name}_status"] = Coalesce(Subquery(latest.values("status")[:1]), Value(Status.NOT_STARTED.value))
        fields[f"{name}_rag"] = Subquery(latest.values("rag")[:1])
        fields[f"{name}_rag_rank"] = Case(*(When(**{f"{name}_rag": rag, "then": rank}) for rank, rag in enumerate(RAG_ORDER)))
        # When, not the bare rule: SQL answers NULL, not false, for an action with no revised date.
        fields[f"{name}_overdue"] = Case(
            When(overdue_on(min(end, today), status=f"{name}_status"), then=Value(True)),
            default=Value(False),
            output_field=BooleanField(),
        )
    return actions.annotate(**fields)


class ActionItem(models.Model):
    reference = models.CharField(
        max_length=10,
        unique=True,
        validators=[RegexValidator(REFERENCE_PATTERN, "Use the form P3-04: the principle number, a dash, two digits.")],
    )
    title = models.CharField(max_length=TITLE_LENGTH)
    description = LimitedTextField(max_length=DESCRIPTION_LENGTH, blank=True)
    principle = models.ForeignKey("principles.Principle", on_delete=models.PROTECT, related_name="actions")
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="owned_actions")
    delegates = models.ManyToManyField(settings.AUTH_USER_MODEL, related_name="delegated_actions", blank=True)
    business_case = models.ForeignKey(
        "registers.BusinessCase", on_delete=models.PROTECT, null=True, blank=True, related_name="actions"
    )
    risks = models.ManyToManyField("registers.Risk", related_name="actions", blank=True)
    start_date = models.DateField()
    target_date = models.DateField()
    revised_target_date = models.DateField(null=True, blank=True)
    # Kept beside the date so a later reader (the committee, an auditor) sees why it moved.
    revised_target_reason = LimitedTextField("Reason for the revised target date", max_length=REASON_LENGTH, blank=True)
    # Set by action_cancel; an action cancelled through a progress update explains itself in its commentary.
    cancellation_reason = LimitedTextField("Reason for cancelling", max_length=REASON_LENGTH, blank=True)
    # The current state mirrors the latest progress update; progress_record keeps them in step.
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.NOT_STARTED)
    rag = models.CharField("RAG", max_length=10, choices=Rag.choices, default=Rag.GREEN)
    percent_complete = models.PositiveSmallIntegerField(default=0, validators=PERCENT)
    # Optimistic locking: every write bumps it; a write carrying an older one is refused.
    version = models.PositiveIntegerField(default=1)
    last_updated_at = models.DateTimeField(null=True, blank=True)
    last_updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    is_demo = models.BooleanField(default=False, help_text="Demo data loaded by seed_strategy --demo.")
    # The change reason notes how delegates and risks moved (services._links_note): a list of
    # names can outgrow simple-history's default 100 characters.
    history = HistoricalRecords(excluded_fields=["last_updated_at"], history_change_reason_field=models.TextField(null=True))

    class Meta:
        ordering = ["reference"]
        constraints = [
            *length_checks(
                "actionitem",
                description=DESCRIPTION_LENGTH,
                revised_target_reason=REASON_LENGTH,
                cancellation_reason=REASON_LENGTH,
            ),
            models.CheckConstraint(condition=Q(percent_complete__gte=0, percent_complete__lte=100), name="action_percent_0_to_100"),
            models.CheckConstraint(condition=Q(status__in=Status.values), name="action_status_valid"),
            models.CheckConstraint(condition=Q(rag__in=Rag.values), name="action_rag_valid"),
            models.CheckConstraint(condition=Q(target_date__gte=models.F("start_date")), name="action_target_after_start"),
            models.CheckConstraint(
                condition=~Q(status=Status.COMPLETED) | Q(percent_complete=100, rag=Rag.GREEN),
                name="action_completed_is_100_green",
            ),
        ]
        permissions = [
            ("record_progress", "Can record progress on actions they own or are delegated"),
            ("record_any_progress", "Can record progress on any action"),
        ]

    def __str__(self) -> str:
        return f"{self.reference} {self.title}"

    @property
    def due_date(self) -> datetime.date:
        return self.revised_target_date or self.target_date

    def is_overdue(self, on: datetime.date, *, status: str | None = None) -> bool:
        """With `status`, as it stood when it had that status (an earlier update's) rather than now."""
        return holds(overdue_on(on), self, status=status or self.status)


class ProgressUpdate(models.Model):
    """An action's reported state for one reporting period; amendments are kept in its history."""

    action = models.ForeignKey(ActionItem, on_delete=models.PROTECT, related_name="updates")
    period = models.ForeignKey("periods.ReportingPeriod", on_delete=models.PROTECT, related_name="updates")
    status = models.CharField(max_length=20, choices=Status.choices)
    rag = models.CharField("RAG", max_length=10, choices=Rag.choices)
    percent_complete = models.PositiveSmallIntegerField(validators=PERCENT)
    commentary = LimitedTextField(max_length=COMMENTARY_LENGTH, blank=True)
    next_steps = LimitedTextField(max_length=COMMENTARY_LENGTH, blank=True)
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="progress_updates")
    created_at = models.DateTimeField()
    updated_at = models.DateTimeField()
    history = HistoricalRecords()

    class Meta:
        ordering = ["-period__start_date", "-updated_at"]
        constraints = [
            *length_checks("progressupdate", commentary=COMMENTARY_LENGTH, next_steps=COMMENTARY_LENGTH),
            models.UniqueConstraint(fields=["action", "period"], name="progressupdate_one_per_action_per_period"),
            models.CheckConstraint(condition=Q(percent_complete__gte=0, percent_complete__lte=100), name="progressupdate_percent_0_to_100"),
            models.CheckConstraint(condition=Q(status__in=Status.values), name="progressupdate_status_valid"),
            models.CheckConstraint(condition=Q(rag__in=Rag.values), name="progressupdate_rag_valid"),
            models.CheckConstraint(
                condition=Q(rag=Rag.GREEN) | ~Q(commentary=""), name="progressupdate_commentary_for_amber_red"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.action.reference} {self.period}"
