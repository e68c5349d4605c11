"""Services for the quarterly progress packs: request, build, publish, retry, close and reopen a period.

A request creates a `ReportPack` row and enqueues its build once the transaction commits;
the build claims the row under a lock (so a task delivered twice builds once), gathers the
data through `pack_data`, renders with `pack_pdf` and saves the PDF through the storage API
under a name no other build uses; the row names the file only once it is saved whole, so a
half-written pack is never served.
"""

from __future__ import annotations

import contextlib
import datetime
import hashlib
import logging
import zlib
from collections.abc import Iterator

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.db import DatabaseError, connection, transaction
from django.db.models import Max, Q
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.text import Truncator
from kombu.exceptions import OperationalError as BrokerUnavailable

from core.limits import ERROR_LENGTH
from core.permissions import can_close_period, can_publish_pack, can_request_pack

from .choices import PackStatus, ReportStatus
from .models import CommitteeReport, ReportingPeriod, ReportPack
from .pack_data import pack_data
from .pack_pdf import render_pack
from .services import committee_report_for_period

# A build still "building" after this long lost its worker (the task's hard limit is shorter),
# so a redelivered task may take it over.
STALE_BUILD_AFTER = datetime.timedelta(minutes=20)
SCHEDULER_USERNAME = "pack-scheduler"
IN_FLIGHT = (PackStatus.QUEUED, PackStatus.BUILDING)
WAITING_FOR_QUEUE = "Waiting for the task queue, which is not answering: the build is sent when it is back"
# A queued pack no worker has taken after this long may have lost its message (a broker that
# restarted without its data), so the beat sweep sends it again; a second delivery builds nothing.
RESEND_AFTER = datetime.timedelta(minutes=15)

logger = logging.getLogger(__name__)


class TransientPackError(Exception):
    """A build failed for a reason worth retrying (database or storage hiccup)."""


class PackStorageError(OSError):
    """The storage (the shared folder or the bucket) refused or failed to take the file."""


def _send_build(pack_id: int) -> None:
    """Hand the build to the broker; if it is down the row stays queued, saying so, for the sweep to send."""
    from .tasks import build_pack  # the task module imports these services

    try:
        build_pack.delay(pack_id=pack_id)
    except BrokerUnavailable as exc:
        logger.warning("Pack %s kept queued: the broker is not answering (%s)", pack_id, exc)
        ReportPack.objects.filter(pk=pack_id, status=PackStatus.QUEUED).update(progress_step=WAITING_FOR_QUEUE)


def _enqueue_build(pack: ReportPack) -> None:
    transaction.on_commit(lambda: _send_build(pack.pk))


def waiting_for_queue(pack: ReportPack) -> bool:
    return pack.status == PackStatus.QUEUED and pack.progress_step == WAITING_FOR_QUEUE


def packs_resend_unsent(*, now: datetime.datetime | None = None) -> list[int]:
    """Send again the builds the broker never took or may have lost (the beat sweep's job)."""
    cutoff = (now or timezone.now()) - RESEND_AFTER
    unsent = Q(progress_step=WAITING_FOR_QUEUE) | Q(requested_at__lt=cutoff)
    pack_ids = list(ReportPack.objects.filter(unsent, status=PackStatus.QUEUED).values_list("pk", flat=True))
    for pack_id in pack_ids:
        ReportPack.objects.filter(pk=pack_id, progress_step=WAITING_FOR_QUEUE).update(progress_step="Waiting for a worker")
        _send_build(pack_id)
    return pack_ids


def _pack_create(*, period: ReportingPeriod, requested_by, committee_report: CommitteeReport | None) -> ReportPack:
    """Create the next version for `period`; the caller holds the period's row lock.

    Every request, from the page, the API, the scheduler or `build_pack`, comes through here:
    a pack is the committee's agenda item, so unless a report was chosen it carries the
    quarter's progress report, drafted from the quarter's figures the first time.
    """
    if ReportPack.objects.filter(period=period, status__in=IN_FLIGHT).exists():
        raise ValidationError({"period": f"A pack for {period.label} is already queued or building."})
    if committee_report is None:
        committee_report = committee_report_for_period(period=period, user=requested_by)
    latest = ReportPack.objects.filter(period=period).aggregate(latest=Max("version"))["latest"] or 0
    pack = ReportPack(
        period=period,
        committee_report=committee_report,
        version=latest + 1,
        status=PackStatus.QUEUED,
        progress_step="Waiting for a worker",
        requested_by=requested_by,
        requested_at=timezone.now(),
    )
    pack.full_clean()
    pack.save()
    _enqueue_build(pack)
    return pack


