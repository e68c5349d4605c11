"""Strategy.objects.current(): the one definition of "the strategy" for pages, API and packs."""

from registers.api.views import current_strategy
from reporting.pack_data import pack_data
from reporting.selectors import committee_report_document
from strategy.models import Strategy
from tests import factories


def test_current_is_the_first_strategy_loaded_or_none(db):
    assert Strategy.objects.current() is None
    first = factories.StrategyFactory(title="ICT Strategy 2023–27")
    factories.StrategyFactory(title="ICT Strategy 2027–31", council="A successor council")
    assert Strategy.objects.current() == first


def test_pages_api_and_packs_name_the_current_strategy(db):
    first = factories.StrategyFactory(title="ICT Strategy 2023–27", council="Cheshire East Council")
    factories.StrategyFactory(title="ICT Strategy 2027–31", council="A successor council")
    period = factories.PeriodFactory(key="2024-25-Q2")
    assert current_strategy() == first
    assert pack_data(period=period)["strategy"]["title"] == first.title
    report = factories.CommitteeReportFactory()
    assert committee_report_document(report=report)["council"] == first.council
