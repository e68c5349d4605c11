"""Publishing a pack and closing a quarter early ask first; a quarter closed early reopens until its pack is published."""

import re

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from reporting import packs
from reporting.choices import PackStatus
from reporting.models import ReportPack
from tests import factories
from tests.helpers import signed_in

CONFIRMED = {"confirmed": "yes"}


def day(date) -> str:
    return f"{date:%-d %B %Y}"


@pytest.fixture
def open_quarter(db):
    period = factories.open_period()
    factories.ActionFactory(reference="P9-01")
    return period


def test_the_packs_page_links_to_confirmation_pages_instead_of_one_click_forms(client, built_packs, open_quarter, lead):
    signed_in(client, lead)
    page = client.get(reverse("pack-list")).content.decode()
    ready = built_packs["ready"]
    assert f'href="/reports/packs/{ready.pk}/publish/"' in page
    assert f'href="/reports/periods/{open_quarter.key}/close/"' in page
    assert re.search(r'<form[^>]*action="[^"]*/(publish|close)/"', page) is None


def test_publish_confirmation_says_what_will_happen_and_only_its_post_publishes(client, built_packs, lead):
    ready = built_packs["ready"]
    url = reverse("pack-publish", args=[ready.pk])
    signed_in(client, lead)
    page = client.get(url).content.decode()
    assert "<h1 class=\"govuk-heading-l\">Publish version 1 of the 2024/25 Q2 pack?</h1>" in page
    assert "Publishing makes version 1 of the 2024/25 Q2 pack visible to committee members" in page
    assert "it can never be changed or unpublished." in page
    assert 'name="csrfmiddlewaretoken"' in page and '<input type="hidden" name="confirmed" value="yes">' in page
    assert ">Publish the pack</button>" in page and '<a class="govuk-link" href="/reports/">Cancel</a>' in page

    # A POST without the page's confirmation (an old one-click form) goes to the page and publishes nothing.
    unconfirmed = client.post(url)
    assert (unconfirmed.status_code, unconfirmed["Location"]) == (302, url)
    ready.refresh_from_db()
    assert ready.status == PackStatus.READY

    published = client.post(url, CONFIRMED, follow=True)
    assert published.redirect_chain == [(reverse("pack-list"), 302)]
    assert "The 2024/25 Q2 pack (version 1) is published." in published.content.decode()
    ready.refresh_from_db()
    assert (ready.status, ready.published_by) == (PackStatus.PUBLISHED, lead)

    # Published now: the page sends the lead back with the reason rather than offering the button again.
    again = client.get(url, follow=True).content.decode()
    assert "Only a ready pack can be published; this one is published." in again


def test_the_confirmation_post_needs_its_csrf_token(built_packs, lead):
    client = Client(enforce_csrf_checks=True)
    client.force_login(lead)
    assert client.post(reverse("pack-publish", args=[built_packs["ready"].pk]), CONFIRMED).status_code == 403
    assert ReportPack.objects.get(pk=built_packs["ready"].pk).status == PackStatus.READY


def test_close_confirmation_says_what_will_happen_and_its_post_closes_and_requests_the_pack(client, open_quarter, lead):
    url = reverse("period-close", args=[open_quarter.key])
    signed_in(client, lead)
    page = client.get(url).content.decode()
    assert f"Close {open_quarter.label} early?" in page
    assert (
        f"Closing {open_quarter.label} early stops managers updating now (the deadline was {day(open_quarter.update_deadline)}) "
        "and requests its pack." in page
    )
    assert f"1 open action has no update for {open_quarter.label} yet." in page
    assert ">Close the quarter</button>" in page
    assert client.post(url)["Location"] == url
    open_quarter.refresh_from_db()
    assert open_quarter.closed_at is None

    closed = client.post(url, CONFIRMED, follow=True)
    assert f"{open_quarter.label} is closed to updates and its pack has been requested." in closed.content.decode()
    open_quarter.refresh_from_db()
    assert open_quarter.closed_by == lead and open_quarter.packs.count() == 1
    assert "is already closed" in client.get(url, follow=True).content.decode()