def _lock_period(period: ReportingPeriod) -> ReportingPeriod:
    return ReportingPeriod.objects.select_for_update().get(pk=period.pk)


def report_fits_pack(*, report: CommitteeReport, period: ReportingPeriod) -> bool:
    """A pack reports a finished quarter, so its report goes to a meeting after that quarter (or one not yet set)."""
    return report.meeting is None or report.meeting.date > period.end_date


def pack_request(*, period: ReportingPeriod, requested_by, committee_report: CommitteeReport | None = None) -> ReportPack:
    """A lead asks for a (new version of the) pack for `period`; the build runs on a worker."""
    if not can_request_pack(requested_by):
        raise PermissionDenied("Only strategy leads may request a progress pack.")
    if period.start_date > timezone.localdate():
        raise ValidationError({"period": f"{period.label} has not started yet, so there is nothing to report."})
    if committee_report is not None and not report_fits_pack(report=committee_report, period=period):
        raise ValidationError(
            {
                "committee_report": f"{committee_report.reference} goes to a meeting before {period.label} ended; "
                "a progress pack goes with a report to a meeting after its quarter."
            }
        )
    with transaction.atomic():
        return _pack_create(period=_lock_period(period), requested_by=requested_by, committee_report=committee_report)


def _wrong_status(pack: ReportPack, status: str, refusal: str) -> str | None:
    if pack.status == status:
        return None
    return f"{refusal}; this one is {pack.get_status_display().lower()}."


def _lock_pack_in_status(pack_id: int, status: str, refusal: str) -> ReportPack:
    pack = ReportPack.objects.select_for_update().get(pk=pack_id)
    wrong = _wrong_status(pack, status, refusal)
    if wrong:
        raise ValidationError({"status": wrong})
    return pack


def pack_retry(*, pack_id: int, user) -> ReportPack:
    """Queue a failed build again (the failed row has no file, so it is rebuilt in place)."""
    if not can_request_pack(user):
        raise PermissionDenied("Only strategy leads may retry a progress pack.")
    with transaction.atomic():
        pack = _lock_pack_in_status(pack_id, PackStatus.FAILED, "Only a failed pack can be retried")
        pack.status = PackStatus.QUEUED
        pack.error = ""
        pack.progress_step = "Waiting for a worker"
        pack.started_at = pack.finished_at = None
        pack.full_clean()
        pack.save()
        _enqueue_build(pack)
    return pack


@contextlib.contextmanager
def _build_lock(pack_id: int) -> Iterator[bool | None]:
    """On PostgreSQL, a session advisory lock held for the whole build.

    The server drops it the moment the building worker's connection dies (a killed worker), so
    a redelivered task that gets the lock knows a "building" row was left by a dead build and
    takes it over at once; one that does not get it leaves a live build alone (yields False).
    Other databases cannot tell (yields None), and a build is taken over once STALE_BUILD_AFTER.
    """
    if connection.vendor != "postgresql":
        yield None
        return
    key = zlib.crc32(f"reporting.pack_build:{pack_id}".encode())
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_try_advisory_lock(%s)", [key])
        [locked] = cursor.fetchone()
    try:
        yield locked
    finally:
        if locked:
            with contextlib.suppress(DatabaseError), connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_unlock(%s)", [key])


def _claim(pack_id: int, *, builder_gone: bool | None) -> ReportPack | None:
    """Mark the pack building, or None if another run has built it or is building it."""
    with transaction.atomic():
        pack = ReportPack.objects.select_for_update(of=("self",)).select_related("period", "committee_report").get(pk=pack_id)
        if builder_gone is None:
            builder_gone = bool(pack.started_at) and timezone.now() - pack.started_at > STALE_BUILD_AFTER
        if pack.status != PackStatus.QUEUED and not (pack.status == PackStatus.BUILDING and builder_gone):
            return None
        pack.status = PackStatus.BUILDING
        pack.started_at = timezone.now()
        pack.progress_step = "Gathering the quarter's data"
        pack.save(update_fields=["status", "started_at", "progress_step"])
    return pack


def _step(pack: ReportPack, step: str) -> None:
    pack.progress_step = step
    ReportPack.objects.filter(pk=pack.pk).update(progress_step=step)


def pack_file_name(pack: ReportPack) -> str:
    return f"packs/ict-strategy-progress-pack-{pack.period.key}-v{pack.version}.pdf"


