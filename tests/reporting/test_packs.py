"""Progress packs: data as at a period's end, build, failure and retry, publish, pages, beat, command."""

import datetime
import hashlib
from io import StringIO

import pytest
from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.storage import FileSystemStorage
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from actions.choices import Status
from actions.models import ProgressUpdate
from actions.selectors import Rollup
from reporting import pack_pdf, packs
from reporting.choices import PackStatus
from reporting.models import ReportPack
from reporting.pack_data import pack_data
from reporting.tasks import build_pack
from strategy.celery import app
from tests import factories
from tests.factories import PRINCIPLE_TITLES
from tests.helpers import pdf_info, pdf_text
from tests.reporting.builders import build_plan


def test_pack_data_shows_the_state_at_the_period_end_and_what_changed(pack_plan):
    data = pack_data(period=pack_plan["q2"], committee_report=pack_plan["report"])
    assert data["report"]["reference"] == "CP/41/24-25"
    assert data["report"]["title"] == "ICT Strategy 2023–27: progress report 2024/25 Q2"
    assert data["has_report_sections"] is True
    assert [p["title"] for p in data["principles"]] == PRINCIPLE_TITLES
    assert {row["reference"] for row in data["exceptions"] if row["rag"] == "red"} == set(pack_plan["red"])
    assert data["exceptions"][0]["rag"] == "red"  # exceptions first, worst first
    assert len(data["changes"]["worsened"]) == 7 and len(data["changes"]["newly_completed"]) == 7
    assert data["summary"]["overall"].total == 14
    legal = next(item for item in data["report"]["implications"] if item["area"] == "legal")
    assert legal["blocks"][0].text == "No legal implications."


def test_without_a_committee_report_the_cover_comes_from_the_period(pack_plan):
    data = pack_data(period=pack_plan["q2"])
    assert data["has_report_sections"] is False
    assert data["report"]["title"] == "ICT Strategy 2023–27: progress report 2024/25 Q2"
    assert (data["report"]["committee"], data["report"]["reference"]) == ("Corporate Policy Committee", "Progress pack 2024/25 Q2")


def test_pack_data_query_count_does_not_grow_with_the_plan(db):
    build_plan(actions_per_principle=2)
    period = factories.PeriodFactory(key="2024-25-Q2")
    with CaptureQueriesContext(connection) as small:
        pack_data(period=period)
    for number in range(1, 8):
        principle = factories.PrincipleFactory(number=number)
        for index in range(3, 13):
            factories.ActionFactory(reference=f"P{number}-{index:02d}", principle=principle)
    with CaptureQueriesContext(connection) as large:
        pack_data(period=period)
    assert len(small.captured_queries) == len(large.captured_queries) <= 25


@pytest.mark.pdf
def test_build_writes_a_tagged_pdf_with_its_fingerprint(pack_plan, django_capture_on_commit_callbacks):
    lead = factories.lead()
    with django_capture_on_commit_callbacks(execute=True):
        pack = packs.pack_request(period=pack_plan["q2"], requested_by=lead, committee_report=pack_plan["report"])
    pack.refresh_from_db()
    assert pack.status == PackStatus.READY and pack.progress_step == "Ready"
    text = pdf_text(pack.file.path)
    assert "CP/41/24-25" in text and "Page 1 of" in text and "2024/25 Q2" in text and "OFFICIAL" in text
    for title in PRINCIPLE_TITLES:
        assert title.split(",")[0] in " ".join(text.split())
    for reference in pack_plan["red"]:
        assert reference in text
    info = pdf_info(pack.file.path)
    assert "Tagged:          yes" in info and f"Pages:           {pack.page_count}" in info
    assert hashlib.sha256(open(pack.file.path, "rb").read()).hexdigest() == pack.sha256
    assert pack.size_bytes == len(open(pack.file.path, "rb").read())


