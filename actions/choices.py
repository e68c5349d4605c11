from django.db import models

from core.charts import Series


class Status(models.TextChoices):
    NOT_STARTED = "not_started", "Not started"
    ON_TRACK = "on_track", "On track"
    AT_RISK = "at_risk", "At risk"
    OFF_TRACK = "off_track", "Off track"
    COMPLETED = "completed", "Completed"
    CANCELLED = "cancelled", "Cancelled"


class Rag(models.TextChoices):
    RED = "red", "Red"
    AMBER = "amber", "Amber"
    GREEN = "green", "Green"


# The RAG ratings each status may carry: a status and its RAG must tell the same story.
ALLOWED_RAG = {
    Status.NOT_STARTED: {Rag.GREEN, Rag.AMBER, Rag.RED},
    Status.ON_TRACK: {Rag.GREEN},
    Status.AT_RISK: {Rag.AMBER},
    Status.OFF_TRACK: {Rag.RED},
    Status.COMPLETED: {Rag.GREEN},
    Status.CANCELLED: {Rag.GREEN, Rag.AMBER, Rag.RED},
}

# Worst first: a rating later in this order is better, so red to amber is an improvement.
RAG_ORDER = (Rag.RED, Rag.AMBER, Rag.GREEN)


class Movement(models.TextChoices):
    """How an action changed between the ends of two quarters (actions.models.movement_rules)."""

    RAG_IMPROVED = "rag_improved", "RAG improved"
    RAG_WORSENED = "rag_worsened", "RAG worsened"
    NEWLY_COMPLETED = "newly_completed", "Newly completed"
    NEWLY_OVERDUE = "newly_overdue", "Newly overdue"


# Statuses that end an action: it can no longer be overdue.
CLOSED_STATUSES = {Status.COMPLETED, Status.CANCELLED}

# How charts colour each RAG rating and each status (GOV.UK Frontend's palette), on pages and in packs.
# Counts written on light segments are black, on dark ones white (WCAG contrast).
BLACK = "#0b0c0c"
RAG_SERIES = (
    Series(Rag.RED.value, Rag.RED.label, "#d4351c"),
    Series(Rag.AMBER.value, Rag.AMBER.label, "#ffdd00", BLACK),
    Series(Rag.GREEN.value, Rag.GREEN.label, "#00703c"),
)
STATUS_SERIES = (
    Series(Status.NOT_STARTED.value, Status.NOT_STARTED.label, "#b1b4b6", BLACK),
    Series(Status.ON_TRACK.value, Status.ON_TRACK.label, "#00703c"),
    Series(Status.AT_RISK.value, Status.AT_RISK.label, "#f47738", BLACK),
    Series(Status.OFF_TRACK.value, Status.OFF_TRACK.label, "#d4351c"),
    Series(Status.COMPLETED.value, Status.COMPLETED.label, "#1d70b8"),
    Series(Status.CANCELLED.value, Status.CANCELLED.label, "#505a5f"),
)
