import dataclasses
import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from core.conflicts import EditConflict
from reporting.choices import ReportStatus
from reporting.models import CommitteeReport, ReferenceSequence
from reporting.services import (
    committee_meeting_create,
    committee_report_approve,
    committee_report_create,
    committee_report_publish,
    committee_report_update,
)
from tests.conflicts import assert_names_who_changed_it, saved_by
from tests.factories import CommitteeReportFactory, MeetingFactory, committee_member, lead, manager
from tests.reporting.builders import ALL_IMPLICATIONS, COMPLETE_SECTIONS, approve, draft_report, publish

pytestmark = pytest.mark.django_db


# Creating and numbering


def test_create_allocates_the_first_reference_of_the_meetings_financial_year(meeting):
    author = lead()
    report = draft_report(meeting, user=author)
    assert report.reference == "CP/1/24-25"
    assert (report.sequence, report.financial_year, report.status) == (1, 2024, ReportStatus.DRAFT)
    assert report.created_by == author and report.created_at is not None
    assert report.implications.count() == 10


def test_numbers_run_in_sequence_per_financial_year(meeting):
    # 31 March 2025 is still 2024/25; 1 April 2025 starts 2025/26.
    march = MeetingFactory(date=datetime.date(2025, 3, 31))
    april = MeetingFactory(date=datetime.date(2025, 4, 1))
    references = [draft_report(m).reference for m in (meeting, march, april, meeting)]
    assert references == ["CP/1/24-25", "CP/2/24-25", "CP/1/25-26", "CP/3/24-25"]


def test_numbering_continues_after_reports_loaded_from_outside():
    # The seeded CP/35/22-23 never went through the counter: the next 2022/23 report is 36.
    seeded = CommitteeReportFactory(sequence=35, financial_year=2022, reference="CP/35/22-23")
    report = draft_report(MeetingFactory(date=datetime.date(2023, 2, 2)))
    assert seeded.financial_year == report.financial_year
    assert report.reference == "CP/36/22-23"


def test_a_deleted_drafts_reference_is_never_reused(meeting):
    first = draft_report(meeting)
    second = draft_report(meeting)
    second.delete()
    third = draft_report(meeting)
    assert (first.reference, third.reference) == ("CP/1/24-25", "CP/3/24-25")
    assert ReferenceSequence.objects.get(financial_year=2024).last_number == 3


def test_a_reference_already_on_a_report_is_refused(meeting):
    existing = draft_report(meeting)
    duplicate = CommitteeReportFactory.build(
        reference=existing.reference, sequence=existing.sequence, financial_year=2024, meeting=meeting
    )
    with pytest.raises(ValidationError, match="Committee report with this Reference already exists"):
        duplicate.full_clean()


def test_a_draft_may_be_incomplete(meeting):
    report = committee_report_create(
        user=lead(), meeting=meeting, sections=dataclasses.replace(COMPLETE_SECTIONS, purpose="", reasons="")
    )
    assert report.status == ReportStatus.DRAFT and not report.implications.exists()


@pytest.mark.parametrize("make_user", [manager, committee_member])
def test_only_leads_draft(meeting, make_user):
    with pytest.raises(PermissionDenied, match="Only strategy leads can draft"):
        draft_report(meeting, user=make_user())
    assert not CommitteeReport.objects.exists()
    assert not ReferenceSequence.objects.exists()


def test_create_without_a_meeting_is_refused():
    with pytest.raises(ValidationError, match="Choose the committee meeting"):
        draft_report(None)


def test_create_refuses_a_blank_title(meeting):
    with pytest.raises(ValidationError) as caught:
        draft_report(meeting, title="  ")
    assert "title" in caught.value.message_dict


# Editing


def test_update_changes_sections_and_implications(meeting):
    report = draft_report(meeting)
    editor = lead()
    implications = {**ALL_IMPLICATIONS, "legal": "8.1.1. New legal text.", "finance": ""}
    report = committee_report_update(
        report=report,
        user=editor,
        expected_version=report.version,
        meeting=meeting,
        sections=dataclasses.replace(COMPLETE_SECTIONS, title="Revised title"),
        implications=implications,
    )
    assert report.title == "Revised title" and report.updated_by == editor
    assert report.implications.get(area="legal").text == "8.1.1. New legal text."
    assert not report.implications.filter(area="finance").exists()


