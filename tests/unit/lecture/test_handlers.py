"""Handlers: completion is idempotent; the editor saves all or nothing; only authors edit."""

import pytest

from tests.runtimes import call_handler
from xblocks.lecture.validation import EDITABLE_FIELDS

from .conftest import FULL, lecture, studio_lecture


def editor_payload(**changes):
    return {**{name: FULL[name] for name in EDITABLE_FIELDS}, **changes}


def test_complete_emits_completion_once_and_is_idempotent():
    block = lecture()
    for _ in range(3):
        assert call_handler(block, "complete", {}) == (200, {"completed": True})
    assert block.completed is True
    assert block.runtime.events == [("completion", {"completion": 1.0})]


def test_complete_refuses_unexpected_input_and_changes_nothing():
    block = lecture()
    status, body = call_handler(block, "complete", {"completion": 0.2})
    assert status == 400 and "takes no fields" in body["error"]
    assert call_handler(block, "complete", b"not json")[0] == 400
    assert call_handler(block, "complete", b"", method="GET")[0] == 405
    assert block.completed is False and block.runtime.events == []


def test_complete_records_nothing_when_publishing_fails():
    block = lecture()

    def broken_publish(*args):
        raise RuntimeError("event bus down")

    block.runtime.publish = broken_publish
    with pytest.raises(RuntimeError):
        call_handler(block, "complete", {})
    assert block.completed is False


def test_student_view_user_state_by_get_and_post():
    block = lecture()
    assert call_handler(block, "student_view_user_state", b"", method="GET") == (
        200,
        {"completed": False},
    )
    block.completed = True
    assert call_handler(block, "student_view_user_state", {}) == (200, {"completed": True})


def test_the_block_is_completable():
    block = lecture()
    assert block.has_custom_completion is True
    assert block.completion_mode == "completable"


def test_staff_save_every_field():
    block = lecture(staff=True)
    payload = editor_payload(
        speakers=[*FULL["speakers"], {"name": "", "role": "", "organisation": ""}],
        objectives=["  First  ", "", "Second"],
        video_youtube_id="https://www.youtube.com/watch?v=aBcDeFgHiJk",
    )
    assert call_handler(block, "studio_submit", payload) == (200, {"saved": True})
    assert block.display_name == FULL["display_name"]
    assert block.speakers == FULL["speakers"]  # the empty editor row is not an entry
    assert block.objectives == ["First", "Second"]
    assert block.video_youtube_id == "aBcDeFgHiJk"
    assert block.handouts == FULL["handouts"]
    assert block.body == FULL["body"]


def test_invalid_save_names_each_problem_and_saves_nothing():
    block = lecture(staff=True, display_name="Before", body="Before")
    payload = editor_payload(
        display_name=" ",
        body="After",
        sdgs=[8, 18],
        video_url="http://media.example.org/v.mp4",
        handouts=[{"title": "Slides", "url": "ftp://example.org/s.pdf"}],
    )
    status, body = call_handler(block, "studio_submit", payload)
    assert status == 400
    assert body["error"] == "The lecture was not saved: correct the 4 problems shown below."
    assert set(body["field_errors"]) == {"display_name", "sdgs", "video_url", "handouts"}
    assert "18" in body["field_errors"]["sdgs"]
    assert (block.display_name, block.body, block.sdgs) == ("Before", "Before", [])


def test_save_needs_every_field_and_refuses_unknown_ones():
    block = lecture(staff=True)
    payload = editor_payload(extra=1)
    del payload["body"]
    status, body = call_handler(block, "studio_submit", payload)
    assert status == 400
    assert body["field_errors"] == {
        "body": "This field is missing from the request.",
        "extra": "'extra' is not a lecture field.",
    }
    assert block.display_name == ""


def test_learners_cannot_save_or_preview():
    block = lecture(display_name="Before")
    status, body = call_handler(block, "studio_submit", editor_payload())
    assert status == 403 and "course team" in body["error"]
    assert call_handler(block, "preview", {"body": "x"})[0] == 403
    assert block.display_name == "Before"


def test_studio_authors_are_not_staff_but_may_save():
    # Studio's user service never flags authors as staff; its permission service decides.
    block = studio_lecture(can_write=True)
    assert call_handler(block, "studio_submit", editor_payload()) == (200, {"saved": True})
    permissions = block.runtime.service(block, "studio_user_permissions")
    assert permissions.asked == ["course-v1:Seminar+SSC+2022"]


def test_studio_users_without_write_access_cannot_save():
    block = studio_lecture(can_write=False, display_name="Before")
    assert call_handler(block, "studio_submit", editor_payload())[0] == 403
    assert block.display_name == "Before"


def test_preview_uses_the_learners_sanitised_rendering():
    block = lecture(staff=True)
    status, body = call_handler(
        block, "preview", {"body": "## Title\n\n<script>alert(1)</script>[x](javascript:alert(2))"}
    )
    assert status == 200
    assert f'<h3 id="{block.anchor_prefix}md-title">Title</h3>' in body["html"]
    assert "<script" not in body["html"] and "javascript:" not in body["html"]
    assert body["reading_time"] == "Estimated reading time: 1 minute"


def test_preview_refuses_other_fields():
    block = lecture(staff=True)
    assert call_handler(block, "preview", {"body": "x", "title": "y"})[0] == 400
    assert call_handler(block, "preview", {"body": 3})[0] == 400


def test_editor_accepts_a_long_lecture_but_not_an_unbounded_one():
    block = lecture(staff=True)
    long_body = "word " * 30_000  # 150,000 characters
    assert call_handler(block, "studio_submit", editor_payload(body=long_body))[0] == 200
    too_long = "x" * 200_001
    status, body = call_handler(block, "studio_submit", editor_payload(body=too_long))
    assert status == 400 and "at most 200000 characters" in body["field_errors"]["body"]
    assert block.body == long_body
