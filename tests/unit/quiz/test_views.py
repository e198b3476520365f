"""The learner view, the mobile data and the search index: accessible, and no secrets."""

import json
import re

import pytest
from django.utils import translation

from tests.unit.quiz.data import ALL_RIGHT, ALL_WRONG, SECRETS
from tests.unit.quiz.helpers import quiz, submit


def learner_bytes(block):
    """Everything the learner's browser gets from the view: HTML plus init args."""
    fragment = block.student_view()
    return fragment.content + json.dumps(fragment.json_init_args)


def leaked(text):
    return [secret for secret in SECRETS if secret in text]


def test_each_question_is_a_fieldset_with_a_legend_and_labelled_inputs():
    html = quiz().student_view().content
    assert html.count("<fieldset") == 5 and html.count("<legend") == 5
    input_ids = re.findall(r'<input [^>]*id="([^"]+)"', html)
    assert len(input_ids) == 3 + 4 + 2 + 1 + 1
    for input_id in input_ids:
        assert f'<label for="{input_id}">' in html
    assert 'role="status"' in html and 'aria-live="polite"' in html
    assert 'inputmode="decimal"' in html


def test_the_fragment_loads_the_block_js_and_css_and_starts_it():
    fragment = quiz().student_view()
    urls = [resource.data.split("?v=")[0] for resource in fragment.resources]
    assert any(url.endswith("/js/quiz.js") for url in urls)
    assert any(url.endswith("/css/quiz.css") for url in urls)
    assert fragment.js_init_fn == "SeminarQuizBlock"


@pytest.mark.parametrize(("language", "direction"), [("ar", "rtl"), ("fr", "ltr")])
def test_the_root_carries_the_learner_language_and_direction(language, direction):
    with translation.override(language):
        html = quiz().student_view().content
    assert f'lang="{language}" dir="{direction}"' in html


def test_a_russian_learner_reads_attempts_left_in_russian_s_three_plural_forms():
    """5 попыток, 2 попытки, 1 попытка (nplurals=3), not English's two forms."""
    block = quiz(max_attempts=6)
    said = {}
    with translation.override("ru"):
        for _ in range(5):
            submit(block, ALL_WRONG)
            said[6 - block.attempts] = block.learner_state()["messages"][-1]
    assert [said[5], said[2], said[1]] == [
        "У вас осталось 5 попыток.",
        "У вас осталось 2 попытки.",
        "У вас осталась 1 попытка.",
    ]


def test_secrets_stay_on_the_server_until_the_policy_allows():
    block = quiz(showanswer="finished")
    assert leaked(learner_bytes(block)) == []
    submit(block, ALL_WRONG)
    assert leaked(learner_bytes(block)) == []
    submit(block, ALL_RIGHT)  # fully correct: "finished" now shows the answers
    assert set(leaked(learner_bytes(block))) >= {"SECRET-EXPLANATION-SINGLE", "4817.25"}


def test_correctness_stays_hidden_when_show_correctness_is_never():
    block = quiz(show_correctness="never", showanswer="always")
    submit(block, ALL_RIGHT)
    state = block.learner_state()
    assert state["score"] is None and state["results"] == {} and state["solutions"] == {}
    assert leaked(learner_bytes(block)) == []
    assert "submitted" in " ".join(state["messages"])


def test_staff_see_answers_and_a_statistics_section():
    staff = quiz(staff=True)
    assert "Statistics (course staff only)" in staff.student_view().content
    assert leaked(learner_bytes(staff))
    assert "Statistics" not in quiz().student_view().content


def test_a_closed_quiz_says_why_and_disables_its_inputs():
    block = quiz(max_attempts=1)
    submit(block, ALL_WRONG)
    html = block.student_view().content
    assert "you have used your 1 attempt" in html
    assert html.count("disabled") >= 5 + 1


def test_mobile_data_is_the_same_for_everyone_and_has_no_answers():
    block = quiz()
    data = block.student_view_data()
    assert data == quiz(user_id="student_2").student_view_data()
    assert leaked(json.dumps(data)) == []
    assert '"correct"' not in json.dumps(data) and "feedback" not in json.dumps(data)
    assert [q["id"] for q in data["questions"]] == ["single", "multiple", "tf", "numeric", "text"]
    token = block.choice_tokens.token("single", "b")
    choice = {"id": token, "text": "An escrow agent", "text_html": "An escrow agent"}
    assert choice in data["questions"][0]["choices"]
    assert data["max_score"] == 5


def test_the_search_index_has_prompts_and_choices_but_no_answers():
    index = quiz().index_dictionary()
    text = json.dumps(index)
    assert "An escrow agent" in text and leaked(text) == []
    assert index["content_type"] == "Quiz"


def test_the_view_supports_mobile():
    block = quiz()
    assert block.has_support(block.student_view, "multi_device")


def test_revealed_hints_are_rendered_with_the_page():
    block = quiz()
    block.hints_shown = {"single": 1}
    html = block.student_view().content
    assert "HINT-MARKER-ONE" in html and "Show hint 2 of 2" in html
