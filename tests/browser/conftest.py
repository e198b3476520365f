"""Browser tests: Debian's headless Chromium, driven by Playwright, against `seminar serve`."""

import os
from pathlib import Path

import pytest

from tests.liveserver import launch_chromium, serve

ARTIFACTS = Path(os.environ.get("SEMINAR_TEST_ARTIFACTS", "test-artifacts"))

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def live_server():
    """`seminar serve` on a free loopback port with its own database; yields its base URL.

    One server a test module: what one module's journeys leave in the server (saved
    editors, learner state) cannot reach another module's tests.
    """
    with serve() as base_url:
        yield base_url


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = launch_chromium(playwright)
        yield chromium
        chromium.close()


class PageWatch:
    """What a page did that a learner would suffer from: console errors, outside requests."""

    def __init__(self, page, base_url):
        self.console_errors = []
        self.outside_requests = []
        page.on("console", self._console)
        page.on("pageerror", lambda exc: self.console_errors.append(str(exc)))
        page.on("request", lambda req: self._request(req, base_url))

    def _console(self, message):
        if message.type == "error":
            self.console_errors.append(message.text)

    def _request(self, request, base_url):
        if not request.url.startswith((base_url, "data:", "blob:", "about:")):
            self.outside_requests.append(request.url)


@pytest.fixture
def page(browser, live_server):
    context = browser.new_context(base_url=live_server, viewport={"width": 1024, "height": 800})
    page = context.new_page()
    page.watch = PageWatch(page, live_server)
    yield page
    context.close()


AXE_JS = None


def axe_violations(page, selector=None):
    """Run axe-core (WCAG 2.1 A and AA rules) on the page, or only inside `selector`."""
    global AXE_JS
    if AXE_JS is None:
        import axe_playwright_python

        AXE_JS = (Path(axe_playwright_python.__file__).parent / "axe.min.js").read_text()
    page.add_script_tag(content=AXE_JS)
    result = page.evaluate(
        """async (selector) => {
            const context = selector ? {include: [selector]} : document;
            const options = {runOnly: {type: 'tag',
                values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']}};
            const result = await axe.run(context, options);
            return result.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
                nodes: v.nodes.map(n => n.target.join(' ')).slice(0, 5)}));
        }""",
        selector,
    )
    return result


def assert_accessible(page, selector=None):
    violations = axe_violations(page, selector)
    assert violations == [], "axe-core violations:\n" + "\n".join(
        f"- {v['id']} ({v['impact']}): {v['help']} at {v['nodes']}" for v in violations
    )


def screenshot(page, name):
    """Keep a screenshot as a test artifact (test-artifacts/<name>.png)."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


# The learner's view in both scripts' directions, on a desktop and on a phone (issue #18).
LANGUAGES = ("en", "ar")
WIDTHS = (1280, 360)
VIEWS = [(lang, width) for lang in LANGUAGES for width in WIDTHS]


def view_id(view):
    return f"{view[0]}-{view[1]}px"


@pytest.fixture(scope="module")
def views(browser, live_server):
    """`open_view(path, lang, width, student=None)`: a loaded page, kept for the module, so
    that cheap checks of one state share one page load instead of each making its own."""
    opened = {}

    def open_view(path, lang, width, student=None):
        key = (path, lang, width, student)
        if key not in opened:
            context = browser.new_context(
                base_url=live_server, viewport={"width": width, "height": 800}
            )
            page = context.new_page()
            page.watch = PageWatch(page, live_server)
            who = student or f"views_{lang}_{width}"
            page.goto(f"{path}?student={who}&lang={lang}")
            page.wait_for_load_state("networkidle")
            opened[key] = page
        return opened[key]

    yield open_view
    for page in opened.values():
        page.context.close()


def contrast_ratio(first, second):
    """WCAG contrast of two "rgb(r, g, b)" colours."""

    def luminance(colour):
        channels = [int(c) / 255 for c in colour[colour.index("(") + 1 : -1].split(",")[:3]]
        linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    light, dark = sorted((luminance(first), luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)