@pytest.mark.pdf
def test_rebuilding_a_past_quarter_after_newer_updates_gives_the_same_text(pack_plan, django_capture_on_commit_callbacks):
    lead = factories.lead()
    with django_capture_on_commit_callbacks(execute=True):
        first = packs.pack_request(period=pack_plan["q1"], requested_by=lead)
    first.refresh_from_db()
    packs.pack_publish(pack_id=first.pk, user=lead)
    q3 = factories.PeriodFactory(key="2024-25-Q3")
    for update in ProgressUpdate.objects.filter(period=pack_plan["q2"]).select_related("action"):
        factories.ProgressUpdateFactory(
            action=update.action, period=q3, status="off_track", rag="red", percent_complete=5, commentary="Everything went wrong later.",
        )
    with django_capture_on_commit_callbacks(execute=True):
        second = packs.pack_request(period=pack_plan["q1"], requested_by=lead)
    second.refresh_from_db()
    assert (first.version, second.version) == (1, 2)
    assert pdf_text(first.file.path) == pdf_text(second.file.path)
    assert ReportPack.objects.get(pk=first.pk).status == PackStatus.PUBLISHED  # the old version stays


def test_rendering_failure_marks_the_pack_failed_with_no_file_and_it_can_be_retried(pack_plan, monkeypatch, django_capture_on_commit_callbacks):
    lead = factories.lead()

    def broken(*, data):
        raise ValueError("font cache is corrupt")

    monkeypatch.setattr(packs, "render_pack", broken)
    with django_capture_on_commit_callbacks(execute=True):
        pack = packs.pack_request(period=pack_plan["q2"], requested_by=lead)
    pack.refresh_from_db()
    assert pack.status == PackStatus.FAILED
    assert "font cache is corrupt" in pack.error
    assert not pack.file and not pack.sha256
    monkeypatch.undo()
    with django_capture_on_commit_callbacks(execute=True):
        packs.pack_retry(pack_id=pack.pk, user=lead)
    pack.refresh_from_db()
    assert pack.status == PackStatus.READY and pack.error == "" and pack.file


def test_running_the_task_twice_builds_once(pack_plan, monkeypatch):
    lead = factories.lead()
    pack = packs.pack_request(period=pack_plan["q2"], requested_by=lead)  # on_commit not run: nothing built yet
    calls = []
    real_render = packs.render_pack
    monkeypatch.setattr(packs, "render_pack", lambda *, data: calls.append(1) or real_render(data=data))
    build_pack.delay(pack_id=pack.pk)
    first_sha = ReportPack.objects.get(pk=pack.pk).sha256
    build_pack.delay(pack_id=pack.pk)
    pack.refresh_from_db()
    assert len(calls) == 1 and pack.status == PackStatus.READY and pack.sha256 == first_sha


def test_a_transient_error_puts_the_pack_back_in_the_queue_for_a_retry(pack_plan, monkeypatch):
    lead = factories.lead()
    pack = packs.pack_request(period=pack_plan["q2"], requested_by=lead)

    def disk_full(storage, name, content):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(FileSystemStorage, "_save", disk_full)
    with pytest.raises(packs.TransientPackError):
        packs.pack_build(pack_id=pack.pk)
    pack.refresh_from_db()
    assert pack.status == PackStatus.QUEUED and not pack.file


def test_a_second_request_while_one_is_queued_is_refused(pack_plan):
    lead = factories.lead()
    packs.pack_request(period=pack_plan["q2"], requested_by=lead)
    with pytest.raises(ValidationError, match="already queued or building"):
        packs.pack_request(period=pack_plan["q2"], requested_by=lead)


def test_publish_needs_a_ready_pack_and_published_packs_do_not_change(pack_plan, django_capture_on_commit_callbacks):
    lead = factories.lead()
    with django_capture_on_commit_callbacks(execute=True):
        pack = packs.pack_request(period=pack_plan["q2"], requested_by=lead)
    published = packs.pack_publish(pack_id=pack.pk, user=lead)
    assert published.status == PackStatus.PUBLISHED and published.published_by == lead
    with pytest.raises(ValidationError, match="Only a ready pack"):
        packs.pack_publish(pack_id=pack.pk, user=lead)
    assert packs.pack_build(pack_id=pack.pk).sha256 == published.sha256  # a late duplicate task changes nothing


