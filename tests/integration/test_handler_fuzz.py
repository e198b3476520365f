"""Hostile requests to every JSON handler of every block: each gets a 4xx JSON answer that
names the problem, and nothing stored changes.

Each handler is called by the user it serves (a learner, or course staff for staff and
authoring handlers), so the requests get past the permission check to the validation.
"""

import json

import pytest

from tests.runtimes import call_handler

from .handler_cases import HANDLERS, LEARNER, case_id, cases, fresh_block, stored_state

pytestmark = pytest.mark.usefixtures("workbench_db")

DEEP = 5000
# Bodies no handler accepts: too deep for the parser, deep but parseable, too large,
# not an object, not JSON, not UTF-8.
BODIES = {
    "nested arrays": b"[" * DEEP,
    "nested objects": b'{"a":' * DEEP,
    "closed nesting": b"[" * DEEP + b"]" * DEEP,
    "deep but parseable": b'{"a": ' + b"[" * 900 + b"]" * 900 + b"}",
    "over every size limit": b'{"a": "' + b"x" * (5 * 1024 * 1024) + b'"}',
    "array": b"[1, 2]",
    "string": b'"text"',
    "number": b"12",
    "null": b"null",
    "truncated": b'{"a": ',
    "latin-1": '{"a": "é"}'.encode("latin-1"),
}
# Values of the wrong type (or size) for every key a handler reads.
WRONG_VALUES = {
    "number": 1.5,
    "boolean": True,
    "nested lists": [[[["x"]]]],
    "object": {"$": [None, {"a": 1}]},
    "text longer than any field takes": "<script>alert(1)</script>" * 10_000,
}


def caller(block_class, handler):
    allowed = HANDLERS[block_class][handler][0]
    return "fuzz_learner" if allowed == LEARNER else "staff_fuzzer"


def assert_refused(block, handler, body):
    before = stored_state()
    status, answer = call_handler(block, handler, body)
    assert 400 <= status < 500, (handler, status, answer)
    assert isinstance(answer, dict) and isinstance(answer.get("error"), str) and answer["error"]
    assert stored_state() == before


@pytest.mark.parametrize("case", cases(), ids=case_id)
def test_malformed_bodies_are_refused_and_change_nothing(case):
    block_class, handler = case
    block = fresh_block(block_class, caller(*case))
    for label, body in BODIES.items():
        try:
            assert_refused(block, handler, body)
        except AssertionError as failure:
            raise AssertionError(f"{label}: {failure}") from None


@pytest.mark.parametrize(
    "case", [case for case in cases() if HANDLERS[case[0]][case[1]][1]], ids=case_id
)
def test_wrongly_typed_values_are_refused_and_change_nothing(case):
    block_class, handler = case
    keys = HANDLERS[block_class][handler][1]
    block = fresh_block(block_class, caller(*case))
    for label, value in WRONG_VALUES.items():
        body = json.dumps(dict.fromkeys(keys, value)).encode()
        try:
            assert_refused(block, handler, body)
        except AssertionError as failure:
            raise AssertionError(f"every key {label}: {failure}") from None
