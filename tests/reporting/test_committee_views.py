import dataclasses
import datetime
import re

import pytest
from django.test import Client
from django.urls import reverse

from reporting.choices import ImplicationArea, ReportStatus
from reporting.models import CommitteeMeeting, CommitteeReport
from tests.factories import (
    CommitteeReportFactory,
    MeetingFactory,
    StrategyFactory,
    UserFactory,
    api_client_user,
    committee_member,
    lead,
    manager,
)
from tests.helpers import query_count, signed_in
from tests.reporting.builders import ALL_IMPLICATIONS, COMPLETE_SECTIONS, approve, draft_report, publish

pytestmark = pytest.mark.django_db


@pytest.fixture
def author():
    return lead()


@pytest.fixture
def draft(meeting, author):
    return draft_report(meeting, user=author)


@pytest.fixture
def published(meeting, author):
    report = draft_report(meeting, user=author, title="Published report")
    return publish(report=approve(report=report, user=author), user=author)


def form_data(meeting, **changes) -> dict:
    data = {"meeting": meeting.pk, **dataclasses.asdict(dataclasses.replace(COMPLETE_SECTIONS, **changes))}
    data.update({f"implication_{area}": text for area, text in ALL_IMPLICATIONS.items()})
    return data


# Reading, by role


def test_list_needs_sign_in(client):
    response = client.get(reverse("committee-report-list"))
    assert response.status_code == 302 and "/accounts/login/" in response.url


def test_lead_sees_drafts_and_published_with_meetings(client, draft, published):
    response = signed_in(client, lead()).get(reverse("committee-report-list"))
    content = response.content.decode()
    assert response.status_code == 200
    assert list(response.context["reports"]) == [published, draft]
    assert "21 November 2024" in content and "Draft a committee report" in content


@pytest.mark.parametrize("make_user", [manager, committee_member, api_client_user])
def test_other_roles_see_published_reports_only(client, draft, published, make_user):
    response = signed_in(client, make_user()).get(reverse("committee-report-list"))
    content = response.content.decode()
    assert list(response.context["reports"]) == [published]
    assert draft.reference not in content and "Draft a committee report" not in content


def test_list_filters_by_status_year_and_meeting(client, draft, published):
    other = CommitteeReportFactory(financial_year=2023, sequence=5, reference="CP/5/23-24", meeting=MeetingFactory(date=datetime.date(2023, 10, 5)))
    client = signed_in(client, lead())
    url = reverse("committee-report-list")

    by_status = client.get(url, {"status": "published"}).context["reports"]
    assert list(by_status) == [published]
    by_year = client.get(url, {"financial_year": "2023"}).context["reports"]
    assert list(by_year) == [other]
    by_meeting = client.get(url, {"meeting": draft.meeting_id}).context["reports"]
    assert set(by_meeting) == {draft, published}


def test_bad_filter_values_show_an_error_not_a_500(client, draft):
    response = signed_in(client, lead()).get(reverse("committee-report-list"), {"status": "lost", "meeting": "x"})
    assert response.status_code == 200
    assert "There is a problem with the filters" in response.content.decode()
    assert list(response.context["reports"]) == []


def test_detail_by_slug_and_by_pk_renders_the_report_form(client, published):
    StrategyFactory()
    client = signed_in(client, committee_member())
    by_slug = client.get(reverse("committee-report-detail", kwargs={"key": published.slug}))
    by_pk = client.get(reverse("committee-report-detail", kwargs={"key": str(published.pk)}))
    assert by_slug.status_code == by_pk.status_code == 200
    content = by_slug.content.decode()
    for text in (
        "Cheshire East Council", "Corporate Policy Committee", "21 November 2024", "Published report",
        published.reference, "1.</span> Purpose of Report", "8.10.</span> Climate Change", "Access to Information",
        "<li>seven principles</li>",
    ):
        assert text in content
    assert "Edit report" not in content and "Publish report" not in content


def test_unknown_or_malformed_keys_are_404(client):
    client = signed_in(client, lead())
    for key in ("cp-99-24-25", "not-a-reference", "999"):
        assert client.get(reverse("committee-report-detail", kwargs={"key": key})).status_code == 404


@pytest.mark.parametrize("make_user", [manager, committee_member])
def test_drafts_are_forbidden_to_other_roles(client, draft, make_user):
    client = signed_in(client, make_user())
    assert client.get(reverse("committee-report-detail", kwargs={"key": draft.slug})).status_code == 403
    assert client.get(reverse("committee-report-pdf", kwargs={"key": draft.slug})).status_code == 403


