"""The controls learners meet by keyboard (issue #18): the lecture's completion control, a
closed quiz, unanswered questions, a hint, the staff statistics. In English and Arabic, at
1280 and 360 px; each test is one learner's short journey."""

import re
import uuid

import pytest
from playwright.sync_api import expect

from xblocks.common.i18n import translation_for
from xblocks.common.l10n import format_list

from .conftest import VIEWS, view_id

LECTURE = "/scenario/seminar_lecture.0/"
QUIZ = "/scenario/seminar_quiz.0/"
ONE_ATTEMPT = "/scenario/seminar_quiz.4/"
LIVE = "[aria-live]:not([aria-live=off]), [role=status], [role=alert], [role=log]"


def open_as(browser, live_server, view, path, student=None, context=None):
    lang, width = view
    if context is None:
        context = browser.new_context(
            base_url=live_server, viewport={"width": width, "height": 800}
        )
    page = context.new_page()
    page.goto(f"{path}?student={student or 'learner_' + uuid.uuid4().hex[:8]}&lang={lang}")
    page.wait_for_load_state("networkidle")
    return page


@pytest.fixture
def journey(browser, live_server):
    """`start(view, path, student=None)`: a page of its own; closed after the test."""
    contexts = []

    def start(view, path, student=None, beside=None):
        page = open_as(browser, live_server, view, path, student, beside and beside.context)
        contexts.append(page.context)
        return page

    yield start
    for context in contexts:
        context.close()


def _(view, domain="django"):
    return translation_for(view[0], domain)


# Counts every text a live region of the lecture says, from the page's first script on.
COUNT_ANNOUNCEMENTS = """() => {
    window.said = [];
    document.querySelectorAll('.seminar-lecture [role=status], .seminar-lecture [role=alert]')
        .forEach((region) => new MutationObserver(() => {
            if (region.textContent.trim()) { window.said.push(region.textContent.trim()); }
        }).observe(region, {childList: true, characterData: true, subtree: true}));
}"""


@pytest.mark.parametrize("view", VIEWS, ids=view_id)
def test_mark_as_complete_stays_for_the_keyboard_as_a_completed_state(journey, view):
    """Tabbing through the lecture scrolls its end into view, which completes it: the control
    the learner was heading for is still there, says "Completed", keeps the focus, and the
    completion is announced once."""
    page = journey(view, LECTURE)
    page.evaluate(COUNT_ANNOUNCEMENTS)
    control = page.locator(".seminar-lecture [data-action=complete]")
    for _press in range(150):
        page.keyboard.press("Tab")
        if control.evaluate("el => el === document.activeElement"):
            break
    else:
        pytest.fail("Tab never reached the completion control: it vanished on the way")
    completed = _(view).gettext("Completed")
    if control.get_attribute("aria-disabled") != "true":
        page.keyboard.press("Enter")  # not completed by scrolling: the learner presses it
    expect(control).to_have_text(completed)
    expect(control).to_be_focused()
    expect(control).to_have_attribute("aria-disabled", "true")
    page.keyboard.press("Enter")  # pressing a completed control changes nothing
    message = _(view).gettext("You have completed this lecture.")
    expect(page.locator(".seminar-lecture [data-status]")).to_have_text(message)
    page.wait_for_timeout(300)
    assert page.evaluate("window.said") == [message]
    page.reload()
    page.wait_for_load_state("networkidle")
    expect(control).to_have_text(completed)
    expect(control).to_be_visible()


def submit_anyway(page, quiz):
    """Submit, past the warning about unanswered questions."""
    quiz.locator("[data-action=submit]").click()
    with page.expect_response(re.compile(r"/submit/")):
        quiz.locator("[data-action=submit]").click()


def answer(question):
    """Answer a question of any type (its first choice, or a number)."""
    field = question.locator("input").first
    if field.get_attribute("type") == "text":
        field.fill("7")
    else:
        field.check()


@pytest.mark.parametrize("view", VIEWS, ids=view_id)
def test_a_closed_quiz_locks_its_inputs_visibly_and_for_assistive_technology(journey, view):
    """The last attempt is used (here: in another window of the same learner): every input
    is disabled, looks it, and the window that still showed an open quiz locks too."""
    student = f"closing_{uuid.uuid4().hex[:8]}"
    first = journey(view, ONE_ATTEMPT, student)
    second = journey(view, ONE_ATTEMPT, student, beside=first)
    quiz = first.locator(".seminar-quiz")
    quiz.locator("input[type=text]").first.fill("132")
    open_label = quiz.locator(".seminar-quiz__choice label").first.evaluate(
        "el => getComputedStyle(el).color"
    )
    submit_anyway(first, quiz)
    closed = _(view).gettext("This quiz is closed: you have used all your attempts.")
    for page in (first, second):
        if page is second:
            submit_anyway(second, second.locator(".seminar-quiz"))  # refused: closed in `first`
            expect(second.locator("[data-error]")).to_have_text(closed)
        quiz = page.locator(".seminar-quiz")
        inputs = quiz.locator("form input")
        assert inputs.count() == 11
        for index in range(inputs.count()):
            expect(inputs.nth(index)).to_be_disabled()
        expect(quiz.locator("[data-action=submit]")).to_be_disabled()
        expect(quiz.locator("[data-action=reset]")).to_be_hidden()
        label = quiz.locator(".seminar-quiz__choice label").first
        assert label.evaluate("el => getComputedStyle(el).color") != open_label
        assert label.evaluate("el => getComputedStyle(el).cursor") == "not-allowed"


