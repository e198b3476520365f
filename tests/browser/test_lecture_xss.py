"""Script-injection vectors in every author-controlled text, checked in Chromium: none runs.

The scenario `seminar_lecture.3` holds the vectors (see xblocks/lecture/scenarios.py); each
would open an alert() dialog if it ran. The page is also searched for what could run later
(event-handler attributes, script URLs, dangerous elements) after hovering and clicking.
"""

import uuid

from playwright.sync_api import expect

from .conftest import assert_accessible
from .test_lecture import watch_console

HOSTILE = "/scenario/seminar_lecture.3/"

FIND_RUNNABLE = """root => {
    const found = [];
    const tags = ['SCRIPT', 'IFRAME', 'OBJECT', 'EMBED', 'FORM', 'STYLE', 'BASE', 'META',
                  'LINK', 'SVG', 'MATH', 'svg', 'math'];
    for (const element of root.querySelectorAll('*')) {
        if (tags.includes(element.tagName)) found.push(element.tagName);
        for (const attribute of element.attributes) {
            const value = attribute.value.replace(/[\\s\\u0000-\\u001f]/g, '').toLowerCase();
            if (attribute.name.startsWith('on') || attribute.name === 'style' ||
                /^(javascript|data|vbscript):/.test(value)) {
                found.push(element.tagName + '[' + attribute.name + '=' + attribute.value + ']');
            }
        }
    }
    return found;
}"""


def test_hostile_text_stays_inert(page):
    console_errors = watch_console(page)
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(f"{HOSTILE}?student=learner_{uuid.uuid4().hex[:10]}")
    page.wait_for_load_state("networkidle")
    lecture = page.locator("article.seminar-lecture")
    expect(lecture.locator("h2")).to_contain_text("<script>alert('title')</script>")  # as text

    lecture.locator(".seminar-lecture__takeaways li").hover()
    lecture.get_by_text("styled").click()
    lecture.locator(".seminar-lecture__body summary").click()
    lecture.get_by_text("clobber").first.click()
    lecture.locator(".seminar-lecture__transcript summary").click()
    assert dialogs == []
    assert lecture.evaluate(FIND_RUNNABLE) == []

    # Author ids are prefixed, so none shadows a global the page's scripts read.
    assert page.evaluate(
        "() => window.SeminarXBlocksI18N === undefined && !document.getElementById('gettext')"
    )
    # The block's own script still runs next to the hostile text: this short lecture's end
    # is on screen, so it completes.
    expect(lecture.locator("[data-status]")).to_have_text("You have completed this lecture.")
    assert dialogs == []
    assert page.watch.outside_requests == []
    assert console_errors == []
    assert_accessible(page)


def test_vectors_typed_into_the_editor_preview_stay_inert(page):
    from xblocks.lecture.scenarios import HOSTILE_BODY

    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(f"{HOSTILE}studio_view/?student=staff_{uuid.uuid4().hex[:10]}")
    page.wait_for_load_state("networkidle")
    preview = page.locator("[data-preview]")
    assert preview.evaluate(FIND_RUNNABLE) == []  # the first, server-rendered preview
    body = page.get_by_label("Lecture text (Markdown)")
    body.fill(HOSTILE_BODY + "\n\n## Typed afterwards\n")
    expect(preview.get_by_role("heading", name="Typed afterwards")).to_be_visible()
    assert preview.evaluate(FIND_RUNNABLE) == []
    assert dialogs == []
