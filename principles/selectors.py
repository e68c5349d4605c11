from django.db.models import QuerySet

from .models import Principle


def principle_list() -> QuerySet[Principle]:
    return Principle.objects.select_related("strategy").order_by("number")


def principle_get(*, number: int) -> Principle:
    """The principle with this number (1–7); raises Principle.DoesNotExist for any other."""
    principle = principle_list().filter(number=number).first()
    if principle is None:
        raise Principle.DoesNotExist(f"There is no principle {number}.")
    return principle