def test_committee_member_downloads_published_packs_only_and_cannot_request(client, built_packs, pack_plan):
    client.force_login(factories.committee_member())
    published = built_packs["published"]
    response = client.get(reverse("pack-download", args=[published.pk]))
    assert response.status_code == 200
    assert response["X-Pack-SHA256"] == published.sha256
    assert b"".join(response.streaming_content).startswith(b"%PDF")
    assert client.get(reverse("pack-download", args=[built_packs["ready"].pk])).status_code == 403
    assert client.get(reverse("pack-status", args=[built_packs["ready"].pk])).status_code == 403
    assert client.post(reverse("pack-request", args=[pack_plan["q2"].key])).status_code == 403
    assert client.get(reverse("pack-publish", args=[built_packs["ready"].pk])).status_code == 403
    assert client.post(reverse("pack-publish", args=[built_packs["ready"].pk]), {"confirmed": "yes"}).status_code == 403
    page = client.get(reverse("pack-list"))
    assert page.status_code == 200
    assert published.sha256 in page.content.decode()
    assert f"/reports/packs/{built_packs['ready'].pk}/download/" not in page.content.decode()
    assert "Build the" not in page.content.decode()


def test_manager_sees_published_packs(client, built_packs):
    client.force_login(factories.manager())
    page = client.get(reverse("pack-list")).content.decode()
    assert built_packs["published"].sha256 in page
    assert client.get(reverse("pack-download", args=[built_packs["ready"].pk])).status_code == 403


def test_lead_requests_publishes_and_sees_progress(client, pack_plan, django_capture_on_commit_callbacks):
    lead = factories.lead()
    client.force_login(lead)
    pack = packs.pack_request(period=pack_plan["q2"], requested_by=lead)  # queued: the worker has not run
    page = client.get(reverse("pack-list")).content.decode()
    assert f'data-pack-status-url="/reports/packs/{pack.pk}/status/"' in page
    assert '<meta http-equiv="refresh"' in page  # the no-JavaScript fallback
    status = client.get(reverse("pack-status", args=[pack.pk])).json()
    assert status == {"id": pack.pk, "status": "queued", "status_label": "Queued", "progress_step": "Waiting for a worker", "error": "", "finished": False}
    packs.pack_build(pack_id=pack.pk)
    assert client.get(reverse("pack-status", args=[pack.pk])).json()["finished"] is True
    assert f'href="/reports/packs/{pack.pk}/publish/"' in client.get(reverse("pack-list")).content.decode()
    assert "Publish the pack" in client.get(reverse("pack-publish", args=[pack.pk])).content.decode()
    response = client.post(reverse("pack-publish", args=[pack.pk]), {"confirmed": "yes"}, follow=True)
    assert "is published" in response.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("pack-request", args=[pack_plan["q2"].key]), {"committee_report": str(pack_plan["report"].pk)}, follow=True)
    assert "The 2024/25 Q2 pack (version 2) is queued for building." in response.content.decode()
    assert ReportPack.objects.get(period=pack_plan["q2"], version=2).committee_report == pack_plan["report"]


def test_bad_input_on_the_request_form_is_a_message_not_an_error(client, pack_plan):
    client.force_login(factories.lead())
    response = client.post(reverse("pack-request", args=[pack_plan["q2"].key]), {"committee_report": "abc"}, follow=True)
    assert "Choose a committee report from the list." in response.content.decode()
    assert client.post(reverse("pack-request", args=["2024-26-Q9"])).status_code == 404


def test_failed_pack_shows_its_error_on_the_page(client, pack_plan, monkeypatch):
    lead = factories.lead()
    pack = packs.pack_request(period=pack_plan["q2"], requested_by=lead)
    monkeypatch.setattr(packs, "render_pack", lambda *, data: (_ for _ in ()).throw(ValueError("bad SVG")))
    packs.pack_build(pack_id=pack.pk)
    client.force_login(lead)
    page = client.get(reverse("pack-list")).content.decode()
    assert "bad SVG" in page and "Try again" in page


def test_beat_requests_one_pack_per_closed_period_even_when_it_fires_twice(pack_plan):
    today = pack_plan["q2"].update_deadline + datetime.timedelta(days=1)
    first = packs.packs_request_for_closed_periods(today=today)
    second = packs.packs_request_for_closed_periods(today=today)
    assert sorted(p.period.key for p in first) == ["2024-25-Q1", "2024-25-Q2"]
    assert second == []
    assert ReportPack.objects.count() == 2
    assert {p.requested_by.username for p in first} == {packs.SCHEDULER_USERNAME}


