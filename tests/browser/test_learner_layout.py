"""What axe does not catch (issue #18), measured on the page: the focus ring's contrast from
computed styles, boxes that overflow their card, the language and direction of author text
in an Arabic page, the name of a scrolling table. In English and Arabic, at 1280 and 360 px;
each check reads a page the module loaded once."""

import pytest

from xblocks.common.i18n import translation_for
from xblocks.course.sources import default_root

from .conftest import VIEWS, contrast_ratio, view_id

LECTURE = "/scenario/seminar_lecture.0/"
COURSE_LECTURE = "/scenario/course.01.01/"
QUIZ = "/scenario/seminar_quiz.4/"  # every author text on show at once
FAQ = "/scenario/seminar_faq.0/"

# A sample of what a keyboard reaches in each block.
FOCUSABLE = {
    LECTURE: [
        ".seminar-lecture__toc a",
        ".seminar-lecture__table",
        "[data-action=play]",
        ".seminar-lecture__handouts a",
        "[data-action=complete]",
    ],
    QUIZ: ["input[type=radio]", "input[type=checkbox]", "input[type=text]", "[data-action=hint]"],
    FAQ: ["input[type=search]", ".faq-nav a", ".faq-toggle", "[data-faq-ask] textarea"],
}

MEASURE_FOCUS = """(selectors) => {
    function background(node) {
        for (let el = node.parentElement; el; el = el.parentElement) {
            const colour = getComputedStyle(el).backgroundColor;
            if (colour !== 'rgba(0, 0, 0, 0)' && colour !== 'transparent') { return colour; }
        }
        return 'rgb(255, 255, 255)';
    }
    return selectors.map((selector) => {
        const el = document.querySelector(selector);
        el.focus({preventScroll: true});
        const style = getComputedStyle(el);
        const found = {selector, visible: el.matches(':focus-visible'), colour: style.outlineColor,
            width: style.outlineWidth, style: style.outlineStyle, around: background(el)};
        el.blur();
        return found;
    });
}"""


@pytest.mark.parametrize("view", VIEWS, ids=view_id)
def test_one_focus_ring_for_every_block_with_3_to_1_contrast(views, view):
    """WCAG 2.2 focus appearance: the ring contrasts 3:1 with what surrounds it; and a
    learner moving between the blocks of a unit meets one focus style, not three."""
    rings = []
    for path, selectors in FOCUSABLE.items():
        page = views(path, *view)
        page.keyboard.press("Tab")  # a keyboard user: programmatic focus shows the ring too
        rings.extend(page.evaluate(MEASURE_FOCUS, selectors))
    assert [ring["selector"] for ring in rings if not ring["visible"]] == []
    faint = [
        (ring["selector"], ring["colour"], round(contrast_ratio(ring["colour"], ring["around"]), 2))
        for ring in rings
        if ring["style"] != "solid"
        or float(ring["width"][:-2]) < 2
        or contrast_ratio(ring["colour"], ring["around"]) < 3
    ]
    assert faint == []
    assert {(ring["colour"], ring["width"], ring["style"]) for ring in rings} == {
        ("rgb(11, 83, 148)", "3px", "solid")
    }


OVERFLOW = """(card) => {
    const found = [];
    document.querySelectorAll(card).forEach((box) => {
        const outer = box.getBoundingClientRect();
        box.querySelectorAll('input, textarea, select, button, label').forEach((el) => {
            const inner = el.getBoundingClientRect();
            if (inner.width && (inner.left < outer.left - 0.5 || inner.right > outer.right + 0.5)) {
                found.push([el.outerHTML.slice(0, 80), inner.left - outer.left,
                    outer.right - inner.right]);
            }
        });
    });
    return found;
}"""


@pytest.mark.parametrize("view", VIEWS, ids=view_id)
def test_no_answer_box_or_control_overflows_its_card(views, view):
    assert views(QUIZ, *view).evaluate(OVERFLOW, ".seminar-quiz__question") == []
    assert views(FAQ, *view).evaluate(OVERFLOW, ".faq-ask, .faq-search") == []
    page = views(LECTURE, *view)
    assert page.evaluate(OVERFLOW, ".seminar-lecture__completion, .seminar-lecture__video") == []
    assert page.evaluate("document.documentElement.scrollWidth") <= view[1]