def _store(name: str, content: bytes) -> str:
    """Save through the pack field's storage and return the name it chose.

    The storage never reuses a name (a folder adds a suffix, the bucket has file_overwrite off),
    so a build killed half-way through writing leaves at most an orphan no row names.
    """
    try:
        return ReportPack._meta.get_field("file").storage.save(name, ContentFile(content))
    except Exception as exc:  # noqa: BLE001 - a full disk and an unreachable bucket are alike worth a retry
        raise PackStorageError(f"The file could not be saved: {exc}") from exc


def _fail(pack: ReportPack, message: str) -> None:
    ReportPack.objects.filter(pk=pack.pk).update(
        status=PackStatus.FAILED, error=Truncator(message).chars(ERROR_LENGTH), progress_step="Failed", finished_at=timezone.now(), file=""
    )


def pack_mark_failed(*, pack_id: int, message: str) -> ReportPack | None:
    """Record why the build task gave up (retries exhausted, an unexpected error, a time limit).

    Only a queued or building pack changes, so a late or repeated call leaves a ready or
    published pack alone; None if the pack has been deleted meanwhile.
    """
    with transaction.atomic():
        pack = ReportPack.objects.select_for_update(of=("self",)).filter(pk=pack_id).first()
        if pack is not None and pack.status in IN_FLIGHT:
            _fail(pack, message)
            pack.refresh_from_db()
    return pack


def pack_build(*, pack_id: int) -> ReportPack:
    """Build the pack's PDF. Safe to run twice: only the run that claims the row builds.

    Database and storage errors raise TransientPackError (after putting the row back in the
    queue) so the task retries, and once its retries run out the task calls pack_mark_failed;
    any other error marks the pack failed with its message.
    """
    with _build_lock(pack_id) as locked:
        if locked is False:
            return ReportPack.objects.get(pk=pack_id)
        return _build(pack_id, builder_gone=locked)


def _build(pack_id: int, *, builder_gone: bool | None) -> ReportPack:
    pack = _claim(pack_id, builder_gone=builder_gone)
    if pack is None:
        return ReportPack.objects.get(pk=pack_id)
    try:
        data = pack_data(period=pack.period, committee_report=pack.committee_report)
        _step(pack, "Rendering the PDF")
        rendered = render_pack(data=data)
        _step(pack, "Saving the file")
        name = _store(pack_file_name(pack), rendered.content)
    except (DatabaseError, OSError) as exc:
        ReportPack.objects.filter(pk=pack.pk).update(status=PackStatus.QUEUED, progress_step="Waiting to retry")
        raise TransientPackError(str(exc)) from exc
    except Exception as exc:  # noqa: BLE001 - any rendering error is recorded on the row for the lead to see
        _fail(pack, f"The pack could not be built: {exc}")
        pack.refresh_from_db()
        return pack
    # One conditional UPDATE: the row says ready only once the file is in place, and only the
    # run that claimed it (status still building) may say so.
    finished = {
        "file": name,
        "sha256": hashlib.sha256(rendered.content).hexdigest(),
        "page_count": rendered.page_count,
        "size_bytes": len(rendered.content),
        "status": PackStatus.READY,
        "progress_step": "Ready",
        "error": "",
        "finished_at": timezone.now(),
    }
    ReportPack.objects.filter(pk=pack.pk, status=PackStatus.BUILDING).update(**finished)
    pack.refresh_from_db()
    return pack


PUBLISH_NEEDS_READY = "Only a ready pack can be published"


def _report_refusal(pack: ReportPack) -> str | None:
    """Why the pack's report stops it being published: a published pack never carries a draft.

    The report's text is settled when it is approved (editing it sends it back to draft), so the
    pack must have been built after that, from the approved text.
    """
    report = pack.committee_report
    if report is None:
        return "This pack has no committee report: rebuild it, and it will carry the quarter's report."
    if report.status == ReportStatus.DRAFT:
        return (
            f"Its committee report, {report.reference}, is still a draft: edit it as needed and approve it "
            "for the agenda, then rebuild the pack and publish the new version."
        )
    settled_at = report.approved_at or report.updated_at
    if pack.started_at is None or pack.started_at < settled_at:
        return (
            f"This pack was built before its committee report, {report.reference}, was approved, so it "
            "shows the draft: rebuild the pack and publish the new version."
        )
    return None


def pack_publish_refusal(pack: ReportPack) -> str | None:
    """Why `pack` cannot be published now, or None; the confirmation page asks before offering the button."""
    return _wrong_status(pack, PackStatus.READY, PUBLISH_NEEDS_READY) or _report_refusal(pack)