@pytest.mark.parametrize("view", VIEWS, ids=view_id)
def test_unanswered_questions_are_marked_where_they_are(journey, view):
    """Submit with questions left out: each says so itself (an inline message its inputs
    point to, aria-invalid), and the summary lists their numbers as the locale lists."""
    page = journey(view, QUIZ)
    quiz = page.locator(".seminar-quiz")
    questions = quiz.locator("fieldset")
    answer(questions.nth(1))  # questions are shuffled: whichever is second on the page
    quiz.locator("[data-action=submit]").click()
    numbers = format_list(["1", "3", "4", "5"], view[0])
    summary = _(view, "djangojs").ngettext(
        "You have not answered question %(numbers)s. Select Submit again to submit anyway.",
        "You have not answered questions %(numbers)s. Select Submit again to submit anyway.",
        4,
    )
    expect(quiz.locator("[data-error]")).to_have_text(summary.replace("%(numbers)s", numbers))
    if view[0] == "ar":
        assert ", " not in quiz.locator("[data-error]").inner_text()  # not a Latin-comma join
    not_yet = _(view, "djangojs").gettext("Not answered yet.")
    for index in range(5):
        question = questions.nth(index)
        problem = question.locator("[data-problem]")
        inputs = question.locator("input")
        if index == 1:
            expect(problem).to_be_hidden()
            assert inputs.first.get_attribute("aria-invalid") is None
            continue
        expect(problem).to_have_text(not_yet)
        expect(problem).to_be_visible()
        for number in range(inputs.count()):
            expect(inputs.nth(number)).to_have_attribute("aria-invalid", "true")
            described = inputs.nth(number).get_attribute("aria-describedby").split()
            assert problem.get_attribute("id") in described
    answer(questions.nth(0))
    expect(questions.nth(0).locator("[data-problem]")).to_be_hidden()
    assert questions.nth(0).locator("input").first.get_attribute("aria-invalid") is None


@pytest.mark.parametrize("view", VIEWS, ids=view_id)
def test_a_hint_is_said_once_where_the_focus_goes(journey, view):
    page = journey(view, QUIZ)
    button = page.locator(".seminar-quiz [data-action=hint]").first
    button.focus()
    with page.expect_response(re.compile(r"/hint/")):
        page.keyboard.press("Enter")
    hint = page.locator(".seminar-quiz [data-hints] li").first
    expect(hint).to_be_focused()
    # Not also read by a live region around it: that would say it twice.
    assert hint.evaluate(f"el => el.closest({LIVE!r})") is None


@pytest.mark.parametrize("view", VIEWS, ids=view_id)
def test_staff_statistics_open_and_close_and_are_not_read_out_at_once(journey, view):
    page = journey(view, QUIZ, f"staff_stats_{uuid.uuid4().hex[:6]}")
    quiz = page.locator(".seminar-quiz")
    button = quiz.locator("[data-action=stats]")
    region = quiz.locator("[data-stats]")
    expect(button).to_have_attribute("aria-expanded", "false")
    assert button.get_attribute("aria-controls") == region.get_attribute("id")
    button.focus()
    page.keyboard.press("Enter")
    expect(button).to_have_attribute("aria-expanded", "true")
    expect(region).to_be_visible()
    expect(button).to_have_text(_(view).gettext("Hide statistics"))
    assert region.evaluate(f"el => el.closest({LIVE!r})") is None
    assert region.locator(LIVE).count() == 0
    # One short sentence is said; the numbers are read at the learner's own pace.
    status = quiz.locator("[data-stats-status]")
    expect(status).to_have_text(_(view).gettext("The statistics are shown below the button."))
    # The seminar's English prompts and choices keep their language and direction.
    for text in region.locator(".seminar-quiz__stats-prompt, li bdi").all():
        assert text.evaluate("el => [el.lang, getComputedStyle(el).direction]") == ["en", "ltr"]
    page.keyboard.press("Enter")
    expect(button).to_have_attribute("aria-expanded", "false")
    expect(region).to_be_hidden()
    expect(button).to_be_focused()
