import pytest

from tests import factories


@pytest.fixture
def plan(db):
    """A strategy with its seven principles, a lead, two managers and the period taking updates."""
    strategy = factories.StrategyFactory()
    for number in range(1, 8):
        factories.PrincipleFactory(strategy=strategy, number=number)
    return {
        "strategy": strategy,
        "period": factories.ensure_open_period(),
        "lead": factories.lead(username="thelead", first_name="Helen", last_name="Ashworth"),
        "owner": factories.manager(username="owner", first_name="Olive", last_name="Owner"),
        "other": factories.manager(username="other", first_name="Oscar", last_name="Other"),
    }
