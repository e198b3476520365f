"""Our events become xAPI statements in the real event-routing-backends, on the LMS.

A learner calls the handlers through the LMS; the platform's tracker routes the event through
the `event_transformer` backend that ERB's settings build (with our allowlist), and ERB's
XApiProcessor writes each statement to the `xapi_tracking` log, the stream that Aspects'
Vector reads into ClickHouse. The tests read that stream: nothing of the chain is stubbed.
"""

import json
import logging

import pytest
from tincan import Statement

from tests.platform.course import client_for

from .conftest import lms_block
from .handlers import correct_answers, post
from .test_learner_journey import student_module

EVALUATED = "https://w3id.org/xapi/acrossx/verbs/evaluated"


class Collector(logging.Handler):
    def __init__(self):
        super().__init__()
        self.statements = []

    def emit(self, record):
        self.statements.append(json.loads(record.getMessage()))


@pytest.fixture
def statements():
    """The xAPI statements ERB logs while the test runs, as JSON."""
    from openedx.core.djangoapps.external_user_ids.models import ExternalIdType

    # The row the platform's migration 0005 adds (the tables here are made without
    # migrations): ERB's actor is the learner's external id of this type.
    ExternalIdType.objects.get_or_create(name=ExternalIdType.XAPI)
    collector = Collector()
    logger = logging.getLogger("xapi_tracking")
    logger.addHandler(collector)
    # Some earlier test's logging set-up (dictConfig) may have disabled the logger.
    previous = logger.level, logger.disabled
    logger.level, logger.disabled = logging.INFO, False
    try:
        yield collector.statements
    finally:
        logger.removeHandler(collector)
        logger.level, logger.disabled = previous


def set_quiz_policy(quiz_key, **fields):
    """What an author sets in Studio, published."""
    from xmodule.modulestore import ModuleStoreEnum
    from xmodule.modulestore.django import modulestore

    store = modulestore()
    with store.branch_setting(ModuleStoreEnum.Branch.draft_preferred, quiz_key.course_key):
        block = store.get_item(quiz_key)
        for name, value in fields.items():
            setattr(block, name, value)
        store.update_item(block, ModuleStoreEnum.UserID.test)
        store.publish(quiz_key, ModuleStoreEnum.UserID.test)


def iri(kind, key):
    from django.conf import settings

    return f"{settings.LMS_ROOT_URL}/{kind}/{key}"


def round_trip(statement):
    """The statement as tincan reads it back: a valid xAPI statement, or an exception."""
    parsed = Statement.from_json(json.dumps(statement))
    assert json.loads(parsed.to_json()) == statement
    assert parsed.actor.account.home_page and parsed.actor.account.name
    return parsed


def about(statements, block_key):
    return [s for s in statements if s["object"]["id"].startswith(iri("xblock", block_key))]


def assert_in_course(statement, course_key):
    parents = statement["context"]["contextActivities"]
    course = iri("course", course_key)
    ids = [a["id"] for a in parents.get("parent", []) + parents.get("grouping", [])]
    assert course in ids


def test_a_quiz_submission_becomes_statements_with_the_learners_grade(blocks, learner, statements):
    quiz = blocks["seminar_quiz"][10]
    set_quiz_policy(quiz, showanswer="always", show_correctness="always")
    answers, attempt = correct_answers(learner, quiz)
    post(client_for(learner), quiz, "submit", {"answers": answers, "attempt": attempt})
    row = student_module(learner, quiz)
    quiz_statement, *questions = about(statements, quiz)
    for statement in (quiz_statement, *questions):
        round_trip(statement)
        assert statement["verb"]["id"] == EVALUATED
        assert_in_course(statement, quiz.course_key)
        assert statement["actor"]["account"]["name"] != learner.username
    assert quiz_statement["object"]["id"] == iri("xblock", quiz)
    score = quiz_statement["result"]["score"]
    assert (score["raw"], score["max"]) == (row.grade, row.max_grade)
    assert score["scaled"] == 1.0 and quiz_statement["result"]["success"] is True
    assert len(questions) == len(answers) == row.max_grade
    block = lms_block(learner, quiz)
    by_id = {q["id"]: q for q in block.learner_questions()}
    for statement in questions:
        question = by_id[statement["object"]["id"].rsplit("/question/", 1)[1]]
        assert statement["context"]["statement"]["id"] == quiz_statement["id"]
        assert statement["result"]["success"] is True
        assert statement["result"]["score"]["scaled"] == 1.0
        # The response as the quiz stores it: choice ids (the browser sent tokens), or text.
        stored = block.choice_tokens.from_browser(question, answers[question["id"]])
        expected = stored if isinstance(stored, str) else json.dumps(stored)
        assert statement["result"]["response"] == expected
    assert len({s["id"] for s in statements}) == len(statements)


