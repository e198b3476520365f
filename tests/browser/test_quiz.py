"""A learner takes the quiz in Chromium, by mouse and by keyboard; an author edits it.

Each test is its own learner (`?student=<unique>`), so state never leaks between tests.
"""

import re
import time
import urllib.error
import urllib.request
import uuid

import pytest
from lxml import etree
from playwright.sync_api import expect

from xblocks.common.i18n import translation_for
from xblocks.quiz.scenarios import SCENARIOS

from .conftest import assert_accessible, screenshot

DEMO = "/scenario/seminar_quiz.0/"
PRACTICE = "/scenario/seminar_quiz.2/"
RIGHT_CHOICE = (
    "The buyer and the seller are in different customs territories, "
    "and the goods cross the border to reach the buyer"
)
WRONG_CHOICE = "The seller uses a foreign website design company"
PARTS = ("Payment services", "Logistics and warehousing", "Customs and regulators")


@pytest.fixture(autouse=True, scope="module")
def _scenarios_loaded(live_server):
    """Wait until the dev server has loaded the quiz scenarios.

    The workbench fills its scenario list on the first request, while later requests may
    already be served, so a unit can 404 for a moment after the server answers "/".
    """
    deadline = time.monotonic() + 60
    while True:
        try:
            with urllib.request.urlopen(live_server + DEMO + "?student=warm-up", timeout=10):
                return
        except (urllib.error.URLError, TimeoutError):
            if time.monotonic() > deadline:
                raise
            time.sleep(0.5)


def secrets_of(xml):
    """The opening words of every feedback and explanation in a scenario."""
    root = etree.fromstring(xml.strip())
    texts = [node.text for node in root.iter("feedback", "explanation")]
    return {" ".join(text.split()[:5]) for text in texts if len(text.split()) >= 5}


def learner(prefix):
    return f"{prefix}-{uuid.uuid4().hex[:8]}"


def open_unit(page, path, student, lang=None):
    # The dev server has no favicon; answering it keeps the console free of that 404.
    page.route("**/favicon.ico", lambda route: route.fulfill(status=204, body=""))
    query = f"?student={student}" + (f"&lang={lang}" if lang else "")
    page.goto(path + query)
    page.wait_for_load_state("networkidle")
    return page.locator(".seminar-quiz").first


def english(text):
    return text


def answer_all(quiz, right, _=english):
    """Answer the demo quiz; `_` gives the UI's labels in the page's language."""
    quiz.get_by_label(RIGHT_CHOICE if right else WRONG_CHOICE).check()
    for part in PARTS:
        quiz.get_by_label(part, exact=True).set_checked(right)
    quiz.get_by_label("A single world currency").set_checked(not right)
    quiz.get_by_label(_("False") if right else _("True"), exact=True).check()
    quiz.get_by_label(_("Your answer (a number)")).fill("132" if right else "100")
    quiz.get_by_label(_("Your answer"), exact=True).fill("escrow" if right else "deposit")


def submit_and_wait(page, quiz, _=english):
    with page.expect_response(re.compile(r"/handler/.*/submit/")) as response:
        quiz.get_by_role("button", name=_("Submit")).click()
    assert response.value.status == 200
    # quiz.js renders the result, then moves focus to the status line.
    expect(quiz.locator("[data-status]")).to_be_focused()


def assert_clean(page):
    assert page.watch.console_errors == []
    assert page.watch.outside_requests == []


