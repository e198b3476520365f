"""Arabic wording, the locale's dates and lists, FAQ search relevance, slow connections
(issue #18). In English and Arabic, at 1280 and 360 px."""

import datetime
import re
import uuid

import pytest
from playwright.sync_api import expect

from tests.unit.faq.helpers import course_entries
from xblocks.common.i18n import translation_for
from xblocks.common.l10n import format_datetime, language_name
from xblocks.faq.search import client_index, rank

from .conftest import VIEWS, view_id

FAQ = "/scenario/seminar_faq.0/"
COURSE_FAQ = "/scenario/course.06.01/"  # the seminar's 74 entries
SLOW_3G = {
    "offline": False,
    "latency": 400,
    "downloadThroughput": 51_200,
    "uploadThroughput": 51_200,
}


def _(view, domain="django"):
    return translation_for(view[0], domain)


@pytest.fixture
def context(browser, live_server):
    contexts = []

    def new(view):
        contexts.append(
            browser.new_context(base_url=live_server, viewport={"width": view[1], "height": 800})
        )
        return contexts[-1]

    yield new
    for made in contexts:
        made.close()


def visit(context, view, path, student):
    page = context.new_page()
    page.goto(f"{path}?student={student}&lang={view[0]}")
    page.wait_for_load_state("networkidle")
    return page


@pytest.mark.parametrize("view", VIEWS, ids=view_id)
def test_numbers_agree_and_dates_are_written_as_the_locale_writes_them(context, view):
    """ "10 أحرف" (3 to 10 take a plural, 11 and up a singular in Arabic), and the staff see
    when a question was asked as the learner's locale writes a date ("2 ديسمبر 2026، 10:05 ص",
    not "ديسمبر 2, 2026")."""
    learner = visit(context(view), view, FAQ, f"asker_{uuid.uuid4().hex[:8]}")
    hint = learner.locator("[data-faq-ask] .faq-hint")
    expected_hint = _(view).ngettext(
        "Between %(min)s and %(max)s character. Course staff read every question and "
        "publish answers here.",
        "Between %(min)s and %(max)s characters. Course staff read every question and "
        "publish answers here.",
        500,
    ) % {"min": 10, "max": 500}
    expect(hint).to_have_text(expected_hint)
    question = learner.locator("[data-faq-ask] textarea")
    question.fill("short")
    learner.locator("[data-faq-ask] button[type=submit]").click()
    too_short = _(view, "djangojs").ngettext(
        "Write your question in at least %(count)s character.",
        "Write your question in at least %(count)s characters.",
        10,
    ) % {"count": 10}
    expect(learner.locator("[data-faq-ask-status]")).to_have_text(too_short)
    if view[0] == "ar":
        assert "10 أحرف" in too_short and "و500 حرف" in expected_hint

    text = f"When are the live sessions? ({uuid.uuid4().hex[:6]})"
    question.fill(text)
    asked = datetime.datetime.now(datetime.UTC)
    with learner.expect_response(re.compile(r"/ask/")):
        learner.locator("[data-faq-ask] button[type=submit]").click()
    staff = visit(learner.context, view, FAQ, f"staff_dates_{view[0]}_{view[1]}")
    when = staff.locator(".faq-queue-item", has_text=text).locator(".faq-hint")
    expect(when).to_be_visible()
    minutes = [
        asked.replace(second=0, microsecond=0) + datetime.timedelta(minutes=m) for m in (-1, 0, 1)
    ]
    said = [
        _(view).gettext("Asked on %(date)s (UTC)") % {"date": format_datetime(minute, view[0])}
        for minute in minutes
    ]
    assert when.inner_text() in said


# The FAQ is read in the learner's language where it is translated (issue #19): each view
# searches the entries in its own language. Queries learners typed, with what must come first
# and what must not come at all.
ENTRIES = {"en": course_entries(), "ar": course_entries("ar")}
INDEX = {lang: client_index(entries, lang) for lang, entries in ENTRIES.items()}
QUERIES = {
    "en": {
        # Every result has both words; "What is a bonded area?" (only "zone") is not one.
        "pilot zones": {
            "first": ["what-is-a-pilot-zone", "lessons-from-hangzhou"],
            "never": ["what-is-a-bonded-area"],
        },
        # A phrase: the words together, in this order (11 entries have both words apart).
        '"small parcels"': {
            "first": ["customs-clearance-for-parcels"],
            "never": ["selling-to-the-chinese-market"],
        },
        "escrow": {"first": ["what-is-escrow"], "never": []},
        "live streaming": {
            "first": ["live-streaming-commerce", "risks-of-live-streaming"],
            "never": [],
        },
    },
    "ar": {
        "المناطق التجريبية": {
            "first": ["what-is-a-pilot-zone"],
            "never": ["what-is-a-bonded-area"],
        },
        '"الطرود الصغيرة"': {"first": ["customs-clearance-for-parcels"], "never": []},
        "الضمان": {"first": ["what-is-escrow"], "never": []},
        "البث المباشر": {
            "first": ["live-streaming-commerce", "risks-of-live-streaming"],
            "never": [],
        },
    },
}
# Letters of the FAQ's own script that match nothing, and words in a script it does not hold.
NO_MATCH = {"en": "qwxz vbnm", "ar": "ثخضظ غقفث"}
FOREIGN = {"en": "الدفع عبر الحدود", "ar": "qwxz vbnm"}
CASES = [*range(4), "no match", "foreign"]


