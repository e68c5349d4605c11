import datetime
import threading

import pytest
from django.contrib.auth.models import Group, Permission
from django.db import connection

from core.roles import sync_role_groups
from reporting.models import CommitteeReport, ReferenceSequence
from reporting.services import committee_report_create
from tests.factories import MeetingFactory, lead
from tests.reporting.builders import COMPLETE_SECTIONS

DRAFTERS = 8


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_concurrent_drafts_in_one_year_get_distinct_sequential_references():
    # An earlier transactional test's flush may have emptied the role groups the migration made.
    sync_role_groups(Group, Permission)
    meeting = MeetingFactory(date=datetime.date(2024, 11, 21))
    author = lead()
    start = threading.Barrier(DRAFTERS)
    failures: list[BaseException] = []

    def draft() -> None:
        try:
            start.wait()
            committee_report_create(user=author, meeting=meeting, sections=COMPLETE_SECTIONS)
        except BaseException as error:  # noqa: BLE001 - reported to the main thread below
            failures.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=draft) for _ in range(DRAFTERS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert failures == []
    references = sorted(CommitteeReport.objects.values_list("sequence", flat=True))
    assert references == list(range(1, DRAFTERS + 1))
    assert ReferenceSequence.objects.get(financial_year=2024).last_number == DRAFTERS
