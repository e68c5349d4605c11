"""The action pages by role: to-do list, list with filters and downloads, action page, progress form."""

import datetime
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from actions.models import ProgressUpdate
from actions.services import progress_record
from periods.models import ReportingPeriod
from tests import factories
from tests.factories import FAR_FUTURE
from tests.helpers import csv_rows, signed_in, xlsx_rows


@pytest.fixture
def plan(db):
    period = factories.open_period()
    owner = factories.manager(username="owner", first_name="Olive", last_name="Owner")
    delegate = factories.manager(username="delegate", first_name="Dev", last_name="Delegate")
    principle = factories.PrincipleFactory(number=1, title="To provide standard, sustainable, and flexible technology")
    action = factories.ActionFactory(
        reference="P1-01",
        title="Migrate mailboxes",
        principle=principle,
        owner=owner,
        delegates=[delegate],
        target_date=FAR_FUTURE,
    )
    return {
        "period": period,
        "principle": principle,
        "action": action,
        "owner": owner,
        "delegate": delegate,
        "other_manager": factories.manager(username="bystander"),
        "lead": factories.lead(username="thelead"),
        "committee": factories.committee_member(username="councillor"),
        "apiclient": factories.api_client_user(username="system"),
    }


def record(action, user, period, **figures):
    """Record progress the way the form would, on the action's current version."""
    action.refresh_from_db()
    defaults = {"status": "on_track", "rag": "green", "percent_complete": 20, "commentary": "", "next_steps": ""}
    return progress_record(action=action, user=user, period=period, expected_version=action.version, **{**defaults, **figures})


def update_url(action):
    return reverse("action-update", args=[action.reference])


def detail_url(action):
    return reverse("action-detail", args=[action.reference])


def form_data(action, **overrides):
    return {
        "status": "at_risk",
        "rag": "amber",
        "percent_complete": "45",
        "commentary": "Supplier delays pushed the cut-over back a month.",
        "next_steps": "Agree a new cut-over date.",
        "expected_version": str(action.version),
        **overrides,
    }


# --- who may see what ---------------------------------------------------------------------------

PAGES = ["dashboard", "my-actions", "action-list", "principle-list"]


@pytest.mark.parametrize("name", PAGES)
def test_anonymous_visitors_are_sent_to_sign_in(client, plan, name):
    url = reverse(name)
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"] == f"{reverse('login')}?next={url}"


@pytest.mark.parametrize("url_of", [detail_url, update_url])
def test_anonymous_visitors_to_an_action_are_sent_to_sign_in(client, plan, url_of):
    response = client.get(url_of(plan["action"]))
    assert response.status_code == 302 and response["Location"].startswith(reverse("login"))


@pytest.mark.parametrize("role", ["committee", "apiclient", "other_manager", "owner", "lead"])
def test_every_role_reads_the_action_list_and_page(client, plan, role):
    signed_in(client, plan[role])
    assert client.get(reverse("action-list")).status_code == 200
    assert client.get(detail_url(plan["action"])).status_code == 200


@pytest.mark.parametrize(("role", "may_update"), [
    ("owner", True), ("delegate", True), ("lead", True),
    ("other_manager", False), ("committee", False), ("apiclient", False),
])
def test_update_button_and_form_only_for_those_who_may_record_progress(client, plan, role, may_update):
    signed_in(client, plan[role])
    page = client.get(detail_url(plan["action"])).content.decode()
    assert ("Update progress" in page) is may_update
    form = client.get(update_url(plan["action"]))
    posted = client.post(update_url(plan["action"]), form_data(plan["action"]))
    if may_update:
        assert form.status_code == 200 and posted.status_code == 302
    else:
        assert form.status_code == 403 and posted.status_code == 403
        assert "You can update only the actions you own or are delegated." in form.content.decode()
        assert not ProgressUpdate.objects.exists()


@pytest.mark.parametrize(("role", "status"), [("committee", 403), ("apiclient", 403), ("owner", 200), ("lead", 200)])
def test_my_actions_is_for_people_who_report_progress(client, plan, role, status):
    signed_in(client, plan[role])
    assert client.get(reverse("my-actions")).status_code == status


