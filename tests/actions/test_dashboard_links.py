"""Every figure on the dashboard links to the actions list filtered to exactly the actions it counts."""

import datetime
import re
from html.parser import HTMLParser
from urllib.parse import parse_qsl, urlsplit

import pytest
from django.urls import reverse
from django.utils import timezone

from tests import factories
from tests.factories import FAR_FUTURE
from tests.helpers import token_client


class _Figures(HTMLParser):
    """Links to the actions list with the figure each shows, and the numeric cells with no link."""

    def __init__(self):
        super().__init__()
        self.links: list[tuple[str, str]] = []
        self.unlinked_cells: list[str] = []
        self._href = None
        self._hidden = 0
        self._text = ""
        self._cell = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        classes = (attrs.get("class") or "").split()
        if tag == "a" and (attrs.get("href") or "").startswith(reverse("action-list")):
            self._href, self._text = attrs["href"], ""
        if self._hidden or "govuk-visually-hidden" in classes:
            self._hidden += tag != "br"
        if tag == "td" and "govuk-table__cell--numeric" in classes:
            self._cell = {"text": "", "linked": False}
        if tag == "a" and self._cell is not None:
            self._cell["linked"] = True

    def handle_endtag(self, tag):
        if self._hidden:
            self._hidden -= 1
            return
        if tag == "a" and self._href is not None:
            self.links.append((self._href, self._text.strip()))
            self._href = None
        if tag == "td" and self._cell is not None:
            if not self._cell["linked"]:
                self.unlinked_cells.append(self._cell["text"].strip())
            self._cell = None

    def handle_data(self, data):
        if self._hidden:
            return
        if self._href is not None:
            self._text += data
        if self._cell is not None:
            self._cell["text"] += data


def list_rows(client, url: str) -> int:
    page = client.get(url).content.decode()
    tbody = re.search(r'<tbody class="govuk-table__body">(.*?)</tbody>', page, re.S)
    return len(re.findall(r'<th scope="row"', tbody.group(1))) if tbody else 0


def report(action, period, status, rag, percent):
    """An update for `period`, with the action's own fields mirroring it as progress_record leaves them."""
    factories.ProgressUpdateFactory(action=action, period=period, status=status, rag=rag, percent_complete=percent, commentary="Reported.")
    action.status, action.rag, action.percent_complete = status, rag, percent
    action.save()


@pytest.fixture
def plan(owner):
    now = factories.open_period()
    # Closed early, so the quarter reported on is the one containing today whatever day the suite runs.
    before = factories.PeriodFactory(key=now.financial_quarter.previous().key, closed_at=timezone.now())
    p1 = factories.PrincipleFactory(number=1)
    p2 = factories.PrincipleFactory(number=2, strategy=p1.strategy)
    yesterday = timezone.localdate() - datetime.timedelta(days=1)

    def action(reference, principle, target=FAR_FUTURE):
        return factories.ActionFactory(reference=reference, principle=principle, owner=owner, target_date=target,
                                       start_date=datetime.date(2023, 4, 1), status="not_started", percent_complete=0)

    a = action("P1-01", p1)
    report(a, before, "off_track", "red", 10)
    report(a, now, "at_risk", "amber", 30)
    b = action("P1-02", p1)
    report(b, before, "on_track", "green", 40)
    report(b, now, "off_track", "red", 40)
    # Due yesterday and not updated since: overdue now, and (but on a quarter's first day) not before.
    report(action("P1-03", p1, target=max(yesterday, before.start_date)), before, "on_track", "green", 60)
    action("P1-04", p1)
    c = action("P2-01", p2)
    report(c, before, "at_risk", "amber", 20)
    report(c, now, "on_track", "green", 50)
    report(action("P2-02", p2, target=datetime.date(2024, 3, 31)), before, "off_track", "red", 5)
    action("P2-03", p2)
    # Completed and cancelled actions are left out: whether the RAG columns count them is another change's.
    return now


def test_every_dashboard_figure_links_to_a_list_of_that_many_actions(client, plan):
    client.force_login(factories.committee_member())
    api = token_client(factories.api_client_user())
    page = client.get(reverse("dashboard")).content.decode()
    assert "Change since " + plan.financial_quarter.previous().label in page
    parser = _Figures()
    parser.feed(page)

    # Averages are not counts of actions; every other figure in a table is a link.
    assert parser.unlinked_cells and all(text.endswith("%") for text in parser.unlinked_cells)
    figures = [(href, text) for href, text in parser.links if re.fullmatch(r"\d+( actions| overdue)?", text)]
    # Stats (actions, overdue, updated, due); per principle and overall: actions, 3 RAG, overdue,
    # updated, due; 6 statuses; 4 movements.
    assert len(figures) == 4 + 3 * 7 + 3 * 6 + 3 * 4
    moved = 0
    for href, text in figures:
        figure = int(text.split()[0])
        assert list_rows(client, href) == figure, href
        query = dict(parse_qsl(urlsplit(href).query))
        assert api.get("/api/v1/actions/", query).json()["count"] == figure, href
        moved += figure * ("movement" in query)
    assert moved > 0


def test_the_figures_in_hand(client, plan):
    client.force_login(factories.committee_member())
    page = client.get(reverse("dashboard")).content.decode()
    key = plan.key
    # One improved, one worsened under principle 1; one improved under principle 2.
    assert f'href="/actions/?principle=1&amp;movement=rag_improved&amp;movement_period={key}">1<' in page
    assert f'href="/actions/?principle=1&amp;movement=rag_worsened&amp;movement_period={key}">1<' in page
    assert f'href="/actions/?principle=2&amp;movement=rag_improved&amp;movement_period={key}">1<' in page
    assert f'href="/actions/?movement=rag_improved&amp;movement_period={key}">2<' in page
    assert 'href="/actions/?principle=1&amp;rag=red&amp;open=true">1<' in page
