"""The lecture as learners meet it in Chromium: by mouse, by keyboard, without JavaScript,
in Arabic, on a 320 px phone and on paper, with nothing fetched from outside unasked."""

import uuid

from playwright.sync_api import expect

from .conftest import PageWatch, assert_accessible, screenshot

DEMO, YOUTUBE = 0, 1
DEMO_VIDEO = "https://media.example.org/seminar/getting-paid-across-borders.mp4"
COMPLETED = "You have completed this lecture."


def watch_console(page):
    """(message, source URL) of the page's console errors and uncaught exceptions, leaving out
    Chromium's own probe for /favicon.ico, which the dev server lacks (a 404 no block causes)."""
    errors = []

    def on_console(message):
        url = message.location.get("url", "")
        if message.type == "error" and not url.endswith("/favicon.ico"):
            errors.append((message.text, url))

    page.on("console", on_console)
    page.on("pageerror", lambda exc: errors.append((str(exc), "")))
    return errors


def learner(prefix="learner"):
    return f"{prefix}_{uuid.uuid4().hex[:10]}"


def lecture_url(index, student=None, lang=None):
    url = f"/scenario/seminar_lecture.{index}/?student={student or learner()}"
    return url + (f"&lang={lang}" if lang else "")


def open_lecture(page, index=DEMO, **kwargs):
    page.goto(lecture_url(index, **kwargs))
    page.wait_for_load_state("networkidle")
    return page.locator("article.seminar-lecture")


