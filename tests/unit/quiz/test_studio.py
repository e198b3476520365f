"""Studio: a form and a text mode, validated on the server; nothing saved when invalid."""

import json
import re

import pytest
from xblock.validation import Validation

from tests.runtimes import call_handler
from tests.unit.quiz.data import questions, quiz_fields
from tests.unit.quiz.helpers import quiz
from xblocks.quiz.question_checks import QUESTION_TYPES
from xblocks.quiz.questions import GRADING_POLICIES, SHOWANSWER_VALUES
from xblocks.quiz.textformat import write_quiz

EDITABLE = tuple(quiz_fields())


def author(**overrides):
    """A quiz opened by course staff (only the course's authors may use the editor)."""
    return quiz(staff=True, **overrides)


def authored(block):
    return {name: getattr(block, name) for name in EDITABLE}


def test_the_studio_view_is_a_labelled_form_with_save_and_cancel():
    block = author()
    fragment = block.studio_view()
    html = fragment.content
    assert 'class="save-button"' in html and 'class="cancel-button"' in html
    for name in ("display_name", "max_attempts", "grading", "showanswer", "draw", "weight"):
        input_id = re.search(rf'id="([^"]+)" data-setting="{name}"', html).group(1)
        assert f'for="{input_id}"' in html
    assert "<legend>" in html and 'data-template="question"' in html
    assert fragment.js_init_fn == "SeminarQuizStudio"
    # The form's values come in the page, escaped by json_script, never in init args.
    data = re.search(r'<script type="application/json">(.*?)</script>', html, re.S).group(1)
    assert json.loads(data)["questions"] == block.questions
    assert "fields" not in fragment.json_init_args


def test_every_setting_value_has_a_labelled_option():
    options = author().studio_options()
    assert [value for value, _label in options["types"]] == list(QUESTION_TYPES)
    assert {value for value, _label in options["showanswer"]} == set(SHOWANSWER_VALUES)
    assert {value for value, _label in options["grading"]} == set(GRADING_POLICIES)


def test_saving_the_form_saves_every_field():
    block = author()
    changed = quiz_fields(display_name="Renamed", max_attempts="", draw="2", shuffle=True)
    changed["questions"][0]["prompt"] = "A new prompt"
    status, answer = call_handler(block, "studio_submit", {"fields": changed})
    assert status == 200 and answer["saved"]
    assert block.display_name == "Renamed" and block.max_attempts is None and block.draw == 2
    assert block.questions[0]["prompt"] == "A new prompt"


def test_an_invalid_form_saves_nothing_and_names_question_and_field():
    block = author()
    before = authored(block)
    broken = quiz_fields(display_name="Renamed", weight="heavy")
    broken["questions"][1]["choices"][0]["text"] = ""
    status, answer = call_handler(block, "studio_submit", {"fields": broken})
    assert status == 400
    problems = {p["field"]: p["message"] for p in answer["problems"]}
    assert problems["questions.1.choices.0.text"].startswith("Question 2 ('multiple'): ")
    assert "weight" in problems
    assert authored(block) == before


@pytest.mark.parametrize(
    "body",
    [{"fields": "nope"}, {"fields": {**quiz_fields(), "attempts": 0}}, {"text": 5}, {}],
)
def test_malformed_studio_requests_are_refused(body):
    block = author()
    before = authored(block)
    assert call_handler(block, "studio_submit", body)[0] == 400
    assert authored(block) == before


def test_saving_as_text_parses_the_quizzes_format():
    block = author()
    text = write_quiz(quiz_fields(display_name="From text")).replace("Type the magic", "Type it")
    status, _answer = call_handler(block, "studio_submit", {"text": text})
    assert status == 200
    assert block.display_name == "From text" and block.questions[3]["prompt"] == "Type it number."


def test_invalid_text_saves_nothing_and_gives_line_numbers():
    block = author()
    before = authored(block)
    text = write_quiz(quiz_fields()).replace("||Second hint||", "||Second hint||\nzzz")
    status, answer = call_handler(block, "studio_submit", {"text": text})
    assert status == 400
    line = text.splitlines().index("zzz") + 1
    assert {"line": line, "message": answer["lines"][0]["message"]} in answer["lines"]
    assert "line not understood" in answer["lines"][0]["message"]
    assert authored(block) == before


def test_text_problems_found_after_parsing_point_at_their_question():
    text = write_quiz(quiz_fields()).replace("||Second hint||", "||Second || hint||")
    status, answer = call_handler(author(), "studio_submit", {"text": text})
    assert status == 400
    first_question_line = text.splitlines().index("id: single") + 1
    assert answer["lines"][0]["line"] == first_question_line
    assert "'||'" in answer["lines"][0]["message"]


def test_switching_between_form_and_text_round_trips():
    block = author()
    status, answer = call_handler(block, "studio_text", {"fields": quiz_fields()})
    assert status == 200 and answer["text"].startswith("title: Marker quiz")
    status, answer = call_handler(block, "studio_parse", {"text": answer["text"]})
    assert status == 200 and answer["fields"] == quiz_fields()


def test_the_preview_shows_questions_as_learners_see_them():
    fields = quiz_fields()
    fields["questions"][0]["prompt"] = "Preview **me**"
    status, answer = call_handler(author(), "studio_preview", {"fields": fields})
    assert status == 200
    assert "Preview <strong>me</strong>" in answer["html"] and "An escrow agent" in answer["html"]
    assert "SECRET" not in answer["html"]


def test_validate_field_data_uses_the_editor_rules():
    block = author()
    items = questions()
    items[0]["choices"][0]["correct"] = True
    block.questions = items
    validation = Validation(block.scope_ids.usage_id)
    block.validate_field_data(validation, block)
    assert not validation.empty
    assert "exactly one" in validation.messages[0].text
    fine = Validation(block.scope_ids.usage_id)
    author().validate_field_data(fine, author())
    assert fine.empty


def test_a_partial_save_keeps_the_settings_it_does_not_mention():
    block = author(max_attempts=2, showanswer="never")
    status, _answer = call_handler(block, "studio_submit", {"fields": {"display_name": "New"}})
    assert status == 200
    assert (block.display_name, block.max_attempts, block.showanswer) == ("New", 2, "never")
