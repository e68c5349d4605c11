import datetime
import re
from decimal import Decimal

import pytest
from django.test import Client
from django.urls import reverse

from registers.choices import BusinessCaseStatus, RiskCategory
from registers.columns import BUSINESS_CASE_COLUMNS, RISK_COLUMNS
from registers.models import SCORE_FIELDS, BusinessCase, BusinessCaseTransition, RiskReview
from tests import factories
from tests.factories import NEXT_YEAR
from tests.helpers import csv_rows, query_count, xlsx_rows


@pytest.fixture
def case(db):
    case = factories.BusinessCaseFactory(reference="HLBC-2024-01", status=BusinessCaseStatus.DRAFT)
    factories.BusinessCaseLineFactory(business_case=case, financial_year=2024, capital_cost=Decimal("1250000.00"))
    return case


@pytest.fixture
def risk(owner):
    return factories.RiskFactory(reference="ICT-R01", owner=owner)


def risk_form(risk, **changes) -> dict:
    """The risk's edit form as posted on its current version, with the factory's scores and a review date next year."""
    return {
        "expected_version": current_version(risk),
        "title": risk.title,
        "category": risk.category,
        "owner": risk.owner.pk,
        "inherent_likelihood": "4",
        "inherent_impact": "4",
        "residual_likelihood": "2",
        "residual_impact": "3",
        "review_date": NEXT_YEAR.isoformat(),
        **changes,
    }


def review_form(risk, **changes) -> dict:
    """A review of the risk's current version as posted: the factory's scores, a note and the next review next year."""
    return {
        "expected_version": current_version(risk),
        "inherent_likelihood": "4",
        "inherent_impact": "4",
        "residual_likelihood": "2",
        "residual_impact": "3",
        "note": "Reviewed",
        "next_review_date": NEXT_YEAR.isoformat(),
        **changes,
    }


def current_version(record) -> str:
    """The version a page opened now would carry in its hidden field."""
    record.refresh_from_db()
    return str(record.version)


def _urls(case, risk):
    return [
        reverse("business-case-list"),
        reverse("business-case-export", args=["csv"]),
        reverse("business-case-detail", args=[case.reference]),
        reverse("business-case-create"),
        reverse("business-case-edit", args=[case.reference]),
        reverse("business-case-revise", args=[case.reference]),
        reverse("risk-list"),
        reverse("risk-export", args=["xlsx"]),
        reverse("risk-detail", args=[risk.reference]),
        reverse("risk-create"),
        reverse("risk-edit", args=[risk.reference]),
        reverse("risk-review", args=[risk.reference]),
    ]


def test_anonymous_visitors_are_sent_to_sign_in(client, case, risk):
    for url in _urls(case, risk):
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith(reverse("login")), url


@pytest.mark.parametrize("make_user", [factories.committee_member, factories.manager])
def test_committee_and_managers_read_but_cannot_edit(client, case, risk, make_user):
    client.force_login(make_user())
    read, write = _urls(case, risk)[:3] + _urls(case, risk)[6:9], _urls(case, risk)[3:6] + _urls(case, risk)[9:]
    for url in read:
        assert client.get(url).status_code == 200, url
    for url in write:
        assert client.get(url).status_code == 403, url
    response = client.post(reverse("business-case-transition", args=[case.reference]), {"to_status": "submitted"})
    assert response.status_code == 403
    case.refresh_from_db()
    assert case.status == BusinessCaseStatus.DRAFT


def test_pages_show_money_in_pounds_and_the_totals_row(client, case):
    client.force_login(factories.committee_member())
    page = client.get(reverse("business-case-list")).content.decode()
    assert "£1,250,000" in page and "Total" in page
    detail = client.get(reverse("business-case-detail", args=[case.reference])).content.decode()
    assert "2024/25" in detail and "Total over the MTFS" in detail and "-£1,250,250.50" in detail


