from django.db import models


class Unit(models.TextChoices):
    PERCENTAGE = "percentage", "Percentage"
    COUNT = "count", "Count"
    POUNDS = "pounds", "£"
    DAYS = "days", "Days"
    HOURS = "hours", "Hours"
    SCORE = "score", "Score"


class Direction(models.TextChoices):
    HIGHER = "higher", "Higher is better"
    LOWER = "lower", "Lower is better"
    ON_TARGET = "on_target", "On target is best"


class ToleranceKind(models.TextChoices):
    ABSOLUTE = "absolute", "Absolute (in the measure's unit)"
    PERCENT = "percent", "Percent of the target"


class Frequency(models.TextChoices):
    QUARTERLY = "quarterly", "Quarterly"
    # An annual measure reports once, for the year's fourth quarter.
    ANNUAL = "annual", "Annual"


class MeasureRag(models.TextChoices):
    """A measure's rating for a quarter: the action RAG plus "not reported", which is never green."""

    RED = "red", "Red"
    AMBER = "amber", "Amber"
    GREEN = "green", "Green"
    NOT_REPORTED = "not_reported", "Not reported"


class MeasureState(models.TextChoices):
    """Where a measure stands for the quarter a page shows: its rating, or why it has none."""

    RED = "red", "Red"
    AMBER = "amber", "Amber"
    GREEN = "green", "Green"
    NOT_REPORTED = "not_reported", "Not reported"
    AWAITING = "awaiting", "Not yet reported"
    NOT_DUE = "not_due", "Not due this quarter"

ANNUAL_QUARTER = 4
