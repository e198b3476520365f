"""The browser's search (static/js/faq_search.js) follows xblocks/faq/search.py rule for rule,
stays fast at the size where the server takes over, and needs no network round trip."""

import re

import pytest
from playwright.sync_api import expect

from tests.unit.faq.helpers import course_entries
from tests.unit.faq.translated_entries import ENTRIES
from xblocks.faq.search import (
    client_index,
    client_rules,
    entry_texts,
    is_foreign,
    rank,
    tokenize,
)

TRICKY_WORDS = [
    "Payments",
    "PAYMENT",
    "payment's",
    "pagó",
    "Pagó café naïve",
    "ﬁnance",
    "Ｐａｙ",
    "²",
    "shipping",
    "shipped",
    "ships",
    "training",
    "trainees",
    "studied",
    "studies",
    "policies",
    "processes",
    "business",
    "analysis",
    "status",
    "string",
    "bring",
    "added",
    "running",
    "e-commerce",
    "E‑commerce",
    "cross-border",
    "south-south-cooperation",
    "country’s",
    "don't",
    "SDG-17",
    "sdg 8",
    "17.9",
    "2,000",
    "co-operation",
    "İstanbul",
    "ΟΔΟΣ",
    "Straße",
    "Ærø",
    "mañana",
    "Việt Nam",
    "São Paulo",
    "złoty",
    "مَرْحَبًا بالتجارة",
    "электронная торговля",
    "跨境电商 e-commerce",
    "ｶﾀｶﾅ",
    "한국어",
    "x_y",
    "a b c",
    "--",
    "   ",
    "",
    "B2B",
    "b2c-models",
    "half—width",
    "why?!",
    "hyphen‐unicode",
    "e-",
    "-e",
    "Développements douanières commerciaux européennes exonérées nouveaux taux",
    "l'entreprise mise en œuvre Œuvre",
    "países pequeñas años ciudades luces exportadoras tres",
    "التجارة وبالتجارة للتجارة التجارية تجاري",
    "أسعار إسعار آسعار ٱلدفع الدَّفْعُ دفـــع مستوى مُؤَسَّسة",
    "الهدف ١٧ و۱۷ ٢٠٣٠",
    "الصين الحد فريق الفريق",
    "ﻻ ﷲ",
    "跨境电子商务（保税区）。税",
    "ＡＢＣ１２３，「保税区」『海关』",
    "B2B电商和EWTP平台 电商-平台 e-电商",
    "ｶﾀｶﾅ漢字ひらがな",
    "Объём ОБЪЕМ ёлка Йошкар-Ола",
    "таможенные таможенного таможенный таможня таможней",
    "торговля торговлей электронная электронной зонами зонах зон",
]
LANGUAGES = ["en", "fr", "es-419", "ar", "zh-hans", "ru"]
QUERIES = [
    "payments",
    "pay",
    "payment models",
    "e-commerce",
    "ecommerce",
    "customs clearance",
    "SDG 17",
    "sdg-8",
    "Hangzhou",
    "live streaming",
    "training talent",
    "escrow",
    "whatever",
    "How can a small firm receive money from abroad?",
    "pilot zone",
    "pilot zones",
    "women",
    "rural",
    '"small parcels"',
    "“rural areas”",
    '"zones pilot" payments',
    '"pilot zones',
    "الدفع",
    "支付 payment",
    "qwxz vbnm",
]


@pytest.fixture(scope="module")
def search_page(browser, live_server):
    context = browser.new_context(base_url=live_server)
    page = context.new_page()
    page.goto("/scenario/seminar_faq.0/?student=search_parity")
    page.wait_for_load_state("networkidle")
    yield page
    context.close()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_python_and_javascript_give_the_same_tokens(search_page, lang):
    javascript = search_page.evaluate(
        """([words, lang, rules]) => {
            window.SeminarFaqBlock.search.define(lang, rules);
            return words.map(w => window.SeminarFaqBlock.search.tokenize(w, lang));
        }""",
        [TRICKY_WORDS, lang, client_rules(lang)],
    )
    python = [tokenize(word, lang) for word in TRICKY_WORDS]
    mismatches = [
        (w, p, j) for w, p, j in zip(TRICKY_WORDS, python, javascript, strict=True) if p != j
    ]
    assert mismatches == []


TRANSLATED_QUERIES = {
    "fr": ["developpement durable", "accord commercial", '"petites entreprises"', "paiements"],
    "es": ["pequena empresa", "pais en desarrollo", '"pequeñas empresas"', "luz", "año"],
    "ar": ["تجارة", "التِّجَارَةُ الالكترونية", "منصة الدفع", "الهدف 17", '"المؤسسات الصغيرة"'],
    "zh-hans": [
        "保税区",
        "跨境电商",
        "海关",
        "「跨境电子商务」",
        "“保税区”",
        "EWTP",
        "税",
        "税 海关",
    ],
    "ru": ["объём", "таможенных", "Таможня", '"электронная торговля"', "зонами"],
}
# The seminar's own translations where the course has them (courses/faq/<lang>/).
TRANSLATED_FAQS = {
    "zh-hans": lambda: course_entries("zh-hans"),
    "ru": lambda: course_entries("ru"),
}


