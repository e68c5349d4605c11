import csv
import io
from decimal import Decimal

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from measures.models import Measure, MeasureValue
from measures.services import measure_value_record
from tests import factories
from tests.helpers import query_count


@pytest.fixture
def plan(db, owner):
    period = factories.open_period()
    principle = factories.PrincipleFactory(number=2)
    measure = factories.MeasureFactory(reference="KPI-01", principle=principle, owner=owner, name="Service desk first-time fix")
    other = factories.MeasureFactory(
        reference="KPI-02", principle=factories.PrincipleFactory(number=5, strategy=principle.strategy),
        owner=factories.manager(username="other-manager"), name="Critical patches within 14 days",
    )
    factories.MeasureValueFactory(measure=other, period=period, target=Decimal(90), actual=Decimal(70), rag="red", commentary="Backlog.")
    return {"period": period, "measure": measure, "other": other}


def form_data(measure, **overrides):
    return {"target": "95", "actual": "96.5", "commentary": "", "expected_version": str(measure.version), **overrides}


@pytest.mark.parametrize("name", ["measure-list", "measure-detail", "measure-update"])
def test_anonymous_visitors_are_sent_to_sign_in(client, plan, name):
    url = reverse(name) if name == "measure-list" else reverse(name, args=["KPI-01"])
    assert client.get(url)["Location"].startswith("/accounts/login/")


@pytest.mark.parametrize("role", ["lead", "manager", "committee_member", "api_client_user"])
def test_every_role_reads_the_list_and_a_measure(client, plan, role):
    client.force_login(getattr(factories, role)(username=f"a-{role}"))
    page = client.get(reverse("measure-list")).content.decode()
    assert "KPI-01" in page and "KPI-02" in page
    assert "20.0 points below the target of 90.0%, beyond the tolerance of 2.0 points" in page
    assert client.get(reverse("measure-detail", args=["KPI-02"])).status_code == 200


@pytest.mark.parametrize(
    ("who", "status"), [("owner", 200), ("lead", 200), ("other", 403), ("committee", 403), ("api", 403)]
)
def test_only_the_data_owner_delegates_and_leads_enter_figures(client, plan, owner, who, status):
    people = {
        "owner": owner, "lead": factories.lead(username="boss"), "other": factories.manager(username="stranger"),
        "committee": factories.committee_member(username="councillor"), "api": factories.api_client_user(username="robot"),
    }
    client.force_login(people[who])
    url = reverse("measure-update", args=["KPI-01"])
    assert client.get(url).status_code == status
    assert client.post(url, form_data(plan["measure"])).status_code in ({200: 302}.get(status, status),)
    detail = client.get(reverse("measure-detail", args=["KPI-01"])).content.decode()
    assert ("Enter this quarter’s figures" in detail) is (status == 200)
    assert MeasureValue.objects.filter(measure=plan["measure"]).exists() is (status == 200)


def test_saving_figures_shows_them_with_their_rag_and_reason(client, plan, owner):
    client.force_login(owner)
    response = client.post(reverse("measure-update", args=["KPI-01"]), form_data(plan["measure"], actual="93.5", commentary="Two outages."), follow=True)
    page = response.content.decode()
    assert f"The {plan['period'].label} figures for KPI-01 have been saved." in page
    assert "1.5 points below the target of 95.0%, within the tolerance of 2.0 points" in page
    assert f"{plan['period'].label}: 93.5% against 95.0%, amber" in page  # the chart's words
    assert "<title id=\"trend-chart-title\">" in page


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"target": ""}, "Enter the target."),
        ({"actual": "lots"}, "Enter the actual as a number, like 95.5."),
        ({"actual": "NaN"}, "Enter the actual as a number"),
        ({"actual": "1.23456"}, "no more than 3 decimal places"),
        ({"actual": "80"}, "commentary is required for amber and red"),
        ({"commentary": "x" * 5001}, "5,000 characters or fewer"),
        ({"expected_version": ""}, "The form was incomplete"),
    ],
)
def test_mistakes_are_shown_not_saved(client, plan, owner, overrides, message):
    client.force_login(owner)
    response = client.post(reverse("measure-update", args=["KPI-01"]), form_data(plan["measure"], **overrides))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not MeasureValue.objects.filter(measure=plan["measure"]).exists()


def test_conflict_keeps_what_was_typed_and_says_who_changed_it(client, plan, owner):
    measure = plan["measure"]
    opened = form_data(measure, actual="97")
    measure_value_record(measure=measure, user=factories.lead(username="boss", first_name="Ann", last_name="Lee"),
                         period=plan["period"], target=Decimal(95), actual=Decimal(90), commentary="Outage.", expected_version=1)
    client.force_login(owner)
    page = client.post(reverse("measure-update", args=["KPI-01"]), opened).content.decode()
    assert "KPI-01 was changed by Ann Lee" in page
    assert 'value="97"' in page
    assert MeasureValue.objects.get(measure=measure).actual == Decimal(90)


def test_unknown_measure_is_404(client, plan, owner):
    client.force_login(owner)
    assert client.get(reverse("measure-detail", args=["NOPE"])).status_code == 404
    assert client.get(reverse("measure-update", args=["NOPE"])).status_code == 404