def test_navigation_shows_what_the_role_may_do(client, plan):
    signed_in(client, plan["committee"])
    committee_page = client.get(reverse("action-list")).content.decode()
    signed_in(client, plan["owner"])
    manager_page = client.get(reverse("action-list")).content.decode()
    assert 'href="/my-actions/"' not in committee_page
    assert 'href="/my-actions/"' in manager_page
    for href in ('href="/"', 'href="/actions/"', 'href="/principles/"'):
        assert href in committee_page and href in manager_page


def test_unknown_action_is_404(client, plan):
    signed_in(client, plan["lead"])
    assert client.get(reverse("action-detail", args=["P9-99"])).status_code == 404
    assert client.get(reverse("action-update", args=["P9-99"])).status_code == 404


# --- my actions ---------------------------------------------------------------------------------


def test_my_actions_lists_own_and_delegated_actions_those_to_update_first(client, plan):
    period = plan["period"]
    reported = factories.ActionFactory(reference="P1-02", principle=plan["principle"], owner=plan["owner"], target_date=datetime.date(2030, 1, 1))
    record(reported, plan["owner"], period)
    factories.ActionFactory(reference="P1-03", principle=plan["principle"], owner=plan["owner"], status="completed", percent_complete=100)
    factories.ActionFactory(reference="P1-04", principle=plan["principle"], owner=plan["other_manager"])
    signed_in(client, plan["delegate"])
    delegated = client.get(reverse("my-actions")).content.decode()
    assert "P1-01" in delegated and "Delegate" in delegated and "P1-02" not in delegated

    signed_in(client, plan["owner"])
    page = client.get(reverse("my-actions")).content.decode()
    assert page.index("P1-01") < page.index("P1-02") < page.index("P1-03")
    assert "P1-04" not in page
    assert f"by {period.update_deadline:%-d %B %Y}" in page
    assert "1 of your actions still needs an update" in page
    assert re.search(r"P1-03.*?Closed", page, re.S)


def test_my_actions_without_an_open_period_says_so(client, plan):
    ReportingPeriod.objects.update(closed_at=timezone.now())
    signed_in(client, plan["owner"])
    page = client.get(reverse("my-actions")).content.decode()
    assert "No reporting period is taking progress updates today" in page
    assert "P1-01" in page


# --- the progress form --------------------------------------------------------------------------


def test_form_is_prefilled_from_the_last_update(client, plan):
    previous = factories.PeriodFactory(key=plan["period"].financial_quarter.previous().key)
    factories.ProgressUpdateFactory(
        action=plan["action"], period=previous, status="at_risk", rag="amber", percent_complete=35,
        commentary="Waiting on the supplier.", next_steps="Chase the supplier.",
    )
    signed_in(client, plan["owner"])
    response = client.get(update_url(plan["action"]))
    form = response.context["form"]
    assert form.initial == {
        "status": "at_risk", "rag": "amber", "percent_complete": 35, "commentary": "Waiting on the supplier.",
        "next_steps": "Chase the supplier.", "expected_version": plan["action"].version,
    }
    page = response.content.decode()
    assert f"Update progress for {plan['period'].label}" in page
    assert re.search(r'<input[^>]*\svalue="at_risk"[^>]*\schecked', page)


def test_saving_progress_records_it_and_shows_it_on_the_timeline(client, plan):
    signed_in(client, plan["owner"])
    response = client.post(update_url(plan["action"]), form_data(plan["action"]), follow=True)
    assert response.redirect_chain == [(detail_url(plan["action"]), 302)]
    update = ProgressUpdate.objects.get(action=plan["action"], period=plan["period"])
    assert (update.status, update.rag, update.percent_complete, update.author) == ("at_risk", "amber", 45, plan["owner"])
    page = response.content.decode()
    assert f"Progress on P1-01 for {plan['period'].label} has been saved." in page
    assert "Supplier delays pushed the cut-over back a month." in page
    assert f"{plan['period'].label}: At risk" in page
    # The audit history names the change and who made it.
    assert "Status: On track → At risk" in page
    assert "RAG: Green → Amber" in page


