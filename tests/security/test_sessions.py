"""A session ends after SESSION_IDLE_TIMEOUT without a request; each request starts the wait again."""

import datetime

from django.conf import settings
from django.contrib.sessions.models import Session
from django.urls import reverse
from django.utils import timezone

from tests import factories
from tests.helpers import signed_in


def test_the_idle_timeout_defaults_to_eight_hours():
    assert settings.SESSION_IDLE_TIMEOUT == datetime.timedelta(hours=8)
    assert settings.SESSION_COOKIE_AGE == 8 * 60 * 60


def test_each_request_moves_the_end_of_the_session_on(client, db):
    signed_in(client, factories.lead())
    session = Session.objects.get()
    session.expire_date = timezone.now() + datetime.timedelta(minutes=5)
    session.save()

    assert client.get(reverse("dashboard")).status_code == 200
    expiry = Session.objects.get().expire_date - timezone.now()
    assert datetime.timedelta(hours=7, minutes=59) < expiry <= datetime.timedelta(hours=8)


def test_a_session_idle_for_longer_is_signed_out(client, db):
    signed_in(client, factories.lead())
    Session.objects.update(expire_date=timezone.now() - datetime.timedelta(seconds=1))

    response = client.get(reverse("dashboard"))
    assert response.status_code == 302 and response["Location"].startswith(reverse("login"))