def test_lead_sees_workflow_buttons_on_a_draft_only_until_published(client, draft, published):
    client = signed_in(client, lead())
    draft_page = client.get(reverse("committee-report-detail", kwargs={"key": draft.slug})).content.decode()
    assert "Edit report" in draft_page and "Approve for the agenda" in draft_page
    published_page = client.get(reverse("committee-report-detail", kwargs={"key": published.slug})).content.decode()
    assert "Edit report" not in published_page and "Approve for the agenda" not in published_page


# Writing, by role


def test_lead_drafts_a_report_through_the_form(client, meeting):
    response = signed_in(client, lead()).post(reverse("committee-report-create"), form_data(meeting))
    report = CommitteeReport.objects.get()
    assert response.status_code == 302 and response.url == reverse("committee-report-detail", kwargs={"key": "cp-1-24-25"})
    assert report.implications.count() == len(ImplicationArea)


def test_form_errors_are_shown_with_a_summary(client, meeting):
    response = signed_in(client, lead()).post(reverse("committee-report-create"), form_data(meeting, title=""))
    content = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in content and "Enter the report title." in content
    assert not CommitteeReport.objects.exists()


def test_service_errors_land_on_their_field(client, draft):
    other_year = MeetingFactory(date=datetime.date(2025, 5, 1))
    response = signed_in(client, lead()).post(
        reverse("committee-report-update", kwargs={"key": draft.slug}),
        form_data(other_year) | {"expected_version": draft.version},
    )
    assert response.status_code == 200
    assert "choose a meeting in that financial year" in response.context["form"].errors["meeting"][0]


def test_lead_edits_a_draft(client, draft, meeting):
    client = signed_in(client, lead())
    form = client.get(reverse("committee-report-update", kwargs={"key": draft.slug}))
    assert form.context["form"].initial["implication_legal"] == ALL_IMPLICATIONS["legal"]
    assert form.context["form"].initial["expected_version"] == draft.version
    client.post(
        reverse("committee-report-update", kwargs={"key": draft.slug}),
        form_data(meeting, title="New title") | {"expected_version": draft.version},
    )
    draft.refresh_from_db()
    assert draft.title == "New title"


def test_editing_a_published_report_redirects_with_a_message(client, published, meeting):
    client = signed_in(client, lead())
    response = client.post(reverse("committee-report-update", kwargs={"key": published.slug}), form_data(meeting, title="X"), follow=True)
    assert "is published and can no longer be changed" in response.content.decode()
    published.refresh_from_db()
    assert published.title == "Published report"


@pytest.mark.parametrize("make_user", [manager, committee_member])
def test_other_roles_cannot_draft_edit_approve_or_publish(client, draft, meeting, make_user):
    client = signed_in(client, make_user())
    assert client.get(reverse("committee-report-create")).status_code == 403
    assert client.post(reverse("committee-report-create"), form_data(meeting)).status_code == 403
    assert client.get(reverse("committee-report-update", kwargs={"key": draft.slug})).status_code == 403
    assert client.post(reverse("committee-report-approve", kwargs={"key": draft.slug})).status_code == 403
    assert client.post(reverse("committee-report-publish", kwargs={"key": draft.slug})).status_code == 403
    draft.refresh_from_db()
    assert draft.status == ReportStatus.DRAFT and CommitteeReport.objects.count() == 1


def test_lead_approves_and_publishes_through_the_page(client, draft):
    client = signed_in(client, lead())
    client.post(reverse("committee-report-approve", kwargs={"key": draft.slug}), {"expected_version": draft.version})
    draft.refresh_from_db()
    assert draft.status == ReportStatus.APPROVED
    response = client.post(
        reverse("committee-report-publish", kwargs={"key": draft.slug}), {"expected_version": draft.version}, follow=True
    )
    draft.refresh_from_db()
    assert draft.status == ReportStatus.PUBLISHED
    assert "is published. It can no longer be changed." in response.content.decode()


def test_a_refused_transition_comes_back_as_a_message(client, draft):
    response = signed_in(client, lead()).post(
        reverse("committee-report-publish", kwargs={"key": draft.slug}), {"expected_version": draft.version}, follow=True
    )
    assert "must be approved for the agenda before it is published" in response.content.decode()


def test_transitions_are_post_only(client, draft):
    assert signed_in(client, lead()).get(reverse("committee-report-approve", kwargs={"key": draft.slug})).status_code == 405


# Two people editing one report: a save made on the version a page showed, after someone else
# saved the report, is refused, saying who changed it and when.

STALE = (
    r"CP/1/24-25 was changed by Jane Smith at \d\d:\d\d on \d{1,2} \w+ \d{4}, after you opened it\. "
    "Nothing has been saved"
)


@pytest.fixture
def jane():
    return lead(username="jane", first_name="Jane", last_name="Smith")