@pytest.mark.parametrize(("overrides", "field", "message"), [
    ({"commentary": ""}, "commentary", "Explain why the action is amber: commentary is required for amber and red."),
    ({"rag": "green"}, "rag", "An action that is at risk must be rated amber."),
    ({"percent_complete": "abc"}, "percent_complete", "Enter percent complete as a whole number from 0 to 100, like 45."),
    ({"percent_complete": "101"}, "percent_complete", "Percent complete must be 100 or less."),
    ({"status": ""}, "status", "Choose a status."),
    ({"status": "done"}, "status", "Choose a status from the list."),
    ({"status": "completed", "rag": "green", "percent_complete": "90"}, "percent_complete",
     "A completed action is 100% complete: enter 100 or choose another status."),
])
def test_field_errors_are_shown_beside_the_field_and_in_the_summary(client, plan, overrides, field, message):
    signed_in(client, plan["owner"])
    response = client.post(update_url(plan["action"]), form_data(plan["action"], **overrides))
    assert response.status_code == 200
    assert response.context["form"].errors[field] == [message]
    page = response.content.decode()
    assert "There is a problem" in page and page.startswith("<!DOCTYPE html>")
    assert page.count(message.replace("'", "&#x27;")) == 2  # summary and beside the field
    assert f'id="id_{field}-error"' in page
    assert "<title>Error: " in page
    assert not ProgressUpdate.objects.exists()


def test_conflict_keeps_what_was_typed_and_says_who_changed_it(client, plan):
    signed_in(client, plan["owner"])
    stale = form_data(plan["action"], commentary="My careful explanation.")
    record(plan["action"], plan["delegate"], plan["period"], status="off_track", rag="red", percent_complete=30, commentary="Blocked.")
    response = client.post(update_url(plan["action"]), stale)
    assert response.status_code == 200
    page = response.content.decode()
    assert "Someone else has updated this action" in page
    assert "P1-01 was changed by Dev Delegate at" in page
    assert "Off track, Red, 30% complete" in page
    assert "My careful explanation." in page
    plan["action"].refresh_from_db()
    assert f'name="expected_version" value="{plan["action"].version}"' in page
    assert ProgressUpdate.objects.get().commentary == "Blocked."
    # Submitting again, having seen the new figures, saves.
    resubmitted = client.post(update_url(plan["action"]), {**stale, "expected_version": str(plan["action"].version)})
    assert resubmitted.status_code == 302
    assert ProgressUpdate.objects.get().commentary == "My careful explanation."


def test_no_open_period_says_so_instead_of_a_form(client, plan):
    ReportingPeriod.objects.update(closed_at=timezone.now())
    signed_in(client, plan["owner"])
    response = client.get(update_url(plan["action"]))
    page = response.content.decode()
    assert "No reporting period is taking progress updates today" in page
    assert 'id="progress-form"' not in page
    assert client.post(update_url(plan["action"]), form_data(plan["action"])).status_code == 200
    assert not ProgressUpdate.objects.exists()


# --- the action page ----------------------------------------------------------------------------


def test_action_page_shows_owner_delegates_business_case_risks_and_timeline_newest_first(client, plan):
    action = plan["action"]
    action.business_case = factories.BusinessCaseFactory(reference="HLBC-2023-01", title="Cloud first")
    action.save()
    action.risks.add(factories.RiskFactory(reference="ICT-R01", title="Supplier failure"))
    previous = factories.PeriodFactory(key=plan["period"].financial_quarter.previous().key)
    factories.ProgressUpdateFactory(action=action, period=previous, commentary="Earlier quarter.")
    record(action, plan["owner"], plan["period"], commentary="This quarter.")
    signed_in(client, plan["committee"])
    page = client.get(detail_url(action)).content.decode()
    for text in ("Olive Owner", "Dev Delegate", "HLBC-2023-01: Cloud first", "ICT-R01", "Supplier failure", "Principle 1"):
        assert text in page
    assert page.index("This quarter.") < page.index("Earlier quarter.")
    assert "Audit history of this action" in page


# --- the list, filters and downloads ------------------------------------------------------------


@pytest.fixture
def listed(plan):
    principle2 = factories.PrincipleFactory(number=2, strategy=plan["principle"].strategy)
    factories.ActionFactory(reference="P1-02", principle=plan["principle"], owner=plan["owner"], status="at_risk", rag="amber", title="Replace laptops", target_date=FAR_FUTURE)
    factories.ActionFactory(reference="P2-01", principle=principle2, owner=plan["other_manager"], status="off_track", rag="red", title="Exit data centres", target_date=FAR_FUTURE)
    factories.ActionFactory(reference="P2-02", principle=principle2, owner=plan["other_manager"], target_date=datetime.date(2024, 1, 1), start_date=datetime.date(2023, 4, 1))
    return plan