def test_beat_skips_open_periods_and_a_lead_can_close_one_early(pack_plan, monkeypatch):
    lead = factories.lead()
    inside_q2_window = pack_plan["q2"].end_date + datetime.timedelta(days=3)
    monkeypatch.setattr(timezone, "localdate", lambda *args, **kwargs: inside_q2_window)
    assert [p.period.key for p in packs.packs_request_for_closed_periods(today=inside_q2_window)] == ["2024-25-Q1"]
    with pytest.raises(PermissionDenied):
        packs.period_close(period=pack_plan["q2"], user=factories.committee_member())
    packs.period_close(period=pack_plan["q2"], user=lead)
    q2_packs = ReportPack.objects.filter(period=pack_plan["q2"])
    assert [(p.version, p.requested_by) for p in q2_packs] == [(1, lead)]
    assert packs.packs_request_for_closed_periods(today=inside_q2_window) == []
    with pytest.raises(ValidationError, match="already closed"):
        packs.period_close(period=pack_plan["q2"], user=lead)


def test_beat_schedule_runs_the_request_task():
    entry = settings.CELERY_BEAT_SCHEDULE["request-packs-for-closed-periods"]
    assert entry["task"] == "reporting.tasks.request_packs_for_closed_periods"
    assert entry["task"] in app.tasks


@pytest.mark.pdf
def test_build_pack_command_builds_synchronously_to_a_file(pack_plan, tmp_path):
    factories.lead()
    output = tmp_path / "pack.pdf"
    call_command("build_pack", "--period", "2024-25-Q2", "--sync", "--output", str(output))
    assert "Page 1 of" in pdf_text(output)
    assert ReportPack.objects.get(period=pack_plan["q2"]).status == PackStatus.READY


def test_build_pack_command_explains_bad_input(pack_plan):
    with pytest.raises(CommandError, match="not a financial-year quarter"):
        call_command("build_pack", "--period", "Q2")
    with pytest.raises(CommandError, match="needs --sync"):
        call_command("build_pack", "--period", "2024-25-Q2", "--output", "x.pdf")


def test_status_chart_scales_bars_to_the_largest_principle():
    first, second = Rollup(number=1, title="One"), Rollup(number=2, title="Two")
    first.by_status.update(on_track=4)
    second.by_status.update(completed=1, at_risk=1)
    chart = pack_pdf.status_chart([first, second])
    bar_width = pack_pdf.STATUS_CHART_SIZE.bar_width
    assert chart["rows"][0]["segments"][0]["width"] == bar_width
    assert [s["width"] for s in chart["rows"][1]["segments"]] == [bar_width / 4] * 2
    # Segments in the order of the Status choices, coloured and labelled as the legend says.
    assert [(s["key"], s["colour"]) for s in chart["rows"][1]["segments"]] == [("at_risk", "#f47738"), ("completed", "#1d70b8")]
    assert [(row["label"], row["total"]) for row in chart["rows"]] == [("1. One", 4), ("2. Two", 2)]
    assert [key["label"] for key in chart["legend"]] == [label for _, label in Status.choices]


def test_build_pack_command_queues_for_the_worker_by_default(pack_plan):
    factories.lead()
    out = StringIO()
    call_command("build_pack", "--period", "2024/25 Q2", stdout=out)
    assert "Requested the 2024/25 Q2 pack, version 1" in out.getvalue() and out.getvalue().strip().endswith("queued.")
    assert ReportPack.objects.get(period=pack_plan["q2"]).status == PackStatus.QUEUED


def test_a_report_to_a_meeting_before_the_quarter_ended_is_refused(pack_plan):
    lead = factories.lead(username="lead-too-early")
    early_meeting = factories.MeetingFactory(date=pack_plan["q2"].end_date)
    early = factories.CommitteeReportFactory(meeting=early_meeting, financial_year=2024, sequence=90)

    with pytest.raises(ValidationError) as caught:
        packs.pack_request(period=pack_plan["q2"], requested_by=lead, committee_report=early)

    assert "goes to a meeting before 2024/25 Q2 ended" in caught.value.message_dict["committee_report"][0]
    assert not ReportPack.objects.filter(period=pack_plan["q2"]).exists()
    assert packs.report_fits_pack(report=pack_plan["report"], period=pack_plan["q2"])
