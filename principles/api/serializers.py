from rest_framework import serializers

from principles.models import Principle


class PrincipleSerializer(serializers.ModelSerializer):
    class Meta:
        model = Principle
        fields = ["number", "title", "summary", "rationale", "benefits", "deliverables", "lead_officer"]
        read_only_fields = fields
