"""An uploaded spreadsheet kept between its preview and its confirmation."""

import datetime
import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone

# An upload waits this long for its "Apply" before it must be uploaded again.
UPLOAD_LIFETIME = datetime.timedelta(hours=2)


class UploadPurpose(models.TextChoices):
    PLAN = "plan", "Plan import"
    PROGRESS = "progress", "Quarterly progress sheet"


class SpreadsheetUpload(models.Model):
    """The file as uploaded, so "Apply" reads exactly what the preview read. Only its uploader
    reaches it, by a random token, until it is applied or expires."""

    token = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    purpose = models.CharField(max_length=20, choices=UploadPurpose.choices)
    filename = models.CharField(max_length=255)
    content = models.BinaryField()
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(condition=models.Q(purpose__in=UploadPurpose.values), name="spreadsheetupload_purpose_valid"),
        ]

    def __str__(self) -> str:
        return f"{self.filename} ({self.get_purpose_display()})"

    @property
    def expires_at(self) -> datetime.datetime:
        return self.created_at + UPLOAD_LIFETIME
