"""xAPI transformers for our blocks' events, in event-routing-backends' registry.

Imported only by `SeminarAnalyticsConfig.ready()` where ERB is installed: the one module that
imports ERB. Each statement says only what its event carries: the quiz event holds a
question's score and correctness only once the show-answer policy shows results, and its
response only once solutions are shown, so a statement without them has no result for them.

Shapes follow ERB's own: a quiz submission is `evaluated` (ERB's server-side problem_check
verb, which Aspects' problem charts read) on the quiz, with one child statement a question
pointing back to it; a hint is `asked` as ERB's demand hint is. Object ids are the block's
`<LMS>/xblock/<usage key>`, extended with `/question/<id>`, `/hint/<n>`, `/entry/<id>`.
"""

import json
from urllib.parse import quote

from event_routing_backends.processors.xapi import constants
from event_routing_backends.processors.xapi.registry import XApiTransformersRegistry
from event_routing_backends.processors.xapi.transformer import (
    OneToManyChildXApiTransformerMixin,
    OneToManyXApiTransformerMixin,
    XApiTransformer,
)
from tincan import Activity, ActivityDefinition, Extensions, LanguageMap, Result, Verb

from . import events

# What ERB has no constant for: the AcrossX profile's search verb and activity, ADL's
# assessment activity, and extensions of our own for what no profile names.
XAPI_VERB_SEARCHED = "https://w3id.org/xapi/acrossx/verbs/searched"
XAPI_ACTIVITY_SEARCH_ENGINE = "https://w3id.org/xapi/acrossx/activities/search-engine"
XAPI_ACTIVITY_ASSESSMENT = "http://adlnet.gov/expapi/activities/assessment"
EXTENSION = "https://github.com/seminar-xblocks/seminar-xblocks/xapi/extensions/{}"
EXTENSION_MAX_ATTEMPTS = EXTENSION.format("max-attempts")
EXTENSION_QUERY_LENGTH = EXTENSION.format("query-length")
EXTENSION_SEARCH_MODE = EXTENSION.format("search-mode")
EXTENSION_PREVIOUS_VOTE = EXTENSION.format("previous-vote")
EXTENSION_QUESTION_LENGTH = EXTENSION.format("question-length")
EXTENSION_QUESTION = EXTENSION.format("question")


def verb(iri, display):
    return Verb(id=iri, display=LanguageMap({constants.EN: display}))


def part(value):
    """An id as one path segment of an IRI."""
    return quote(str(value), safe="")


def as_text(response):
    """xAPI's result.response is a string: choices and other structures go as JSON."""
    return response if isinstance(response, str) else json.dumps(response, ensure_ascii=False)


class BlockEventTransformer(XApiTransformer):
    """An event of one of our blocks, published through its runtime in the LMS."""

    def block_iri(self):
        return self.get_object_iri("xblock", self.get_data("context.module.usage_key", True))

    def activity(self, iri, activity_type, name=None, **extensions):
        extensions = {key: value for key, value in extensions.items() if value is not None}
        return Activity(
            id=iri,
            definition=ActivityDefinition(
                type=activity_type,
                name=LanguageMap({constants.EN_US: name}) if name else None,
                extensions=Extensions(extensions) if extensions else None,
            ),
        )

    def block_activity(self, activity_type, **extensions):
        name = self.get_data("context.module.display_name")
        return self.activity(self.block_iri(), activity_type, name, **extensions)


class QuestionEvaluatedTransformer(OneToManyChildXApiTransformerMixin, BlockEventTransformer):
    """One question of a quiz submission, as a child of the quiz's statement."""

    _verb = verb(constants.XAPI_VERB_EVALUATED, constants.EVALUATED)
    additional_fields = ("result",)

    def entry(self):
        return (self.get_data("data.submission") or {}).get(self.child_id) or {}

    def get_object(self):
        return self.activity(
            f"{self.block_iri()}/question/{part(self.child_id)}",
            constants.XAPI_ACTIVITY_QUESTION,
            **{constants.XAPI_ACTIVITY_ATTEMPT: self.entry().get("attempt")},
        )

    def get_result(self):
        entry, fields = self.entry(), {}
        if "score" in entry:
            score = entry["score"]
            fields["score"] = {"raw": score, "min": 0, "max": 1, "scaled": score}
            fields["success"] = bool(entry["correct"])
        if entry.get("response") is not None:
            fields["response"] = as_text(entry["response"])
        return Result(**fields) if fields else None


@XApiTransformersRegistry.register(events.QUIZ_SUBMITTED)
class QuizSubmittedTransformer(OneToManyXApiTransformerMixin, BlockEventTransformer):
    """A graded attempt: the quiz's statement (the grade, once shown), then one a question."""

    _verb = verb(constants.XAPI_VERB_EVALUATED, constants.EVALUATED)
    additional_fields = ("result",)
    child_transformer_class = QuestionEvaluatedTransformer

    def get_child_ids(self):
        return list(self.get_data("data.question_ids") or [])

    def get_object(self):
        return self.block_activity(
            XAPI_ACTIVITY_ASSESSMENT,
            **{
                constants.XAPI_ACTIVITY_ATTEMPT: self.get_data("data.attempt"),
                EXTENSION_MAX_ATTEMPTS: self.get_data("data.max_attempts"),
            },
        )

    def get_result(self):
        grade = self.get_data("data.grade")
        if not grade:
            return None
        earned, possible = grade["earned"], grade["possible"]
        return Result(
            score={
                "raw": earned,
                "min": 0,
                "max": possible,
                "scaled": earned / possible if possible else 0,
            },
            success=possible > 0 and earned >= possible,
        )


