"""The dev server as a learner meets it: every block's demo unit loads cleanly."""

import pytest

from .conftest import assert_accessible

BLOCK_TYPES = ["seminar_lecture", "seminar_faq", "seminar_quiz"]


def test_index_lists_a_unit_of_each_block(page):
    page.goto("/")
    links = page.locator("main li a")
    hrefs = [links.nth(i).get_attribute("href") for i in range(links.count())]
    for block_type in BLOCK_TYPES:
        assert any(f"/scenario/{block_type}." in href for href in hrefs), block_type
    assert_accessible(page)


@pytest.mark.parametrize("block_type", BLOCK_TYPES)
def test_demo_unit_renders_without_console_errors(page, block_type):
    page.goto(f"/scenario/{block_type}.0/")
    page.wait_for_load_state("networkidle")
    assert page.locator(f".xblock-v1[data-block-type='{block_type}']").count() == 1
    assert page.watch.console_errors == []
    assert page.watch.outside_requests == []
    assert_accessible(page)
