"""Grading: ScorableXBlockMixin, attempts, best or last, rescoring and overrides."""

import pytest
from xblock.scorable import Score

from tests.unit.quiz.data import ALL_RIGHT, ALL_WRONG
from tests.unit.quiz.helpers import events, quiz, submit

HALF = {**ALL_WRONG, "single": "b", "tf": "a"}  # 2 of 5


def test_a_submission_publishes_the_grade_event_the_platform_expects():
    block = quiz()
    status, state = submit(block, HALF)
    assert status == 200
    assert events(block, "grade") == [{"value": 2.0, "max_value": 5.0}]
    assert state["score"] == {"earned": 2.0, "possible": 5.0}
    assert block.attempts == 1 and block.has_submitted_answer()


def test_the_score_before_any_submission_is_zero_of_the_maximum():
    block = quiz()
    assert not block.has_submitted_answer()
    assert block.get_score() == Score(0.0, 5.0)
    assert block.max_score() == 5
    assert quiz(draw=3).max_score() == 3


def test_best_attempt_grading_keeps_the_best_score():
    block = quiz(grading="best")
    submit(block, ALL_RIGHT)
    submit(block, ALL_WRONG)
    assert block.get_score() == Score(5.0, 5.0)
    assert [e["value"] for e in events(block, "grade")] == [5.0, 5.0]


def test_last_attempt_grading_counts_the_last_one():
    block = quiz(grading="last")
    submit(block, ALL_RIGHT)
    submit(block, ALL_WRONG)
    assert block.get_score() == Score(0.0, 5.0)
    assert [e["value"] for e in events(block, "grade")] == [5.0, 0.0]


def test_partial_credit_adds_to_the_score():
    block = quiz()
    submit(block, {"multiple": ["a", "b", "c"]})  # two right, one wrong of three: 1/3
    assert block.get_score().raw_earned == pytest.approx(1 / 3)


def test_the_last_attempt_closes_the_quiz():
    block = quiz(max_attempts=2)
    assert submit(block, ALL_WRONG)[0] == 200
    status, state = submit(block, ALL_WRONG)
    assert status == 200 and state["closed"] and state["closed_reason"] == "attempts"
    status, body = submit(block, ALL_RIGHT)
    assert status == 403 and "closed" in body["error"]
    assert block.attempts == 2 and block.get_score().raw_earned == 0.0


def test_unlimited_attempts_by_default():
    block = quiz(max_attempts=None)
    for _ in range(6):
        assert submit(block, ALL_WRONG)[0] == 200
    assert block.attempts == 6


def test_rescore_regrades_stored_answers_after_the_key_changes():
    block = quiz()
    submit(block, HALF)
    questions = block.questions
    for choice in questions[0]["choices"]:  # the single-choice key changes from b to a
        choice["correct"] = choice["id"] == "a"
    block.questions = questions
    block.runtime.events.clear()
    block.rescore(only_if_higher=False)
    assert block.get_score() == Score(1.0, 5.0)
    assert events(block, "grade") == [{"value": 1.0, "max_value": 5.0, "only_if_higher": False}]


def test_rescore_only_if_higher_keeps_a_better_grade():
    block = quiz()
    submit(block, HALF)
    questions = block.questions
    questions[2]["choices"][0]["correct"], questions[2]["choices"][1]["correct"] = False, True
    block.questions = questions
    block.rescore(only_if_higher=True)
    assert block.get_score() == Score(2.0, 5.0)


def test_rescore_keeps_the_last_answers_when_they_now_beat_the_best():
    block = quiz(grading="best")
    submit(block, HALF)  # single b, tf a: 2 points
    last = {"single": "a", "tf": "b", "numeric": "12", "text": "zanzibarite"}
    submit(block, last)  # only the text: 1 point
    assert block.get_score().raw_earned == 2.0
    questions = block.questions
    questions[3]["answer"] = {"value": 12.0, "tolerance": 0.0}
    questions[0]["choices"][0]["correct"], questions[0]["choices"][1]["correct"] = True, False
    block.questions = questions
    block.rescore(only_if_higher=False)
    # Against the new key the first attempt earns 2 (tf, numeric), the last one 3.
    assert block.get_score() == Score(3.0, 5.0)
    assert block.best_answers == last


def test_rescoring_an_unanswered_quiz_is_refused():
    with pytest.raises(ValueError, match="not submitted"):
        quiz().rescore(only_if_higher=False)


def test_score_overrides_publish_through_publish_grade():
    block = quiz()
    submit(block, ALL_WRONG)
    block.set_score(Score(raw_earned=4.0, raw_possible=5.0))
    block.runtime.events.clear()
    block.publish_grade()
    assert events(block, "grade") == [{"value": 4.0, "max_value": 5.0}]
    assert block.get_score() == Score(4.0, 5.0)


def test_the_block_declares_itself_a_problem_for_the_platform():
    block = quiz()
    assert block.has_score is True and block.icon_class == "problem"
    assert not getattr(block, "has_custom_completion", False)  # completion comes from the grade