@XApiTransformersRegistry.register(events.QUIZ_HINT_SHOWN)
class HintShownTransformer(BlockEventTransformer):
    """A hint revealed: `asked` on the hint, as ERB maps capa's demand hints."""

    _verb = verb(constants.XAPI_VERB_ASKED, constants.ASKED)

    def get_object(self):
        question = part(self.get_data("data.question_id", True))
        hint = self.get_data("data.hint", True)
        return self.activity(
            f"{self.block_iri()}/question/{question}/hint/{hint}",
            constants.XAPI_ACTIVITY_SUPPLEMENTAL_INFO,
            **{constants.XAPI_ACTIVITY_TOTAL_COUNT: self.get_data("data.hints")},
        )


@XApiTransformersRegistry.register(events.QUIZ_RESET)
class QuizResetTransformer(BlockEventTransformer):
    """'Try again': the learner starts a fresh form for the next attempt."""

    _verb = verb(constants.XAPI_VERB_INITIALIZED, constants.INITIALIZED)

    def get_object(self):
        return self.block_activity(
            XAPI_ACTIVITY_ASSESSMENT,
            **{
                constants.XAPI_ACTIVITY_ATTEMPT: self.get_data("data.attempt"),
                EXTENSION_MAX_ATTEMPTS: self.get_data("data.max_attempts"),
            },
        )


@XApiTransformersRegistry.register(events.FAQ_SEARCHED)
class FaqSearchedTransformer(BlockEventTransformer):
    """A search of the FAQ: its length and result count (the event holds no query text)."""

    _verb = verb(XAPI_VERB_SEARCHED, "searched")
    additional_fields = ("result",)

    def get_object(self):
        return self.block_activity(XAPI_ACTIVITY_SEARCH_ENGINE)

    def get_result(self):
        return Result(
            extensions=Extensions(
                {
                    EXTENSION_QUERY_LENGTH: self.get_data("data.query_length"),
                    constants.XAPI_ACTIVITY_TOTAL_COUNT: self.get_data("data.result_count"),
                    EXTENSION_SEARCH_MODE: self.get_data("data.mode"),
                }
            )
        )


@XApiTransformersRegistry.register(events.FAQ_VOTED)
class FaqVotedTransformer(BlockEventTransformer):
    """'Was this helpful?': the learner's vote on an entry ("withdrawn" when taken back)."""

    _verb = verb(constants.XAPI_VERB_VOTED, constants.VOTED)
    additional_fields = ("result",)

    def get_object(self):
        entry = part(self.get_data("data.entry_id", True))
        return self.activity(f"{self.block_iri()}/entry/{entry}", constants.XAPI_ACTIVITY_RESOURCE)

    def get_result(self):
        previous = self.get_data("data.previous")
        return Result(
            response=self.get_data("data.vote") or "withdrawn",
            extensions=Extensions({EXTENSION_PREVIOUS_VOTE: previous}) if previous else None,
        )


@XApiTransformersRegistry.register(events.FAQ_QUESTION_SUBMITTED)
class FaqQuestionSubmittedTransformer(BlockEventTransformer):
    """A learner's question for the staff queue (its length; the text stays in the LMS)."""

    _verb = verb(constants.XAPI_VERB_ASKED, constants.ASKED)
    additional_fields = ("result",)

    def get_object(self):
        question = part(self.get_data("data.question_id", True))
        return self.activity(
            f"{self.block_iri()}/question/{question}", constants.XAPI_ACTIVITY_QUESTION
        )

    def get_result(self):
        return Result(
            extensions=Extensions({EXTENSION_QUESTION_LENGTH: self.get_data("data.length")})
        )


@XApiTransformersRegistry.register(events.FAQ_QUESTION_PUBLISHED)
class FaqQuestionPublishedTransformer(BlockEventTransformer):
    """Staff answered a learner's question as a new entry: `posted` on that entry."""

    _verb = verb(constants.XAPI_VERB_POSTED, constants.POSTED)

    def get_object(self):
        entry = part(self.get_data("data.entry_id", True))
        question = part(self.get_data("data.question_id", True))
        return self.activity(
            f"{self.block_iri()}/entry/{entry}",
            constants.XAPI_ACTIVITY_RESOURCE,
            **{EXTENSION_QUESTION: f"{self.block_iri()}/question/{question}"},
        )


@XApiTransformersRegistry.register(events.FAQ_QUESTION_DISMISSED)
class FaqQuestionDismissedTransformer(BlockEventTransformer):
    """Staff removed a learner's question from the queue without an answer."""

    _verb = verb(constants.XAPI_VERB_DELETED, constants.DELETED)

    def get_object(self):
        question = part(self.get_data("data.question_id", True))
        return self.activity(
            f"{self.block_iri()}/question/{question}", constants.XAPI_ACTIVITY_QUESTION
        )
