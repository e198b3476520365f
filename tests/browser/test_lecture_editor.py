"""The lecture's Studio editor in Chromium: live preview, validation next to the fields, save."""

import uuid

from playwright.sync_api import expect

from .conftest import assert_accessible
from .test_lecture import watch_console

EDITABLE = "/scenario/seminar_lecture.2"


def person(prefix):
    return f"{prefix}_{uuid.uuid4().hex[:10]}"


def open_editor(page, user, lang=None):
    page.goto(f"{EDITABLE}/studio_view/?student={user}" + (f"&lang={lang}" if lang else ""))
    page.wait_for_load_state("networkidle")
    return page.locator(".seminar-lecture--studio")


def runtime_events(page):
    events = []
    page.on("console", lambda message: events.append(message.text))
    return events


def save(page, editor):
    with page.expect_response(lambda response: "/studio_submit/" in response.url) as response:
        editor.get_by_role("button", name="Save").click()
    return response.value


def test_author_previews_fixes_errors_and_saves_by_mouse(page):
    console_errors = watch_console(page)
    events = runtime_events(page)
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    staff = person("staff")
    editor = open_editor(page, staff)
    assert_accessible(page)

    body = editor.get_by_label("Lecture text (Markdown)")
    body.fill(
        "## Partnerships\n\nPlatforms and customs cooperate.\n\n## Who does what\n\n"
        "<script>alert('preview')</script><img src=x: onerror=alert('img')>"
    )
    preview = editor.locator("[data-preview]")
    expect(preview.get_by_role("heading", name="Who does what")).to_be_visible()
    assert preview.locator("script, [onerror]").count() == 0
    assert dialogs == []

    editor.locator("[name=display_name]").fill("Partnerships, edited")
    video = editor.get_by_label("Video file address (https://…, MP4 or WebM)")
    video.fill("http://insecure.example/v.mp4")
    assert editor.locator("input[name=sdgs]").count() == 17
    assert save(page, editor).status == 400
    expect(editor.locator("[data-error-for=video_url]")).to_have_text(
        "The video address must start with https:// and name a server."
    )
    expect(video).to_have_attribute("aria-invalid", "true")
    expect(video).to_be_focused()
    expect(editor.get_by_role("alert").first).to_contain_text("The lecture was not saved")
    assert_accessible(page)

    learner_page = page.context.new_page()
    learner_page.goto(f"{EDITABLE}/?student={person('learner')}")
    expect(learner_page.locator("article h2")).to_have_text("A short lecture to edit")
    learner_page.close()

    video.fill("")
    editor.get_by_role("button", name="Add a speaker").click()
    speaker_name = editor.locator("[data-rows=speakers] [data-key=name]").last
    expect(speaker_name).to_be_focused()
    expect(editor.locator("[data-rows=speakers] legend").last).to_have_text("Speaker 1")
    speaker_name.fill("Seminar course team")
    goals = editor.get_by_role("group", name="Sustainable Development Goals the lecture addresses")
    goals.get_by_label("8. Decent work and economic growth").check()
    assert save(page, editor).status == 200
    expect(editor.locator("[data-error-for=video_url]")).to_have_text("")
    assert events.count('Runtime event "save" with data: {state: start}') == 2
    assert events[-1] == 'Runtime event "save" with data: {state: end}'

    page.goto(f"{EDITABLE}/?student={person('learner')}")
    lecture = page.locator("article.seminar-lecture")
    expect(lecture.locator("h2")).to_have_text("Partnerships, edited")
    expect(lecture.get_by_text("Seminar course team")).to_be_visible()
    expect(lecture.get_by_text("SDG 8")).to_be_visible()
    expect(lecture.get_by_role("heading", name="Who does what")).to_be_visible()
    # The refused save is a 400 by design, which Chromium always logs; nothing else may be.
    assert len(console_errors) == 1 and "/studio_submit/" in console_errors[0][1]
    assert dialogs == []


def test_author_saves_by_keyboard_only(page):
    staff = person("staff")
    editor = open_editor(page, staff)
    title = editor.locator("[name=display_name]")
    for _ in range(40):
        page.keyboard.press("Tab")
        if title.evaluate("node => node === document.activeElement"):
            break
    expect(title).to_be_focused()
    page.keyboard.press("Control+A")
    page.keyboard.type("Keyboard title")
    with page.expect_response(lambda response: "/studio_submit/" in response.url) as response:
        page.keyboard.press("Enter")  # submits the form, as Enter does in any text field
    assert response.value.status == 200
    page.goto(f"{EDITABLE}/?student={person('learner')}")
    expect(page.locator("article h2")).to_have_text("Keyboard title")


