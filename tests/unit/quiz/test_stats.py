"""Reports and statistics are computed from each learner's own state: nothing to lose."""

import sys
import types
from collections import namedtuple

from tests.unit.quiz.data import questions
from tests.unit.quiz.helpers import quiz
from xblocks.common.learner_states import iter_learner_states as learner_states
from xblocks.quiz.stats import question_statistics

UserState = namedtuple("UserState", "username state")


def state(answers, earned, presented=("single", "multiple", "tf", "numeric", "text")):
    return {
        "answers": answers,
        "presented": list(presented),
        "attempts": 1,
        "submission_count": 1,
        "raw_earned": earned,
        "raw_possible": float(len(presented)),
    }


STATES = [
    ("ana", state({"single": "b", "multiple": ["a", "b"]}, 1 + 2 / 3)),
    ("ben", state({"single": "a", "tf": "a"}, 1.0)),
    ("chen", state({"single": "b", "text": "zanzibarite"}, 2.0)),
    ("dora", {"draft": {"single": "a"}}),  # never submitted: not counted
]


def test_statistics_count_learners_answers_and_choices():
    stats = question_statistics(questions(), iter(STATES))
    assert stats["learners"] == 3 and stats["submissions"] == 3 and not stats["truncated"]
    single = stats["questions"][0]
    assert single["answered"] == 3 and single["correct"] == 2
    assert single["percent_correct"] == 66.7
    assert {c["id"]: c["count"] for c in single["choices"]} == {"a": 1, "b": 2, "c": 0}
    multiple = stats["questions"][1]
    assert multiple["answered"] == 1 and multiple["partial"] == 1 and multiple["correct"] == 0
    numeric = stats["questions"][3]
    assert numeric["answered"] == 0 and numeric["percent_correct"] is None
    assert stats["average_percent"] == round((100 * (1 + 2 / 3) / 5 + 20 + 40) / 3, 1)


def test_statistics_are_capped_and_say_so():
    stats = question_statistics(questions(), iter(STATES), limit=1)
    assert stats["learners"] == 1 and stats["truncated"]


def test_report_has_one_row_per_learner_per_question():
    block = quiz()
    rows = list(block.generate_report_data(UserState(name, s) for name, s in STATES))
    assert len(rows) == 15
    name, row = rows[0]
    assert name == "ana"
    assert row["Question ID"] == "single" and row["Answer"] == "An escrow agent"
    assert row["Correct Answer"] == "An escrow agent" and row["Correct"] == "correct"
    assert row["Score"] == 1.0 and row["Attempts"] == 1
    multiple = rows[1][1]
    assert multiple["Answer"] == "Payment services; Logistics" and multiple["Correct"] == "partial"
    blank = rows[3][1]
    assert blank["Answer"] == "" and blank["Correct"] == "" and blank["Score"] == 0.0
    assert rows[4][1]["Correct Answer"] == "zanzibarite / zanzi barite / /kilimanj[a-z]+/"


def test_report_respects_limit_responses():
    block = quiz()
    rows = list(block.generate_report_data(iter([UserState(n, s) for n, s in STATES]), 4))
    assert len(rows) == 4
    assert list(block.generate_report_data(iter([]), 0)) == []


def test_on_open_edx_the_learners_come_from_the_user_state_client(monkeypatch):
    calls = []

    class Client:
        def iter_all_for_block(self, block_key):
            calls.append(block_key)
            return iter([UserState("ana", STATES[0][1])])

    module = types.ModuleType("lms.djangoapps.courseware.user_state_client")
    module.DjangoXBlockUserStateClient = Client
    for name in ("lms", "lms.djangoapps", "lms.djangoapps.courseware"):
        monkeypatch.setitem(sys.modules, name, types.ModuleType(name))
    monkeypatch.setitem(sys.modules, module.__name__, module)
    block = quiz()
    assert list(learner_states(block)) == [("ana", STATES[0][1])]
    assert calls == [block.scope_ids.usage_id]


def test_runtimes_that_cannot_list_learners_say_so():
    block = quiz(staff=True)
    assert learner_states(block) is None
    from tests.runtimes import call_handler

    status, answer = call_handler(block, "statistics", {})
    assert status == 200 and not answer["available"] and "report" in answer["message"]
