"""One set of score bands and one escalation threshold for the register pages, the API, heat maps and packs."""

import datetime
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from registers.api.serializers import RiskSerializer
from registers.models import (
    ESCALATION_THRESHOLD,
    SCORE_BANDS,
    SCORE_BANDS_TEXT,
    Risk,
    ScoreBand,
    needs_escalation,
    review_overdue_on,
)
from reporting.pack_data import pack_data
from reporting.pack_pdf import pack_html
from tests import factories
from tests.helpers import on_the_register_since
from tests.reporting.builders import PLAN_START


@pytest.mark.parametrize(
    "score, band",
    [(1, "low"), (4, "low"), (5, "medium"), (9, "medium"), (10, "high"), (14, "high"), (15, "very_high"), (25, "very_high")],
)
def test_band_boundaries(score, band):
    assert ScoreBand.for_score(score).key == band


def test_bands_cover_every_score_once_and_the_threshold_opens_the_top_band():
    assert [score for band in SCORE_BANDS for score in range(band.low, band.high + 1)] == list(range(1, 26))
    assert ESCALATION_THRESHOLD == SCORE_BANDS[-1].low == 15
    assert (needs_escalation(ESCALATION_THRESHOLD - 1), needs_escalation(ESCALATION_THRESHOLD)) == (False, True)
    assert SCORE_BANDS_TEXT == "low 1–4, medium 5–9, high 10–14, very high 15–25"


def test_pack_page_and_api_show_the_same_band_for_a_score_of_12(client, db):
    scored_twelve = factories.RiskFactory(
        reference="ICT-R12", inherent_likelihood=3, inherent_impact=4, residual_likelihood=3, residual_impact=4
    )
    client.force_login(factories.committee_member())
    page = client.get(reverse("risk-list")).content.decode()
    assert re.search(r'app-heat-map__cell--high">\s*<a[^>]*>1<', page)
    assert "score 12, high" in page

    on_the_register_since(PLAN_START)
    data = pack_data(period=factories.PeriodFactory(key="2024-25-Q2"))
    likelihood_3 = next(row for row in data["risks"]["residual"] if row["likelihood"] == 3)
    cell = next(cell for cell in likelihood_3["cells"] if cell["impact"] == 4)
    assert (cell["score"], cell["band"].key, cell["references"]) == (12, "high", ["ICT-R12"])
    html = pack_html(data=data)
    assert html.count('class="heat app-heat-map__cell--high"><strong>1</strong>') == 2  # inherent and residual
    assert "ICT-R12" not in html.split("Very high risks")[1].split("</section>")[0]

    body = RiskSerializer(scored_twelve).data
    assert (body["inherent_band"], body["band"]) == ("high", "high")


def test_pack_texts_are_built_from_the_bands_and_threshold(db):
    factories.RiskFactory(reference="ICT-R20", residual_likelihood=4, residual_impact=5)
    on_the_register_since(PLAN_START)
    html = pack_html(data=pack_data(period=factories.PeriodFactory(key="2024-25-Q2")))
    text = " ".join(re.sub(r"<[^>]+>", " ", html).split())
    assert f"in bands {SCORE_BANDS_TEXT}." in text
    assert f"A residual score of {ESCALATION_THRESHOLD} or more puts a risk on the strategic register." in text
    assert "Very high risks: scoring 15 or more" in text and "are high" not in text
    assert 'class="heat app-heat-map__cell--very_high"><strong>1</strong>' in html


def test_review_overdue_query_and_property_agree(db):
    today = timezone.localdate()
    risks = [factories.RiskFactory(review_date=today + datetime.timedelta(days=step)) for step in (-1, 0, 1)]
    by_query = set(Risk.objects.filter(review_overdue_on(today)))
    assert by_query == {risk for risk in risks if risk.is_review_overdue} == {risks[0]}
