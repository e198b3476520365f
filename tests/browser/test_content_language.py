"""Learners read the seminar in their language (#19, #20): one journey a language (the
lecture, a search of the FAQ, a graded quiz, axe 0 on each), right to left for Arabic, the
content-language menu switches every block and back, a quiz draft survives the switch, and
Russian counts take their three plural forms. Uses the course's own translations
(courses/*/<lang>/)."""

import re

import pytest
from playwright.sync_api import expect

from xblocks.common.i18n import content_attributes, translation_for
from xblocks.course.reading import course_in
from xblocks.course.sources import default_root, load_course

from .conftest import assert_accessible

LECTURE = "/scenario/course.01.01/"  # Day 1, lecture 1 (d1-l1-ecosystem)
QUIZ = "/scenario/course.01.02/"  # its quiz
FAQ = "/scenario/course.06.01/"  # the seminar's 74 entries
TITLE = ".seminar-lecture__title"


def translated(path):
    if not (default_root() / path).is_file():
        pytest.skip(f"{path} is not translated yet")


def open_page(page, path, student, lang):
    page.goto(f"{path}?student={student}&lang={lang}")
    page.wait_for_load_state("networkidle")


def switch_to(page, language):
    with page.expect_navigation():
        page.locator("[data-seminar-language] select").select_option(language)
        page.locator("[data-seminar-language] button").click()
    page.wait_for_load_state("networkidle")


def test_an_arabic_learner_reads_the_lecture_right_to_left_and_switches_to_english_and_back(
    page,
):
    translated("courses/lectures/ar/d1-l1-ecosystem.md")
    open_page(page, LECTURE, "reader_ar", "ar")
    title = page.locator(TITLE)
    assert (title.get_attribute("lang"), title.get_attribute("dir")) == ("ar", "rtl")
    body = page.locator(".seminar-lecture__body p").first
    assert body.evaluate("e => getComputedStyle(e).direction") == "rtl"
    options = page.locator("[data-seminar-language] option")
    assert "العربية" in options.all_inner_texts() and "English" in options.all_inner_texts()
    assert page.locator(".seminar-language__note").count() == 1
    assert_accessible(page)
    switch_to(page, "en")
    assert (title.get_attribute("lang"), title.get_attribute("dir")) == ("en", "ltr")
    assert page.locator(".seminar-language__note").count() == 0
    assert_accessible(page)
    # The choice is the learner's, for every block: the quiz's page opens in English too.
    open_page(page, QUIZ, "reader_ar", "ar")
    assert page.locator(".seminar-quiz__prompt-text").first.get_attribute("lang") == "en"
    open_page(page, LECTURE, "reader_ar", "ar")
    switch_to(page, "ar")
    assert page.locator(TITLE).get_attribute("lang") == "ar"
    assert page.watch.console_errors == []


def test_a_french_learner_s_quiz_draft_survives_switching_to_english_and_back(page):
    translated("quizzes/fr/d1-l1-ecosystem.txt")
    open_page(page, QUIZ, "reader_fr", "fr")
    prompt = page.locator(".seminar-quiz__prompt-text").first
    assert prompt.get_attribute("lang") == "fr"
    french = prompt.inner_text()
    assert_accessible(page)
    first_choice = page.locator(".seminar-quiz__question").first.locator("input").nth(1)
    first_choice.check()
    switch_to(page, "en")
    assert prompt.get_attribute("lang") == "en" and prompt.inner_text() != french
    assert page.locator(".seminar-quiz__question").first.locator("input").nth(1).is_checked()
    switch_to(page, "fr")
    assert prompt.inner_text() == french
    assert page.locator(".seminar-quiz__question").first.locator("input").nth(1).is_checked()
    assert_accessible(page)
    assert page.watch.console_errors == []


# A query a learner of each language would type, and the entry it must find first.
SEARCHES = {
    "fr": ("zones pilotes", "what-is-a-pilot-zone"),
    "es": ("depósito en garantía", "what-is-escrow"),
    "ar": ("المناطق التجريبية", "what-is-a-pilot-zone"),
    "pt-br": ("zonas piloto", "what-is-a-pilot-zone"),
    "ru": ("пилотные зоны", "what-is-a-pilot-zone"),
    "zh-hans": ("保税区", "what-is-a-bonded-area"),
}
FOUND = ("%(count)s question found.", "%(count)s questions found.")
READING_TIME = (
    "Estimated reading time: {minutes} minute",
    "Estimated reading time: {minutes} minutes",
)


