import datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction

from core.conflicts import EditConflict
from measures.models import MeasureValue
from measures.services import measure_value_record
from tests import factories

LONDON = ZoneInfo("Europe/London")
# 2024/25 Q2 runs 1 July - 30 September 2024; its update deadline is 21 October 2024.
IN_Q2_WINDOW = datetime.datetime(2024, 10, 7, 10, 30, tzinfo=LONDON)


@pytest.fixture
def measure(owner):
    return factories.MeasureFactory(owner=owner, reference="KPI-01")


def record(measure, user, period, **overrides):
    fields = {
        "target": Decimal(95),
        "actual": Decimal("96.2"),
        "commentary": "",
        "expected_version": measure.version,
        "recorded_at": IN_Q2_WINDOW,
    }
    fields.update(overrides)
    return measure_value_record(measure=measure, user=user, period=period, **fields)


def test_records_a_value_with_its_rag_and_bumps_the_measure(measure, owner, period):
    value = record(measure, owner, period, actual=Decimal("93.5"), commentary="Two long outages.")

    measure.refresh_from_db()
    assert (value.rag, value.entered_by, value.entered_at) == ("amber", owner, IN_Q2_WINDOW)
    assert (measure.version, measure.last_updated_by) == (2, owner)


def test_recording_again_amends_and_keeps_history(measure, owner, period):
    record(measure, owner, period, actual=None)
    value = record(measure, owner, period, expected_version=2)

    assert MeasureValue.objects.count() == 1
    assert [(h.actual, h.rag) for h in value.history.order_by("history_date")] == [(None, ""), (Decimal("96.2"), "green")]


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"actual": Decimal(80)}, "commentary", "commentary is required for amber and red"),
        ({"actual": Decimal(94), "commentary": "  "}, "commentary", "Explain why the measure is amber"),
        ({"commentary": "x" * 5001}, "commentary", "Commentary must be 5,000 characters or fewer (it has 5,001)"),
        ({"actual": Decimal("1.2345")}, "actual", "decimal places"),
        ({"target": Decimal("1e20")}, "target", "digits"),
        ({"target": Decimal("1e40")}, "target", "digits"),
    ],
)
def test_rules_refuse_bad_values_with_plain_messages(measure, owner, period, overrides, field, message):
    with pytest.raises(ValidationError) as caught:
        record(measure, owner, period, **overrides)

    assert message in " ".join(caught.value.message_dict[field])
    assert MeasureValue.objects.count() == 0


def test_period_rules_are_those_of_progress_updates(measure, owner, period):
    after_deadline = datetime.datetime(2024, 10, 22, 9, 0, tzinfo=LONDON)
    with pytest.raises(ValidationError) as caught:
        record(measure, owner, period, recorded_at=after_deadline)
    assert "2024/25 Q2 is not taking values" in caught.value.message_dict["period"][0]
    assert "21 October 2024" in caught.value.message_dict["period"][0]

    annual = factories.MeasureFactory(owner=owner, frequency="annual")
    with pytest.raises(ValidationError, match="once a year, for the fourth quarter"):
        record(annual, owner, period)


def test_data_owner_delegate_and_lead_may_record_others_may_not(measure, period):
    delegate = factories.manager(username="delegate")
    measure.delegates.add(delegate)
    record(measure, delegate, period)
    record(measure, factories.lead(username="boss"), period, expected_version=2)

    with pytest.raises(PermissionDenied, match="own or are delegated"):
        record(measure, factories.manager(username="other-manager"), period, expected_version=3)
    for reader in (factories.committee_member(username="councillor"), factories.api_client_user(username="dashboard")):
        with pytest.raises(PermissionDenied, match="Your role can read measures"):
            record(measure, reader, period, expected_version=3)
    assert MeasureValue.objects.get().entered_by.username == "boss"


def test_stale_version_is_a_conflict_naming_who_and_when(measure, owner, period):
    record(measure, owner, period)

    with pytest.raises(EditConflict) as caught:
        record(measure, owner, period, expected_version=1, actual=Decimal(99))

    assert caught.value.current_version == 2
    assert "KPI-01 was changed by Priya Shah at 10:30 on 7 October 2024" in str(caught.value)
    assert MeasureValue.objects.get().actual == Decimal("96.2")


@pytest.mark.parametrize(
    ("fields", "constraint"),
    [
        ({"reference": "kpi-1"}, "measure_reference_pattern"),
        ({"reference": "EXPORT"}, "measure_reference_not_reserved"),
        ({"description": "x" * 5001}, "measure_description_length"),
        ({"tolerance": Decimal(-1)}, "measure_tolerance_not_negative"),
        ({"unit": "furlongs"}, "measure_unit_valid"),
    ],
)
def test_database_refuses_bad_measures(owner, fields, constraint):
    with pytest.raises(IntegrityError, match=constraint), transaction.atomic():
        factories.MeasureFactory(owner=owner, **fields)


@pytest.mark.parametrize(
    ("fields", "constraint"),
    [
        ({"commentary": "x" * 5001}, "measurevalue_commentary_length"),
        ({"actual": None, "rag": "green"}, "measurevalue_rated_when_actual"),
        ({"rag": ""}, "measurevalue_rated_when_actual"),
    ],
)
def test_database_refuses_bad_values(measure, period, fields, constraint):
    with pytest.raises(IntegrityError, match=constraint), transaction.atomic():
        factories.MeasureValueFactory(measure=measure, period=period, **fields)
