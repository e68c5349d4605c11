from django.db import models


class BusinessCaseStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    SUBMITTED = "submitted", "Submitted"
    APPROVED = "approved", "Approved"
    REJECTED = "rejected", "Rejected"
    CLOSED = "closed", "Closed"


class RiskCategory(models.TextChoices):
    INFORMATION = "information", "Information"
    CYBER_SECURITY = "cyber_security", "Cyber security"
    COMPLIANCE = "compliance", "Compliance"
    DELIVERY = "delivery", "Delivery"
    FINANCIAL = "financial", "Financial"
