"""The HTML side of "never a 5xx": hypothesis fills every form and every list's filters with
hostile values, as a strategy lead (who may post to every form), and no answer may be a 5xx.

The fields of each form are read off the page itself (every input, select and textarea of its
POST form), so a field added later is fuzzed without this file changing. The API has its own
fuzz: schemathesis, in test_api_schema.py. Bounded to run in well under a minute.
"""

from html.parser import HTMLParser

import pytest
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from actions.filtersets import ActionFilterSet
from registers.filtersets import BusinessCaseFilterSet, RiskFilterSet
from reporting.filtersets import CommitteeReportFilterSet
from tests import factories

EXAMPLES = 12
FUZZ_SETTINGS = settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=True,
    database=None,
    # The records and the signed-in client are made once per page and kept across examples on purpose.
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

# Values a hostile or careless user types: format characters, huge numbers, control characters,
# words the addresses use, text past every limit, and whatever else hypothesis makes.
HOSTILE = st.one_of(
    st.sampled_from([
        "", " ", "%", "%s%(x)s%d", "%25", "0", "-1", "1e400", "9" * 40, "NaN", "2024-25-Q2", "2024-25-Q9", "P1-01",
        "new", "export", "../..", "<script>alert(1)</script>", "'; DROP TABLE x; --", "\u202e\ufeff", "x" * 25_000,
        "\x00", "31", "2", "true", "on",
    ]),
    st.text(max_size=40),
    st.integers().map(str),
)


class _PostForm(HTMLParser):
    """The names of the fields of a page's POST forms."""

    def __init__(self, html: str):
        super().__init__()
        self.names: set[str] = set()
        self._in_post_form = False
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self._in_post_form = (attrs.get("method") or "").lower() == "post"
        elif self._in_post_form and tag in ("input", "select", "textarea") and attrs.get("name"):
            self.names.add(attrs["name"])

    def handle_endtag(self, tag):
        if tag == "form":
            self._in_post_form = False


@pytest.fixture
def records(db):
    strategy = factories.StrategyFactory()
    for number in range(1, 8):
        factories.PrincipleFactory(strategy=strategy, number=number)
    factories.ensure_open_period()
    lead = factories.lead()
    action = factories.ActionFactory(reference="P1-01", principle=strategy.principles.get(number=1), owner=lead)
    case = factories.BusinessCaseFactory(reference="HLBC-F01", strategy=strategy, sponsor=lead, status="draft")
    approved = factories.BusinessCaseFactory(reference="HLBC-F02", strategy=strategy, sponsor=lead)
    risk = factories.RiskFactory(reference="R-F01", strategy=strategy, owner=lead)
    report = factories.CommitteeReportFactory(status="draft")
    return {"lead": lead, "action": action, "case": case, "approved": approved, "risk": risk, "report": report}


FORM_PAGES = [
    ("action-new", None),
    ("action-update", "action"),
    ("action-edit", "action"),
    ("action-cancel", "action"),
    ("action-delegates", "action"),
    ("business-case-create", None),
    ("business-case-edit", "case"),
    ("business-case-revise", "approved"),
    ("risk-create", None),
    ("risk-edit", "risk"),
    ("risk-review", "risk"),
    ("committee-meeting-create", None),
    ("committee-report-create", None),
    ("committee-report-update", "report"),
]


def _address(name: str, record_key: str | None, records: dict) -> str:
    if record_key is None:
        return reverse(name)
    record = records[record_key]
    key = record.pk if record_key == "report" else record.reference
    return reverse(name, args=[key])


@pytest.mark.parametrize(("name", "record_key"), FORM_PAGES, ids=[name for name, _ in FORM_PAGES])
@FUZZ_SETTINGS
@given(data=st.data())
def test_no_form_answers_a_server_error(client, records, name, record_key, data):
    client.force_login(records["lead"])
    url = _address(name, record_key, records)
    page = client.get(url)
    assert page.status_code == 200, (url, page.status_code)
    fields = sorted(_PostForm(page.content.decode()).names - {"csrfmiddlewaretoken"})
    assert fields, url
    posted = {field: data.draw(st.lists(HOSTILE, max_size=2), label=field) for field in fields}
    response = client.post(url, posted)
    assert response.status_code < 500, (url, posted)


FILTERED_PAGES = [
    ("action-list", ActionFilterSet),
    ("business-case-list", BusinessCaseFilterSet),
    ("risk-list", RiskFilterSet),
    ("committee-report-list", CommitteeReportFilterSet),
    ("dashboard", None),
    ("my-actions", None),
    ("chase-list", None),
]


@pytest.mark.parametrize(("name", "filterset"), FILTERED_PAGES, ids=[name for name, _ in FILTERED_PAGES])
@FUZZ_SETTINGS
@given(data=st.data())
def test_no_list_filter_answers_a_server_error(client, records, name, filterset, data):
    client.force_login(records["lead"])
    known = sorted(filterset.base_filters) if filterset else []
    names = st.one_of(st.sampled_from([*known, "page", "sort", "movement_period", "period"]), st.text(min_size=1, max_size=10))
    query = data.draw(st.dictionaries(names, st.lists(HOSTILE, min_size=1, max_size=2), max_size=4), label="query")
    response = client.get(reverse(name), query)
    assert response.status_code < 500, (name, query)
