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
    open_table, closed_section = page.split('<details class="govuk-details">')
    assert "Open actions you own or are delegated (2)" in open_table
    assert "P1-03" not in open_table
    assert re.search(r'<span class="govuk-details__summary-text">Closed actions \(1\)</span>', closed_section)
    assert re.search(r"P1-03.*?Closed", closed_section, re.S)


def test_my_actions_puts_those_needing_an_update_first_soonest_due_first_and_closed_ones_apart(client, plan):
    owner, principle = plan["owner"], plan["principle"]
    factories.ActionFactory(reference="P1-05", principle=principle, owner=owner, target_date=datetime.date(2031, 1, 1))
    factories.ActionFactory(reference="P1-06", principle=principle, owner=owner, target_date=datetime.date(2032, 1, 1), revised_target_date=datetime.date(2030, 6, 1))
    record(factories.ActionFactory(reference="P1-07", principle=principle, owner=owner, target_date=datetime.date(2029, 1, 1)), owner, plan["period"])
    factories.ActionFactory(reference="P1-08", principle=principle, owner=owner, status="cancelled", target_date=datetime.date(2028, 1, 1))
    factories.ActionFactory(reference="P1-09", principle=principle, owner=owner, status="completed", percent_complete=100)
    signed_in(client, owner)
    response = client.get(reverse("my-actions"))
    listed = response.context["actions"]
    assert [row.action.reference for row in listed.open] == ["P1-06", "P1-05", "P1-01", "P1-07"]
    assert [row.needs_update for row in listed.open] == [True, True, True, False]
    assert sorted(row.action.reference for row in listed.closed) == ["P1-08", "P1-09"]
    page = response.content.decode()
    assert page.index("P1-06") < page.index("P1-05") < page.index("P1-01") < page.index("P1-07") < page.index("Closed actions (2)")


def test_my_actions_without_an_open_period_says_so(client, plan):
    ReportingPeriod.objects.update(closed_at=timezone.now())
    signed_in(client, plan["owner"])
    page = client.get(reverse("my-actions")).content.decode()
    assert "No reporting period is taking progress updates today" in page
    assert "P1-01" in page


def test_my_actions_shows_last_quarters_rag_beside_the_current_one(client, plan):
    action, owner, period = plan["action"], plan["owner"], plan["period"]
    previous = factories.PeriodFactory(key=period.financial_quarter.previous().key, closed_at=timezone.now())
    factories.ProgressUpdateFactory(action=action, period=previous, status="off_track", rag="red", commentary="Stuck.")
    record(action, owner, period, status="at_risk", rag="amber", commentary="Moving.")
    factories.ActionFactory(reference="P1-02", principle=plan["principle"], owner=owner, target_date=FAR_FUTURE)
    signed_in(client, owner)
    response = client.get(reverse("my-actions"))
    rows = {row.action.reference: row for row in response.context["actions"].open}
    assert (rows["P1-01"].last_rag, rows["P1-01"].action.rag) == ("red", "amber")
    assert rows["P1-02"].last_rag == ""
    page = response.content.decode()
    assert f"RAG at end of {previous.label}</th>" in page and "RAG now</th>" in page
    first_row = re.search(r"P1-01</a></th>.*?</tr>", page, re.S).group(0)
    assert re.search(r"Red</strong></td>\s*<td[^>]*><strong[^>]*>Amber</strong>", first_row)
    assert re.search(r"P1-02</a></th>.*?Not rated.*?</tr>", page, re.S)


def test_my_actions_without_a_quarter_before_shows_one_rag(client, plan):
    signed_in(client, plan["owner"])
    page = client.get(reverse("my-actions")).content.decode()
    assert "RAG at end of" not in page and ">RAG</th>" in page


# --- the progress form --------------------------------------------------------------------------


def test_form_starts_from_the_last_figures_with_empty_words_and_shows_last_quarters_words(client, plan):
    previous = factories.PeriodFactory(key=plan["period"].financial_quarter.previous().key)
    factories.ProgressUpdateFactory(
        action=plan["action"], period=previous, status="at_risk", rag="amber", percent_complete=35, author=plan["owner"],
        commentary="Waiting on the supplier.", next_steps="Chase the supplier.",
    )
    signed_in(client, plan["owner"])
    response = client.get(update_url(plan["action"]))
    form = response.context["form"]
    assert form.initial == {
        "status": "at_risk", "rag": "amber", "percent_complete": 35, "commentary": "",
        "next_steps": "", "expected_version": plan["action"].version,
    }
    page = response.content.decode()
    assert f"Update progress for {plan['period'].label}" in page
    assert re.search(r'<input[^>]*\svalue="at_risk"[^>]*\schecked', page)
    reference = re.search(r'<section class="govuk-inset-text" aria-labelledby="earlier-words-heading">(.*?)</section>', page, re.S)
    assert f'<h2 class="govuk-heading-s" id="earlier-words-heading">Last quarter ({previous.label}) you wrote:</h2>' in reference[1]
    assert "Waiting on the supplier." in reference[1] and "Chase the supplier." in reference[1]
    assert re.search(r'<textarea name="commentary"[^>]*>\s*</textarea>', page)
    assert re.search(r'<textarea name="next_steps"[^>]*>\s*</textarea>', page)