def test_a_lead_creates_submits_approves_and_revises_a_case(client, db):
    lead = factories.lead()
    factories.StrategyFactory()
    client.force_login(lead)
    response = client.post(
        reverse("business-case-create"),
        {
            "reference": "HLBC-2026-02",
            "title": "Telephony",
            "sponsor": lead.pk,
            "capital_cost_2024": "1250.50",
            "revenue_cost_2025": "£1,250,000",
            "cashable_benefit_2025": "-0.01",
        },
    )
    assert response.status_code == 302
    case = BusinessCase.objects.get(reference="HLBC-2026-02")
    assert list(case.lines.values_list("financial_year", "capital_cost", "revenue_cost", "cashable_benefit")) == [
        (2024, Decimal("1250.50"), Decimal("0.00"), Decimal("0.00")),
        (2025, Decimal("0.00"), Decimal("1250000.00"), Decimal("-0.01")),
    ]

    transition = reverse("business-case-transition", args=[case.reference])
    client.post(transition, {"to_status": "submitted", "expected_version": current_version(case)})
    client.post(transition, {"to_status": "approved", "note": "SIGG 4 May", "expected_version": current_version(case)})
    refused = client.post(transition, {"to_status": "draft", "expected_version": current_version(case)}, follow=True)
    assert "HLBC-2026-02 is approved, so it cannot be draft" in refused.content.decode()
    case.refresh_from_db()
    assert case.status == "approved"
    assert list(case.transitions.values_list("to_status", "actor")) == [("submitted", lead.pk), ("approved", lead.pk)]

    response = client.post(
        reverse("business-case-revise", args=[case.reference]),
        {"capital_cost_2024": "2000", "reason": "2025/26 annual review", "expected_version": current_version(case)},
    )
    assert response.status_code == 302
    detail = client.get(reverse("business-case-detail", args=[case.reference])).content.decode()
    assert "£2,000" in detail and "£1,250.50" in detail and "2025/26 annual review" in detail
    # The revision replaced both years; revision 1 keeps the 2025/26 figures that were approved.
    assert "£1,250,000" in detail


