"""The FAQ block as learners, staff and authors meet it in Chromium: mouse, keyboard, RTL,
phones, print, accessibility (axe) in every state."""

import re
import uuid

import pytest
from playwright.sync_api import expect

from .conftest import assert_accessible, screenshot

FAQ = "/scenario/seminar_faq.0/"
SERVER_FAQ = "/scenario/seminar_faq.1/"
ESCROW = "#entry-what-is-escrow"


def learner(prefix="learner"):
    return f"{prefix}_{uuid.uuid4().hex[:8]}"


@pytest.fixture(autouse=True)
def _no_favicon(page):
    """The dev server has no favicon; Chromium's 404 for it is not the block's error."""
    page.route("**/favicon.ico", lambda route: route.fulfill(status=204, body=""))


def open_faq(page, student, path=FAQ, extra=""):
    page.goto(f"{path}?student={student}{extra}")
    page.wait_for_load_state("networkidle")
    return page.locator(".seminar-faq")


def assert_clean(page, expected_status=None):
    """No console errors (but Chromium's log line for a 4xx the test provoked on purpose)."""
    expected = f"the server responded with a status of {expected_status} "
    errors = [e for e in page.watch.console_errors if not (expected_status and expected in e)]
    assert errors == []
    assert page.watch.outside_requests == []


def handler_calls(page, name):
    calls = []
    page.on(
        "request", lambda request: calls.append(request.url) if f"/{name}/" in request.url else None
    )
    return calls


def test_learner_journey_with_the_mouse(page):
    student = learner()
    faq = open_faq(page, student)
    expect(faq.locator(".faq-a:visible")).to_have_count(0)
    assert_accessible(page)

    toggle = page.locator(f"{ESCROW} .faq-toggle")
    # The +/− sign is decoration: a screen reader says the question, not "plus".
    expect(toggle).to_have_accessible_name("What is escrow, and why does it build trust?")
    toggle.click()
    expect(toggle).to_have_attribute("aria-expanded", "true")
    expect(page.locator(f"{ESCROW} .faq-a")).to_be_visible()
    page.locator(f"{ESCROW} [data-vote=yes]").click()
    expect(page.locator(f"{ESCROW} [data-vote=yes]")).to_have_attribute("aria-pressed", "true")
    expect(page.locator(f"{ESCROW} .faq-vote-status")).to_have_text(
        "Thank you: your answer is saved."
    )
    assert_accessible(page)

    page.fill("input[type=search]", "payments")
    expect(faq.locator("[data-faq-status]")).to_have_text("3 questions found.")
    results = faq.locator("[data-faq-result-list] .faq-toggle")
    expect(results).to_have_text(
        [
            "How do payments work across borders?",
            "What is escrow, and why does it build trust?",
            "Which shipping options suit small parcels?",
        ]
    )
    expect(results.first.locator("mark.faq-hit")).to_have_text("payments")
    expect(faq.locator("[data-faq-browse]")).to_be_hidden()
    assert_accessible(page)

    page.fill("input[type=search]", "qwxz vbnm")
    expect(faq.locator("[data-faq-status]")).to_have_text("No question matches your search.")
    faq.get_by_role("button", name="Ask it as a new question").click()
    question = faq.locator("textarea[name=question]")
    expect(question).to_be_focused()
    expect(question).to_have_value("qwxz vbnm")
    question.fill(f"How do zebra crossings help parcel delivery? ({student})")
    faq.get_by_role("button", name="Send the question").click()
    expect(faq.locator("[data-faq-ask-status]")).to_have_text(
        "Thank you: your question was sent to the course staff."
    )
    expect(faq.locator("[data-faq-mine]")).to_contain_text("Waiting for an answer")
    assert_accessible(page)

    page.fill("input[type=search]", "")
    expect(faq.locator("[data-faq-browse]")).to_be_visible()
    expect(faq.locator("mark.faq-hit")).to_have_count(0)
    page.reload()
    page.wait_for_load_state("networkidle")
    expect(page.locator("[data-vote]")).to_have_count(0)  # added when an entry opens
    page.locator(f"{ESCROW} .faq-toggle").click()
    expect(page.locator(f"{ESCROW} [data-vote=yes]")).to_have_attribute("aria-pressed", "true")
    expect(page.locator(f"{ESCROW} [data-vote=no]")).to_have_attribute("aria-pressed", "false")
    expect(faq.locator("[data-faq-mine]")).to_contain_text(student)
    assert_clean(page)


