"""The admin shows a business case's status and an approved case's figures, but only the workflow changes them."""

from decimal import Decimal

import pytest
from django.urls import reverse

from registers.choices import BusinessCaseStatus
from tests import factories


def test_an_approved_business_cases_status_and_figures_cannot_be_changed_in_the_admin(staff_client):
    line = factories.BusinessCaseLineFactory(capital_cost=Decimal("1000.00"))
    case = line.business_case
    response = staff_client.get(reverse("admin:registers_businesscase_change", args=[case.pk]))
    assert response.status_code == 200
    html = response.content.decode()
    assert 'name="status"' not in html
    assert 'name="lines-0-capital_cost"' not in html  # the figures are shown, not editable
    assert "1000.00" in html or "1,000.00" in html
    line_page = staff_client.get(reverse("admin:registers_businesscaseline_change", args=[line.pk])).content.decode()
    assert 'name="capital_cost"' not in line_page

    staff_client.post(
        reverse("admin:registers_businesscaseline_change", args=[line.pk]),
        {"business_case": case.pk, "financial_year": 2024, "capital_cost": "1", "revenue_cost": "0",
         "cashable_benefit": "0", "non_cashable_benefit": "0"},
    )
    line.refresh_from_db()
    assert line.capital_cost == Decimal("1000.00")


def test_a_draft_business_cases_figures_stay_editable_in_the_admin(staff_client):
    line = factories.BusinessCaseLineFactory(business_case__status=BusinessCaseStatus.DRAFT)
    html = staff_client.get(reverse("admin:registers_businesscase_change", args=[line.business_case.pk])).content.decode()
    assert 'name="lines-0-capital_cost"' in html
    assert 'name="status"' not in html  # status moves only through the workflow, even for a draft


@pytest.mark.parametrize("model", ["businesscasetransition", "businesscaserevision", "riskreview"])
def test_workflow_records_cannot_be_added_or_changed_in_the_admin(staff_client, model):
    assert staff_client.get(reverse(f"admin:registers_{model}_add")).status_code == 403
