"""Serializer pieces every app's API shares (kept apart from any app's serializers, which import each other)."""

from django.contrib.auth import get_user_model
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from core.limits import REFERENCE_MAX_LENGTH, ReferenceValidator, with_length_limit


class RefuseUnknownFields:
    """Unknown keys are refused rather than ignored, so a client never believes a change was saved."""

    def validate(self, attrs):
        unknown = sorted(set(getattr(self, "initial_data", {})) - set(self.fields))
        if unknown:
            raise serializers.ValidationError({name: ["This field cannot be set here."] for name in unknown})
        return attrs


class LimitedCharField(serializers.CharField):
    """Free text with its limit (core.limits) told in the service's words, naming the field by
    its label: "Commentary must be 5,000 characters or fewer (it has 6,201)." """

    def __init__(self, *, max_length: int, **kwargs):
        super().__init__(max_length=max_length, **kwargs)

    def bind(self, field_name, parent):
        super().bind(field_name, parent)
        self.validators = with_length_limit(self.validators, limit=self.max_length, label=self.label)


class ReferenceField(LimitedCharField):
    """A business case's or risk's reference, of the shape core.limits gives."""

    def __init__(self, **kwargs):
        super().__init__(max_length=REFERENCE_MAX_LENGTH, validators=[ReferenceValidator()], **kwargs)


@extend_schema_field(OpenApiTypes.INT64)
class VersionField(serializers.Field):
    """The record's version (core.conflicts), as its ETag header gives it."""

    def __init__(self, **kwargs):
        kwargs.setdefault("help_text", "The version now, as the ETag header gives it: send it back as If-Match.")
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, record) -> int:
        return record.version


class UsernameField(serializers.SlugRelatedField):
    """A user named by username; writable fields accept active users only."""

    def __init__(self, **kwargs):
        kwargs.setdefault("slug_field", "username")
        if not kwargs.get("read_only"):
            kwargs.setdefault("queryset", get_user_model().objects.filter(is_active=True))
        super().__init__(**kwargs)
