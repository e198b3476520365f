"""The shared JSON handler: bad input gets a clear 4xx and the handler never runs."""

from xblock.fields import Integer, Scope

from tests.runtimes import call_handler, json_request, make_block
from xblocks.common.base import SeminarBlock
from xblocks.common.handlers import json_api, require


class CounterBlock(SeminarBlock):
    count = Integer(default=0, scope=Scope.user_state)

    @json_api(max_bytes=100)
    def add(self, data, suffix=""):
        require(isinstance(data.get("n"), int), "n must be a whole number")
        self.count += data["n"]
        return {"count": self.count}

    @json_api()
    def set_count(self, data, suffix=""):
        require(isinstance(data.get("n"), int), "n must be a whole number")
        self.count = data["n"]
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


def test_deeply_nested_json_is_a_400_and_changes_nothing():
    block = make_block(CounterBlock)
    for body in (b"[" * 5000, b'{"n":' * 5000, b"[" * 5000 + b"]" * 5000):
        status, answer = call_handler(block, "set_count", body)
        assert status == 400 and "nested" in answer["error"]
    assert block.count == 0


def test_nesting_deeper_than_any_handler_reads_is_refused_before_the_handler_runs():
    # Parseable, but deep enough that a handler's own recursion (str, deepcopy) could fail.
    block = make_block(CounterBlock)
    nested = b'{"n": 1, "pad": ' + b"[" * 500 + b"]" * 500 + b"}"
    status, answer = call_handler(block, "set_count", nested)
    assert status == 400 and "nested" in answer["error"]
    assert block.count == 0
    shallow = {"n": 1, "pad": [[[[{"a": [1]}]]]]}
    assert call_handler(block, "set_count", shallow) == (200, {"count": 1})


def test_a_body_announced_larger_than_the_limit_is_refused_unread():
    block = make_block(CounterBlock)
    request = json_request({"n": 1})
    request.headers["Content-Length"] = str(10**9)
    response = block.runtime.handle(block, "add", request)
    assert response.status_code == 413
    assert block.count == 0


def test_responses_carry_text_as_utf8_and_a_lone_surrogate_as_its_json_escape():
    import json

    from xblocks.common.handlers import json_response

    arabic = "التجارة الإلكترونية"
    response = json_response({"text": arabic, "odd": "a\ud800b"})
    assert arabic.encode("utf-8") in response.body  # not six-byte \u escapes
    assert response.body.decode("utf-8").count("\\ud800") == 1
    assert json.loads(response.body) == {"text": arabic, "odd": "a\ud800b"}
