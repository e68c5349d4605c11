"""Every CSV the application gives out, in one style: sentence-case headers, people by display name
with their username in a column of its own, and the period's label and key where a row has a period."""

import csv
import io

import pytest
from django.utils import timezone

from core.exports import is_sentence_case
from core.financial_year import FinancialQuarter
from reporting.models import ReportPack
from spreadsheets.selectors import PLAN_KINDS, plan_csv
from tests import factories
from tests.helpers import token_client

# The pages' downloads.
HTML_EXPORTS = ["/actions/?download=csv", "/measures/?period=2024-25-Q2&download=csv", "/business-cases/export/csv/", "/risks/export/csv/", "/reports/committee/?download=csv"]
# Every API endpoint offering ?format=csv, by its path in the schema.
API_EXPORTS = {
    "/api/v1/principles/": "/api/v1/principles/",
    "/api/v1/periods/": "/api/v1/periods/",
    "/api/v1/actions/": "/api/v1/actions/",
    "/api/v1/actions/{reference}/updates/": "/api/v1/actions/P1-01/updates/",
    "/api/v1/progress-updates/": "/api/v1/progress-updates/",
    "/api/v1/measures/": "/api/v1/measures/?period=2024-25-Q2&format=csv",
    "/api/v1/measures/{reference}/values/": "/api/v1/measures/KPI-01/values/",
    "/api/v1/business-cases/": "/api/v1/business-cases/",
    "/api/v1/risks/": "/api/v1/risks/",
    "/api/v1/committee-reports/": "/api/v1/committee-reports/",
    "/api/v1/meetings/": "/api/v1/meetings/",
    "/api/v1/packs/": "/api/v1/packs/",
    "/api/v1/summary/": "/api/v1/summary/?period=2024-25-Q2&format=csv",
    "/api/v1/summary/history/": "/api/v1/summary/history/",
}
# The CSVs whose rows each belong to a reporting period.
WITH_A_PERIOD = {
    "/api/v1/periods/",
    "/api/v1/actions/{reference}/updates/",
    "/api/v1/progress-updates/",
    "/api/v1/measures/",
    "/api/v1/measures/{reference}/values/",
    "/measures/?period=2024-25-Q2&download=csv",
    "/api/v1/committee-reports/",
    "/api/v1/packs/",
    "/api/v1/summary/",
    "/api/v1/summary/history/",
    "/reports/committee/?download=csv",
}
# Each column naming a person, and the column of their username beside it.
PERSON_COLUMNS = {
    "Owner": "Owner username",
    "Delegates": "Delegate usernames",
    "Sponsor": "Sponsor username",
    "Author": "Author username",
    "Requested by": "Requested by username",
    "Published by": "Published by username",
    "Data owner": "Data owner username",
    "Entered by": "Entered by username",
}


@pytest.fixture
def people(periods):
    _, q2, _, _ = periods
    lead = factories.lead(username="hashworth", first_name="Helen", last_name="Ashworth")
    owner = factories.manager(username="dwhitfield", first_name="Daniel", last_name="Whitfield")
    delegate = factories.manager(username="psharma", first_name="Priya", last_name="Sharma")
    principle = factories.PrincipleFactory(number=1)
    action = factories.ActionFactory(reference="P1-01", principle=principle, owner=owner, delegates=[delegate])
    factories.ProgressUpdateFactory(action=action, period=q2, commentary="On course.")
    measure = factories.MeasureFactory(reference="KPI-01", principle=principle, owner=owner, delegates=[delegate])
    factories.MeasureValueFactory(measure=measure, period=q2)
    case = factories.BusinessCaseFactory(strategy=principle.strategy, sponsor=lead)
    factories.BusinessCaseLineFactory(business_case=case)
    factories.RiskFactory(strategy=principle.strategy, owner=owner)
    report = factories.CommitteeReportFactory(status="published", period=q2)
    ReportPack.objects.create(
        period=q2, version=1, status="published", committee_report=report, requested_by=lead, published_by=lead,
        published_at=timezone.now(),
    )
    return {user.get_username(): user.get_full_name() for user in (lead, owner, delegate)}


def _table(content: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))


def every_csv(client, people) -> dict[str, list[list[str]]]:
    """Every CSV export, by name: the pages', the API's and export_plan's."""
    lead = factories.lead()
    client.force_login(lead)
    api = token_client(lead)
    exports = {}
    for url in HTML_EXPORTS:
        response = client.get(url)
        assert response.status_code == 200 and response["Content-Type"].startswith("text/csv"), url
        exports[url] = _table(response.content)
    for path, url in API_EXPORTS.items():
        response = api.get(url if "format=csv" in url else f"{url}?format=csv")
        assert response.status_code == 200 and response["Content-Type"].startswith("text/csv"), url
        exports[path] = _table(response.content)
    for kind in PLAN_KINDS:
        exports[f"export_plan --kind {kind.name}"] = _table(plan_csv(kind))
    return exports


def test_the_list_covers_every_api_endpoint_offering_csv(client, db):
    schema = client.get("/api/schema/", {"format": "json"}).json()
    offering_csv = {
        path
        for path, operations in schema["paths"].items()
        if any(
            parameter["name"] == "format" and "csv" in parameter.get("schema", {}).get("enum", [])
            for parameter in operations.get("get", {}).get("parameters", [])
        )
    }
    assert offering_csv == set(API_EXPORTS)


def test_every_csv_export_uses_one_header_style(client, people):
    for name, (header, *_) in every_csv(client, people).items():
        assert header, name
        assert [h for h in header if not is_sentence_case(h)] == [], name


def test_every_csv_export_names_people_by_display_name_with_their_username_beside(client, people):
    full_names = set(people.values())
    checked = set()
    for name, (header, *rows) in every_csv(client, people).items():
        assert rows, f"{name} has no rows to check"
        for row in rows:
            cells = dict(zip(header, row, strict=True))
            for person, username_column in PERSON_COLUMNS.items():
                if person not in cells:
                    continue
                # The username stands right after the name, and the two name the same person.
                assert header[header.index(person) + 1] == username_column, name
                username = cells[username_column]
                assert cells[person] == people.get(username, ""), (name, person, cells[person], username)
                checked.add(person)
            # Usernames appear in username columns only, full names never there.
            for column, value in cells.items():
                if column.endswith(("username", "usernames")):
                    assert value not in full_names, (name, column)
                else:
                    assert value not in people, (name, column, value)
    assert checked == set(PERSON_COLUMNS)


def test_every_csv_export_with_a_period_carries_its_label_and_key(client, people):
    for name, (header, *rows) in every_csv(client, people).items():
        if name not in WITH_A_PERIOD:
            assert "Period key" not in header, name
            continue
        assert header[header.index("Period") + 1] == "Period key", name
        for row in rows:
            cells = dict(zip(header, row, strict=True))
            if cells["Period key"]:
                assert FinancialQuarter.from_key(cells["Period key"]).label == cells["Period"], name
        assert any(dict(zip(header, row, strict=True))["Period key"] == "2024-25-Q2" for row in rows), name