def test_bad_money_shows_an_error_summary_not_a_500(client, case):
    client.force_login(factories.lead())
    response = client.post(
        reverse("business-case-edit", args=[case.reference]),
        {"title": "X", "sponsor": case.sponsor.pk, "capital_cost_2024": "£lots", "expected_version": case.version},
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in page and "Enter the capital cost for 2024/25 in pounds" in page


def test_the_owner_edits_and_reviews_their_risk(client, risk):
    client.force_login(risk.owner)
    assert client.get(reverse("risk-edit", args=[risk.reference])).status_code == 200
    response = client.post(
        reverse("risk-edit", args=[risk.reference]),
        # The owner field is fixed for owners: handing the risk to a lead is ignored.
        risk_form(risk, owner=factories.lead().pk, mitigation="Phishing simulation every quarter"),
    )
    assert response.status_code == 302
    risk.refresh_from_db()
    assert risk.mitigation == "Phishing simulation every quarter" and risk.owner.username == "owner"
    response = client.post(
        reverse("risk-review", args=[risk.reference]),
        review_form(risk, inherent_likelihood="5", inherent_impact="5", residual_likelihood="5", note="New ransomware group active"),
        follow=True,
    )
    assert "now on the strategic register" in response.content.decode()
    risk.refresh_from_db()
    assert risk.on_strategic_register and risk.reviews.get().reviewed_by == risk.owner


def test_a_review_reports_every_problem_at_once(client, risk):
    client.force_login(risk.owner)
    response = client.post(reverse("risk-review", args=[risk.reference]), review_form(risk, note="", next_review_date="2020-01-01"))
    page = response.content.decode()
    assert "There is a problem" in page
    assert "Say what the review found." in page and "The next review date must be in the future." in page


def test_a_bad_filter_shows_an_error_summary(client, db):
    client.force_login(factories.committee_member())
    response = client.get(reverse("risk-list"), {"band": "enormous"})
    assert response.status_code == 200
    assert "Choose a residual score band from the list." in response.content.decode()


def test_another_manager_cannot_edit_the_risk(client, risk):
    client.force_login(factories.manager())
    assert client.get(reverse("risk-edit", args=[risk.reference])).status_code == 403
    assert client.post(reverse("risk-review", args=[risk.reference]), {}).status_code == 403
    assert not RiskReview.objects.exists()


def test_a_lead_edits_any_risk(client, risk):
    client.force_login(factories.lead())
    response = client.post(
        reverse("risk-edit", args=[risk.reference]),
        risk_form(risk, title="Ransomware", category="cyber_security", mitigation="Immutable backups"),
    )
    assert response.status_code == 302
    risk.refresh_from_db()
    assert (risk.title, risk.mitigation) == ("Ransomware", "Immutable backups")


def test_overdue_review_is_flagged(client, db):
    overdue = factories.RiskFactory(review_date=datetime.date(2020, 1, 1))
    client.force_login(factories.committee_member())
    assert "Review overdue" in client.get(reverse("risk-detail", args=[overdue.reference])).content.decode()


def test_unknown_reference_is_404_and_unknown_export_format_is_404(client, db):
    client.force_login(factories.lead())
    assert client.get(reverse("risk-detail", args=["NOPE"])).status_code == 404
    assert client.get(reverse("business-case-detail", args=["NOPE"])).status_code == 404
    assert client.get(reverse("risk-export", args=["pdf"])).status_code == 404


def test_risk_export_matches_the_filters_in_the_page_columns(client, db):
    for n in range(3):
        factories.RiskFactory(reference=f"R-C{n}", category=RiskCategory.COMPLIANCE)
    factories.RiskFactory(reference="R-X", category=RiskCategory.FINANCIAL)
    client.force_login(factories.committee_member())

    response = client.get(reverse("risk-export", args=["csv"]), {"category": "compliance"})
    rows = csv_rows(response)
    assert rows[0] == [column.header for column in RISK_COLUMNS]
    assert [row[0] for row in rows[1:]] == ["R-C0", "R-C1", "R-C2"]

    page = client.get(reverse("risk-list"), {"category": "compliance"}).content.decode()
    # The page shows every column but the spreadsheet-only username.
    assert [column.header for column in RISK_COLUMNS if f">{column.header}</th>" not in page] == ["Owner username"]

    response = client.get(reverse("risk-export", args=["xlsx"]), {"category": "financial"})
    assert [row[0] for row in xlsx_rows(response)[1:]] == ["R-X"]


def test_business_case_export_shows_the_chosen_years_figures(client, case):
    factories.BusinessCaseLineFactory(business_case=case, financial_year=2025, capital_cost=Decimal("7.07"))
    other = factories.BusinessCaseFactory()
    factories.BusinessCaseLineFactory(business_case=other, financial_year=2023)
    client.force_login(factories.committee_member())

    response = client.get(reverse("business-case-export", args=["xlsx"]), {"financial_year": "2025"})
    rows = xlsx_rows(response)
    assert rows[0] == [column.header for column in BUSINESS_CASE_COLUMNS]
    capital = rows[0].index("Capital cost")
    assert [(row[0], row[capital]) for row in rows[1:]] == [(case.reference, 7.07)]

    response = client.get(reverse("business-case-export", args=["csv"]))
    by_ref = {row[0]: row for row in csv_rows(response)[1:]}
    assert by_ref[case.reference][capital] == "1250007.07"


def _business_cases(n: int) -> None:
    principle = factories.PrincipleFactory(number=1)
    sponsor = factories.manager()
    for _ in range(n):
        case = factories.BusinessCaseFactory(sponsor=sponsor)
        case.principles.add(principle)
        factories.BusinessCaseLineFactory(business_case=case, financial_year=2024)
        factories.BusinessCaseLineFactory(business_case=case, financial_year=2025)


def _risks(n: int) -> None:
    owner = factories.manager()
    case = factories.BusinessCaseFactory()
    for _ in range(n):
        factories.RiskFactory(owner=owner).business_cases.add(case)


@pytest.mark.parametrize(
    ("make_rows", "url"),
    [
        (_business_cases, reverse("business-case-list")),
        (_business_cases, reverse("business-case-list") + "?financial_year=2024&status=approved"),
        (_business_cases, reverse("business-case-export", args=["csv"])),
        (_risks, reverse("risk-list")),
        (_risks, reverse("risk-list") + "?band=low&review_overdue=true"),
        (_risks, reverse("risk-export", args=["xlsx"])),
    ],
)
def test_list_query_count_does_not_grow_with_rows(client, db, make_rows, url):
    client.force_login(factories.lead())
    make_rows(10)
    ten = query_count(client, url)
    make_rows(190)
    assert query_count(client, url) == ten


def _grow_case(case, n: int) -> None:
    lead = factories.lead()
    principle = factories.PrincipleFactory(number=2)
    for _ in range(n):
        factories.ActionFactory(business_case=case, principle=principle)
        factories.RiskFactory().business_cases.add(case)
        BusinessCaseTransition.objects.create(business_case=case, from_status="draft", to_status="submitted", actor=lead)


def _grow_risk(risk, n: int) -> None:
    principle = factories.PrincipleFactory(number=2)
    for _ in range(n):
        factories.ActionFactory(principle=principle).risks.add(risk)
        risk.business_cases.add(factories.BusinessCaseFactory())
        RiskReview.objects.create(
            risk=risk, reviewed_by=risk.owner, inherent_likelihood=1, inherent_impact=1,
            residual_likelihood=1, residual_impact=1, note="ok", next_review_date=NEXT_YEAR,
        )


@pytest.mark.parametrize(
    ("fixture", "url_name", "grow"),
    [("case", "business-case-detail", _grow_case), ("risk", "risk-detail", _grow_risk)],
)
def test_detail_query_count_does_not_grow(db, client, request, fixture, url_name, grow):
    subject = request.getfixturevalue(fixture)
    client.force_login(factories.lead())
    url = reverse(url_name, args=[subject.reference])
    grow(subject, 10)
    ten = query_count(client, url)
    grow(subject, 190)
    assert query_count(client, url) == ten


def test_navigation_shows_business_cases_and_risks_to_readers(client, db):
    client.force_login(factories.committee_member())
    page = client.get(reverse("risk-list")).content.decode()
    assert 'href="/business-cases/"' in page and 'href="/risks/"' in page


# Two people editing one record: a save made on the version a page showed, after someone else
# saved the record, is refused, with what was typed kept and who changed it and when.


@pytest.fixture
def jane(db):
    return factories.lead(username="jane", first_name="Jane", last_name="Smith")


def signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def version_on_page(response) -> str:
    return response.context["form"]["expected_version"].value()


def assert_refused_as_stale(response, record, *typed: str) -> str:
    """The page came back with the summary naming Jane and when, what was typed, and the version now."""
    assert response.status_code == 200
    page = response.content.decode()
    assert "There is a problem" in page
    assert re.search(
        rf"{record.reference} was changed by Jane Smith at \d\d:\d\d on \d{{1,2}} \w+ \d{{4}}, after you opened it\. "
        "Nothing has been saved",
        page,
    )
    for value in typed:
        assert value in page
    record.refresh_from_db()
    assert f'name="expected_version" value="{record.version}"' in page
    return page


def test_a_stale_business_case_edit_is_refused_keeping_what_was_typed(client, case, jane):
    client.force_login(factories.lead())
    url = reverse("business-case-edit", args=[case.reference])
    read = version_on_page(client.get(url))
    janes = {"title": "Jane title", "sponsor": case.sponsor.pk, "capital_cost_2024": "5", "expected_version": read}
    assert signed_in(jane).post(url, janes).status_code == 302

    mine = {"title": "My title", "summary": "My summary", "sponsor": case.sponsor.pk, "capital_cost_2024": "2000"}
    response = client.post(url, mine | {"expected_version": read})

    assert_refused_as_stale(response, case, 'value="My title"', "My summary", 'value="2000"')
    assert case.title == "Jane title"
    assert case.lines.get().capital_cost == Decimal("5.00")
    # Having been told, saving again goes on the version now current.
    assert client.post(url, mine | {"expected_version": case.version}).status_code == 302


def test_a_stale_workflow_step_is_refused_keeping_the_note(client, case, jane):
    client.force_login(factories.lead())
    detail = client.get(reverse("business-case-detail", args=[case.reference]))
    read = detail.context["transition_form"]["expected_version"].value()
    transition = reverse("business-case-transition", args=[case.reference])
    assert signed_in(jane).post(transition, {"to_status": "submitted", "expected_version": read}).status_code == 302

    response = client.post(transition, {"to_status": "submitted", "note": "My reason", "expected_version": read})

    page = assert_refused_as_stale(response, case, "My reason")
    assert "Approve" in page  # the next steps of the case as it now stands
    assert list(case.transitions.values_list("actor__username", flat=True)) == ["jane"]


def test_a_stale_revision_is_refused_keeping_what_was_typed(client, case, jane):
    BusinessCase.objects.filter(pk=case.pk).update(status=BusinessCaseStatus.APPROVED)
    client.force_login(factories.lead())
    url = reverse("business-case-revise", args=[case.reference])
    read = version_on_page(client.get(url))
    janes = {"capital_cost_2024": "5", "reason": "Jane's review", "expected_version": read}
    assert signed_in(jane).post(url, janes).status_code == 302

    response = client.post(url, {"capital_cost_2024": "2000", "reason": "My review", "expected_version": read})

    assert_refused_as_stale(response, case, 'value="2000"', "My review")
    assert list(case.revisions.values_list("revised_by__username", flat=True)) == ["jane"]
    assert case.lines.get().capital_cost == Decimal("5.00")


def test_a_stale_risk_edit_is_refused_keeping_what_was_typed(client, risk, jane):
    client.force_login(risk.owner)
    url = reverse("risk-edit", args=[risk.reference])
    read = version_on_page(client.get(url))
    fields = {
        "title": risk.title, "category": risk.category, "owner": risk.owner.pk, "review_date": NEXT_YEAR.isoformat(),
        **{name: getattr(risk, name) for name in SCORE_FIELDS},
    }
    assert signed_in(jane).post(url, fields | {"mitigation": "Jane's backups", "expected_version": read}).status_code == 302

    response = client.post(url, fields | {"mitigation": "My phishing drills", "expected_version": read})

    assert_refused_as_stale(response, risk, "My phishing drills")
    assert risk.mitigation == "Jane's backups"


def test_a_stale_risk_review_is_refused_keeping_what_was_typed(client, risk, jane):
    client.force_login(risk.owner)
    url = reverse("risk-review", args=[risk.reference])
    read = version_on_page(client.get(url))
    review = {
        "inherent_likelihood": "4", "inherent_impact": "4", "residual_likelihood": "2", "residual_impact": "3",
        "next_review_date": NEXT_YEAR.isoformat(),
    }
    assert signed_in(jane).post(url, review | {"note": "Jane's review", "expected_version": read}).status_code == 302

    response = client.post(url, review | {"note": "My findings", "expected_version": read})

    assert_refused_as_stale(response, risk, "My findings")
    assert list(risk.reviews.values_list("note", flat=True)) == ["Jane's review"]
