"""The bench's workloads beyond page renders: bytes in Chromium, FAQ search, grading, build."""

import gzip
import statistics
import tempfile
import time
from dataclasses import dataclass

from tests.bench.journey import journey_section
from tests.liveserver import launch_chromium, serve

# The text of the page's (outermost) block, white space collapsed: what a learner reads.
BLOCK_TEXT = """() => {
  const block = document.querySelector('[data-block-type]');
  return block ? block.textContent.replace(/\\s+/g, ' ').trim() : '';
}"""


def render_ms(client, scenario, lang=""):
    """Milliseconds for the server to render one scenario page (`lang`: as ?lang= asks)."""
    start = time.perf_counter()
    response = client.get(f"/scenario/{scenario}/", {"lang": lang} if lang else {})
    elapsed = (time.perf_counter() - start) * 1000
    assert response.status_code == 200, (scenario, response.status_code)
    return elapsed


def page_bytes_in_chromium(scenarios, lang="", sources=None):
    """Bytes a learner's browser loads for each scenario page, on a first and a repeat view.

    Returns {scenario: PageBytes}. A first view loads everything (HTML, JS, CSS, ...); a
    repeat view loads the page itself, as the block's JS and CSS files are then cached
    (in production the LMS serves them as static files, under xblock/resources/). `gzip`
    figures are what travels when text is sent gzip-compressed (level 6), as a web server
    that compresses text sends it; `text` is the UTF-8 size of the block's text. `lang`:
    the pages in that language, as `?lang=` asks; `sources`: the course served.
    """
    from playwright.sync_api import sync_playwright

    totals = {}
    with serve(sources=sources) as base_url, sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        for scenario in scenarios:
            page = browser.new_page()
            loaded = []
            page.on("response", lambda response, loaded=loaded: loaded.append(_loaded(response)))
            query = f"?lang={lang}" if lang else ""
            page.goto(f"{base_url}/scenario/{scenario}/{query}", wait_until="networkidle")
            bodies = [body for _kind, body in loaded]
            documents = [body for kind, body in loaded if kind == "document"]
            totals[scenario] = PageBytes(
                first=_size(bodies),
                repeat=_size(documents),
                text=len(page.evaluate(BLOCK_TEXT).encode("utf-8")),
            )
            page.close()
        browser.close()
    return totals


@dataclass
class PageBytes:
    first: tuple  # (decoded, gzip) of everything the page loads
    repeat: tuple  # (decoded, gzip) of the page alone
    text: int


def _size(bodies):
    return (
        sum(len(body) for body in bodies),
        sum(len(gzip.compress(body, compresslevel=6)) for body in bodies),
    )


def _loaded(response):
    try:
        body = response.body()
    except Exception:  # redirects and aborted requests have no body
        body = b""
    return response.request.resource_type, body


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


SEARCH_QUERIES = [
    "payments",
    "bonded area",
    "rural e-commerce",
    "sdg 17",
    "tax refund",
    "live streaming",
    "pilot zones",
    "triangular cooperation",
    "escrow",
    "talent",
]


def faq_search_section():
    """Server-side FAQ search (the same ranking the browser runs) at growing sizes."""
    from xblocks.course.sources import load_course
    from xblocks.faq.search import SearchIndex

    seminar = load_course().faq_entries
    lines = [
        "### FAQ search on the server",
        "",
        "| entries | index build | median per query | p95 per query |",
        "|---|---|---|---|",
    ]
    for size in (100, 1_000, 10_000):
        entries = [
            {**seminar[i % len(seminar)], "id": f"{seminar[i % len(seminar)]['id']}-{i}"}
            for i in range(size)
        ]
        build_ms, _p95_build = timed(lambda entries=entries: SearchIndex.from_entries(entries), 1)
        index = SearchIndex.from_entries(entries)
        times = []
        for query in SEARCH_QUERIES:
            for _ in range(5):
                start = time.perf_counter()
                index.rank(query)
                times.append((time.perf_counter() - start) * 1000)
        lines.append(
            f"| {size:,} | {build_ms:.0f} ms | {statistics.median(times):.2f} ms | "
            f"{_p95(times):.2f} ms |"
        )
    return [*lines, "", f"Queries: {', '.join(SEARCH_QUERIES)} (5 runs each).", ""]


BROWSER_SEARCH = """([docs, queries]) => {
    const search = window.SeminarFaqBlock.search;
    const started = performance.now();
    for (let run = 0; run < 4; run++) { search.build(docs); }
    const build = (performance.now() - started) / 4;
    const index = search.build(docs);
    const times = [];
    let found = 0;
    for (let round = 0; round < 5; round++) {
        queries.forEach(q => {
            const start = performance.now();  // coarse in Chromium: time 20 runs at once
            for (let run = 0; run < 20; run++) { found += search.rank(index, q).length; }
            times.push((performance.now() - start) / 20);
        });
    }
    return [build, times, found];
}"""


def browser_search_section():
    """The seminar-sized FAQ searches in the browser: the index is built there from the
    page's text on the first search, then every keystroke ranks without the network."""
    from playwright.sync_api import sync_playwright

    from xblocks.course.sources import load_course
    from xblocks.faq.search import SERVER_SEARCH_THRESHOLD, answer_text

    seminar = load_course().faq_entries
    lines = [
        "### FAQ search in Chromium (below the server-search threshold)",
        "",
        "| entries | index built from the page | median per query | p95 per query |",
        "|---|---|---|---|",
    ]
    with serve() as base_url, sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        page = browser.new_page()
        page.goto(f"{base_url}/scenario/seminar_faq.0/", wait_until="networkidle")
        for size in (len(seminar), SERVER_SEARCH_THRESHOLD):
            # The shape search.documents() reads off a page: [index, question, keywords, answer].
            docs = [
                [
                    i,
                    entry["question"],
                    " ".join([entry["category"], *entry["tags"]]),
                    answer_text(entry["answer"]),
                ]
                for i, entry in enumerate(seminar[i % len(seminar)] for i in range(size))
            ]
            build_ms, times, found = page.evaluate(BROWSER_SEARCH, [docs, SEARCH_QUERIES])
            assert found, "the queries must find entries, or the timings mean nothing"
            lines.append(
                f"| {size:,} | {build_ms:.0f} ms | {statistics.median(times):.2f} ms | "
                f"{_p95(times):.2f} ms |"
            )
        browser.close()
    return [
        *lines,
        "",
        "Same queries as above, 5 samples each (a sample: 20 runs, for Chromium's coarse "
        f"clock), on the seminar's {len(seminar)} entries repeated to size.",
        "",
    ]


def quiz_grading_section():
    """Grading one submission of the final assessment (20 questions drawn from the pool)."""
    from xblocks.course.sources import load_course
    from xblocks.quiz.grading import GradingMixin

    questions = load_course().final.fields["questions"][:20]
    responses = {}
    for q in questions:
        if q["type"] == "multiple":
            responses[q["id"]] = [q["choices"][0]["id"]]
        elif q["choices"]:
            responses[q["id"]] = q["choices"][0]["id"]
        else:
            responses[q["id"]] = "132" if q["type"] == "numeric" else "escrow"
    median, p95 = timed(lambda: GradingMixin.question_scores(questions, responses), 500)
    return [
        "### Quiz grading",
        "",
        f"One 20-question submission graded on the server: median {median * 1000:.0f} µs, "
        f"p95 {p95 * 1000:.0f} µs over 500 runs.",
        "",
    ]


def extra_sections():
    return [
        *faq_search_section(),
        *browser_search_section(),
        *quiz_grading_section(),
        *build_section(),
        *journey_section(),
    ]