def tab_to(page, locator, limit=80):
    """Press Tab until `locator` has the focus, as a keyboard user would."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if locator.evaluate("node => node === document.activeElement"):
            return
    raise AssertionError(f"{locator} never received focus by Tab")


def focus_is_visible(page):
    return page.evaluate("getComputedStyle(document.activeElement).outlineStyle") == "solid"


def test_learner_journey_by_mouse(page):
    console_errors = watch_console(page)
    page.route(DEMO_VIDEO, lambda route: route.fulfill(status=204))
    student = learner()
    lecture = open_lecture(page, student=student)
    status = lecture.locator("[data-status]")
    expect(lecture.locator("h2")).to_have_text("Getting paid across borders")
    expect(lecture.get_by_role("button", name="Mark as complete")).to_be_visible()
    expect(status).to_have_text("")
    assert page.watch.outside_requests == []  # no player, no video bytes at page load
    assert lecture.locator("video, iframe").count() == 0
    assert_accessible(page)

    lecture.get_by_role("link", name="The steps of one payment").click()
    expect(lecture.get_by_role("heading", name="The steps of one payment")).to_be_in_viewport()
    assert page.url.endswith("-the-steps-of-one-payment")

    with page.expect_request(DEMO_VIDEO):
        lecture.get_by_role("button", name="Play video").click()
    video = lecture.locator("video")
    expect(video).to_have_attribute("src", DEMO_VIDEO)
    expect(video).to_be_focused()
    expect(lecture.get_by_role("button", name="Play video")).to_have_count(0)
    assert set(page.watch.outside_requests) == {DEMO_VIDEO}
    expect(lecture.get_by_text("Welcome to this short lecture on payment.")).to_be_visible()
    expect(status).to_have_text("")  # the end of the text is still below
    assert_accessible(page)

    page.mouse.move(500, 400)
    page.mouse.wheel(0, 10_000)
    expect(status).to_have_text(COMPLETED)
    # The control stays, as a state (issue #18): it does not vanish under the learner.
    expect(lecture.get_by_role("button", name="Completed")).to_be_visible()
    expect(lecture.get_by_role("button", name="Mark as complete")).to_have_count(0)
    assert_accessible(page)

    lecture = open_lecture(page, student=student)  # state survives a reload
    expect(lecture.locator("[data-status]")).to_have_text(COMPLETED)
    expect(lecture.get_by_role("button", name="Completed")).to_have_attribute(
        "aria-disabled", "true"
    )
    assert_accessible(page)
    assert console_errors == []


def test_learner_journey_by_keyboard_only(page):
    console_errors = watch_console(page)
    # Without IntersectionObserver only the button completes, so this journey proves it.
    page.add_init_script("delete window.IntersectionObserver;")
    page.route(
        "https://www.youtube-nocookie.com/**",
        lambda route: route.fulfill(
            status=200, content_type="text/html", body="<!doctype html><title>player</title>"
        ),
    )
    student = learner()
    lecture = open_lecture(page, YOUTUBE, student=student)
    assert page.watch.outside_requests == []
    assert_accessible(page)

    play = lecture.get_by_role("button", name="Play video")
    tab_to(page, play)
    assert focus_is_visible(page)
    with page.expect_request("https://www.youtube-nocookie.com/embed/seminarDemo?autoplay=1&rel=0"):
        page.keyboard.press("Enter")
    player = lecture.locator("iframe")
    expect(player).to_have_attribute("title", "Video: Payment in brief (YouTube video)")
    expect(player).to_be_focused()
    assert all(
        url.startswith("https://www.youtube-nocookie.com/") for url in page.watch.outside_requests
    )
    assert_accessible(page)

    complete = lecture.get_by_role("button", name="Mark as complete")
    tab_to(page, complete)
    assert focus_is_visible(page)
    page.keyboard.press("Space")
    status = lecture.locator("[data-status]")
    expect(status).to_have_text(COMPLETED)
    control = lecture.locator("[data-action=complete]")
    expect(control).to_have_text("Completed")  # the control stays, and keeps the focus
    expect(control).to_be_focused()
    assert_accessible(page)

    lecture = open_lecture(page, YOUTUBE, student=student)
    expect(lecture.locator("[data-status]")).to_have_text(COMPLETED)
    assert console_errors == []


def test_learners_have_their_own_completion(page):
    first, second = learner(), learner()
    lecture = open_lecture(page, student=first)
    lecture.get_by_role("button", name="Mark as complete").click()
    expect(lecture.locator("[data-status]")).to_have_text(COMPLETED)
    lecture = open_lecture(page, student=second)
    expect(lecture.locator("[data-status]")).to_have_text("")
    expect(lecture.get_by_role("button", name="Mark as complete")).to_be_visible()


def test_a_failed_save_is_announced_and_can_be_retried(page):
    page.add_init_script("delete window.IntersectionObserver;")
    lecture = open_lecture(page)
    page.route("**/complete/**", lambda route: route.abort())
    lecture.get_by_role("button", name="Mark as complete").click()
    error = lecture.get_by_role("alert")
    expect(error).to_contain_text("Your progress could not be saved.")
    assert_accessible(page)
    page.unroute("**/complete/**")
    lecture.get_by_role("button", name="Mark as complete").click()
    expect(lecture.locator("[data-status]")).to_have_text(COMPLETED)
    expect(error).to_have_text("")


def test_lecture_reads_with_javascript_off(browser, live_server):
    context = browser.new_context(base_url=live_server, java_script_enabled=False)
    page = context.new_page()
    watch = PageWatch(page, live_server)
    page.goto(lecture_url(DEMO))
    lecture = page.locator("article.seminar-lecture")
    expect(
        lecture.get_by_role("heading", name="Why payment is harder across borders")
    ).to_be_visible()
    expect(lecture.get_by_text("A small firm rarely has a bank account abroad.")).to_be_visible()
    expect(lecture.get_by_role("heading", name="Key takeaways")).to_be_visible()
    expect(lecture.get_by_text("Welcome to this short lecture on payment.")).to_be_visible()
    expect(lecture.get_by_role("link", name="Download the video file")).to_be_visible()
    expect(lecture.get_by_role("button")).to_have_count(0)  # nothing that needs JavaScript
    lecture.get_by_role("link", name="Questions for your country").click()
    assert page.url.endswith("-questions-for-your-country")
    assert lecture.locator("video, iframe").count() == 0
    assert watch.outside_requests == []
    context.close()


def test_arabic_lays_out_right_to_left(page):
    console_errors = watch_console(page)
    lecture = open_lecture(page, lang="ar")
    expect(lecture).to_have_attribute("dir", "rtl")
    expect(lecture).to_have_attribute("lang", "ar")
    toc = lecture.locator(".seminar-lecture__toc")
    assert toc.evaluate("n => getComputedStyle(n).borderRightWidth") == "4px"
    assert toc.evaluate("n => getComputedStyle(n).borderLeftWidth") == "0px"
    number = lecture.locator(".seminar-lecture__sdg-number").first.bounding_box()
    name = lecture.locator(".seminar-lecture__sdg-name").first.bounding_box()
    assert number["x"] > name["x"]  # the badge reads right to left
    screenshot(page, "lecture-ar-rtl")
    assert_accessible(page)
    assert console_errors == []


def test_readable_on_a_320px_phone(browser, live_server):
    context = browser.new_context(base_url=live_server, viewport={"width": 320, "height": 640})
    page = context.new_page()
    page.goto(lecture_url(DEMO))
    page.wait_for_load_state("networkidle")
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    table = page.locator(".seminar-lecture__table")
    expect(table).to_have_attribute("tabindex", "0")  # wide tables scroll by keyboard too
    box = page.locator(".seminar-lecture__body").bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 320
    assert_accessible(page)
    context.close()


def test_print_shows_the_text_not_the_controls(page):
    lecture = open_lecture(page)
    page.emulate_media(media="print")
    expect(lecture.locator(".seminar-lecture__player")).to_be_hidden()
    expect(lecture.locator(".seminar-lecture__completion")).to_be_hidden()
    expect(lecture.get_by_role("heading", name="Key takeaways")).to_be_visible()
    expect(lecture.get_by_text("A small firm rarely has a bank account abroad.")).to_be_visible()


def test_staff_view_is_accessible(page):
    console_errors = watch_console(page)
    lecture = open_lecture(page, student=learner("staff"))
    expect(lecture.locator("h2")).to_have_text("Getting paid across borders")
    expect(lecture.locator(".seminar-lecture__staff-note")).to_have_count(0)  # nothing lacking
    assert_accessible(page)
    assert console_errors == []
