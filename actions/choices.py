from django.db import models


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

# Statuses that end an action: it can no longer be overdue.
CLOSED_STATUSES = {Status.COMPLETED, Status.CANCELLED}