def test_a_learner_answers_wrong_then_right_and_sees_feedback_and_score(page):
    quiz = open_unit(page, DEMO, learner("mouse"))
    assert_accessible(page)
    answer_all(quiz, right=False)
    submit_and_wait(page, quiz)
    status = quiz.locator("[data-status]")
    assert "Your best score: 0 / 5" in status.inner_text()
    assert "You have 2 attempts left." in status.inner_text()
    assert quiz.locator(".seminar-quiz__verdict").first.inner_text().endswith("Incorrect")
    assert quiz.locator(".seminar-quiz__explanation").count() == 0
    assert_accessible(page)

    answer_all(quiz, right=True)
    submit_and_wait(page, quiz)
    assert "Your best score: 5 / 5" in status.inner_text()
    assert quiz.locator(".seminar-quiz__verdict", has_text="Correct").count() == 5
    assert quiz.get_by_text("Correct: that is the definition used in the lecture.").is_visible()
    assert quiz.locator(".seminar-quiz__explanation").count() == 5
    assert quiz.locator(".seminar-quiz__explanation strong", has_text="currency").is_visible()
    assert_accessible(page)
    assert_clean(page)


def test_the_quiz_works_by_keyboard_alone(page):
    quiz = open_unit(page, DEMO, learner("keys"))
    wanted = {RIGHT_CHOICE, *PARTS, "False"}
    typed = {"Your answer (a number)": "132", "Your answer": "escrow"}
    hint_used = False
    for _ in range(80):
        page.keyboard.press("Tab")
        focused = page.evaluate(
            """() => {
                const el = document.activeElement;
                const label = el.labels && el.labels[0] ? el.labels[0].innerText.trim() : '';
                return {tag: el.tagName, type: el.type || '', label: label,
                        text: el.innerText || '', checked: !!el.checked,
                        action: el.getAttribute('data-action') || ''};
            }"""
        )
        if focused["type"] == "radio":
            for _ in range(4):  # arrow keys move (and check) within a radio group
                label = page.evaluate("() => document.activeElement.labels[0].innerText.trim()")
                if label in wanted:
                    break
                page.keyboard.press("ArrowDown")
            if not page.evaluate("() => document.activeElement.checked"):
                page.keyboard.press("Space")
        elif focused["type"] == "checkbox" and (focused["label"] in wanted) != focused["checked"]:
            page.keyboard.press("Space")
        elif focused["type"] == "text":
            page.keyboard.type(typed[focused["label"]])
        elif focused["action"] == "hint" and not hint_used:
            page.keyboard.press("Enter")
            quiz.locator("[data-hints] li").first.wait_for()
            hint_used = True
        elif focused["action"] == "submit":
            with page.expect_response(re.compile(r"/submit/")):
                page.keyboard.press("Enter")
            break
    else:
        pytest.fail("never reached the Submit button by Tab")
    quiz.locator("[data-status]", has_text="5 / 5").wait_for()
    assert page.evaluate("() => document.activeElement.hasAttribute('data-status')")
    assert hint_used
    assert_accessible(page)
    assert_clean(page)


def test_drafts_survive_a_reload(page):
    student = learner("draft")
    quiz = open_unit(page, DEMO, student)
    with page.expect_response(re.compile(r"/save_draft/")):
        quiz.get_by_label("Your answer (a number)").fill("131")
    quiz.get_by_text("Draft saved").wait_for()
    quiz = open_unit(page, DEMO, student)
    assert quiz.get_by_label("Your answer (a number)").input_value() == "131"
    assert_clean(page)


def test_no_answer_reaches_the_browser_before_the_policy_allows(page):
    responses = []
    page.on("response", lambda response: responses.append(response))
    quiz = open_unit(page, DEMO, learner("snoop"))
    quiz.get_by_role("button", name="Show hint 1 of 1").first.click()
    quiz.locator("[data-hints] li").first.wait_for()
    answer_all(quiz, right=False)
    submit_and_wait(page, quiz)
    received = [page.content()]
    for response in responses:
        try:
            received.append(response.text())
        except Exception:  # redirects and aborted requests have no body
            continue
    everything = "\n".join(received)
    secrets = secrets_of(SCENARIOS[0][1])
    assert secrets and [secret for secret in secrets if secret in everything] == []
    assert '"correct": [' not in everything and '"feedback"' not in everything
    answer_all(quiz, right=True)
    submit_and_wait(page, quiz)
    assert any(secret in page.content() for secret in secrets)  # the check can see them


