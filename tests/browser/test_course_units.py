"""Every unit of the real seminar, as learners meet it in `seminar serve`."""

import pytest

from xblocks.course.scenarios import course_scenarios

from .conftest import assert_accessible

UNITS = [name for name, _description, _xml in course_scenarios()]


def test_the_index_lists_the_whole_course_in_order(page):
    page.goto("/")
    hrefs = page.locator("main li a").evaluate_all(
        "links => links.map(a => a.getAttribute('href'))"
    )
    listed = [href.split("/")[2] for href in hrefs if href.startswith("/scenario/course.")]
    assert listed == UNITS


@pytest.mark.parametrize("unit", UNITS)
def test_unit_loads_cleanly_and_accessibly(page, unit):
    page.goto(f"/scenario/{unit}/?student=units_{unit.replace('.', '_')}")
    page.wait_for_load_state("networkidle")
    assert page.locator(".xblock-v1[data-block-type^='seminar_']").count() == 1
    assert page.watch.console_errors == []
    assert page.watch.outside_requests == []
    assert_accessible(page)


@pytest.mark.parametrize("unit", [UNITS[0], UNITS[1], UNITS[-2]])
def test_unit_is_accessible_in_arabic(page, unit):
    page.goto(f"/scenario/{unit}/?student=units_ar&lang=ar")
    page.wait_for_load_state("networkidle")
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert page.watch.console_errors == []
    assert_accessible(page)
