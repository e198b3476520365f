"""The shared JSON handler: bad input gets a clear 4xx and the handler never runs."""

from xblock.fields import Integer, Scope

from tests.runtimes import call_handler, make_block
from xblocks.common.base import SeminarBlock
from xblocks.common.handlers import json_api, require


class CounterBlock(SeminarBlock):
    count = Integer(default=0, scope=Scope.user_state)

    @json_api(max_bytes=100)
    def add(self, data, suffix=""):
        require(isinstance(data.get("n"), int), "n must be a whole number")
        self.count += data["n"]
        return {"count": self.count}

    @json_api(staff_only=True)
    def reset(self, data, suffix=""):
        self.count = 0
        return {"count": 0}


def test_valid_request_runs_the_handler():
    block = make_block(CounterBlock)
    assert call_handler(block, "add", {"n": 2}) == (200, {"count": 2})


def test_malformed_json_is_a_400_and_changes_nothing():
    block = make_block(CounterBlock)
    status, body = call_handler(block, "add", b"{not json")
    assert status == 400 and "not valid JSON" in body["error"]
    assert block.count == 0


def test_wrong_types_and_non_objects_are_refused():
    block = make_block(CounterBlock)
    assert call_handler(block, "add", {"n": "2"})[0] == 400
    assert call_handler(block, "add", [1, 2])[0] == 400
    assert block.count == 0


def test_huge_payload_is_a_413():
    block = make_block(CounterBlock)
    status, body = call_handler(block, "add", {"n": 1, "pad": "x" * 500})
    assert status == 413 and body["error"]
    assert block.count == 0


def test_get_is_a_405():
    block = make_block(CounterBlock)
    assert call_handler(block, "add", b"", method="GET")[0] == 405


def test_staff_only_handler_refuses_learners_with_a_reason():
    learner_block = make_block(CounterBlock, count=5)
    status, body = call_handler(learner_block, "reset", {})
    assert status == 403 and "staff" in body["error"]
    assert learner_block.count == 5
    staff_block = make_block(CounterBlock, staff=True, count=5)
    assert call_handler(staff_block, "reset", {}) == (200, {"count": 0})
