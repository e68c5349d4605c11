"""Every response carries the Content-Security-Policy (no inline script or style anywhere) and the
Permissions-Policy; the API docs alone may also show data: images."""

import pytest
from django.urls import reverse

from tests import factories

PAGES = ["/", "/actions/", "/principles/", "/business-cases/", "/risks/", "/reports/", "/reports/committee/", "/admin/", "/accounts/login/", "/api/v1/actions/"]
SITE_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; font-src 'self'; connect-src 'self'; "
    "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'"
)


def directives(policy: str) -> set[str]:
    return {part.strip() for part in policy.split(";")}


@pytest.mark.parametrize("path", PAGES)
def test_every_page_gets_the_strict_policy_and_the_permissions_policy(client, db, path):
    client.force_login(factories.lead(is_staff=True, is_superuser=True))
    response = client.get(path)
    assert response.status_code == 200
    assert directives(response["Content-Security-Policy"]) == directives(SITE_POLICY)
    assert "camera=(), " in response["Permissions-Policy"] and "geolocation=()" in response["Permissions-Policy"]


def test_swagger_ui_adds_data_images_and_nothing_else(client, db):
    response = client.get(reverse("api-docs-swagger"))
    assert directives(response["Content-Security-Policy"]) == directives(SITE_POLICY) - {"img-src 'self'"} | {"img-src 'self' data:"}
    assert "<style>" not in response.content.decode()
