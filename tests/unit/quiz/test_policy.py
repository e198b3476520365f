"""capa's show-answer and correctness rules, with due dates and grace periods."""

from datetime import UTC, datetime, timedelta

import pytest

from xblocks.quiz.policy import Policy

NOW = datetime(2030, 6, 1, 12, 0, tzinfo=UTC)


def policy(**overrides):
    values = {
        "showanswer": "finished",
        "show_correctness": "always",
        "max_attempts": 3,
        "attempts": 0,
        "due": None,
        "graceperiod": None,
        "earned": None,
        "possible": 5.0,
        "staff": False,
        "now": NOW,
    }
    values.update(overrides)
    return Policy(**values)


PAST = NOW - timedelta(days=1)
FUTURE = NOW + timedelta(days=1)

# (showanswer, state, expected) — state: fresh, attempted, correct, all attempts, past due
STATES = {
    "fresh": {},
    "attempted": {"attempts": 1, "earned": 2.0},
    "correct": {"attempts": 1, "earned": 5.0},
    "used_up": {"attempts": 3, "earned": 2.0},
    "past_due": {"due": PAST},
}
EXPECTED = {
    "always": {"fresh", "attempted", "correct", "used_up", "past_due"},
    "answered": {"correct"},
    "attempted": {"attempted", "correct", "used_up", "past_due"},
    "closed": {"used_up", "past_due"},
    "finished": {"correct", "used_up", "past_due"},
    "correct_or_past_due": {"correct", "past_due"},
    "past_due": {"past_due"},
    "never": set(),
}


@pytest.mark.parametrize("showanswer", sorted(EXPECTED))
@pytest.mark.parametrize("state", sorted(STATES))
def test_showanswer_rules_match_capa(showanswer, state):
    allowed = policy(showanswer=showanswer, **STATES[state]).answer_available()
    assert allowed == (state in EXPECTED[showanswer])


def test_the_grace_period_keeps_a_quiz_open_after_its_due_date():
    in_grace = policy(due=NOW - timedelta(hours=1), graceperiod=timedelta(hours=2))
    assert not in_grace.is_past_due() and not in_grace.closed()
    after_grace = policy(due=NOW - timedelta(hours=3), graceperiod=timedelta(hours=2))
    assert after_grace.is_past_due() and after_grace.closed_reason() == "past_due"


def test_unlimited_attempts_never_close_the_quiz():
    assert not policy(max_attempts=None, attempts=500).closed()
    assert policy(max_attempts=2, attempts=2).closed_reason() == "attempts"


def test_show_correctness_gates_correctness_and_answers():
    assert not policy(show_correctness="never", showanswer="always").correctness_available()
    assert not policy(show_correctness="never", showanswer="always").answer_available()
    before_due = policy(show_correctness="past_due", showanswer="always", due=FUTURE)
    assert not before_due.correctness_available() and not before_due.answer_available()
    after_due = policy(show_correctness="past_due", due=PAST)
    assert after_due.correctness_available()


def test_staff_see_answers_unless_never():
    assert policy(staff=True).answer_available()
    assert not policy(staff=True, showanswer="never").answer_available()
    assert not policy(staff=True, show_correctness="never").correctness_available()


def test_inherited_newer_capa_values_are_honoured_and_unknown_ones_hide_answers():
    assert policy(showanswer="after_all_attempts", attempts=3).answer_available()
    assert not policy(showanswer="after_all_attempts", attempts=1).answer_available()
    assert not policy(showanswer="someday", attempts=3).answer_available()
