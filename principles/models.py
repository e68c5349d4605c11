from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q

# The strategy has seven principles (committee report 6.6), numbered 1 to 7.
PRINCIPLE_NUMBERS = range(1, 8)


class Principle(models.Model):
    """One of the seven principles of the strategy (committee report 6.6)."""

    strategy = models.ForeignKey("strategy.Strategy", on_delete=models.PROTECT, related_name="principles")
    number = models.PositiveSmallIntegerField(validators=[MinValueValidator(PRINCIPLE_NUMBERS.start), MaxValueValidator(PRINCIPLE_NUMBERS.stop - 1)])
    title = models.CharField(max_length=200)
    summary = models.TextField(blank=True)
    rationale = models.TextField(blank=True)
    benefits = models.TextField(blank=True)
    deliverables = models.TextField(blank=True)
    lead_officer = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["strategy", "number"]
        constraints = [
            models.UniqueConstraint(fields=["strategy", "number"], name="principle_number_unique_per_strategy"),
            models.CheckConstraint(condition=Q(number__gte=1, number__lte=7), name="principle_number_1_to_7"),
        ]

    def __str__(self) -> str:
        return f"Principle {self.number}: {self.title}"
