from django.db import models


class ImplicationArea(models.TextChoices):
    """The implication areas of a committee report, in the council's order (report CP/35/22-23, 8.1-8.10)."""

    LEGAL = "legal", "Legal"
    FINANCE = "finance", "Finance"
    POLICY = "policy", "Policy"
    EQUALITY = "equality", "Equality"
    HUMAN_RESOURCES = "human_resources", "Human Resources"
    RISK_MANAGEMENT = "risk_management", "Risk Management"
    RURAL_COMMUNITIES = "rural_communities", "Rural Communities"
    CHILDREN_AND_YOUNG_PEOPLE = "children_and_young_people", "Children and Young People/Cared for Children"
    PUBLIC_HEALTH = "public_health", "Public Health"
    CLIMATE_CHANGE = "climate_change", "Climate Change"


class ReportStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    APPROVED = "approved", "Approved for the agenda"
    PUBLISHED = "published", "Published"


class PackStatus(models.TextChoices):
    QUEUED = "queued", "Queued"
    BUILDING = "building", "Building"
    READY = "ready", "Ready"
    FAILED = "failed", "Failed"
    PUBLISHED = "published", "Published"


class ReminderKind(models.TextChoices):
    """The e-mails that chase a period's progress updates, each sent to a person once."""

    FIRST = "first", "First reminder"
    FINAL = "final", "Final reminder"
    MISSING_UPDATES = "missing_updates", "Missing updates list"


# The reminders that go to the people who report, as opposed to the leads' list.
OWNER_REMINDER_KINDS = (ReminderKind.FIRST, ReminderKind.FINAL)