def test_removing_a_row_renumbers_and_keeps_focus(page):
    editor = open_editor(page, person("staff"))
    add = editor.get_by_role("button", name="Add a handout")
    add.click()
    add.click()
    legends = editor.locator("[data-rows=handouts] legend")
    expect(legends).to_have_text(["Handout 1", "Handout 2"])
    editor.locator("[data-rows=handouts] [data-remove-row]").first.click()
    expect(legends).to_have_text(["Handout 1"])
    expect(add).to_be_focused()
    assert_accessible(page)


def test_learners_cannot_save_from_the_editor(page):
    editor = open_editor(page, person("learner"))
    editor.locator("[name=display_name]").fill("Hijacked")
    assert save(page, editor).status == 403
    expect(editor.locator("[data-form-status]")).to_have_text(
        "Only the course team can edit this lecture."
    )
    page.goto(f"{EDITABLE}/?student={person('learner')}")
    expect(page.locator("article h2")).not_to_have_text("Hijacked")


def test_editor_in_arabic_is_accessible(page):
    console_errors = watch_console(page)
    editor = open_editor(page, person("staff"), lang="ar")
    expect(editor).to_have_attribute("dir", "rtl")
    assert_accessible(page)
    assert console_errors == []


def test_studio_preview_records_no_completion(page):
    console_errors = watch_console(page)
    page.goto(f"/scenario/seminar_lecture.0/author_view/?student={person('staff')}")
    page.wait_for_load_state("networkidle")
    lecture = page.locator("article.seminar-lecture")
    expect(lecture.get_by_role("heading", name="Key takeaways")).to_be_visible()
    expect(lecture.get_by_role("button", name="Mark as complete")).to_have_count(0)
    expect(lecture.get_by_role("button", name="Play video")).to_be_visible()
    assert page.watch.outside_requests == []
    assert_accessible(page)
    assert console_errors == []


def open_translation(page, editor, language):
    picker = editor.locator("[data-translation-picker]")
    picker.locator("select").select_option(label=language)
    with page.expect_response(lambda response: "/translation_form/" in response.url):
        picker.get_by_role("button").click()
    form = editor.locator("[data-translation-form]")
    expect(form).to_be_visible()
    expect(editor.locator("[data-source-editor]")).to_be_hidden()
    return form


def test_author_translates_the_lecture_into_french_and_a_learner_reads_it(page):
    console_errors = watch_console(page)
    editor = open_editor(page, person("staff"))
    expect(editor.get_by_label("Language to edit")).to_be_visible()
    form = open_translation(page, editor, "French")
    expect(form.get_by_role("heading", name="Translation into French")).to_be_focused()
    boxes = form.locator("textarea[data-path]")
    for index in range(boxes.count()):
        box = boxes.nth(index)
        source = box.locator("xpath=preceding-sibling::div[1]/span[2]").inner_text()
        box.fill(f"FR {source}")
    title = form.locator('textarea[data-path="display_name"]')
    title.fill("FR <b>bold</b>")
    with page.expect_response(lambda response: "/save_translation/" in response.url) as answer:
        form.get_by_role("button", name="Save the translation").click()
    assert answer.value.status == 400
    answer_url = answer.value.url  # the refused save: the browser logs a 400
    expect(title).to_have_attribute("aria-invalid", "true")
    expect(title).to_be_focused()
    expect(form.locator('[data-error-for="display_name"]')).to_contain_text("<b>")
    title.fill("Partenariats (FR)")
    with page.expect_response(lambda response: "/save_translation/" in response.url) as answer:
        form.get_by_role("button", name="Save the translation").click()
    assert answer.value.status == 200
    expect(form.locator("[data-translation-form-status]")).to_have_text(
        "The translation was saved."
    )
    expect(editor.locator('li[data-language="fr"]')).to_contain_text("up to date")
    page.goto(f"{EDITABLE}/?student={person('learner')}&lang=fr")
    expect(page.locator("article h2").first).to_have_text("Partenariats (FR)")
    assert [url for _text, url in console_errors] == [answer_url]


def test_the_arabic_translation_form_is_right_to_left_and_accessible(page):
    console_errors = watch_console(page)
    editor = open_editor(page, person("staff"), lang="ar")
    form = open_translation(page, editor, "العربية")
    expect(form.locator("textarea[data-path]").first).to_have_attribute("dir", "rtl")
    assert_accessible(page)
    form.get_by_role("button", name="العودة إلى اللغة الأصلية").click()
    expect(editor.locator("[data-source-editor]")).to_be_visible()
    assert console_errors == []