def case_query(lang, case):
    if case == "no match":
        return NO_MATCH[lang]
    return FOREIGN[lang] if case == "foreign" else list(QUERIES[lang])[case]


@pytest.mark.parametrize("case", CASES, ids=str)
@pytest.mark.parametrize("view", VIEWS, ids=view_id)
def test_search_finds_what_the_learner_means(views, view, case):
    lang = view[0]
    query = case_query(lang, case)
    page = views(COURSE_FAQ, *view)
    faq = page.locator(".seminar-faq")
    status = faq.locator("[data-faq-status]")
    page.fill(".seminar-faq input[type=search]", "")
    page.fill(".seminar-faq input[type=search]", query)
    found = [ENTRIES[lang][index]["id"] for index, _matched, _score in rank(INDEX[lang], query)]
    assert bool(found) == (case in range(4)), (query, found)
    if found:
        count = _(view, "djangojs").ngettext(
            "%(count)s question found.", "%(count)s questions found.", len(found)
        ) % {"count": len(found)}
        expect(status).to_have_text(count)
        shown = faq.locator("[data-faq-result-list] .faq-entry").evaluate_all(
            "els => els.map(el => el.id.slice(6))"
        )
        assert shown == found
        expected = QUERIES[lang][query]
        assert shown[: len(expected["first"])] == expected["first"]
        assert not set(expected["never"]) & set(shown)
        return
    if case == "no match":
        said = _(view, "djangojs").gettext("No question matches your search.")
    else:  # words in another script: say so, and in which language to search
        said = (
            _(view)
            .gettext(
                "No question matches: the questions and answers are in {language}. "
                "Try your search in {language}."
            )
            .format(language=language_name(lang, lang))
        )
    expect(status).to_have_text(said)
    # Said once: not also "0 questions found", nor again under the results.
    assert faq.inner_text().count(said) == 1
    assert faq.inner_text().count(_(view).gettext("No question matches your search.")) <= 1
    expect(faq.locator("[data-faq-ask-this]")).to_be_visible()


@pytest.mark.parametrize("view", VIEWS, ids=view_id)
def test_the_faq_shows_its_questions_before_its_full_text(context, view):
    """On Slow 3G, the seminar's FAQ paints its questions first: the page carries them and
    not the 74 answers (170 KB), which come after and are searched as soon as they have."""
    page = context(view).new_page()
    cdp = page.context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send("Network.emulateNetworkConditions", SLOW_3G)
    page.goto(
        f"{COURSE_FAQ}?student=slow_{uuid.uuid4().hex[:6]}&lang={view[0]}", wait_until="commit"
    )
    expect(page.locator(".faq-toggle").first).to_be_visible(timeout=30_000)
    expect(page.locator("[data-faq-pending]")).to_have_count(0, timeout=60_000)
    timing = page.evaluate(
        """() => ({
            page: performance.getEntriesByType('navigation')[0].transferSize,
            painted: performance.getEntriesByName('first-contentful-paint')[0].startTime,
            answers: Math.max(...performance.getEntriesByType('resource')
                .filter((e) => e.name.includes('/answers/')).map((e) => e.responseEnd)),
        })"""
    )
    assert timing["page"] < 60_000, timing
    assert timing["painted"] < timing["answers"], timing
    lang = view[0]
    expect(page.locator(".faq-answer")).to_have_count(len(ENTRIES[lang]))
    query = {"en": "escrow", "ar": "الضمان"}[lang]  # answers' words are found
    page.fill(".seminar-faq input[type=search]", query)
    found = len(rank(INDEX[lang], query))
    assert found > 1
    expect(page.locator("[data-faq-result-list] .faq-entry")).to_have_count(found)


@pytest.mark.parametrize("view", VIEWS, ids=view_id)
def test_a_repeat_view_fetches_no_block_file_again(context, view):
    """Every CSS and JS file a block links has a versioned URL the browser keeps: on the
    next unit a learner opens, none is fetched again (nor the page frame's JS catalog)."""
    made = context(view)
    visit(made, view, "/scenario/course.01.01/", "repeat").close()  # lecture
    visit(made, view, "/scenario/course.01.02/", "repeat").close()  # quiz
    visit(made, view, COURSE_FAQ, "repeat").close()
    page = made.new_page()
    cdp = made.new_cdp_session(page)
    cdp.send("Network.enable")
    requested, cached = {}, set()
    cdp.on(
        "Network.requestWillBeSent",
        lambda e: requested.update({e["requestId"]: e["request"]["url"]}),
    )
    cdp.on("Network.requestServedFromCache", lambda e: cached.add(e["requestId"]))
    cdp.on(
        "Network.responseReceived",
        lambda e: cached.add(e["requestId"]) if e["response"].get("fromDiskCache") else None,
    )
    for path in ("/scenario/course.01.01/", "/scenario/course.01.02/", COURSE_FAQ):
        page.goto(f"{path}?student=repeat&lang={view[0]}")
        page.wait_for_load_state("networkidle")
    files = {rid: url for rid, url in requested.items() if "/resource/" in url or "/jsi18n/" in url}
    assert files, "the pages link their blocks' files"
    assert [url for url in files.values() if "/resource/" in url and "?v=" not in url] == []
    assert sorted({url for rid, url in files.items() if rid not in cached}) == []