def test_changing_only_the_percent_does_not_save_last_quarters_words_again(client, plan):
    previous = factories.PeriodFactory(key=plan["period"].financial_quarter.previous().key)
    factories.ProgressUpdateFactory(
        action=plan["action"], period=previous, status="on_track", rag="green", percent_complete=35,
        commentary="Waiting on the supplier.", next_steps="Chase the supplier.",
    )
    signed_in(client, plan["owner"])
    initial = client.get(update_url(plan["action"])).context["form"].initial
    client.post(update_url(plan["action"]), {**initial, "percent_complete": "40"})
    update = ProgressUpdate.objects.get(period=plan["period"])
    assert (update.percent_complete, update.commentary, update.next_steps) == (40, "", "")


def test_amending_this_quarters_update_starts_from_its_words(client, plan):
    previous = factories.PeriodFactory(key=plan["period"].financial_quarter.previous().key)
    factories.ProgressUpdateFactory(action=plan["action"], period=previous, commentary="Last quarter's words.", author=plan["delegate"])
    record(plan["action"], plan["owner"], plan["period"], status="at_risk", rag="amber", percent_complete=60,
           commentary="This quarter's words.", next_steps="This quarter's next steps.")
    signed_in(client, plan["owner"])
    response = client.get(update_url(plan["action"]))
    assert response.context["form"].initial == {
        "status": "at_risk", "rag": "amber", "percent_complete": 60, "commentary": "This quarter's words.",
        "next_steps": "This quarter's next steps.", "expected_version": plan["action"].version,
    }
    page = response.content.decode()
    assert f"Last quarter ({previous.label}) Dev Delegate wrote:" in page
    assert "Last quarter&#x27;s words." in page
    assert re.search(r'<textarea name="commentary"[^>]*>\s*This quarter&#x27;s words.</textarea>', page)


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


NEXT = {"then": "next"}


def test_save_and_next_walks_the_to_do_list_in_my_actions_order_then_says_all_are_done(client, plan):
    owner, principle = plan["owner"], plan["principle"]
    sooner = factories.ActionFactory(reference="P1-05", principle=principle, owner=owner, target_date=datetime.date(2030, 1, 1))
    later = factories.ActionFactory(reference="P1-06", principle=principle, owner=owner, target_date=datetime.date(2031, 1, 1))
    record(factories.ActionFactory(reference="P1-07", principle=principle, owner=owner, target_date=datetime.date(2029, 1, 1)), owner, plan["period"])
    factories.ActionFactory(reference="P1-08", principle=principle, owner=owner, status="completed", percent_complete=100, target_date=datetime.date(2029, 6, 1))
    factories.ActionFactory(reference="P1-09", principle=principle, owner=plan["other_manager"], target_date=datetime.date(2030, 6, 1))
    signed_in(client, owner)
    page = client.get(update_url(sooner)).content.decode()
    assert '<button type="submit" class="govuk-button govuk-button--secondary" data-module="govuk-button" name="then" value="next">Save and go to the next action needing an update</button>' in page

    first = client.post(update_url(sooner), {**form_data(sooner), **NEXT}, follow=True)
    assert first.redirect_chain == [(update_url(later), 302)]
    assert "Progress on P1-05 for" in first.content.decode() and "Next, P1-06." in first.content.decode()
    second = client.post(update_url(later), {**form_data(later), **NEXT})
    assert second["Location"] == update_url(plan["action"])
    done = client.post(update_url(plan["action"]), {**form_data(plan["action"]), **NEXT}, follow=True)
    assert done.redirect_chain == [(reverse("my-actions"), 302)]
    assert f"All your actions are done: every one has an update for {plan['period'].label}." in done.content.decode()
    assert ProgressUpdate.objects.filter(period=plan["period"], author=owner).count() == 4


def test_save_and_next_wraps_round_to_actions_skipped_earlier_in_the_list(client, plan):
    owner, principle = plan["owner"], plan["principle"]
    skipped = factories.ActionFactory(reference="P1-05", principle=principle, owner=owner, target_date=datetime.date(2030, 1, 1))
    signed_in(client, owner)
    response = client.post(update_url(plan["action"]), {**form_data(plan["action"]), **NEXT})
    assert response["Location"] == update_url(skipped)