def test_arabic_right_to_left_view(page):
    arabic = translation_for("ar").gettext
    quiz = open_unit(page, DEMO, learner("rtl"), lang="ar")
    assert quiz.get_attribute("dir") == "rtl" and quiz.get_attribute("lang") == "ar"
    assert_accessible(page)
    answer_all(quiz, right=False, _=arabic)
    submit_and_wait(page, quiz, _=arabic)
    status = quiz.locator("[data-status]").inner_text()
    assert arabic("Your best score") in status and "0 / 5" in status
    assert_accessible(page)
    screenshot(page, "quiz-arabic-rtl")
    assert_clean(page)


def test_readable_at_320_pixels(page):
    page.set_viewport_size({"width": 320, "height": 640})
    quiz = open_unit(page, DEMO, learner("narrow"))
    answer_all(quiz, right=False)
    submit_and_wait(page, quiz)
    assert page.evaluate("() => document.documentElement.scrollWidth") <= 320
    assert_accessible(page)


def test_staff_see_statistics(page):
    open_unit(page, DEMO, learner("crowd"))
    quiz = open_unit(page, DEMO, learner("learner"))
    assert quiz.get_by_text("Statistics (course staff only)").count() == 0
    quiz = open_unit(page, DEMO, learner("staff_viewer"))
    quiz.get_by_role("button", name="Show statistics").click()
    quiz.get_by_text("Learners who submitted").wait_for()
    assert quiz.locator(".seminar-quiz__stats > li").count() == 5
    assert_accessible(page)
    assert_clean(page)


def test_staff_read_the_item_analysis_after_learners_answered(page):
    """Ten learners answer (some right, some wrong); staff open the analysis: a table with
    headers, a chart with a title and a description, a CSV only staff may download."""
    for number in range(10):
        quiz = open_unit(page, DEMO, learner(f"analysed{number}"))
        answer_all(quiz, right=number % 3 != 0)
        if number % 2:
            quiz.get_by_label("Your answer (a number)").fill("100")
        submit_and_wait(page, quiz)
    csv_url = page.evaluate(
        "() => location.origin + location.pathname.replace(/\\/scenario\\/.*/, '')"
    )
    quiz = open_unit(page, DEMO, learner("staff_analyst"))
    quiz.get_by_role("button", name="Show statistics").click()
    analysis = quiz.locator(".seminar-quiz__analysis")
    analysis.get_by_role("heading", name="Item analysis (first attempts)").wait_for()
    table = analysis.locator("table").first
    assert "each question over the learners who saw it" in table.locator("caption").inner_text()
    assert table.locator("thead th[scope=col]").count() == 7
    assert table.locator("tbody th[scope=row]").count() == 5
    assert "Cronbach's alpha" in analysis.locator("dl").inner_text()
    chart = analysis.locator("svg[role=img]")
    labelled = chart.get_attribute("aria-labelledby").split()
    assert chart.locator(f"#{labelled[0]}").text_content().startswith("Facility and discrimination")
    assert "The table above gives the same figures" in chart.locator("desc").text_content()
    link = analysis.get_by_role("link", name="Download the item analysis (CSV)")
    href = link.get_attribute("href")
    download = page.request.get(href if href.startswith("http") else csv_url + href)
    assert download.status == 200 and download.headers["content-type"].startswith("text/csv")
    assert download.text().lstrip("\ufeff").startswith("Row,Question ID,Question")
    screenshot(page, "quiz-item-analysis")
    assert_accessible(page)
    assert_clean(page)
    assert "student=" in href  # the workbench's user; Open edX's is the session's
    as_learner = re.sub(r"student=[^&]+", "student=" + learner("learner"), href)
    assert (
        page.request.get(as_learner if href.startswith("http") else csv_url + as_learner).status
        == 403
    )