def test_update_refuses_a_meeting_in_another_financial_year(meeting):
    report = draft_report(meeting)
    other_year = MeetingFactory(date=datetime.date(2025, 6, 1))
    with pytest.raises(ValidationError, match="numbered in 2024/25"):
        committee_report_update(
            report=report, user=lead(), expected_version=report.version, meeting=other_year, sections=COMPLETE_SECTIONS
        )


def test_update_refuses_unknown_implication_areas(meeting):
    report = draft_report(meeting)
    with pytest.raises(ValidationError, match="Unknown implication area: transport"):
        committee_report_update(
            report=report,
            user=lead(),
            expected_version=report.version,
            meeting=meeting,
            sections=COMPLETE_SECTIONS,
            implications={"transport": "x"},
        )


@pytest.mark.parametrize("make_user", [manager, committee_member])
def test_only_leads_edit(meeting, make_user):
    report = draft_report(meeting)
    with pytest.raises(PermissionDenied, match="Only strategy leads can edit"):
        committee_report_update(
            report=report,
            user=make_user(),
            expected_version=report.version,
            meeting=meeting,
            sections=COMPLETE_SECTIONS,
        )


def test_editing_an_approved_report_sends_it_back_to_draft(meeting):
    report = approve(report=draft_report(meeting), user=lead())
    report = committee_report_update(
        report=report,
        user=lead(),
        expected_version=report.version,
        meeting=meeting,
        sections=dataclasses.replace(COMPLETE_SECTIONS, title="Changed"),
    )
    assert report.status == ReportStatus.DRAFT
    assert report.approved_at is None and report.approved_by is None


def test_editing_a_published_report_is_refused(meeting):
    author = lead()
    report = publish(report=approve(report=draft_report(meeting), user=author), user=author)
    with pytest.raises(ValidationError, match=r"CP/1/24-25 was published on .* can no longer be changed"):
        committee_report_update(
            report=report,
            user=author,
            expected_version=report.version,
            meeting=meeting,
            sections=dataclasses.replace(COMPLETE_SECTIONS, title="Changed"),
        )
    report.refresh_from_db()
    assert report.title == COMPLETE_SECTIONS.title


# Approving and publishing


def test_approve_then_publish_records_who_and_when(meeting):
    approver, publisher = lead(), lead()
    report = approve(report=draft_report(meeting), user=approver)
    assert report.status == ReportStatus.APPROVED
    assert report.approved_by == approver and report.approved_at is not None
    report = publish(report=report, user=publisher)
    assert report.status == ReportStatus.PUBLISHED
    assert report.published_by == publisher and report.published_at is not None
    assert report.approved_by == approver


def test_approve_refuses_an_incomplete_draft_and_lists_what_is_missing(meeting):
    report = committee_report_create(
        user=lead(),
        meeting=meeting,
        sections=dataclasses.replace(COMPLETE_SECTIONS, purpose="", contact_officer=""),
        implications={**ALL_IMPLICATIONS, "climate_change": ""},
    )
    with pytest.raises(ValidationError) as caught:
        approve(report=report, user=lead())
    message = caught.value.messages[0]
    assert message.startswith("CP/1/24-25 cannot go on the agenda until it has:")
    assert "Purpose of Report" in message and "Contact Officer" in message and "Implications: Climate Change" in message
    report.refresh_from_db()
    assert report.status == ReportStatus.DRAFT


def test_approving_twice_is_refused(meeting):
    report = approve(report=draft_report(meeting), user=lead())
    with pytest.raises(ValidationError, match="already approved for the agenda"):
        approve(report=report, user=lead())


def test_approving_a_published_report_is_refused(meeting):
    author = lead()
    report = publish(report=approve(report=draft_report(meeting), user=author), user=author)
    with pytest.raises(ValidationError, match="can no longer be changed"):
        approve(report=report, user=author)


