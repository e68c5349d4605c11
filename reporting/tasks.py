"""Celery tasks: thin wrappers round `reporting.packs` and `reporting.reminders`."""

from celery import Task, shared_task

from .packs import TransientPackError, pack_build, pack_mark_failed, packs_request_for_closed_periods, packs_resend_unsent
from .reminders import reminders_send_due

# WeasyPrint lays out a 300-page pack in well under a minute; these limits stop a runaway
# render from holding a worker for ever, and stay below packs.STALE_BUILD_AFTER.
SOFT_TIME_LIMIT = 10 * 60
HARD_TIME_LIMIT = 12 * 60


class BuildPackTask(Task):
    def on_failure(self, exc, task_id, args, kwargs, einfo):
        # Celery calls this once the task has given up for good (not for each retry); left
        # queued, the pack would block every new request for its quarter.
        pack_mark_failed(pack_id=kwargs["pack_id"], message=f"The pack could not be built: {exc}")


@shared_task(
    base=BuildPackTask,
    acks_late=True,
    reject_on_worker_lost=True,
    autoretry_for=(TransientPackError,),
    retry_backoff=5,
    retry_backoff_max=300,
    retry_jitter=True,
    max_retries=5,
    soft_time_limit=SOFT_TIME_LIMIT,
    time_limit=HARD_TIME_LIMIT,
)
def build_pack(*, pack_id: int) -> str:
    return pack_build(pack_id=pack_id).status


@shared_task(acks_late=True, ignore_result=True)
def request_packs_for_closed_periods() -> int:
    return len(packs_request_for_closed_periods())


@shared_task(acks_late=True, ignore_result=True)
def resend_unsent_packs() -> int:
    return len(packs_resend_unsent())


@shared_task(acks_late=True, ignore_result=True)
def send_update_reminders() -> int:
    return sum(len(outcome.sent) for outcome in reminders_send_due())
