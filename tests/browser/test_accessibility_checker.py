"""The axe-core helper really fails on a page with violations, so a 0 count means something."""

import pytest

from tests.browser.accessibility import assert_accessible

pytestmark = pytest.mark.browser


def test_assert_accessible_lists_each_violation(chromium):
    page = chromium.new_page()
    try:
        page.set_content('<!DOCTYPE html><html lang="en"><head><title>Bad</title></head><body><main><img src="chart.png"><input type="text"></main></body></html>')
        with pytest.raises(AssertionError) as failure:
            assert_accessible(page)
        assert "image-alt" in str(failure.value) and "label" in str(failure.value)
        page.set_content('<!DOCTYPE html><html lang="en"><head><title>Good</title></head><body><main><h1>Fine</h1></main></body></html>')
        assert_accessible(page)
    finally:
        page.close()
