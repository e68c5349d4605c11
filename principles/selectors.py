from django.db.models import QuerySet

from .models import Principle


def principle_list() -> QuerySet[Principle]:
    return Principle.objects.select_related("strategy").order_by("number")