def ranks_and_foreign_flags(page, index, queries):
    """([[hit, ...] per query], [is foreign per query]) from faq_search.js, given the rules
    the page of the index's language is sent, then search.py."""
    javascript = page.evaluate(
        """([index, queries, rules]) => {
            const search = window.SeminarFaqBlock.search;
            search.define(index.lang, rules);
            return [queries.map(q => search.rank(index, q)),
                queries.map(q => search.isForeign(index, q))];
        }""",
        [index, queries, client_rules(index["lang"])],
    )
    python = [
        [[list(hit) for hit in rank(index, query)] for query in queries],
        [is_foreign(index, query) for query in queries],
    ]
    return javascript, python


def test_python_and_javascript_rank_the_seminar_faq_identically(search_page):
    javascript, python = ranks_and_foreign_flags(
        search_page, client_index(course_entries()), QUERIES
    )
    assert javascript == python
    assert javascript[1].count(True) == 1  # the Arabic query, in an English FAQ


@pytest.mark.parametrize("lang", sorted(TRANSLATED_QUERIES))
def test_python_and_javascript_rank_a_translated_faq_identically(search_page, lang):
    """The same rules in French, Spanish, Arabic, Chinese and Russian, and the same foreign
    queries: the other languages' queries, English among them."""
    others = [
        q for other in ("ar", "zh-hans", "ru") if other != lang for q in TRANSLATED_QUERIES[other]
    ]
    queries = [*TRANSLATED_QUERIES[lang], *QUERIES, *others]
    entries = TRANSLATED_FAQS[lang]() if lang in TRANSLATED_FAQS else ENTRIES[lang]
    javascript, python = ranks_and_foreign_flags(search_page, client_index(entries, lang), queries)
    assert javascript == python
    assert all(javascript[0][: len(TRANSLATED_QUERIES[lang])])  # each finds its entry
    if lang in ("ar", "zh-hans", "ru"):
        assert javascript[1][queries.index("payments")]  # Latin letters, another script


# One-character and mixed queries on the seminar's Chinese FAQ: the first result, and the
# words every result's texts hold (all of them: the character is found inside words).
CHINESE_QUERIES = {
    "税": ("what-is-a-bonded-area", ["税"]),
    "区": ("what-is-a-bonded-area", ["区"]),
    "关": ("customs-clearance-for-parcels", ["关"]),
    "税 海关": ("what-is-a-bonded-area", ["税", "海关"]),
    "邮 跨境": ("bonded-import-and-direct-mail", ["邮", "跨境"]),
    "「税」": ("what-is-a-bonded-area", ["税"]),
}


def test_one_character_and_mixed_chinese_queries_rank_identically(search_page):
    entries = course_entries("zh-hans")
    queries = list(CHINESE_QUERIES)
    javascript, python = ranks_and_foreign_flags(
        search_page, client_index(entries, "zh-hans"), queries
    )
    assert javascript == python
    for query, hits in zip(queries, javascript[0], strict=True):
        first, words = CHINESE_QUERIES[query]
        holding = {
            entry["id"]
            for entry in entries
            if all(word in " ".join(entry_texts(entry)) for word in words)
        }
        assert entries[hits[0][0]]["id"] == first, query
        assert {entries[hit[0]]["id"] for hit in hits} == holding, query


CHINESE_FAQ = "/scenario/course.06.01/"  # the seminar's 74 entries


def open_the_chinese_faq(page, student):
    page.goto(f"{CHINESE_FAQ}?student={student}&lang=zh-hans")
    page.wait_for_load_state("networkidle")
    return page.locator(".seminar-faq")


def test_a_chinese_page_indexes_each_character_as_python_does(page):
    faq = open_the_chinese_faq(page, "zh_index")
    expect(faq).to_have_attribute("lang", re.compile("^zh"))
    built = page.evaluate(
        """() => {
            const search = window.SeminarFaqBlock.search;
            const root = document.querySelector('.seminar-faq');
            return Object.assign({}, search.build(search.documents(root), 'zh-hans').terms);
        }"""
    )
    expected = client_index(course_entries("zh-hans"), "zh-hans")["terms"]
    assert "税" in built and built == expected


# Text of the page, a query, and what search.spans marks: [start, end) in the text.
SPANS = [
    ("跨境电子商务平台", "跨境电商", [[0, 3]]),  # 跨境 and 境电: 跨境电, not the clause
    ("保税区。税", "税", [[1, 2], [4, 5]]),
    ("B2B电商和EWTP平台", "电商 ewtp", [[3, 5], [6, 10]]),
    ("在2022年研讨会上", "2022", [[1, 5]]),
    ("关税和税款", "税", [[1, 2], [3, 4]]),
    ("海关税", "海关 税", [[0, 3]]),  # touching hits: one mark
    ("Payments, pay and PAID", "pay", [[0, 8], [10, 13]]),  # Latin words as before
]