def test_save_and_next_with_a_mistake_stays_on_the_form(client, plan):
    signed_in(client, plan["owner"])
    response = client.post(update_url(plan["action"]), {**form_data(plan["action"], commentary=""), **NEXT})
    assert response.status_code == 200 and "commentary" in response.context["form"].errors
    assert not ProgressUpdate.objects.exists()


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


def test_action_page_charts_status_rag_and_percent_by_quarter_with_the_same_figures_in_a_table(client, plan):
    action = plan["action"]
    quarter = plan["period"].financial_quarter
    older = factories.PeriodFactory(key=quarter.previous().previous().key)
    previous = factories.PeriodFactory(key=quarter.previous().key)
    factories.ProgressUpdateFactory(action=action, period=older, status="not_started", rag="green", percent_complete=0)
    factories.ProgressUpdateFactory(action=action, period=previous, status="off_track", rag="red", percent_complete=35, commentary="Late.")
    record(action, plan["owner"], plan["period"], status="at_risk", rag="amber", percent_complete=60, commentary="Better.")
    signed_in(client, plan["committee"])
    page = client.get(detail_url(action)).content.decode()
    svg = re.search(r"<svg.*?</svg>", page, re.S).group(0)
    assert 'role="img"' in svg and '<title id="progress-chart-title">Percent complete of P1-01 by quarter</title>' in svg
    assert 'aria-labelledby="progress-chart-title progress-chart-description"' in svg and "<desc" in svg
    # Oldest first; a 0% quarter draws only its track; bars are 319 units at 100%, in the RAG colours.
    words = re.findall(r'<text class="app-chart__words"[^>]*>(.*?)</text>', svg)
    assert words == [
        f"{older.label}: 0%, Not started, Green",
        f"{previous.label}: 35%, Off track, Red",
        f"{plan['period'].label}: 60%, At risk, Amber",
    ]
    assert re.findall(r'class="app-chart__bar" fill="(#[0-9a-f]{6})"[^>]*width="([\d.]+)"', svg) == [
        ("#d4351c", "111.65"), ("#ffdd00", "191.4"),
    ]
    assert svg.count('class="app-chart__track"') == 3
    # The chart fits a 320 px screen without shrinking its words by more than a tenth.
    assert 'viewBox="0 0 320 144"' in svg
    assert "<script" not in svg and "style=" not in page
    table = re.search(r"<caption[^>]*>Status, RAG rating and percent complete of P1-01 by quarter.*?</table>", page, re.S).group(0)
    rows = [
        [re.sub(r"<[^>]+>", "", cell).strip() for cell in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row, re.S)]
        for row in re.findall(r"<tr class=\"govuk-table__row\">(.*?)</tr>", table, re.S)[1:]
    ]
    assert rows == [
        [older.label, "Not started", "Green", "0%"],
        [previous.label, "Off track", "Red", "35%"],
        [plan["period"].label, "At risk", "Amber", "60%"],
    ]


def test_action_page_without_updates_has_no_chart(client, plan):
    signed_in(client, plan["committee"])
    page = client.get(detail_url(plan["action"])).content.decode()
    assert "<svg" not in page and "No progress has been reported yet." in page


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
    first = dict(zip(rows[0], rows[1], strict=True))
    assert (first["Status"], first["RAG"]) == ("Off track", "Red")


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


def test_open_and_due_update_filters(client, listed):
    record(listed["action"], listed["owner"], listed["period"], status="completed", rag="green", percent_complete=100)
    factories.ActionFactory(reference="P1-03", principle=listed["principle"], owner=listed["owner"], status="cancelled", rag="red")
    signed_in(client, listed["committee"])
    open_red = client.get(reverse("action-list"), {"open": "true", "rag": "red"})
    assert [a.reference for a in open_red.context["page"]] == ["P2-01"]
    closed = client.get(reverse("action-list"), {"open": "false"})
    assert [a.reference for a in closed.context["page"]] == ["P1-01", "P1-03"]
    # Completed this quarter, so due an update in it; cancelled before it, so not.
    due = client.get(reverse("action-list"), {"due_update_in": listed["period"].key})
    assert [a.reference for a in due.context["page"]] == ["P1-01", "P1-02", "P2-01", "P2-02"]


def test_signing_out_is_a_post_that_returns_to_sign_in(client, plan):
    signed_in(client, plan["owner"])
    response = client.post(reverse("logout"))
    assert response.status_code == 302 and response["Location"] == reverse("login")
    assert client.get(reverse("dashboard")).status_code == 302