def test_a_stale_edit_is_refused_keeping_what_was_typed(client, draft, meeting, jane):
    url = reverse("committee-report-update", kwargs={"key": draft.slug})
    client = signed_in(client, lead())
    read = client.get(url).context["form"]["expected_version"].value()
    janes = form_data(meeting, title="Jane's title") | {"expected_version": read}
    assert signed_in(Client(), jane).post(url, janes).status_code == 302

    response = client.post(url, form_data(meeting, title="My title", purpose="My purpose") | {"expected_version": read})

    assert response.status_code == 200
    page = response.content.decode()
    assert "There is a problem" in page and re.search(STALE, page)
    assert 'value="My title"' in page and "My purpose" in page
    draft.refresh_from_db()
    assert draft.title == "Jane's title"
    assert f'name="expected_version" value="{draft.version}"' in page


def test_a_stale_approval_is_refused_saying_who_changed_the_report(client, draft, meeting, jane):
    client = signed_in(client, lead())
    read = draft.version
    edit = reverse("committee-report-update", kwargs={"key": draft.slug})
    janes = form_data(meeting, title="Jane's title") | {"expected_version": read}
    assert signed_in(Client(), jane).post(edit, janes).status_code == 302

    approve_url = reverse("committee-report-approve", kwargs={"key": draft.slug})
    response = client.post(approve_url, {"expected_version": read}, follow=True)

    assert re.search(STALE, response.content.decode())
    draft.refresh_from_db()
    assert (draft.status, draft.title) == (ReportStatus.DRAFT, "Jane's title")


# Query budgets: the same number of queries whatever the number of reports.


def _reports(count: int, meeting) -> None:
    first = CommitteeReport.objects.count() + 100
    CommitteeReport.objects.bulk_create(
        CommitteeReportFactory.build(sequence=n, financial_year=2024, reference=f"CP/{n}/24-25", meeting=meeting, status="published")
        for n in range(first, first + count)
    )


def test_list_query_count_does_not_grow_with_reports(client, meeting, published):
    client = signed_in(client, lead())
    url = reverse("committee-report-list")
    _reports(10, meeting)
    MeetingFactory(date=datetime.date(2024, 6, 6))
    ten = query_count(client, url)
    _reports(190, MeetingFactory(date=datetime.date(2024, 9, 9)))
    assert query_count(client, url) == ten


def test_detail_query_count_does_not_grow_with_reports(client, meeting, published):
    StrategyFactory()
    client = signed_in(client, lead())
    url = reverse("committee-report-detail", kwargs={"key": published.slug})
    _reports(10, meeting)
    ten = query_count(client, url)
    _reports(190, meeting)
    assert query_count(client, url) == ten


# Meetings


def test_lead_adds_a_meeting_through_the_form(client):
    response = signed_in(client, lead()).post(
        reverse("committee-meeting-create"), {"committee": "Corporate Policy Committee", "date_day": "5", "date_month": "6", "date_year": "2025"}
    )
    assert response.status_code == 302 and response.url == reverse("committee-report-list")
    assert CommitteeMeeting.objects.get().date == datetime.date(2025, 6, 5)


@pytest.mark.parametrize(
    ("day", "month", "year", "message"),
    [
        ("", "6", "2025", "Enter the date of the meeting as a day, month and year in numbers"),
        ("31", "2", "2025", "must be a real date"),
        ("5", "6", "25", "Enter the year of the meeting in full"),
        ("21", "11", "2024", "already has a meeting on 21 November 2024"),
    ],
)
def test_meeting_form_errors(client, meeting, day, month, year, message):
    response = signed_in(client, lead()).post(
        reverse("committee-meeting-create"), {"committee": "Corporate Policy Committee", "date_day": day, "date_month": month, "date_year": year}
    )
    assert response.status_code == 200
    assert message in response.content.decode()
    # Beside the date, not only at the top of the page.
    assert message in response.context["form"].errors["date"][0]
    assert CommitteeMeeting.objects.count() == 1


@pytest.mark.parametrize("make_user", [manager, committee_member])
def test_other_roles_cannot_add_meetings(client, make_user):
    client = signed_in(client, make_user())
    assert client.get(reverse("committee-meeting-create")).status_code == 403


def test_lead_downloads_a_draft_as_pdf(client, draft):
    response = signed_in(client, lead()).get(reverse("committee-report-pdf", kwargs={"key": draft.slug}))
    assert response.status_code == 200
    assert response.content.startswith(b"%PDF-")
    assert response["Content-Disposition"] == 'attachment; filename="cp-1-24-25.pdf"'


def test_a_user_without_a_role_is_refused(client, published):
    client = signed_in(client, UserFactory())
    assert client.get(reverse("committee-report-list")).status_code == 403
    assert client.get(reverse("committee-report-detail", kwargs={"key": published.slug})).status_code == 403