def test_list_filters_by_principle_rag_and_search(client, listed):
    signed_in(client, listed["committee"])
    page = client.get(reverse("action-list"), {"principle": "2", "rag": ["red", "green"]})
    assert [a.reference for a in page.context["page"]] == ["P2-01", "P2-02"]
    page = client.get(reverse("action-list"), {"q": "laptop"})
    assert [a.reference for a in page.context["page"]] == ["P1-02"]
    page = client.get(reverse("action-list"), {"overdue": "true"})
    assert [a.reference for a in page.context["page"]] == ["P2-02"]
    assert "Overdue" in page.content.decode()


def test_list_sorts_by_column_links(client, listed):
    signed_in(client, listed["committee"])
    response = client.get(reverse("action-list"), {"ordering": "-reference"})
    assert [a.reference for a in response.context["page"]] == ["P2-02", "P2-01", "P1-02", "P1-01"]
    page = response.content.decode()
    assert 'aria-sort="descending"' in page
    assert 'href="?ordering=reference"' in page


def test_list_paginates_25_a_page_keeping_filters(client, listed):
    for n in range(30):
        factories.ActionFactory(reference=f"P1-{n + 10:02d}", principle=listed["principle"], owner=listed["owner"], rag="red", status="off_track")
    signed_in(client, listed["committee"])
    first = client.get(reverse("action-list"), {"rag": "red"})
    assert len(first.context["page"].object_list) == 25
    assert "rag=red&amp;page=2" in first.content.decode()
    second = client.get(reverse("action-list"), {"rag": "red", "page": "2"})
    assert len(second.context["page"].object_list) == 31 - 25
    assert client.get(reverse("action-list"), {"page": "nonsense"}).status_code == 200


def test_csv_download_has_exactly_the_filtered_rows(client, listed):
    signed_in(client, listed["committee"])
    response = client.get(reverse("action-list"), {"principle": "2", "download": "csv"})
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    rows = csv_rows(response)
    assert rows[0][:3] == ["Reference", "Title", "Principle"]
    assert [row[0] for row in rows[1:]] == ["P2-01", "P2-02"]
    assert rows[1][9:11] == ["Off track", "Red"]


def test_xlsx_download_has_exactly_the_filtered_rows(client, listed):
    signed_in(client, listed["committee"])
    response = client.get(reverse("action-list"), {"status": "at_risk", "download": "xlsx"})
    assert 'filename="actions-' in response["Content-Disposition"] and response["Content-Disposition"].endswith('.xlsx"')
    values = xlsx_rows(response)
    assert values[0][0] == "Reference"
    assert [row[0] for row in values[1:]] == ["P1-02"]


def test_bad_filter_or_format_gives_a_message_not_an_error(client, listed):
    signed_in(client, listed["committee"])
    bad_period = client.get(reverse("action-list"), {"updated_in": "2024-Q9", "download": "csv"})
    assert bad_period.status_code == 200 and bad_period["Content-Type"].startswith("text/html")
    assert "is not a financial-year quarter" in bad_period.content.decode()
    bad_format = client.get(reverse("action-list"), {"download": "pdf"})
    assert bad_format.status_code == 200
    assert "Choose a download format: CSV or XLSX." in bad_format.content.decode()


def test_period_filters_find_actions_updated_or_not(client, listed):
    record(listed["action"], listed["owner"], listed["period"])
    signed_in(client, listed["committee"])
    key = listed["period"].key
    updated = client.get(reverse("action-list"), {"updated_in": key})
    assert [a.reference for a in updated.context["page"]] == ["P1-01"]
    not_updated = client.get(reverse("action-list"), {"not_updated_in": key})
    assert [a.reference for a in not_updated.context["page"]] == ["P1-02", "P2-01", "P2-02"]


def test_signing_out_is_a_post_that_returns_to_sign_in(client, plan):
    signed_in(client, plan["owner"])
    response = client.post(reverse("logout"))
    assert response.status_code == 302 and response["Location"] == reverse("login")
    assert client.get(reverse("dashboard")).status_code == 302