def test_list_filters_by_principle_rag_and_owner(client, plan, owner):
    client.force_login(owner)
    url = reverse("measure-list")
    assert "KPI-01" not in client.get(url, {"principle": 5}).content.decode()
    red = client.get(url, {"rag": "red"}).content.decode()
    assert "KPI-02" in red and "KPI-01</a>" not in red
    awaiting = client.get(url, {"rag": "awaiting", "owner": "owner"}).content.decode()
    assert "KPI-01" in awaiting and "KPI-02" not in awaiting
    bad = client.get(url, {"rag": "purple", "principle": "99999999999999999999"})
    assert bad.status_code == 200 and "Correct the filters" in bad.content.decode()
    assert "Choose a download format" in client.get(url, {"download": "pdf"}).content.decode()


def test_csv_and_xlsx_have_the_filtered_rows_with_sentence_case_headers(client, plan, owner):
    client.force_login(owner)
    rows = list(csv.reader(io.StringIO(client.get(reverse("measure-list"), {"rag": "red", "download": "csv"}).content.decode("utf-8-sig"))))
    header, *body = rows
    assert header[:3] == ["Reference", "Name", "Principle"]
    assert {"Data owner", "Data owner username", "Period", "Period key", "Target", "Actual", "RAG", "Reason"} <= set(header)
    assert [row[0] for row in body] == ["KPI-02"]
    record = dict(zip(header, body[0], strict=True))
    assert (record["Period key"], record["Target"], record["RAG"]) == (plan["period"].key, "90.0", "Red")
    sheet = load_workbook(io.BytesIO(client.get(reverse("measure-list"), {"download": "xlsx"}).content)).active
    assert [row[0] for row in sheet.iter_rows(min_row=2, values_only=True)] == ["KPI-01", "KPI-02"]


def _add_measures(count, *, owner, principle, periods):
    start = Measure.objects.count()
    for n in range(start, start + count):
        measure = factories.MeasureFactory(reference=f"M-{n:03d}", principle=principle, owner=owner, delegates=[owner])
        for period in periods:
            factories.MeasureValueFactory(measure=measure, period=period)


@pytest.mark.parametrize("url", [reverse("measure-list"), reverse("measure-detail", args=["M-000"]), reverse("measure-update", args=["M-000"])])
def test_query_count_does_not_grow_with_measures_or_values(client, owner, url):
    principle = factories.PrincipleFactory(number=1)
    client.force_login(owner)
    _add_measures(5, owner=owner, principle=principle, periods=[factories.PeriodFactory(key="2024-25-Q1")])
    with_few = query_count(client, url)
    more_periods = [factories.PeriodFactory(key=key) for key in ("2024-25-Q2", "2024-25-Q3", "2024-25-Q4")]
    for measure in Measure.objects.all():
        for period in more_periods:
            factories.MeasureValueFactory(measure=measure, period=period)
    _add_measures(40, owner=owner, principle=principle, periods=more_periods)
    assert query_count(client, url) == with_few


def test_my_actions_lists_the_managers_measures_needing_figures(client, plan, owner):
    delegated = factories.MeasureFactory(reference="KPI-03", owner=factories.manager(username="someone"), delegates=[owner])
    factories.MeasureFactory(reference="KPI-04", owner=owner, frequency="annual")
    client.force_login(owner)
    page = client.get(reverse("my-actions")).content.decode()
    assert f"Measures needing figures for {plan['period'].label} (2)" in page
    assert reverse("measure-update", args=["KPI-01"]) in page and reverse("measure-update", args=[delegated.reference]) in page
    # Annual measures report in the fourth quarter only; entered figures take a measure off the list.
    assert ("KPI-04" in page) is (plan["period"].quarter == 4)
    factories.MeasureValueFactory(measure=plan["measure"], period=plan["period"])
    assert reverse("measure-update", args=["KPI-01"]) not in client.get(reverse("my-actions")).content.decode()


def test_dashboard_counts_measures_on_and_off_target_per_principle(client, plan, owner):
    factories.MeasureValueFactory(measure=plan["measure"], period=plan["period"], target=Decimal(95), actual=Decimal(99), rag="green")
    client.force_login(owner)
    page = client.get(reverse("dashboard")).content.decode()
    assert f"Measures on and off target by principle, {plan['period'].label}" in page
    key = plan["period"].key
    assert f'href="/measures/?principle=2&amp;rag=green&amp;period={key}">1<span class="govuk-visually-hidden"> measures on target (green) under principle 2' in page
    assert f'href="/measures/?principle=5&amp;rag=red&amp;period={key}">1<span' in page
    assert f'href="/measures/?principle=2&amp;rag=red&amp;period={key}">0<span' in page


@pytest.mark.parametrize("url", [reverse("my-actions"), reverse("dashboard")])
def test_to_do_and_dashboard_queries_do_not_grow_with_measures(client, owner, url):
    factories.open_period()
    principles = [factories.PrincipleFactory(number=1)]
    principles.append(factories.PrincipleFactory(number=2, strategy=principles[0].strategy))
    client.force_login(owner)

    def add(first, count):
        for n in range(first, first + count):
            factories.MeasureFactory(reference=f"M-{n:03d}", principle=principles[n % 2], owner=owner, delegates=[owner])

    # Each count after a first request: the dashboard caches the action roll-ups until a write.
    add(0, 3)
    query_count(client, url)
    few = query_count(client, url)
    add(3, 30)
    query_count(client, url)
    assert query_count(client, url) == few
