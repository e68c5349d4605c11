import pytest
from django.test import RequestFactory

from core.navigation import navigation
from tests import factories


@pytest.mark.parametrize(
    ("path", "current"),
    [
        ("/", "Dashboard"),
        ("/reports/", "Progress packs"),
        ("/reports/committee/", "Committee reports"),
        ("/reports/committee/cp-35-22-23/", "Committee reports"),
        ("/actions/P1-01/", "Actions"),
        ("/accounts/password_change/", None),
    ],
)
def test_exactly_one_section_is_current(db, path, current):
    request = RequestFactory().get(path)
    request.user = factories.lead(username="nav-lead")
    items = navigation(request)["navigation"]
    assert [item["label"] for item in items if item["current"]] == ([current] if current else [])


def test_each_role_sees_only_its_sections(db):
    request = RequestFactory().get("/")
    request.user = factories.api_client_user(username="nav-api")
    labels = [item["label"] for item in navigation(request)["navigation"]]
    assert "My actions" not in labels and "Progress packs" not in labels
    request.user = factories.manager(username="nav-manager")
    assert "My actions" in [item["label"] for item in navigation(request)["navigation"]]