@pytest.fixture(scope="module")
def course():
    return load_course()


def expected_lang(language):
    """The lang attribute author text written in `language` carries (i18n.py)."""
    return re.search(r'lang="([^"]*)"', content_attributes(language)).group(1)


def answer_every_question_right(quiz, questions):
    for question in questions:
        fieldset = quiz.locator(f'fieldset[data-question="{question["id"]}"]')
        if question["choices"]:
            for choice in question["choices"]:
                # By its label: the input's value is a per-learner token (choice_tokens.py).
                fieldset.get_by_label(choice["text"], exact=True).set_checked(choice["correct"])
        else:
            fieldset.locator("input").fill(f"{question['answer']['value']:g}")


@pytest.mark.parametrize("language", SEARCHES)
def test_a_learner_reads_searches_and_is_graded_in_their_language(page, course, language):
    read = course_in(course, language)
    words, js_words = translation_for(language), translation_for(language, "djangojs")
    tag = expected_lang(language)
    student = f"journey_{language}"

    lecture = read.days[0].lectures[0].fields
    open_page(page, LECTURE, student, language)
    expect(page.locator(TITLE)).to_have_text(lecture["display_name"])
    assert page.locator(TITLE).get_attribute("lang") == tag
    body = page.locator(".seminar-lecture__body")
    assert body.get_attribute("lang") == tag
    reading_time = page.locator(".seminar-lecture__meta").inner_text()
    minutes = int(re.search(r"\d+", reading_time).group())
    assert minutes > 5, reading_time  # counted in characters where words have no spaces
    assert reading_time == words.ngettext(*READING_TIME, minutes).format(minutes=minutes)
    first_heading = re.search(r"^## (.+)$", lecture["body"], re.M).group(1)
    expect(body.locator("h3").first).to_have_text(first_heading)
    assert_accessible(page)

    query, first = SEARCHES[language]
    open_page(page, FAQ, student, language)
    faq = page.locator(".seminar-faq")
    assert faq.get_attribute("lang") == tag
    faq.locator("input[type=search]").fill(query)
    results = faq.locator("[data-faq-result-list] .faq-entry")
    expect(results.first).to_have_id(re.compile(f"-{first}$"))
    count = results.count()
    said = js_words.ngettext(*FOUND, count) % {"count": count}
    expect(faq.locator("[data-faq-status]")).to_have_text(said)
    assert_accessible(page)

    quiz_fields = read.days[0].quizzes[0].fields
    open_page(page, QUIZ, student, language)
    quiz = page.locator(".seminar-quiz")
    assert quiz.locator(".seminar-quiz__prompt-text").first.get_attribute("lang") == tag
    answer_every_question_right(quiz, quiz_fields["questions"])
    with page.expect_response(re.compile(r"/handler/.*/submit/")) as response:
        quiz.locator("[data-action=submit]").click()
    assert response.value.status == 200
    status = quiz.locator("[data-status]")
    expect(status).to_be_focused()
    earned, possible = re.search(r"(\d+) / (\d+)", status.inner_text()).groups()
    assert earned == possible != "0", status.inner_text()
    assert words.gettext("Your best score") in status.inner_text()
    left = words.ngettext("You have {n} attempt left.", "You have {n} attempts left.", 2)
    assert left.format(n=2) in status.inner_text()
    assert_accessible(page)
    assert page.watch.console_errors == []


def test_a_russian_learner_reads_counts_in_their_three_plural_forms(page):
    """1 вопрос, 2 вопроса, 5 вопросов: the page's catalog chooses among Russian's three
    forms (nplurals=3), not English's two."""
    open_page(page, FAQ, "plurals_ru", "ru")
    said = page.evaluate(
        "([one, many]) => [1, 2, 5].map(n => window.SeminarXBlocks.ngettext(one, many, n)"
        ".replace('%(count)s', n))",
        list(FOUND),
    )
    assert said == ["Найден 1 вопрос.", "Найдено 2 вопроса.", "Найдено 5 вопросов."]
