"""Who may call each handler of each block, through the workbench with real requests.

A plain learner gets a 403 JSON answer from every staff and authoring handler, and
nothing stored changes; the same request from the right caller is accepted.
"""

import pytest

from tests.runtimes import call_handler

from .handler_cases import (
    AUTHOR,
    HANDLERS,
    LEARNER,
    STAFF,
    case_id,
    cases,
    fresh_block,
    handler_names,
    stored_state,
)

pytestmark = pytest.mark.usefixtures("workbench_db")


@pytest.mark.parametrize("block_class", list(HANDLERS), ids=lambda cls: cls.__name__)
def test_every_handler_has_a_decision_about_who_may_call_it(block_class):
    assert handler_names(block_class) == sorted(HANDLERS[block_class])


@pytest.mark.parametrize("case", cases(STAFF) + cases(AUTHOR), ids=case_id)
def test_a_learner_is_refused_and_changes_nothing(case):
    block_class, handler = case
    block = fresh_block(block_class, "staff_setup")  # the payload may read authored values
    request = HANDLERS[block_class][handler][2](block)
    learner = fresh_block(block_class, "plain_learner")
    before = stored_state()
    status, body = call_handler(learner, handler, request)
    assert status == 403 and isinstance(body["error"], str) and body["error"]
    assert stored_state() == before


@pytest.mark.parametrize("case", cases(STAFF) + cases(AUTHOR), ids=case_id)
def test_the_same_request_from_course_staff_is_not_refused(case):
    block_class, handler = case
    block = fresh_block(block_class, "staff_member")
    status, _body = call_handler(block, handler, HANDLERS[block_class][handler][2](block))
    assert status != 403
    assert status in (200, 404)  # 404: the learner question to publish does not exist


@pytest.mark.parametrize("case", cases(LEARNER), ids=case_id)
def test_learner_handlers_serve_learners(case):
    block_class, handler = case
    block = fresh_block(block_class, "plain_learner")
    status, _body = call_handler(block, handler, HANDLERS[block_class][handler][2](block))
    assert status in (200, 409)  # 409: "Try again" with nothing to clear
