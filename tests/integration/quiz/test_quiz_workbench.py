"""The quiz in the real workbench runtime: journeys, reloads, secrets and races."""

import json
import threading
from pathlib import Path

import pytest
from django.db import connection

from tests.runtimes import as_user, call_handler, json_request, workbench_block
from tests.unit.quiz.data import ALL_RIGHT, ALL_WRONG, HINT_MARKER, SECRETS, quiz_olx
from xblocks.quiz import claims
from xblocks.quiz.scenarios import SCENARIOS

pytestmark = pytest.mark.usefixtures("workbench_db")
STATIC = Path(claims.__file__).parent / "static"


def submit(block, answers, attempt=None):
    attempt = block.attempts if attempt is None else attempt
    return call_handler(block, "submit", {"answers": answers, "attempt": attempt})


class LearnerWire:
    """Every byte one learner's browser receives, and every event published about them."""

    def __init__(self, block, user_id):
        self.usage_id = block.scope_ids.usage_id
        self.user_id = user_id
        self.received = []
        self.events = []

    def block(self):
        block = as_user_by_id(self.usage_id, self.user_id)
        block.runtime.publish = lambda _block, name, data: self.events.append((name, data))
        return block

    def load_page(self):
        block = self.block()
        self.received.append(block.runtime.render(block, "student_view").content)
        for path in ("js/quiz.js", "css/quiz.css"):
            self.received.append((STATIC / path).read_text(encoding="utf-8"))
        return block

    def call(self, handler, data):
        block = self.block()
        response = block.runtime.handle(block, handler, json_request(data))
        self.received.append(response.body.decode("utf-8"))
        return response.status_code, json.loads(response.body)

    def leaked(self):
        everything = "\n".join(self.received) + json.dumps(self.events)
        return sorted(secret for secret in SECRETS if secret in everything)


def as_user_by_id(usage_id, user_id):
    from workbench.runtime import WorkbenchRuntime

    return WorkbenchRuntime(user_id).get_block(usage_id)


def test_every_demo_scenario_loads_and_renders():
    for _description, xml in SCENARIOS:
        block = workbench_block(xml, "scenario-viewer")
        html = block.runtime.render(block, "student_view").content
        assert html.count("<fieldset") == min(block.draw or 99, len(block.questions))


def test_a_learner_answers_wrong_then_right_and_sees_feedback_and_score():
    block = workbench_block(SCENARIOS[0][1], "journey")
    status, state = submit(block, {"d1l1-definition": "a", "d1l1-pilot-zones": "100"})
    assert status == 200 and state["score"] == {"earned": 0.0, "possible": 5.0}
    assert state["results"]["d1l1-definition"]["status"] == "incorrect"
    assert state["solutions"] == {}
    assert "You have 2 attempts left." in state["messages"]
    right = {
        "d1l1-definition": "b",
        "d1l1-parts": ["a", "b", "d"],
        "d1l1-government-role": "b",
        "d1l1-pilot-zones": "١٣٢",
        "d1l2-escrow-name": "Escrow",
    }
    token = block.choice_tokens.token
    # As the browser sends them: the page's opaque choice tokens, not the authored ids.
    right = {
        qid: (
            [token(qid, v) for v in value]
            if isinstance(value, list)
            else token(qid, value)
            if qid in ("d1l1-definition", "d1l1-government-role")
            else value
        )
        for qid, value in right.items()
    }
    status, state = submit(as_user(block, "journey"), right)
    assert status == 200 and state["score"] == {"earned": 5.0, "possible": 5.0}
    solution = state["solutions"]["d1l1-definition"]
    correct = token("d1l1-definition", "b")
    assert solution["correct"] == [correct]
    assert "definition used in the lecture" in solution["feedback"][correct]
    assert "<strong>currency</strong>" in solution["explanation"]
    assert "Your best score: 5 / 5" in state["messages"]