def studio(page, lang=None):
    page.route("**/favicon.ico", lambda route: route.fulfill(status=204, body=""))
    page.goto(PRACTICE + "studio_view/?student=staff_author" + (f"&lang={lang}" if lang else ""))
    page.wait_for_load_state("networkidle")
    return page.locator(".seminar-quiz-studio")


def save(page, editor):
    with page.expect_response(re.compile(r"/studio_submit/")) as response:
        editor.get_by_role("button", name="Save").click()
    return response.value.status


def test_an_author_edits_a_question_and_the_learner_sees_it(page):
    editor = studio(page)
    assert_accessible(page)
    prompt = f"Who holds the money in escrow? ({uuid.uuid4().hex[:6]})"
    editor.get_by_label("Question text").first.fill(prompt)
    assert save(page, editor) == 200
    quiz = open_unit(page, PRACTICE, learner("after-edit"))
    assert quiz.get_by_text(prompt).is_visible()
    assert_clean(page)


def test_the_editor_shows_problems_next_to_their_fields_and_saves_nothing(page):
    editor = studio(page)
    editor.get_by_role("button", name="Add a question").click()
    assert editor.locator(".sqs-question").count() == 3
    assert save(page, editor) == 400
    # The summary is written once the response is handled: wait for it, not for the response.
    expect(editor.locator("[data-summary]")).to_contain_text("Nothing was saved")
    third = editor.locator(".sqs-question").nth(2)
    prompt = third.get_by_label("Question text")
    assert prompt.get_attribute("aria-invalid") == "true"
    described = prompt.get_attribute("aria-describedby")
    assert "write the question text" in editor.locator(f"#{described}").inner_text()
    assert_accessible(page)
    third.get_by_role("button", name="Remove question").click()
    editor.locator(".sqs-question").nth(1).get_by_role("button", name="Move question up").click()
    assert editor.locator(".sqs-question").count() == 2
    assert "single window" in editor.get_by_label("Question text").first.input_value()


def test_the_text_mode_reports_errors_by_line(page):
    editor = studio(page)
    with page.expect_response(re.compile(r"/studio_text/")):
        editor.get_by_label("As text (the quizzes/ format)").check()
    text = editor.get_by_label("Quiz text")
    assert text.input_value().startswith("title: ")
    text.fill(text.input_value().replace(">>", "?? ", 1))
    assert save(page, editor) == 400
    assert re.search(r"Line \d+:", editor.locator("[data-summary]").inner_text())
    assert_accessible(page)
    with page.expect_response(re.compile(r"/studio_parse/")):
        editor.get_by_label("With the form").check()
    assert editor.get_by_label("Quiz text").is_visible()  # still in text mode: it did not parse


def test_the_editor_in_arabic(page):
    editor = studio(page, lang="ar")
    assert editor.get_attribute("dir") == "rtl"
    assert_accessible(page)


def test_an_author_adds_a_numeric_question_and_removes_it_again(page):
    editor = studio(page)
    editor.get_by_role("button", name="Add a question").click()
    added = editor.locator(".sqs-question").last
    added.get_by_label("Question id (keep it when you edit)").fill("added-number")
    assert added.get_by_label("Correct number").is_hidden()
    assert added.get_by_label("Choice text").first.is_visible()
    added.get_by_label("Type").select_option("numeric")
    assert added.get_by_label("Choice text").first.is_hidden()
    assert added.get_by_label(
        "Accepted answers, one a line (case and spaces are ignored)"
    ).is_hidden()
    added.get_by_label("Question text").fill("How many comprehensive pilot zones in 2022?")
    added.get_by_label("Correct number").fill("132")
    added.get_by_label("Explanation (Markdown), shown with the answers").fill("132 zones.")
    assert save(page, editor) == 200
    quiz = open_unit(page, PRACTICE, learner("sees-added"))
    assert quiz.get_by_text("How many comprehensive pilot zones in 2022?").is_visible()
    editor = studio(page)
    editor.locator(".sqs-question").last.get_by_role("button", name="Remove question").click()
    assert save(page, editor) == 200
    assert_clean(page)