def tab_to(page, selector, limit=40):
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("(s) => document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"Tab never reached {selector}")


def test_learner_journey_by_keyboard_only(page):
    student = learner("keyboard")
    faq = open_faq(page, student)
    tab_to(page, ".seminar-faq input[type=search]")
    page.keyboard.type("escrow")
    expect(faq.locator("[data-faq-status]")).to_have_text("2 questions found.")
    tab_to(page, f"{ESCROW} .faq-toggle")
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none"
    page.keyboard.press("Enter")
    expect(page.locator(f"{ESCROW} .faq-a")).to_be_visible()
    tab_to(page, f"{ESCROW} [data-vote=no]")
    page.keyboard.press("Space")
    expect(page.locator(f"{ESCROW} [data-vote=no]")).to_have_attribute("aria-pressed", "true")
    page.keyboard.press("Space")  # pressing again withdraws the answer
    expect(page.locator(f"{ESCROW} [data-vote=no]")).to_have_attribute("aria-pressed", "false")
    tab_to(page, ".seminar-faq textarea[name=question]")
    page.keyboard.type("short")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    status = faq.locator("[data-faq-ask-status]")
    expect(status).to_have_text("Write your question in at least 10 characters.")
    expect(faq.locator("textarea[name=question]")).to_be_focused()
    expect(faq.locator("textarea[name=question]")).to_have_attribute("aria-invalid", "true")
    page.keyboard.type(" question about keyboards?")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    expect(status).to_have_text("Thank you: your question was sent to the course staff.")
    assert_accessible(page)
    assert_clean(page)


def test_deep_links_open_the_entry(page):
    open_faq(page, learner("linker"), extra=ESCROW)
    expect(page.locator(f"{ESCROW} .faq-a")).to_be_visible()
    expect(page.locator(f"{ESCROW} .faq-toggle")).to_be_focused()
    page.locator(f"{ESCROW} .faq-a a[href='#entry-how-do-payments-work']").click()
    expect(page.locator("#entry-how-do-payments-work .faq-a")).to_be_visible()
    expect(page.locator("#entry-how-do-payments-work .faq-toggle")).to_be_focused()
    # A deep link opens its entry even while a search hides it.
    page.fill("input[type=search]", "escrow")
    page.evaluate("location.hash = '#entry-shipping-small-parcels'")
    expect(page.locator("#entry-shipping-small-parcels .faq-a")).to_be_visible()
    expect(page.locator("input[type=search]")).to_have_value("")
    assert_clean(page)


def test_staff_see_counts_and_answer_a_learner_question(page):
    student = learner("asker")
    text = f"Which documents does customs need for samples? ({student})"
    open_faq(page, student)
    page.locator(f"{ESCROW} .faq-toggle").click()
    page.locator(f"{ESCROW} [data-vote=yes]").click()
    expect(page.locator(f"{ESCROW} [data-vote=yes]")).to_have_attribute("aria-pressed", "true")
    page.fill("textarea[name=question]", text)
    page.get_by_role("button", name="Send the question").click()
    expect(page.locator("[data-faq-mine]")).to_contain_text(text)

    staff = open_faq(page, "staff_browser")
    expect(staff.locator("[data-faq-staff-status]")).to_contain_text("voted")
    counts = page.locator(f"{ESCROW} .faq-counts")
    expect(counts).to_have_text(
        re.compile(r"Staff only: [1-9]\d* found this helpful, \d+ did not\.")
    )
    item = staff.locator(".faq-queue-item", has_text=text)
    assert_accessible(page)
    item.locator("summary").click()
    item.locator("textarea[name=answer]").fill("A commercial invoice and a packing list, usually.")
    item.locator("input[name=category]").fill("Payment and logistics")
    item.locator("input[name=tags]").fill("customs, samples")
    assert_accessible(page)
    item.get_by_role("button", name="Publish as a new entry").click()
    expect(staff.locator("[data-faq-staff-status]")).to_have_text(
        "Published: learners see the new entry when they reload the page."
    )
    expect(staff.locator(".faq-queue-item", has_text=text)).to_have_count(0)
    expect(staff.locator("[data-faq-published] textarea")).to_have_value(
        re.compile(re.escape(text))
    )

    faq = open_faq(page, student)
    mine = faq.locator("[data-faq-mine] li", has_text=text)
    expect(mine).to_contain_text("Answered")
    mine.get_by_role("link").click()
    new_entry = faq.locator(".faq-entry", has_text=text)
    expect(new_entry.locator(".faq-a")).to_be_visible()
    expect(new_entry).to_contain_text("A commercial invoice and a packing list")
    assert_clean(page)


def test_staff_dismiss_a_question(page):
    student = learner("dismissed")
    text = f"Is there a certificate for this course? ({student})"
    open_faq(page, student)
    page.fill("textarea[name=question]", text)
    page.get_by_role("button", name="Send the question").click()
    expect(page.locator("[data-faq-mine]")).to_contain_text(text)
    staff = open_faq(page, "staff_dismisser")
    staff.locator(".faq-queue-item", has_text=text).get_by_role("button", name="Dismiss").click()
    expect(staff.locator("[data-faq-staff-status]")).to_have_text("The question was dismissed.")
    faq = open_faq(page, student)
    expect(faq.locator("[data-faq-mine] li", has_text=text)).to_contain_text(
        "Closed without an answer"
    )
    assert_clean(page)


def test_studio_editor_validates_previews_and_saves(page):
    page.goto("/scenario/seminar_faq.0/studio_view/?student=staff_author")
    page.wait_for_load_state("networkidle")
    studio = page.locator(".faq-studio")
    expect(studio.locator(".faq-edit-entry")).to_have_count(6)
    assert_accessible(page)

    studio.get_by_role("button", name="Add an entry").click()
    entry = studio.locator(".faq-edit-entry").last
    expect(entry.locator("input[name=question]")).to_be_focused()
    entry.locator("input[name=question]").fill("How do authors test the editor with zebras?")
    entry.locator("input[name=category]").fill("Studio checks")
    studio.locator(".save-button").click()
    error = entry.locator("[data-error-for=answer]")
    expect(error).to_have_text("Write the answer.")
    expect(entry.locator("textarea[name=answer]")).to_have_attribute("aria-invalid", "true")
    expect(studio.locator("[data-status]")).to_have_text(
        "Nothing was saved: correct the marked fields."
    )
    assert_accessible(page)

    entry.locator("textarea[name=answer]").fill("With **zebras** <script>alert(1)</script>")
    entry.get_by_role("button", name="Preview the answer").click()
    expect(entry.locator(".faq-preview strong")).to_have_text("zebras")
    expect(entry.locator(".faq-preview script")).to_have_count(0)
    studio.locator(".save-button").click()
    expect(studio.locator("[data-status]")).to_have_text("Saved.")
    expect(studio.locator(".faq-edit-entry").last.locator("input[name=id]")).to_have_value(
        "how-do-authors-test-the-editor-with-zebras"
    )

    faq = open_faq(page, learner("after_studio"))
    expect(faq.locator("#entry-how-do-authors-test-the-editor-with-zebras")).to_have_count(1)

    page.goto("/scenario/seminar_faq.0/studio_view/?student=staff_author")
    page.wait_for_load_state("networkidle")
    last = studio.locator(".faq-edit-entry").last
    last.locator("summary").click()
    last.get_by_role("button", name="Remove").click()
    studio.locator(".save-button").click()
    expect(studio.locator("[data-status]")).to_have_text("Saved.")
    expect(studio.locator(".faq-edit-entry")).to_have_count(6)
    assert_clean(page, expected_status=400)


def test_studio_reorders_with_the_keyboard(page):
    page.goto("/scenario/seminar_faq.1/studio_view/?student=staff_orderer")
    page.wait_for_load_state("networkidle")
    studio = page.locator(".faq-studio")
    second = studio.locator(".faq-edit-entry").nth(1)
    second.locator("summary").focus()
    page.keyboard.press("Enter")
    second.get_by_role("button", name="Move up").focus()
    page.keyboard.press("Enter")
    first = studio.locator(".faq-edit-entry").first
    expect(first.locator("input[name=id]")).to_have_value("marketplace-or-own-website")
    expect(first.get_by_role("button", name="Move down")).to_be_focused()
    assert_clean(page)


def test_studio_bulk_export_and_import(page):
    page.goto("/scenario/seminar_faq.0/studio_view/?student=staff_bulk")
    page.wait_for_load_state("networkidle")
    studio = page.locator(".faq-studio")
    studio.locator(".faq-bulk summary").click()
    studio.get_by_role("button", name="Export the entries as text").click()
    text_box = studio.locator(".faq-bulk textarea")
    expect(text_box).to_have_value(
        re.compile(r"^# Cross-border e-commerce\n\n## What is cross-border")
    )
    expect(studio.locator("[data-download]")).to_be_visible()
    text = text_box.input_value()
    text_box.fill(text.replace("id: what-is-escrow\n", "", 1))
    studio.get_by_role("button", name="Replace the entries with this text").click()
    expect(studio.locator("[data-line-errors] li")).to_have_text(
        [
            re.compile(
                r"Line \d+: the entry 'What is escrow, and why does it build trust\?' "
                r"has no 'id:' line"
            )
        ]
    )
    assert_accessible(page)
    text_box.fill(text.replace("Which shipping options", "Which delivery options", 1))
    studio.get_by_role("button", name="Replace the entries with this text").click()
    expect(studio.locator("[data-status]")).to_contain_text("Check them, then save.")
    expect(studio.locator(".faq-edit-entry input[name=question]").nth(4)).to_have_value(
        "Which delivery options suit small parcels?"
    )
    assert_clean(page, expected_status=400)  # the refused import; nothing was saved


def test_arabic_right_to_left(page):
    faq = open_faq(page, learner("arabic"), extra="&lang=ar")
    expect(faq).to_have_attribute("dir", "rtl")
    expect(faq).to_have_attribute("lang", "ar")
    page.locator(f"{ESCROW} .faq-toggle").click()
    page.fill("input[type=search]", "escrow")
    expect(faq.locator("mark.faq-hit").first).to_be_visible()
    assert_accessible(page)
    screenshot(page, "faq-arabic-rtl")
    page.goto("/scenario/seminar_faq.0/studio_view/?student=staff_arabic&lang=ar")
    page.wait_for_load_state("networkidle")
    expect(page.locator(".faq-studio")).to_have_attribute("dir", "rtl")
    assert_accessible(page)
    assert_clean(page)


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_readable_on_a_320_pixel_phone(page, lang):
    page.set_viewport_size({"width": 320, "height": 640})
    open_faq(page, learner("phone"), extra=f"&lang={lang}")
    page.locator("#entry-marketplace-or-own-website .faq-toggle").click()  # it has a table
    width = page.evaluate("document.querySelector('.seminar-faq').scrollWidth")
    assert width <= 320
    box = page.locator(".seminar-faq input[type=search]").bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 320
    assert_accessible(page)


def test_print_shows_every_answer(page):
    open_faq(page, learner("printer"))
    page.emulate_media(media="print")
    answers = page.locator(".faq-a")
    assert answers.count() >= 6
    for index in range(answers.count()):
        expect(answers.nth(index)).to_be_visible()
    expect(page.locator(".seminar-faq form[role=search]")).to_be_hidden()
    expect(page.locator(".faq-ask")).to_be_hidden()


def test_server_side_search_for_large_faqs(page):
    student = learner("server")
    calls = handler_calls(page, "search")
    faq = open_faq(page, student, SERVER_FAQ)
    expect(faq.locator("[data-faq-status]")).to_have_text(
        "6 questions: search them, or choose a category."
    )
    expect(faq.locator(".faq-entry")).to_have_count(0)
    assert_accessible(page)
    page.fill("input[type=search]", "payments")
    expect(faq.locator("[data-faq-status]")).to_have_text("3 questions found.")
    expect(faq.locator("[data-faq-result-list] .faq-toggle").first).to_have_text(
        "How do payments work across borders?"
    )
    expect(faq.locator("mark.faq-hit").first).to_have_text("payments")
    assert calls, "the server search handler was not called"
    page.fill("input[type=search]", "")
    faq.locator("select").select_option("Sustainable Development Goals")
    expect(faq.locator("[data-faq-result-list] .faq-toggle")).to_have_text(
        ["Which Sustainable Development Goals does e-commerce touch?"]
    )
    faq.locator("[data-faq-result-list] .faq-toggle").click()
    faq.locator("[data-faq-result-list] [data-vote=yes]").click()
    expect(faq.locator("[data-faq-result-list] [data-vote=yes]")).to_have_attribute(
        "aria-pressed", "true"
    )
    assert_accessible(page)
    open_faq(page, student, SERVER_FAQ, extra=ESCROW)
    expect(page.locator(f"{ESCROW} .faq-a")).to_be_visible()
    assert_clean(page)
