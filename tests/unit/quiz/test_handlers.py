"""Learner handlers: bad input is a 4xx that changes nothing; drafts, hints, try again."""

import json
import re
from datetime import UTC, datetime, timedelta

import pytest

from tests.runtimes import call_handler
from tests.unit.quiz.data import ALL_RIGHT, ALL_WRONG, HINT_MARKER
from tests.unit.quiz.helpers import events, quiz, submit, user_state


@pytest.mark.parametrize(
    ("body", "status", "words"),
    [
        (b"{not json", 400, "not valid JSON"),
        (b'["a list"]', 400, "JSON object"),
        ({"attempt": 0}, 400, "answers"),
        ({"answers": [], "attempt": 0}, 400, "answers"),
        ({"answers": {"nope": "a"}, "attempt": 0}, 400, "'nope' is not one of your questions"),
        ({"answers": {"single": "z"}, "attempt": 0}, 400, "Question 1"),
        ({"answers": {"single": ["b"]}, "attempt": 0}, 400, "Question 1"),
        ({"answers": {"multiple": "a"}, "attempt": 0}, 400, "Question 2"),
        ({"answers": {"numeric": "lots"}, "attempt": 0}, 400, "not a number"),
        ({"answers": {"text": 42}, "attempt": 0}, 400, "text"),
        ({"answers": {"text": "x" * 500}, "attempt": 0}, 400, "longer"),
        ({"answers": {"single": "b"}}, 400, "attempt"),
        ({"answers": {"single": "b"}, "attempt": "0"}, 400, "attempt"),
        ({"answers": {"single": "b"}, "attempt": True}, 400, "attempt"),
        ({"answers": {"single": "b"}, "attempt": 5}, 409, "another window"),
        ({"answers": {"text": "x" * 40000}, "attempt": 0}, 413, "too large"),
    ],
)
def test_bad_submissions_are_refused_and_change_nothing(body, status, words):
    block = quiz()
    call_handler(block, "save_draft", {"answers": {"single": "a"}})
    before = user_state(block)
    code, answer = call_handler(block, "submit", body)
    assert code == status
    assert words in answer["error"]
    assert user_state(block) == before
    assert events(block, "grade") == []


def test_a_refused_response_names_the_question():
    code, answer = call_handler(quiz(), "submit", {"answers": {"tf": "maybe"}, "attempt": 0})
    assert code == 400 and answer["question"] == "tf"


def test_get_requests_cannot_submit():
    assert call_handler(quiz(), "submit", b"", method="GET")[0] == 405


def test_drafts_are_kept_and_shown_again_until_submitted():
    block = quiz()
    draft = {"single": "c", "multiple": ["a"], "numeric": "48", "text": "zan"}
    assert call_handler(block, "save_draft", {"answers": draft}) == (200, {"saved": True})
    assert block.draft == draft
    state = block.learner_state()
    token = block.choice_tokens.token
    shown = {**draft, "single": token("single", "c"), "multiple": [token("multiple", "a")]}
    assert state["responses"] == shown
    html = block.runtime.render(block, "student_view").content
    assert f'value="{shown["single"]}" checked' in html and 'value="48"' in html
    submit(block, ALL_WRONG)
    assert block.draft == {}
    assert block.learner_state()["responses"] == {
        qid: block.choice_tokens.to_browser(q, ALL_WRONG[qid])
        for q in block.questions
        if (qid := q["id"]) in ALL_WRONG
    }


def test_the_page_never_shows_authored_choice_ids_and_tokens_come_back_as_ids():
    block = quiz()
    authored = {c["id"] for q in block.questions for c in q["choices"]}
    html = block.runtime.render(block, "student_view").content
    values = set(re.findall(r'value="([^"]*)"', html))
    assert values and not values & authored
    token = block.choice_tokens.token
    draft = {"single": token("single", "b"), "multiple": [token("multiple", "a")]}
    assert call_handler(block, "save_draft", {"answers": draft})[0] == 200
    assert block.draft == {"single": "b", "multiple": ["a"]}  # stored as authored


def test_a_half_typed_number_is_a_valid_draft_but_not_a_submission():
    block = quiz()
    assert call_handler(block, "save_draft", {"answers": {"numeric": "48."}})[0] == 200
    assert submit(block, {"numeric": "4,8,1"})[0] == 400


def test_drafts_with_bad_values_change_nothing():
    block = quiz()
    assert call_handler(block, "save_draft", {"answers": {"single": "zz"}})[0] == 400
    assert block.draft == {}


