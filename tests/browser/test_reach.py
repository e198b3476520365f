"""Low bandwidth: what each block costs a learner's connection, and reading on Slow 3G."""

import time

import pytest

BLOCKS = ["seminar_lecture", "seminar_quiz", "seminar_faq"]
# Each block's own JS + CSS (uncompressed), the budget issue #7 sets.
STATIC_BUDGET = 20 * 1024
# The block's own HTML for its demo unit (FAQ content aside: its demo has six entries).
HTML_BUDGET = 20 * 1024
# Chromium DevTools' "Slow 3G" preset: 400 ms round trip, ~50 KB/s down, ~50 KB/s up.
SLOW_3G = {
    "offline": False,
    "latency": 400,
    "downloadThroughput": 51_200,
    "uploadThroughput": 51_200,
}
READABLE_BUDGET_S = 8.0


def block_static_bytes(page, block_type):
    sizes = {}

    def record(response):
        if f"/resource/{block_type}/" in response.url:
            sizes[response.url] = len(response.body())

    page.on("response", record)
    page.goto(f"/scenario/{block_type}.0/?student=reach_bytes")
    page.wait_for_load_state("networkidle")
    return sizes


@pytest.mark.parametrize("block_type", BLOCKS)
def test_each_block_stays_within_its_byte_budget(page, block_type):
    static = block_static_bytes(page, block_type)
    assert static, "the block loads its own JS/CSS from its package"
    assert sum(static.values()) <= STATIC_BUDGET, static
    html = page.locator(f".xblock-v1[data-block-type='{block_type}']").evaluate("e => e.outerHTML")
    assert len(html.encode("utf-8")) <= HTML_BUDGET
    assert page.watch.outside_requests == []


def test_lecture_text_is_readable_within_the_budget_on_slow_3g(browser, live_server):
    context = browser.new_context(base_url=live_server)
    page = context.new_page()
    client = context.new_cdp_session(page)
    client.send("Network.enable")
    client.send("Network.emulateNetworkConditions", SLOW_3G)
    started = time.monotonic()
    page.goto("/scenario/course.01.01/?student=reach_slow", wait_until="commit")
    page.locator(".seminar-lecture p").first.wait_for(state="visible", timeout=30_000)
    readable_after = time.monotonic() - started
    print(f"lecture text readable after {readable_after:.1f} s on emulated Slow 3G")
    assert readable_after <= READABLE_BUDGET_S
    context.close()