# Elements holding author text (English here), and elements holding the block's own words.
AUTHORED = {
    LECTURE: [
        ".seminar-lecture__title",
        ".seminar-lecture__body p",
        ".seminar-lecture__body td",
        ".seminar-lecture__objectives li",
        ".seminar-lecture__takeaways li",
        ".seminar-lecture__speakers li",
        ".seminar-lecture__toc a",
        ".seminar-lecture__transcript-text p",
        ".seminar-lecture__handouts a",
    ],
    COURSE_LECTURE: [".seminar-lecture__title", ".seminar-lecture__body p"],
    QUIZ: [
        ".seminar-quiz__title",
        ".seminar-quiz__prompt-text",
        ".seminar-quiz__choice:not(:has(input[name$=government-role])) label",
        ".seminar-quiz__hint-list",
        ".seminar-quiz__feedback",
        ".seminar-quiz__explanation > div",
        ".seminar-quiz__answer bdi",
    ],
    FAQ: [
        ".faq-toggle span",
        ".faq-answer",
        ".faq-category h3",
        ".faq-nav a",
        ".faq-related + ul a",
    ],
}
# The source of a scenario's block, as a translation's path (a translated block reads it).
TRANSLATED = {COURSE_LECTURE: "courses/lectures/{lang}/d1-l1-ecosystem.md"}
OWN_WORDS = {
    LECTURE: [".seminar-lecture__meta", ".seminar-lecture__toc h3", "[data-action=complete]"],
    COURSE_LECTURE: [".seminar-lecture__meta"],
    QUIZ: [
        ".seminar-quiz__number",
        ".seminar-quiz__note strong",
        ".seminar-quiz__explanation .seminar-quiz__label",
        "[data-action=submit]",
    ],
    FAQ: [
        "label[for$='-q']",
        ".faq-ask h3",
        "#entry-what-is-cross-border-ecommerce .faq-tags li:last-child",
    ],
}
LANGUAGES_OF = """(selectors) => selectors.map((selector) => {
    const found = [...document.querySelectorAll(selector)];
    return [selector, found.length, [...new Set(found.map(
        (el) => (el.closest('[lang]') || {}).lang))]];
})"""


@pytest.mark.parametrize("path", list(AUTHORED), ids=lambda path: path.split("/")[2])
@pytest.mark.parametrize("view", VIEWS, ids=view_id)
def test_author_text_carries_the_language_it_is_written_in(views, view, path):
    """The seminar is written in English: in the Arabic view its text is still lang="en"
    (a screen reader reads it with an English voice) unless the block is translated into
    Arabic, then it is all lang="ar" (#19); the block's own words are Arabic."""
    page = views(path, *view)
    translated = TRANSLATED.get(path, "").format(lang=view[0])
    content = view[0] if translated and (default_root() / translated).is_file() else "en"
    for words, expected in ((AUTHORED[path], content), (OWN_WORDS[path], view[0])):
        wrong = [
            (selector, count, languages)
            for selector, count, languages in page.evaluate(LANGUAGES_OF, words)
            if not count or languages != [expected]
        ]
        assert wrong == [], f"expected lang={expected}"


PROMPT_LINES = """() => [...document.querySelectorAll('.seminar-quiz__prompt-text')].map((el) => {
    const range = document.createRange();
    range.selectNodeContents(el);
    const line = range.getClientRects()[0];
    const card = el.closest('fieldset');
    const start = card.getBoundingClientRect().left + card.clientLeft +
        parseFloat(getComputedStyle(card).paddingLeft);
    return [getComputedStyle(el).direction, Math.round(line.left - start)];
})"""
CONTENT_DIRECTIONS = """() => [...document.querySelectorAll(
    '.seminar-quiz__prompt-text, .seminar-quiz__choice:not(:has([name$=government-role])), ' +
    '.seminar-quiz__feedback, .seminar-quiz__explanation > div, .seminar-quiz__hint-list'
)].map((el) => getComputedStyle(el).direction)"""


@pytest.mark.parametrize("view", VIEWS, ids=view_id)
def test_english_questions_keep_their_own_direction_in_an_arabic_quiz(views, view):
    """English text laid out left to right and starting at the left edge, not right-aligned
    with its punctuation on the wrong side; the quiz's own Arabic words stay right to left."""
    page = views(QUIZ, *view)
    assert set(page.evaluate(CONTENT_DIRECTIONS)) == {"ltr"}
    lines = page.evaluate(PROMPT_LINES)
    assert lines and all(direction == "ltr" and offset <= 1 for direction, offset in lines), lines
    number = page.locator(".seminar-quiz__number").first
    assert number.evaluate("el => getComputedStyle(el).direction") == (
        "rtl" if view[0] == "ar" else "ltr"
    )


@pytest.mark.parametrize("view", VIEWS, ids=view_id)
def test_a_wide_table_is_a_named_region_as_in_the_faq(views, view):
    """A keyboard user tabs onto the scrolling table: a screen reader says what it is."""
    name = translation_for(view[0]).gettext("Table (scrolls sideways)")
    table = views(LECTURE, *view).locator(".seminar-lecture__table")
    assert table.count() == 1
    assert table.get_attribute("tabindex") == "0"
    assert table.get_attribute("role") == "region"
    assert table.get_attribute("aria-label") == name