def test_nothing_secret_reaches_the_learner_before_the_policy_allows():
    block = workbench_block(quiz_olx(max_attempts=2, showanswer="finished"), "snoop")
    wire = LearnerWire(block, "snoop")
    wire.load_page()
    assert wire.call("save_draft", {"answers": {"single": "a", "numeric": "12"}})[0] == 200
    wire.load_page()
    status, hint = wire.call("hint", {"question": "single"})
    assert status == 200 and HINT_MARKER in hint["hints"][0]
    assert wire.call("student_view_user_state", {})[0] == 200
    assert wire.call("submit", {"answers": ALL_WRONG, "attempt": 0})[0] == 200
    assert wire.call("reset", {})[0] == 200
    wire.load_page()
    assert wire.call("submit", {"answers": {"bogus": 1}, "attempt": 1})[0] == 400
    assert wire.call("submit", {"answers": ALL_WRONG, "attempt": 0})[0] == 409
    assert wire.call("statistics", {})[0] == 403
    for handler in ("studio_text", "studio_preview", "studio_parse"):  # editor only
        assert wire.call(handler, {"fields": {}})[0] == 403
    assert wire.leaked() == []
    # The last attempt closes the quiz: "finished" now shows answers, so they arrive.
    assert wire.call("submit", {"answers": ALL_WRONG, "attempt": 1})[0] == 200
    wire.load_page()
    assert set(wire.leaked()) >= {"SECRET-EXPLANATION-TEXT", "SECRET-FEEDBACK-RIGHT", "4817.25"}


def test_hints_are_not_sent_before_they_are_asked_for():
    block = workbench_block(quiz_olx(), "hint-asker")
    wire = LearnerWire(block, "hint-asker")
    wire.load_page()
    assert HINT_MARKER not in "".join(wire.received)
    wire.call("hint", {"question": "single"})
    page = wire.load_page().runtime.render(wire.block(), "student_view").content
    assert HINT_MARKER in page


def test_drafts_survive_a_page_reload():
    block = workbench_block(quiz_olx(), "reloader")
    draft = {"single": "c", "multiple": ["a", "d"], "numeric": "48", "text": "zan"}
    assert call_handler(block, "save_draft", {"answers": draft})[0] == 200
    reloaded = as_user(block, "reloader")
    html = reloaded.runtime.render(reloaded, "student_view").content
    token = block.choice_tokens.token
    assert f'value="{token("single", "c")}" checked' in html
    assert f'value="{token("multiple", "d")}" checked' in html
    assert 'value="48"' in html and 'value="zan"' in html


def test_order_and_draw_are_stable_per_learner_and_differ_across_learners():
    block = workbench_block(SCENARIOS[1][1], "orderer-0")

    def order(user_id):
        learner = as_user(block, user_id)
        return [
            (q["id"], tuple(c["id"] for c in q["choices"])) for q in learner.learner_questions()
        ]

    first = order("orderer-0")
    assert len(first) == 3 and first == order("orderer-0")
    assert len({tuple(order(f"orderer-{n}")) for n in range(8)}) > 1
    learner = as_user(block, "orderer-0")
    submit(learner, {})
    assert as_user(block, "orderer-0").presented == [qid for qid, _choices in first]


def test_due_dates_from_olx_close_the_quiz():
    xml = quiz_olx().replace("<seminar_quiz ", '<seminar_quiz due="2020-01-01T00:00:00Z" ', 1)
    block = workbench_block(xml, "latecomer")
    status, answer = submit(block, ALL_RIGHT)
    assert status == 403 and "due date" in answer["error"]
    state = block.learner_state()
    assert state["closed_reason"] == "past_due"
    assert state["solutions"]  # "finished": closed, so answers are shown


