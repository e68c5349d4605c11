"""The database itself refuses bad principles, even when code bypasses validation."""

import pytest

from principles.models import Principle
from tests import factories
from tests.helpers import refused


@pytest.mark.parametrize("number", [0, 8])
def test_principle_number_is_1_to_7(db, number):
    principle = factories.PrincipleFactory(number=1)
    refused(lambda: Principle.objects.filter(pk=principle.pk).update(number=number))


def test_principle_number_unique_per_strategy(db):
    principle = factories.PrincipleFactory(number=3)
    refused(lambda: Principle.objects.create(strategy=principle.strategy, number=3, title="Again"))