def test_publishing_a_draft_is_refused(meeting):
    with pytest.raises(ValidationError, match="must be approved for the agenda before it is published"):
        publish(report=draft_report(meeting), user=lead())


def test_publishing_twice_is_refused(meeting):
    author = lead()
    report = publish(report=approve(report=draft_report(meeting), user=author), user=author)
    with pytest.raises(ValidationError, match="can no longer be changed"):
        publish(report=report, user=author)


@pytest.mark.parametrize("make_user", [manager, committee_member])
def test_only_leads_approve(meeting, make_user):
    report = draft_report(meeting)
    with pytest.raises(PermissionDenied, match="Only strategy leads can approve"):
        approve(report=report, user=make_user())
    report.refresh_from_db()
    assert report.status == ReportStatus.DRAFT


@pytest.mark.parametrize("make_user", [manager, committee_member])
def test_only_leads_publish(meeting, make_user):
    report = approve(report=draft_report(meeting), user=lead())
    with pytest.raises(PermissionDenied, match="Only strategy leads can publish"):
        publish(report=report, user=make_user())
    report.refresh_from_db()
    assert report.status == ReportStatus.APPROVED


# Meetings


def test_lead_adds_a_meeting():
    meeting = committee_meeting_create(user=lead(), committee=" Corporate Policy Committee ", date=datetime.date(2025, 6, 5))
    assert (meeting.committee, meeting.date) == ("Corporate Policy Committee", datetime.date(2025, 6, 5))


def test_a_second_meeting_of_one_committee_on_one_day_is_refused(meeting):
    with pytest.raises(ValidationError) as caught:
        committee_meeting_create(user=lead(), committee=meeting.committee, date=meeting.date)
    assert caught.value.message_dict == {"date": ["The Corporate Policy Committee already has a meeting on 21 November 2024."]}


@pytest.mark.parametrize("make_user", [manager, committee_member])
def test_only_leads_add_meetings(make_user):
    with pytest.raises(PermissionDenied, match="Only strategy leads can add committee meetings"):
        committee_meeting_create(user=make_user(), committee="Corporate Policy Committee", date=datetime.date(2025, 6, 5))


# Two people editing one report: each edit names the version it was based on.

EDITS_OF_A_REPORT = {
    "update": lambda report, user, version: committee_report_update(
        report=report, user=user, expected_version=version, meeting=report.meeting, sections=COMPLETE_SECTIONS
    ),
    "approve": lambda report, user, version: committee_report_approve(report=report, user=user, expected_version=version),
    "publish": lambda report, user, version: committee_report_publish(report=report, user=user, expected_version=version),
}


@pytest.mark.parametrize(
    ("status", "edit"),
    [
        (ReportStatus.DRAFT, EDITS_OF_A_REPORT["update"]),
        (ReportStatus.DRAFT, EDITS_OF_A_REPORT["approve"]),
        (ReportStatus.APPROVED, EDITS_OF_A_REPORT["publish"]),
    ],
    ids=EDITS_OF_A_REPORT.keys(),
)
def test_an_edit_on_a_stale_version_is_refused_naming_who_changed_it(meeting, status, edit):
    report = draft_report(meeting)
    if status == ReportStatus.APPROVED:
        report = approve(report=report, user=lead())
    read = report.version
    jane = lead(first_name="Jane", last_name="Smith")
    changed = saved_by(jane, report, title="Jane's title", updated_by=jane)

    with pytest.raises(EditConflict) as caught:
        edit(report, lead(), read)

    assert_names_who_changed_it(caught.value, changed, jane)
    report.refresh_from_db()
    assert (report.title, report.status) == ("Jane's title", status)


def test_approving_and_publishing_record_who_last_changed_the_report(meeting):
    approver, publisher = lead(), lead()
    report = approve(report=draft_report(meeting), user=approver)
    assert report.updated_by == approver
    assert publish(report=report, user=publisher).updated_by == publisher
