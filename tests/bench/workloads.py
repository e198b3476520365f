"""The bench's workloads beyond page renders: bytes in Chromium, FAQ search, grading, build."""

import statistics
import tempfile
import time

from tests.liveserver import launch_chromium, serve


def page_bytes_in_chromium(scenarios):
    """Bytes a learner's browser downloads for each scenario page (HTML, JS, CSS, ...)."""
    from playwright.sync_api import sync_playwright

    totals = {}
    with serve() as base_url, sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        for scenario in scenarios:
            page = browser.new_page()
            sizes = []
            page.on("response", lambda response, sizes=sizes: sizes.append(_body_size(response)))
            page.goto(f"{base_url}/scenario/{scenario}/", wait_until="networkidle")
            totals[scenario] = sum(sizes)
            page.close()
        browser.close()
    return totals


def _body_size(response):
    try:
        return len(response.body())
    except Exception:
        return 0


def timed(func, repeat):
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        func()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), _p95(times)


def _p95(times):
    ordered = sorted(times)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def build_section():
    from xblocks.course.olx import build_course
    from xblocks.course.sources import load_course

    out = tempfile.mkdtemp(prefix="seminar-bench-build-")
    median, p95 = timed(lambda: build_course(load_course(), out), repeat=5)
    return [
        "### `seminar build` of the whole course",
        "",
        f"Sources to tarball (load, validate, emit, compress): median {median:.0f} ms, "
        f"p95 {p95:.0f} ms over 5 runs.",
        "",
    ]


def extra_sections():
    return build_section()