def pack_publish(*, pack_id: int, user) -> ReportPack:
    """Publish a ready pack; from then on it never changes (a rebuild is a new version)."""
    if not can_publish_pack(user):
        raise PermissionDenied("Only strategy leads may publish a progress pack.")
    with transaction.atomic():
        pack = ReportPack.objects.select_for_update(of=("self",)).select_related("committee_report").get(pk=pack_id)
        refusal = pack_publish_refusal(pack)
        if refusal:
            raise ValidationError({"status": refusal})
        pack.status = PackStatus.PUBLISHED
        pack.published_at = timezone.now()
        pack.published_by = user
        pack.full_clean()
        pack.save()
    return pack


def _scheduler_user():
    """The account the beat schedule requests packs as: inactive, so nobody can sign in with it."""
    user, created = get_user_model().objects.get_or_create(
        username=SCHEDULER_USERNAME, defaults={"first_name": "Pack", "last_name": "scheduler", "is_active": False}
    )
    if created:
        user.set_unusable_password()
        user.save(update_fields=["password"])
    return user


def packs_request_for_closed_periods(*, today: datetime.date | None = None) -> list[ReportPack]:
    """Request the first pack of every closed period that has none yet (the beat schedule's job).

    Each period's row is locked and re-checked, so two beats firing together make one pack.
    Packs are requested as the lead who closed the period early, otherwise as the scheduler.
    """
    today = today or timezone.localdate()
    candidates = ReportingPeriod.objects.closed(on=today).filter(packs__isnull=True)
    created = []
    for period_id in candidates.values_list("pk", flat=True):
        with transaction.atomic():
            period = ReportingPeriod.objects.select_for_update(of=("self",)).select_related("closed_by").get(pk=period_id)
            if not period.is_closed(today) or period.packs.exists():
                continue
            requester = period.closed_by or _scheduler_user()
            created.append(_pack_create(period=period, requested_by=requester, committee_report=None))
    return created


def period_close_refusal(period: ReportingPeriod, today: datetime.date) -> str | None:
    """Why `period` cannot be closed early today, or None."""
    if period.start_date > today:
        return f"{period.label} has not started yet, so it cannot be closed."
    if period.is_closed(today):
        return f"{period.label} is already closed."
    return None


def period_close(*, period: ReportingPeriod, user) -> ReportingPeriod:
    """A lead closes a period before its deadline; its pack is requested straight away."""
    if not can_close_period(user):
        raise PermissionDenied("Only strategy leads may close a reporting period.")
    with transaction.atomic():
        period = _lock_period(period)
        refusal = period_close_refusal(period, timezone.localdate())
        if refusal:
            raise ValidationError({"period": refusal})
        period.closed_at = timezone.now()
        period.closed_by = user
        period.full_clean()
        period.save(update_fields=["closed_at", "closed_by"])
        if not period.packs.exists():
            _pack_create(period=period, requested_by=user, committee_report=None)
    return period


def period_reopen_refusal(period: ReportingPeriod, today: datetime.date) -> str | None:
    """Why `period` cannot be reopened today, or None.

    Reopening undoes an early close made by mistake, and only while nothing depends on it: a
    published pack is the committee's record of the quarter and must not be overtaken by later
    updates, and once the deadline has passed the quarter would stay closed anyway.
    """
    if period.closed_at is None:
        return f"{period.label} was not closed early, so there is nothing to reopen."
    if period.update_deadline < today:
        return (
            f"{period.label} cannot be reopened: its update deadline, {date_format(period.update_deadline, 'j F Y')}, "
            "has passed, so it would stay closed."
        )
    if period.packs.filter(status=PackStatus.PUBLISHED).exists():
        return f"{period.label} cannot be reopened: a pack for it has been published, and published figures never change."
    return None


def period_reopen(*, period: ReportingPeriod, user) -> ReportingPeriod:
    """A lead reopens a period closed early, until its deadline and while none of its packs is published.

    Its unpublished packs stay as they are (they do not show updates made after reopening);
    a lead requests a new version once the quarter closes.
    """
    if not can_close_period(user):
        raise PermissionDenied("Only strategy leads may reopen a reporting period.")
    with transaction.atomic():
        period = _lock_period(period)
        # pack_publish locks the pack's row, so locking the period's packs here means a publish
        # running at the same moment is either seen below or waits until the period is reopened.
        list(ReportPack.objects.select_for_update().filter(period=period).values_list("pk", flat=True))
        refusal = period_reopen_refusal(period, timezone.localdate())
        if refusal:
            raise ValidationError({"period": refusal})
        period.closed_at = None
        period.closed_by = None
        period.full_clean()
        period.save(update_fields=["closed_at", "closed_by"])
    return period
