"""The value rules shared by the editor, OLX import and Studio validation."""

import pytest
from xblock.validation import ValidationMessage

from xblocks.lecture.validation import clean_values, youtube_id_from

from .conftest import FULL, lecture


def clean(**data):
    return clean_values(data, str, require_title=True)


def test_valid_values_come_back_unchanged():
    values, errors = clean(**FULL)
    assert errors == {}
    assert values == FULL


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("display_name", "", "Give the lecture a title."),
        ("display_name", "x" * 256, "The title is too long: at most 255 characters."),
        ("display_name", 3, "This must be text."),
        ("sdgs", [8, 0], "0: SDGs are numbered from 1 to 17."),
        ("sdgs", ["8"], "SDGs must be whole numbers from 1 to 17."),
        ("sdgs", [True], "SDGs must be whole numbers from 1 to 17."),
        ("sdgs", "8 9", "SDGs must be whole numbers from 1 to 17."),
        ("video_url", "http://example.org/v.mp4", "must start with https://"),
        ("video_url", "https://", "must start with https://"),
        ("video_url", "https://exa mple.org/v.mp4", "must start with https://"),
        ("video_youtube_id", "abc", "11-character YouTube video id"),
        ("video_youtube_id", "https://evil.example/watch?v=aBcDeFgHiJk", "11-character"),
        ("objectives", "one line", "must be a list of lines"),
        ("objectives", ["x"] * 51, "At most 50 entries."),
        ("speakers", [{"name": "a", "email": "e"}], "only these parts: name, role, organisation"),
        ("speakers", [{"role": "r"}], "Speaker 1 needs a name."),
        ("handouts", [{"title": "t", "url": "/static/"}], "Handout 1: the address"),
        ("handouts", [{"title": "", "url": "https://e.org/x"}], "Handout 1 needs a title."),
        ("handouts", [{"title": "t", "url": "/static/a b.pdf"}], "Handout 1: the address"),
    ],
)
def test_each_rule_has_a_clear_message(field, value, message):
    _values, errors = clean(**{field: value})
    assert message in errors[field]


def test_unknown_fields_are_named():
    _values, errors = clean(colour="red")
    assert errors == {"colour": "'colour' is not a lecture field."}


@pytest.mark.parametrize(
    "value",
    [
        "aBcDeFgHiJk",
        "https://www.youtube.com/watch?v=aBcDeFgHiJk&t=10",
        "https://youtu.be/aBcDeFgHiJk",
        "https://www.youtube.com/embed/aBcDeFgHiJk",
        "https://www.youtube-nocookie.com/embed/aBcDeFgHiJk",
        "https://www.youtube.com/shorts/aBcDeFgHiJk",
    ],
)
def test_youtube_ids_and_addresses(value):
    assert youtube_id_from(value) == "aBcDeFgHiJk"


def test_duplicate_sdgs_are_merged_in_order():
    assert clean(sdgs=[17, 8, 17])[0]["sdgs"] == [17, 8]


def test_title_is_optional_outside_the_editor():
    assert clean_values({"display_name": ""}, str) == ({"display_name": ""}, {})


def test_studio_validation_reports_errors_and_warnings():
    block = lecture(sdgs=[8, 42], video_url="ftp://x")
    messages = [(m.type, m.text) for m in block.validate().messages]
    assert (ValidationMessage.ERROR, "sdgs: 42: SDGs are numbered from 1 to 17.") in messages
    assert any(
        kind == ValidationMessage.ERROR and text.startswith("video_url:") for kind, text in messages
    )
    assert (ValidationMessage.WARNING, "The lecture has no key takeaways.") in messages


def test_a_complete_lecture_validates_cleanly(full_lecture):
    assert full_lecture.validate().messages == []
