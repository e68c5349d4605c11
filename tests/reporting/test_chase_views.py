"""The chase list at /reports/chase/: leads only, grouped by owner, and a button that respects the sent log."""

import datetime

import pytest
from django.core import mail
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone

from actions.models import ActionItem
from core.navigation import navigation
from reporting.models import ReminderSent
from tests import factories
from tests.reporting.test_reminders import FINAL_DAY, FIRST_DAY

URL = "/reports/chase/"


@pytest.fixture
def on_day(monkeypatch):
    def _freeze(day: datetime.date) -> None:
        monkeypatch.setattr(timezone, "localdate", lambda *args, **kwargs: day)

    return _freeze


@pytest.fixture
def lead_client(client, reminder_plan, on_day):
    on_day(FIRST_DAY)
    client.force_login(reminder_plan.lead)
    return client


def page_text(response) -> str:
    return " ".join(response.content.decode().split())


def flash(response) -> str:
    return " ".join(str(message) for message in response.context["messages"])


def test_the_url_is_reports_chase():
    assert reverse("chase-list") == URL


def test_a_lead_sees_who_has_not_updated_grouped_by_owner(lead_client):
    response = lead_client.get(URL)
    assert response.status_code == 200
    text = page_text(response)
    assert "Missing progress updates for 2026/27 Q3" in text
    assert "Updates are due by <strong>Friday 22 January 2027</strong>: 10 working days left after today." in text
    assert "a first reminder on Friday 8 January and a final one on Tuesday 19 January" in text
    assert "2 actions owned by 1 person have no update for 2026/27 Q3." in text
    assert '<h2 class="govuk-heading-m">Daniel Whitfield</h2>' in text
    assert '<a class="govuk-link" href="/actions/P1-01/">P1-01</a></th> <td class="govuk-table__cell">Migrate the data centre</td> <td class="govuk-table__cell">Priya Sharma</td>' in text
    assert 'href="/actions/P1-02/"' in text
    # Updated and completed actions, and their owners, are not listed.
    assert "P1-03" not in text and "P1-04" not in text and "Colin Closed" not in text
    assert "Not reminded yet for 2026/27 Q3." in text
    assert "E-mails the first reminder now to every owner and delegate listed who has not had it yet." in text
    assert "Send reminders now" in text


def test_the_button_says_when_it_sends_a_reminder_before_its_day(lead_client, on_day):
    on_day(FIRST_DAY - datetime.timedelta(days=4))
    text = page_text(lead_client.get(URL))
    assert "E-mails the first reminder now to every owner and delegate listed who has not had it yet; it will not go again on Friday 8 January." in text
    on_day(FINAL_DAY)
    assert "E-mails the final reminder now to every owner and delegate listed who has not had it yet." in page_text(lead_client.get(URL))


@pytest.mark.parametrize("role", [factories.manager, factories.committee_member, factories.api_client_user])
def test_everyone_but_leads_is_refused(client, reminder_plan, role):
    client.force_login(role(username="not-a-lead"))
    assert client.get(URL).status_code == 403
    assert client.post(URL).status_code == 403
    assert mail.outbox == []


def test_signing_in_comes_first(client, db):
    response = client.get(URL)
    assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")


def test_the_button_sends_once_and_says_so_the_second_time(lead_client):
    first = lead_client.post(URL, follow=True)
    assert first.redirect_chain == [(URL, 302)]
    assert flash(first) == (
        "Sent the first reminder for 2026/27 Q3 to 2 people (Daniel Whitfield and Priya Sharma)."
    )
    assert len(mail.outbox) == 2
    assert ReminderSent.objects.count() == 2
    assert f"Last reminded {timezone.now():%-d %B %Y} (first reminder)." in page_text(first)

    second = lead_client.post(URL, follow=True)
    assert flash(second) == "Everyone listed has already had the first reminder for 2026/27 Q3, so nothing was sent."
    assert len(mail.outbox) == 2


def test_a_later_owner_is_reminded_and_the_rest_are_not_sent_it_again(lead_client, reminder_plan):
    lead_client.post(URL, follow=True)
    factories.ActionFactory(reference="P1-05", owner=factories.manager(username="late", first_name="Lara", last_name="Late"))
    response = lead_client.post(URL, follow=True)
    assert flash(response) == (
        "Sent the first reminder for 2026/27 Q3 to 1 person (Lara Late). "
        "2 people (Daniel Whitfield and Priya Sharma) had already had it."
    )
    assert len(mail.outbox) == 3


def test_on_the_final_reminders_day_the_button_sends_the_final_reminder(lead_client, on_day):
    on_day(FINAL_DAY)
    response = lead_client.post(URL, follow=True)
    assert flash(response).startswith("Sent the final reminder for 2026/27 Q3 to 2 people")


def test_someone_without_an_address_is_named_not_skipped_silently(lead_client, reminder_plan):
    reminder_plan.delegate.email = ""
    reminder_plan.delegate.save()
    response = lead_client.post(URL, follow=True)
    assert flash(response) == (
        "Sent the first reminder for 2026/27 Q3 to 1 person (Daniel Whitfield). "
        "Not sent to 1 person (Priya Sharma): no e-mail address, or their account is disabled."
    )


def test_when_no_period_is_open_the_page_says_so(client, on_day, db):
    on_day(FIRST_DAY)
    client.force_login(factories.lead(username="lead-without-periods"))
    assert "No reporting period is taking progress updates today" in page_text(client.get(URL))
    response = client.post(URL, follow=True)
    assert flash(response) == "No reporting period is taking updates today, so there is no one to remind."
    assert mail.outbox == []


def test_when_everyone_has_updated_the_page_and_button_say_so(lead_client, reminder_plan):
    for action in ActionItem.objects.filter(reference__in=["P1-01", "P1-02"]):
        factories.ProgressUpdateFactory(action=action, period=reminder_plan.period, status="on_track", rag="green", percent_complete=50)
    assert "Every open action has an update for 2026/27 Q3." in page_text(lead_client.get(URL))
    assert flash(lead_client.post(URL, follow=True)) == "Nothing to send: every open action has been updated for 2026/27 Q3."


def test_another_period_is_shown_by_key_without_the_button(lead_client, on_day):
    on_day(datetime.date(2027, 1, 25))  # Q3's deadline has passed; Q4 is open
    text = page_text(lead_client.get(f"{URL}?period=2026-27-Q3"))
    assert "Its update deadline passed on Friday 22 January 2027." in text
    assert "Daniel Whitfield" in text and "Send reminders now" not in text


@pytest.mark.parametrize("key", ["2026-27-Q9", "nonsense", "2031-32-Q1", "%00", "2026-27-Q3" * 50])
def test_a_bad_period_key_is_not_found(lead_client, key):
    assert lead_client.get(URL, {"period": key}).status_code == 404


def test_leads_have_it_in_the_menu_and_others_do_not(db):
    request = RequestFactory().get(URL)
    request.user = factories.lead(username="menu-lead")
    items = navigation(request)["navigation"]
    assert [item["label"] for item in items if item["current"]] == ["Missing updates"]
    request.user = factories.manager(username="menu-manager")
    assert "Missing updates" not in [item["label"] for item in navigation(request)["navigation"]]
