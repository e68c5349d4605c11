"""Serializer pieces every app's API shares (kept apart from any app's serializers, which import each other)."""

from django.contrib.auth import get_user_model
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers


class RefuseUnknownFields:
    """Unknown keys are refused rather than ignored, so a client never believes a change was saved."""

    def validate(self, attrs):
        unknown = sorted(set(getattr(self, "initial_data", {})) - set(self.fields))
        if unknown:
            raise serializers.ValidationError({name: ["This field cannot be set here."] for name in unknown})
        return attrs


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
