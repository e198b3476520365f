"""Calling our handlers as the browser does: through the LMS's handler view, logged in."""

import json

from django.urls import reverse

from .conftest import lms_block


def handler_url(usage_key, handler):
    from openedx.core.lib.url_utils import quote_slashes

    return reverse("xblock_handler", kwargs={
        "course_id": str(usage_key.course_key), "usage_id": quote_slashes(str(usage_key)),
        "handler": handler,
    })  # fmt: skip


def post(client, usage_key, handler, payload, expect=200):
    """POST JSON to a handler; the response, once its status is `expect`."""
    response = client.post(
        handler_url(usage_key, handler), data=json.dumps(payload), content_type="application/json"
    )
    assert response.status_code == expect, response.content[:300]
    return response


def correct_answers(user, quiz_key):
    """What a learner who knows every answer submits: tokens for choices, text for the rest."""
    block = lms_block(user, quiz_key)
    answers = {}
    for question in block.learner_questions():
        tokens = block.choice_tokens.tokens(question)
        right = [t for t, c in zip(tokens, question["choices"], strict=True) if c.get("correct")]
        if question["type"] == "multiple":
            answers[question["id"]] = right
        elif question["type"] in ("single", "true_false"):
            answers[question["id"]] = right[0]
        elif question["type"] == "numeric":
            answers[question["id"]] = str(question["answer"]["value"])
        else:
            answers[question["id"]] = question["answer"]["alternatives"][0]
    return answers, block.attempts
