"""Low bandwidth: what each block costs a learner's connection, and reading on Slow 3G."""

import time

import pytest

BLOCKS = ["seminar_lecture", "seminar_quiz", "seminar_faq"]
# What each block adds to a page of its demo unit: its HTML, JS and CSS together,
# uncompressed, the FAQ's answers aside, as issue #7 counts them (aim: 20 KB a block).
# One sum, so that moving bytes out of every page's HTML into JS the browser caches (the
# FAQ's vote buttons and search index, 2026-11) is no regression. The lecture meets the
# aim; the quiz (five questions of content) and the FAQ (its search, votes and questions
# code) do not, and these budgets hold them where they are (docs/benchmarks.md). Raised
# for issue #18 by what it added: the quiz's inline problems, locked state and the language
# of its author text (+1.2 KB); the FAQ's phrase search, language check and deferred answers
# (+3.7 KB of cacheable code; the page of the seminar's FAQ went from 170 KB to 47 KB).
BYTE_BUDGETS = {"seminar_lecture": 20 * 1024, "seminar_quiz": 27 * 1024, "seminar_faq": 35 * 1024}
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
    block = page.locator(f".xblock-v1[data-block-type='{block_type}']")
    html = len(block.evaluate("e => e.outerHTML").encode("utf-8"))
    content = sum(
        len(answer.encode("utf-8"))
        for answer in block.locator(".faq-answer").evaluate_all("els => els.map(e => e.innerHTML)")
    )
    # Scripts the block's fragment adds inline to the page (shared helpers, translations).
    inline = page.evaluate(
        """() => [...document.scripts].filter(s => !s.src && s.text.includes('SeminarXBlocks'))
            .reduce((n, s) => n + new TextEncoder().encode(s.text).length, 0)"""
    )
    js_css = sum(static.values()) + inline
    total = js_css + html - content
    print(f"\n{block_type}: JS+CSS {js_css:,} + HTML {html - content:,} = {total:,} bytes")
    assert total <= BYTE_BUDGETS[block_type], static
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
