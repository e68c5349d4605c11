from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q

from core.limits import SECTION_LENGTH, TITLE_LENGTH, LimitedTextField, length_checks

# The strategy has seven principles (committee report 6.6), numbered 1 to 7.
PRINCIPLE_NUMBERS = range(1, 8)


class Principle(models.Model):
    """One of the seven principles of the strategy (committee report 6.6)."""

    strategy = models.ForeignKey("strategy.Strategy", on_delete=models.PROTECT, related_name="principles")
    number = models.PositiveSmallIntegerField(validators=[MinValueValidator(PRINCIPLE_NUMBERS.start), MaxValueValidator(PRINCIPLE_NUMBERS.stop - 1)])
    title = models.CharField(max_length=TITLE_LENGTH)
    summary = LimitedTextField(max_length=SECTION_LENGTH, blank=True)
    rationale = LimitedTextField(max_length=SECTION_LENGTH, blank=True)
    benefits = LimitedTextField(max_length=SECTION_LENGTH, blank=True)
    deliverables = LimitedTextField(max_length=SECTION_LENGTH, blank=True)
    lead_officer = models.CharField(max_length=TITLE_LENGTH, blank=True)

    class Meta:
        ordering = ["strategy", "number"]
        constraints = [
            *length_checks(
                "principle",
                summary=SECTION_LENGTH,
                rationale=SECTION_LENGTH,
                benefits=SECTION_LENGTH,
                deliverables=SECTION_LENGTH,
            ),
            models.UniqueConstraint(fields=["strategy", "number"], name="principle_number_unique_per_strategy"),
            models.CheckConstraint(condition=Q(number__gte=1, number__lte=7), name="principle_number_1_to_7"),
        ]

    def __str__(self) -> str:
        return f"Principle {self.number}: {self.title}"
