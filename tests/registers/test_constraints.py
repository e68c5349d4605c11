"""The database itself refuses bad risks and business case lines, even when code bypasses services and validation."""

import pytest

from registers.models import BusinessCaseLine, Risk
from tests import factories
from tests.helpers import refused


@pytest.mark.parametrize(
    "field", ["inherent_likelihood", "inherent_impact", "residual_likelihood", "residual_impact"]
)
@pytest.mark.parametrize("value", [0, 6])
def test_risk_scores_are_1_to_5(db, field, value):
    risk = factories.RiskFactory()
    refused(lambda: Risk.objects.filter(pk=risk.pk).update(**{field: value}))


def test_one_business_case_line_per_year(db):
    line = factories.BusinessCaseLineFactory(financial_year=2024)
    refused(lambda: factories.BusinessCaseLineFactory(business_case=line.business_case, financial_year=2024))
    assert BusinessCaseLine.objects.count() == 1
