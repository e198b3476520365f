"""Script-breakout text in every author field of a quiz, and in a learner's own response,
checked in Chromium: nothing runs, and the quiz still works.

The scenario `seminar_quiz.3` (xblocks/quiz/scenarios.py) puts
`</script><script>alert(...)</script>` in the title, prompts, a choice, a hint, feedback,
an explanation and a text answer, with answers shown at once. The workbench writes init
args unescaped into a <script> element, so any of that text in them would run.
"""

import uuid

from playwright.sync_api import expect

from .test_lecture import watch_console

HOSTILE = "/scenario/seminar_quiz.3/"
ALTERNATIVE = "</script><script>alert('alternative')</script>"
RESPONSE = "</script><script>alert('response')</script>"
# Scripts that would run (not JSON data) and mention alert: injected ones.
INJECTED = """() => Array.from(document.scripts)
    .filter(s => !['application/json', 'json/xblock-args'].includes(s.type))
    .filter(s => s.textContent.includes('alert')).length"""


def watch_dialogs(page):
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    return dialogs


def open_hostile(page, student, view=""):
    page.route("**/favicon.ico", lambda route: route.fulfill(status=204, body=""))
    page.goto(f"{HOSTILE}{view}?student={student}")
    page.wait_for_load_state("networkidle")


def test_author_text_stays_inert_for_learners_and_staff(page):
    console_errors = watch_console(page)
    dialogs = watch_dialogs(page)
    for student in (f"learner_{uuid.uuid4().hex[:8]}", f"staff_{uuid.uuid4().hex[:8]}"):
        open_hostile(page, student)
        quiz = page.locator(".seminar-quiz")
        expect(quiz.locator("h2")).to_contain_text("alert('title')")  # shown as text
        assert (dialogs, page.evaluate(INJECTED)) == ([], 0)
        # The quiz's JS read its state and shows the answer as text: it is alive.
        expect(quiz.locator(".seminar-quiz__answer")).to_contain_text(ALTERNATIVE)
    assert dialogs == []
    assert console_errors == []


def test_a_learners_own_response_stays_inert_after_submit_and_reload(page):
    dialogs = watch_dialogs(page)
    student = f"learner_{uuid.uuid4().hex[:8]}"
    open_hostile(page, student)
    quiz = page.locator(".seminar-quiz")
    quiz.get_by_label("Your answer", exact=True).fill(RESPONSE)
    quiz.get_by_label("Plain text").check()
    with page.expect_response(lambda response: "/submit/" in response.url) as response:
        quiz.locator("[data-action=submit]").click()
    assert response.value.status == 200
    expect(quiz.locator("[data-result]").first).to_contain_text("Incorrect")
    open_hostile(page, student)  # the response now comes with the page
    expect(quiz.get_by_label("Your answer", exact=True)).to_have_value(RESPONSE)
    assert page.evaluate(INJECTED) == 0
    assert dialogs == []


def test_the_editor_shows_author_text_as_values(page):
    dialogs = watch_dialogs(page)
    open_hostile(page, f"staff_{uuid.uuid4().hex[:8]}", "studio_view/")
    editor = page.locator(".seminar-quiz-studio")
    expect(editor.locator("[data-setting=display_name]")).to_have_value(
        "Hostile text </script><script>alert('title')</script>"
    )
    expect(editor.locator('[data-field="answer.alternatives"]').first).to_have_value(ALTERNATIVE)
    assert page.evaluate(INJECTED) == 0
    assert dialogs == []
