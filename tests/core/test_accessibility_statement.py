"""/accessibility/: the accessibility statement, open to everyone and linked from every page's footer."""

import datetime

import pytest
from django.test import override_settings

from tests import factories


@override_settings(ACCESSIBILITY_CONTACT_EMAIL="access@example.gov.uk", ACCESSIBILITY_TESTED_ON=datetime.date(2026, 11, 30))
def test_the_statement_names_its_contact_test_date_and_enforcement(client, db):
    response = client.get("/accessibility/")
    assert response.status_code == 200
    page = response.content.decode()
    assert 'href="mailto:access@example.gov.uk"' in page
    assert "last tested on 30 November 2026" in page
    for words in ["partially compliant", "Equality and Human Rights Commission", "Equality Commission for Northern Ireland",
                  "Swagger UI", "different format", "Reporting accessibility problems"]:
        assert words in page, words


@pytest.mark.parametrize("path", ["/accounts/login/", "/accessibility/", "/api/docs/", "/", "/actions/", "/reports/", "/no-such-page/"])
def test_every_page_links_to_the_statement_from_its_footer(client, db, path):
    client.force_login(factories.lead())
    footer = client.get(path).content.decode().split('<footer class="govuk-footer">')[1]
    assert 'href="/accessibility/">Accessibility statement</a>' in footer