def test_hints_are_revealed_one_at_a_time():
    block = quiz()
    assert HINT_MARKER not in json.dumps(block.learner_state())
    code, answer = call_handler(block, "hint", {"question": "single"})
    assert code == 200 and len(answer["hints"]) == 1 and HINT_MARKER in answer["hints"][0]
    code, answer = call_handler(block, "hint", {"question": "single"})
    assert len(answer["hints"]) == 2
    code, answer = call_handler(block, "hint", {"question": "single"})
    assert code == 400 and "no more hints" in answer["error"]
    assert block.hints_shown == {"single": 2}
    assert events(block, "seminar.quiz.hint_shown")[0] == {
        "question_id": "single",
        "hint": 1,
        "hints": 2,
    }
    assert len(block.learner_state()["hints"]["single"]) == 2


def test_hints_for_unknown_questions_are_refused():
    block = quiz()
    assert call_handler(block, "hint", {"question": "numeric"})[0] == 400  # it has no hints
    assert call_handler(block, "hint", {"question": ["single"]})[0] == 400
    assert block.hints_shown == {}


def test_try_again_clears_the_form_but_keeps_attempts_and_grade():
    block = quiz()
    assert call_handler(block, "reset", {})[0] == 409  # nothing to clear yet
    submit(block, ALL_RIGHT)
    code, state = call_handler(block, "reset", {})
    assert code == 200 and not state["done"] and state["responses"] == {}
    assert state["results"] == {} and state["score"] == {"earned": 5.0, "possible": 5.0}
    assert block.attempts == 1 and block.get_score().raw_earned == 5.0
    assert events(block, "seminar.quiz.reset") == [{"attempt": 1, "max_attempts": 3}]


def test_try_again_is_refused_once_the_quiz_is_closed():
    block = quiz(max_attempts=1)
    submit(block, ALL_WRONG)
    code, _answer = call_handler(block, "reset", {})
    assert code == 403 and block.done


def test_submitted_event_keys_follow_what_the_learner_may_see_yet():
    due = datetime.now(UTC) + timedelta(days=7)
    block = quiz(showanswer="finished", show_correctness="past_due", due=due)
    submit(block, ALL_WRONG)
    (event,) = events(block, "seminar.quiz.submitted")
    question_ids = [q["id"] for q in block.questions]
    assert {key: event[key] for key in event if key != "submission"} == {
        "attempt": 1,
        "max_attempts": 3,
        "question_ids": question_ids,
    }


def test_submitted_event_carries_per_question_data_only_as_far_as_the_policy_reveals():
    """As capa's problem_check, per question, but DESIGN.md's rule holds: before the policy
    shows results, the event has each question's attempt and nothing of correctness or the
    response; the attempt that reveals them carries score, correctness and response."""
    block = quiz(showanswer="finished", show_correctness="always", max_attempts=2)
    code, answer = submit(block, ALL_WRONG)
    submit(block, ALL_RIGHT)  # the last attempt: finished, solutions shown
    first, second = events(block, "seminar.quiz.submitted")
    assert set(first["submission"]) == {q["id"] for q in block.questions}
    assert first["submission"]["single"] == {
        "attempt": 1,
        "correct": False,
        "status": "incorrect",
        "score": 0.0,
    }
    assert second["submission"]["single"] == {
        "attempt": 2,
        "correct": True,
        "status": "correct",
        "score": 1.0,
        "response": ALL_RIGHT["single"],
    }
    assert second["submission"]["text"]["response"] == ALL_RIGHT["text"]
    assert code == 200
    assert "submission" not in json.dumps(answer)


def test_submitted_event_before_results_are_shown_holds_no_correctness_or_response():
    due = datetime.now(UTC) + timedelta(days=7)
    block = quiz(showanswer="finished", show_correctness="past_due", due=due)
    code, answer = submit(block, ALL_RIGHT)
    (event,) = events(block, "seminar.quiz.submitted")
    assert all(entry == {"attempt": 1} for entry in event["submission"].values())
    sent = json.dumps(answer)
    assert code == 200 and '"correct"' not in sent and "status" not in sent
    assert answer["score"] is None and answer["results"] == {} and answer["solutions"] == {}


def test_submitted_event_carries_results_and_responses_once_revealed():
    block = quiz(showanswer="attempted")
    submit(block, ALL_WRONG)
    (event,) = events(block, "seminar.quiz.submitted")
    assert event["grade"] == {"earned": 0.0, "possible": 5.0}
    assert event["results"]["single"] == "incorrect"
    assert event["responses"] == ALL_WRONG


def test_the_mobile_state_handler_answers_get_and_post():
    block = quiz()
    code, state = call_handler(block, "student_view_user_state", b"", method="GET")
    assert code == 200 and state["attempt"] == 0 and state["order"][0]["id"] == "single"
    assert call_handler(block, "student_view_user_state", {})[0] == 200


def test_statistics_are_for_staff_only():
    code, answer = call_handler(quiz(), "statistics", {})
    assert code == 403 and "staff" in answer["error"]
