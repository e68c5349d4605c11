from decimal import Decimal

import pytest

from core.templatetags.council import pounds


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (Decimal("1250000"), "£1,250,000"),
        (Decimal("1250000.00"), "£1,250,000"),
        (Decimal("1250.5"), "£1,250.50"),
        (Decimal("0.01"), "£0.01"),
        (Decimal("-300"), "-£300"),
        (Decimal("0"), "£0"),
        ("12.345", "£12.35"),
        (None, ""),
    ],
)
def test_pounds(value, expected):
    assert pounds(value) == expected

