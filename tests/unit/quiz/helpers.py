"""Blocks for the quiz unit tests, on the light runtime that records events."""

from tests.runtimes import call_handler, make_block
from tests.unit.quiz.data import quiz_fields
from xblocks.quiz.block import QuizBlock

USER_STATE = (
    "attempts",
    "submission_count",
    "draft",
    "answers",
    "best_answers",
    "presented",
    "done",
    "raw_earned",
    "raw_possible",
    "last_earned",
    "best_earned",
    "hints_shown",
)


def quiz(staff=False, user_id="student_1", **overrides):
    return make_block(QuizBlock, user_id=user_id, staff=staff, **quiz_fields(**overrides))


def submit(block, answers, attempt=None):
    attempt = block.attempts if attempt is None else attempt
    return call_handler(block, "submit", {"answers": answers, "attempt": attempt})


def user_state(block):
    return {name: getattr(block, name) for name in USER_STATE}


def events(block, name):
    return [data for event, data in block.runtime.events if event == name]
