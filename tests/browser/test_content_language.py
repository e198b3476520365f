"""An Arabic and a French learner read the seminar in their language (#19): right to left
for Arabic, axe 0 in each, the content-language menu switches every block and back, and a
quiz draft survives the switch. Uses the course's own translations (courses/*/<lang>/)."""

import pytest

from xblocks.course.sources import default_root

from .conftest import assert_accessible

LECTURE = "/scenario/course.01.01/"  # Day 1, lecture 1 (d1-l1-ecosystem)
QUIZ = "/scenario/course.01.02/"  # its quiz
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