def spans_and_cuts(page):
    return page.evaluate(
        """(cases) => {
            const search = window.SeminarFaqBlock.search;
            const text = 'one two 跨境电子商务 three';
            const spans = ([t, q]) => search.spans(t, search.tokenize(q, 'zh-hans'), 'zh-hans');
            return [cases.map(spans),
                [search.cut(text, 10), search.cut(text, 10, true), search.cut(text, 5),
                 search.cut(text, 5, true)]];
        }""",
        [[text, query] for text, query, _spans in SPANS],
    )


def test_a_chinese_page_marks_characters_and_cuts_snippets_at_any_character(page):
    open_the_chinese_faq(page, "zh_spans")
    spans, cuts = spans_and_cuts(page)
    assert spans == [expected for _text, _query, expected in SPANS]
    assert cuts == [10, 10, 3, 7]  # in CJK text at the character, else at a space
    # A page in another language is not sent faq_cjk.js: words between spaces, as before.
    page.goto("/scenario/seminar_faq.0/?student=latin_spans")
    spans, cuts = spans_and_cuts(page)
    assert spans[-1] == SPANS[-1][2] and spans[0] == [[0, 8]]
    assert cuts == [7, 14, 3, 7]


def test_a_chinese_learner_finds_a_character_and_sees_only_it_marked(page):
    faq = open_the_chinese_faq(page, "zh_learner")
    holding = [e for e in course_entries("zh-hans") if "税" in " ".join(entry_texts(e))]
    faq.locator("input[type=search]").fill("税")
    results = faq.locator("[data-faq-result-list] .faq-entry")
    expect(results).to_have_count(len(holding))
    expect(results.first).to_have_id(re.compile("-what-is-a-bonded-area$"))
    question = results.first.locator(".faq-toggle")
    expect(question.locator("mark.faq-hit")).to_have_text(["税"])
    assert "保<mark" in question.inner_html() and "</mark>区" in question.inner_html()
    marks = faq.locator("[data-faq-result-list] mark.faq-hit").all_inner_texts()
    assert len(marks) > len(holding) and set(marks) == {"税"}
    # Each snippet: the answer's text around its first 税, cut at a character, not whole.
    for entry in results.all():
        snippet = entry.locator(".faq-snippet")
        if snippet.is_hidden():
            continue  # 税 in the question or category only
        text = snippet.inner_text()
        answer = " ".join(entry.locator(".faq-answer").text_content().split())
        assert "税" in text and text.strip("…") in answer and len(text) < len(answer)

    faq.locator("input[type=search]").fill("跨境电商")  # 跨境, 境电, 电商
    expect(results.first.locator("mark.faq-hit").first).to_be_visible()
    marked = set(faq.locator("[data-faq-result-list] mark.faq-hit").all_inner_texts())
    assert marked and marked <= {"跨境", "境电", "电商", "跨境电", "境电商", "跨境电商"}
    assert page.watch.console_errors == []


def open_the_seminar_faq(page):
    page.goto("/")
    page.get_by_role("link", name="Knowledge product: frequently asked questions").first.click()
    page.wait_for_load_state("networkidle")


def test_the_browser_indexes_the_page_as_python_indexes_the_entries(page):
    """No index is shipped: the one faq_search.js builds from the page's text must be the
    one search.py builds from the entries, posting for posting."""
    open_the_seminar_faq(page)
    built = page.evaluate(
        """() => {
            const search = window.SeminarFaqBlock.search;
            const index = search.build(search.documents(document.querySelector('.seminar-faq')));
            const docs = index.docs.map((texts) => texts.map((text) => search.tokenize(text)));
            return {n: index.n, terms: Object.assign({}, index.terms), docs: docs};
        }"""
    )
    expected = client_index(course_entries())
    assert built["n"] == expected["n"] == len(course_entries())
    assert sorted(built["terms"]) == sorted(expected["terms"])
    assert built["terms"] == expected["terms"]
    # The texts phrases are looked for in, token for token.
    assert built["docs"] == [[tokenize(text) for text in texts] for texts in expected["docs"]]


def test_the_seminar_faq_searches_without_a_network_round_trip(page):
    open_the_seminar_faq(page)
    handler_requests = []
    page.on(
        "request",
        lambda request: (
            handler_requests.append(request.url) if "/handler/" in request.url else None
        ),
    )
    faq = page.locator(".seminar-faq")
    expect(faq.locator(".faq-entry")).to_have_count(len(course_entries()))
    page.fill(".seminar-faq input[type=search]", "escrow payments")
    expect(faq.locator("[data-faq-result-list] .faq-toggle").first).to_have_text(
        "What is escrow, and why does it build trust?"
    )
    page.fill(".seminar-faq input[type=search]", "live streaming")
    expect(faq.locator("[data-faq-status]")).to_contain_text("found")
    assert [url for url in handler_requests if "log_search" not in url] == []
    page.wait_for_timeout(1800)  # the settled search is tracked: length and count only
    assert len([url for url in handler_requests if "/log_search/" in url]) == 1
    assert page.watch.console_errors == []