def test_no_score_correctness_or_response_while_the_policy_hides_them(blocks, learner, statements):
    quiz = blocks["seminar_quiz"][11]
    set_quiz_policy(quiz, showanswer="never", show_correctness="never")
    answers, attempt = correct_answers(learner, quiz)
    post(client_for(learner), quiz, "submit", {"answers": answers, "attempt": attempt})
    assert student_module(learner, quiz).grade > 0  # graded, but the learner may not see it
    quiz_statement, *questions = about(statements, quiz)
    assert len(questions) == len(answers)
    for statement in (quiz_statement, *questions):
        round_trip(statement)
        assert "result" not in statement
    attempt_id = "http://id.tincanapi.com/extension/attempt-id"
    assert quiz_statement["object"]["definition"]["extensions"][attempt_id] == 1


def test_a_hint_is_asked_on_the_hint_of_its_question(blocks, learner, statements):
    quiz = next(
        key
        for key in blocks["seminar_quiz"]
        if any(q["hints"] for q in lms_block(learner, key).learner_questions())
    )
    question = next(q for q in lms_block(learner, quiz).learner_questions() if q["hints"])
    post(client_for(learner), quiz, "hint", {"question": question["id"]})
    (statement,) = about(statements, quiz)
    round_trip(statement)
    assert statement["verb"]["id"] == "http://adlnet.gov/expapi/verbs/asked"
    assert statement["object"]["id"] == f"{iri('xblock', quiz)}/question/{question['id']}/hint/1"


def test_faq_votes_questions_and_searches_become_statements(blocks, learner, statements):
    faq = blocks["seminar_faq"][0]
    client = client_for(learner)
    entry = lms_block(learner, faq).all_entries()[0]["id"]
    post(client, faq, "vote", {"entry_id": entry, "vote": "yes"})
    asked = post(client, faq, "ask", {"question": "Is there a certificate for this seminar?"})
    post(client, faq, "log_search", {"query_length": 11, "result_count": 3})
    voted, question, searched = about(statements, faq)
    for statement in (voted, question, searched):
        round_trip(statement)
        assert_in_course(statement, faq.course_key)
    assert voted["verb"]["id"] == "https://w3id.org/xapi/openedx/verb/voted"
    assert voted["object"]["id"] == f"{iri('xblock', faq)}/entry/{entry}"
    assert voted["result"]["response"] == "yes"
    question_id = asked.json()["question"]["id"]
    assert question["verb"]["id"] == "http://adlnet.gov/expapi/verbs/asked"
    assert question["object"]["id"] == f"{iri('xblock', faq)}/question/{question_id}"
    assert "certificate" not in json.dumps(question)  # the text stays in the LMS
    assert searched["verb"]["id"] == "https://w3id.org/xapi/acrossx/verbs/searched"
    assert searched["object"]["id"] == iri("xblock", faq)
    extensions = searched["result"]["extensions"]
    assert extensions["https://w3id.org/xapi/acrossx/extensions/total-items"] == 3
    assert 11 in extensions.values()


@pytest.mark.parametrize("ours_first", [True, False], ids=["ours-first", "erb-first"])
def test_our_events_reach_erbs_xapi_backend_whichever_plugin_settings_run_first(ours_first):
    """The platform applies plugins' settings in entry-point order, which nothing fixes."""
    from types import SimpleNamespace

    from event_routing_backends.settings import common as erb

    from xblocks.analytics import settings as ours
    from xblocks.analytics.events import XAPI_EVENTS

    settings = SimpleNamespace(LMS_ROOT_URL="http://lms.example", EVENT_TRACKING_BACKENDS={})
    for plugin in (ours, erb) if ours_first else (erb, ours):
        plugin.plugin_settings(settings)
    backend = settings.EVENT_TRACKING_BACKENDS["event_transformer"]["OPTIONS"]
    routed = backend["processors"][0]["OPTIONS"]["whitelist"]
    xapi = backend["backends"]["xapi"]["OPTIONS"]["processors"][0]["OPTIONS"]["whitelist"]
    for name in (*XAPI_EVENTS, "problem_check"):
        assert name in routed and name in xapi and name in settings.EVENT_BUS_TRACKING_LOGS
    assert len(xapi) == len(set(xapi))