def race(blocks, bodies):
    """Fire one submit per block at the same moment, each on its own thread and runtime."""
    barrier = threading.Barrier(len(blocks))
    statuses = []

    def fire(block, body):
        try:
            barrier.wait(timeout=10)
            statuses.append(call_handler(block, "submit", body)[0])
        finally:
            connection.close()

    threads = [
        threading.Thread(target=fire, args=pair) for pair in zip(blocks, bodies, strict=True)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    return sorted(statuses)


def racers_for_the_last_attempt(user_id):
    block = workbench_block(quiz_olx(max_attempts=2), user_id)
    assert submit(block, ALL_WRONG)[0] == 200
    racers = [as_user(block, user_id) for _ in range(2)]
    for racer in racers:
        assert racer.attempts == 1  # both have read "attempt 2 of 2 is free"
    return block, racers


def test_two_submissions_racing_for_the_last_attempt_count_once():
    block, racers = racers_for_the_last_attempt("racer")
    bodies = [{"answers": answers, "attempt": 1} for answers in (ALL_RIGHT, ALL_WRONG)]
    assert race(racers, bodies) == [200, 409]
    after = as_user(block, "racer")
    assert after.attempts == 2 and after.submission_count == 2
    assert after.learner_state()["closed"]


def test_without_the_claim_both_racers_would_count(monkeypatch):
    # The control: it shows the race above is real, and that the claim is what stops it.
    monkeypatch.setattr(claims.AttemptClaim, "acquire", lambda self: True)
    _block, racers = racers_for_the_last_attempt("unguarded-racer")
    bodies = [{"answers": answers, "attempt": 1} for answers in (ALL_RIGHT, ALL_WRONG)]
    assert race(racers, bodies) == [200, 200]


def test_statistics_lose_no_answers_when_learners_submit_at_once():
    block = workbench_block(quiz_olx(), "stats-setup")
    learners = [as_user(block, f"crowd-{n}") for n in range(8)]
    bodies = [
        {"answers": {"single": "b" if n % 2 else "a", "tf": "a"}, "attempt": 0} for n in range(8)
    ]
    assert race(learners, bodies) == [200] * 8
    staff = as_user(block, "staff_stats")
    status, stats = call_handler(staff, "statistics", {})
    assert status == 200 and stats["available"] and stats["learners"] == 8
    single = stats["questions"][0]
    assert single["answered"] == 8 and single["correct"] == 4 and single["percent_correct"] == 50.0
    assert {c["id"]: c["count"] for c in single["choices"]} == {"a": 4, "b": 4, "c": 0}
    assert stats["questions"][2]["correct"] == 8


def test_the_report_reads_the_workbench_state():
    from xblocks.common.learner_states import iter_learner_states as learner_states

    block = workbench_block(quiz_olx(), "reporter")
    submit(block, ALL_RIGHT)
    rows = [
        row
        for row in block.generate_report_data(
            type("S", (), {"username": name, "state": state})
            for name, state in learner_states(block)
        )
    ]
    assert len(rows) == 5 and {name for name, _row in rows} == {"reporter"}


def test_an_author_edit_in_studio_reaches_the_learner():
    block = workbench_block(quiz_olx(), "staff_author")
    fields = {name: getattr(block, name) for name in ("display_name", "questions")}
    fields["questions"][0]["prompt"] = "Edited in Studio: who holds the money?"
    status, _answer = call_handler(block, "studio_submit", {"fields": fields})
    assert status == 200
    learner = as_user(block, "after-edit")
    html = learner.runtime.render(learner, "student_view").content
    assert "Edited in Studio: who holds the money?" in html


def test_the_dev_server_cache_keeps_a_claim_while_hundreds_of_learners_submit():
    """Django culls a third of a cache past MAX_ENTRIES (300 by default): the load test saw
    a claim evicted and a racing double submission accepted. Claims must survive."""
    block = workbench_block(quiz_olx(), "claimant")
    claim = claims.AttemptClaim(block, 0)
    assert claim.acquire()
    for number in range(2_000):  # other learners' claims
        claims.AttemptClaim(as_user(block, f"other-{number}"), 0).acquire()
    assert not claims.AttemptClaim(block, 0).acquire()


def test_a_claim_cache_that_keeps_nothing_is_reported_to_the_admin(caplog):
    """A DummyCache grants every claim, so the race guard is off: the log says so, once."""
    from django.conf import settings
    from django.test import override_settings

    nothing = {"nothing": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}
    block = workbench_block(quiz_olx(), "dummy-claimant")
    with override_settings(CACHES={**settings.CACHES, **nothing}):
        with caplog.at_level("WARNING", logger=claims.__name__):
            assert claims.AttemptClaim(block, 0, "nothing").acquire()
            assert claims.AttemptClaim(block, 0, "nothing").acquire()  # it kept nothing
            claims.AttemptClaim(block, 0).acquire()  # the shared cache: no warning
    warnings = [record.getMessage() for record in caplog.records]
    assert warnings == [
        "ATTEMPT_CLAIM_CACHE 'nothing' keeps nothing: racing submissions both count"
    ]