def test_a_quarter_closed_early_reopens_until_its_pack_is_published(client, open_quarter, lead, django_capture_on_commit_callbacks):
    factories.CommitteeReportFactory(status="published", period=open_quarter)  # so its pack may be published
    with django_capture_on_commit_callbacks(execute=True):
        packs.period_close(period=open_quarter, user=lead)
    url = reverse("period-reopen", args=[open_quarter.key])
    signed_in(client, lead)
    assert f'href="{url}"' in client.get(reverse("pack-list")).content.decode()
    page = client.get(url).content.decode()
    assert f"Reopening {open_quarter.label} lets managers update it again until its deadline, {day(open_quarter.update_deadline)}." in page
    assert "Its pack (version 1) stays as it is" in page and ">Reopen the quarter</button>" in page

    reopened = client.post(url, CONFIRMED, follow=True).content.decode()
    assert f"{open_quarter.label} is open for updates again until {day(open_quarter.update_deadline)}." in reopened
    open_quarter.refresh_from_db()
    assert (open_quarter.closed_at, open_quarter.closed_by, open_quarter.is_open()) == (None, None, True)

    packs.period_close(period=open_quarter, user=lead)
    packs.pack_publish(pack_id=open_quarter.packs.get().pk, user=lead)
    refusal = f"{open_quarter.label} cannot be reopened: a pack for it has been published, and published figures never change."
    with pytest.raises(ValidationError, match="a pack for it has been published"):
        packs.period_reopen(period=open_quarter, user=lead)
    assert f'href="{url}"' not in client.get(reverse("pack-list")).content.decode()
    assert refusal in client.get(url, follow=True).content.decode()
    assert refusal in client.post(url, CONFIRMED, follow=True).content.decode()
    open_quarter.refresh_from_db()
    assert open_quarter.closed_at is not None


def test_reopen_is_refused_after_the_deadline_and_for_a_quarter_not_closed_early(pack_plan, open_quarter, lead):
    with pytest.raises(ValidationError, match="was not closed early"):
        packs.period_reopen(period=open_quarter, user=lead)
    past = pack_plan["q1"]
    past.closed_at = timezone.now()
    past.save()
    with pytest.raises(ValidationError, match=rf"its update deadline, {day(past.update_deadline)}, has passed"):
        packs.period_reopen(period=past, user=lead)
    with pytest.raises(PermissionDenied):
        packs.period_reopen(period=past, user=factories.manager())


def confirmation_urls(pack_id, period_key):
    return [
        reverse("pack-publish", args=[pack_id]),
        reverse("period-close", args=[period_key]),
        reverse("period-reopen", args=[period_key]),
    ]


@pytest.mark.parametrize("role", [factories.manager, factories.committee_member, factories.api_client_user])
def test_only_leads_reach_the_confirmation_pages(client, built_packs, open_quarter, role):
    signed_in(client, role())
    for url in confirmation_urls(built_packs["ready"].pk, open_quarter.key):
        assert client.get(url).status_code == 403, url
        assert client.post(url, CONFIRMED).status_code == 403, url
    assert ReportPack.objects.get(pk=built_packs["ready"].pk).status == PackStatus.READY
    open_quarter.refresh_from_db()
    assert open_quarter.closed_at is None


@pytest.mark.parametrize(("pack_id", "period_key"), [(999999, "2040-41-Q1"), (999999, "2024-26-Q9"), (999999, "nonsense")])
def test_unknown_packs_and_quarters_are_404(client, lead, pack_id, period_key):
    signed_in(client, lead)
    for url in confirmation_urls(pack_id, period_key):
        assert client.get(url).status_code == 404, url
        assert client.post(url, CONFIRMED).status_code == 404, url


def test_anonymous_visitors_are_sent_to_sign_in(client, built_packs):
    url = reverse("pack-publish", args=[built_packs["ready"].pk])
    assert client.get(url)["Location"].startswith(reverse("login"))
