"""The dashboard and the principle pages: figures by principle for every role."""

import re

import pytest
from django.urls import reverse
from django.utils import timezone

from actions.models import ActionItem
from actions.services import progress_record
from periods.models import ReportingPeriod
from tests import factories
from tests.factories import FAR_FUTURE


@pytest.fixture
def plan(owner):
    period = factories.open_period()
    p1 = factories.PrincipleFactory(number=1, title="To provide standard, sustainable, and flexible technology", summary="Standard kit.")
    p2 = factories.PrincipleFactory(number=2, strategy=p1.strategy, title="Ensure ICT governance", rationale="Because governance matters.")
    a1 = factories.ActionFactory(reference="P1-01", principle=p1, owner=owner, percent_complete=40, target_date=FAR_FUTURE)
    factories.ActionFactory(reference="P1-02", principle=p1, owner=owner, status="off_track", rag="red", percent_complete=20)
    factories.ActionFactory(reference="P2-01", principle=p2, owner=owner, status="completed", rag="green", percent_complete=100)
    progress_record(
        action=a1, user=owner, period=period, status="at_risk", rag="amber", percent_complete=50,
        commentary="Slipping.", expected_version=a1.version,
    )
    return {"period": period, "owner": owner, "committee": factories.committee_member(username="councillor")}


def cells(page: str, row_heading: str) -> list[str]:
    """The cells of the table row whose header cell contains `row_heading`, as they look (no hidden words)."""
    row = re.search(rf"<tr[^>]*>\s*<th[^>]*>(?:(?!</th>).)*?{re.escape(row_heading)}.*?</tr>", page, re.S).group(0)
    return [
        re.sub(r"<[^>]+>", "", re.sub(r'<span class="govuk-visually-hidden">.*?</span>', "", cell)).strip()
        for cell in re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)
    ]


@pytest.mark.parametrize("name", ["dashboard", "principle-list"])
def test_anonymous_visitors_are_sent_to_sign_in(client, plan, name):
    response = client.get(reverse(name))
    assert response.status_code == 302 and response["Location"].startswith(reverse("login"))


def test_signed_in_user_without_a_role_is_refused(client, plan):
    client.force_login(factories.UserFactory(username="norole"))
    assert client.get(reverse("dashboard")).status_code == 403
    assert client.get(reverse("principle-detail", args=[1])).status_code == 403


def test_dashboard_counts_by_principle_and_this_quarters_updates(client, plan):
    client.force_login(plan["committee"])
    page = client.get(reverse("dashboard")).content.decode()
    label = plan["period"].label
    # Actions, red, amber, green (of open actions), average complete of open, overdue, updated this quarter.
    assert cells(page, "1. To provide standard") == ["2", "1", "1", "0", "35.0%", "1", "1 of 2"]
    # Its one action is completed: counted under its status only, so no RAG and no average of open work.
    assert cells(page, "2. Ensure ICT governance") == ["1", "0", "0", "0", "–", "0", "0 of 0"]
    assert "This quarter: <strong>1 of 2 actions updated</strong>" in page
    assert f"Updated for {label}" in page
    # Status counts, in the order of the Status choices.
    assert cells(page, "Principle 1")[:4] == ["0", "0", "1", "1"]


def test_dashboard_chart_is_svg_with_words_and_no_inline_styles(client, plan):
    client.force_login(plan["committee"])
    page = client.get(reverse("dashboard")).content.decode()
    svg = re.search(r"<svg.*?</svg>", page, re.S).group(0)
    assert 'role="img"' in svg and "<title" in svg
    assert "1 red, 1 amber, 0 green" in svg
    # Principle 2's one action is completed, so it has no RAG bar: red and amber for principle 1.
    assert svg.count('class="app-chart__bar"') == 2
    # Red and amber, in the colours of actions.choices.RAG_SERIES (the only green action is completed).
    assert re.findall(r'fill="(#[0-9a-f]{6})"', svg) == ["#d4351c", "#ffdd00"]
    assert "style=" not in page and "<script>" not in page


def test_dashboard_without_an_open_period_says_so(client, plan):
    ReportingPeriod.objects.update(closed_at=timezone.now())
    client.force_login(plan["committee"])
    page = client.get(reverse("dashboard")).content.decode()
    assert "No reporting period is taking progress updates today." in page


def test_principle_list_and_detail(client, plan):
    client.force_login(plan["owner"])
    listing = client.get(reverse("principle-list")).content.decode()
    assert "Principle 1: To provide standard, sustainable, and flexible technology" in listing
    assert "2 actions; of the 2 open: 1 red, 1 amber, 0 green, 35.0% complete on average; 1 overdue." in listing
    detail = client.get(reverse("principle-detail", args=[2])).content.decode()
    assert "Because governance matters." in detail and "P2-01" in detail and "P1-01" not in detail
    assert ">Due</th>" in detail and 'href="/actions/P2-01/"' in detail
    assert "<dd class=\"govuk-summary-list__value\">–</dd>" in detail


def test_a_principle_page_lists_its_actions_25_to_a_page_with_figures_for_all(client, plan):
    principle = ActionItem.objects.get(reference="P1-01").principle
    for n in range(3, 31):
        factories.ActionFactory(reference=f"P1-{n:02d}", principle=principle, owner=plan["owner"], target_date=FAR_FUTURE)
    client.force_login(plan["owner"])

    first = client.get(reverse("principle-detail", args=[1])).content.decode()
    second = client.get(reverse("principle-detail", args=[1]), {"page": 2}).content.decode()

    assert "30 actions, showing 1 to 25." in first and "30 actions, showing 26 to 30." in second
    assert 'href="/actions/P1-25/"' in first and 'href="/actions/P1-26/"' not in first
    assert 'href="/actions/P1-26/"' in second and 'href="/actions/P1-01/"' not in second
    assert 'href="?page=2" rel="next"' in first
    # The figures count every action of the principle, on every page.
    for page in (first, second):
        assert '<dt class="govuk-summary-list__key">Actions</dt><dd class="govuk-summary-list__value">30</dd>' in page


def test_unknown_principle_is_404(client, plan):
    client.force_login(plan["owner"])
    assert client.get(reverse("principle-detail", args=[7])).status_code == 404
