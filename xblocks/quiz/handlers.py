"""The learner's JSON handlers: submit, save a draft, reveal a hint, try again, read state.

Each handler checks the whole request before it writes a field, so a refused request
(4xx JSON naming what is wrong) leaves no trace. The submit event carries each answer's
response, correctness and score for analytics (server-side tracking, as capa's
problem_check); nothing of it goes into an answer the browser reads.
"""

from xblock.exceptions import JsonHandlerError

from xblocks.common.handlers import json_api, json_response, require
from xblocks.common.services import block_settings

from .claims import DEFAULT_CACHE, AttemptClaim
from .item_analysis import analysis_record
from .responses import ResponseError, check_response, is_blank, status_of

SUBMIT_MAX_BYTES = 32 * 1024


class Refusal(JsonHandlerError):
    """A 4xx JSON answer with details beside the message (e.g. which question)."""

    def __init__(self, status, message, **details):
        super().__init__(status, message)
        self.details = details

    def get_response(self, **kwargs):
        return json_response({"error": self.message, **self.details}, status=self.status_code)


class LearnerHandlersMixin:
    """Handlers a learner's browser or the mobile app calls (needs the other quiz mixins)."""

    def checked_responses(self, answers, questions, draft=False):
        """{question id: stored response} for the learner's questions, or a 400 Refusal."""
        _ = self.gettext
        require(isinstance(answers, dict), _("'answers' must be an object of question ids."))
        by_id = {question["id"]: question for question in questions}
        tokens = self.choice_tokens
        checked = {}
        for question_id, value in answers.items():
            if question_id not in by_id:
                raise Refusal(
                    400,
                    _("'{id}' is not one of your questions.").format(id=str(question_id)[:64]),
                    question=str(question_id)[:64],
                )
            try:
                question = by_id[question_id]
                value = tokens.from_browser(question, value)
                checked[question_id] = check_response(question, value, _, draft)
            except ResponseError as exc:
                number = list(by_id).index(question_id) + 1
                raise Refusal(
                    400,
                    _("Question {number}: {problem}").format(number=number, problem=exc),
                    question=question_id,
                ) from None
        return checked

    def refuse_if_closed(self, policy):
        _ = self.gettext
        if policy.closed():
            message = (
                _("This quiz is closed: its due date has passed.")
                if policy.closed_reason() == "past_due"
                else _("This quiz is closed: you have used all your attempts.")
            )
            raise Refusal(403, message, reason=policy.closed_reason())

    @json_api(max_bytes=SUBMIT_MAX_BYTES)
    def submit(self, data, suffix=""):
        """Grade one attempt: {"answers": {question id: response}, "attempt": n}."""
        _ = self.gettext
        questions = self.learner_questions()
        responses = self.checked_responses(data.get("answers"), questions)
        attempt = data.get("attempt")
        require(
            isinstance(attempt, int) and not isinstance(attempt, bool),
            _("'attempt' must be the attempt number shown with the quiz."),
        )
        policy = self.policy()
        self.refuse_if_closed(policy)
        stale = _("This quiz was submitted from another window. Reload the page to continue.")
        if attempt != self.attempts:
            raise Refusal(409, stale, reason="stale")
        cache_alias = block_settings(self).get("ATTEMPT_CLAIM_CACHE", DEFAULT_CACHE)
        claim = AttemptClaim(self, attempt, cache_alias)
        if not claim.acquire():
            raise Refusal(409, stale, reason="stale")
        try:
            self.record_submission(questions, responses)
            self.save()
        except Exception:
            claim.release()
            raise
        self.publish_grade()
        state = self.learner_state(questions)
        self.publish_submitted(questions, responses, state)
        return state

    def record_submission(self, questions, responses):
        scores = self.question_scores(questions, responses)
        earned, possible = sum(scores.values()), float(len(questions))
        if self.submission_count == 0 and not self.first_attempt:
            self.first_attempt = analysis_record(questions, responses, scores)
        kept = {qid: value for qid, value in responses.items() if not is_blank(value)}
        if self.best_earned is None or earned > self.best_earned:
            self.best_earned, self.best_answers = earned, kept
        self.last_earned, self.answers = earned, kept
        self.presented = [question["id"] for question in questions]
        self.attempts += 1
        self.submission_count += 1
        self.done = True
        self.draft = {}
        grade = earned if self.grading == "last" else self.best_earned
        self.raw_earned, self.raw_possible = grade, possible

    def publish_submitted(self, questions, responses, state):
        """The server-side tracking event. `submission` holds, per question, what an
        analytics pipeline needs (as capa's problem_check does), but only what the learner
        may see at this attempt (DESIGN.md: no answer or correctness in an event before the
        show-answer policy allows it): the attempt always; the score and correctness once
        results are shown; the response once solutions are. The event of the attempt the
        policy reveals carries them all. It goes to the tracking log, never to a handler."""
        scores = self.question_scores(questions, responses)
        submission = {}
        for question in questions:
            qid = question["id"]
            entry = submission[qid] = {"attempt": self.attempts}
            if state["score"]:
                score = scores[qid]
                entry.update(correct=score >= 1.0, status=status_of(score), score=score)
            if state["solutions"]:
                entry["response"] = responses.get(qid)
        event = {
            "attempt": self.attempts,
            "max_attempts": self.max_attempts,
            "question_ids": [question["id"] for question in questions],
            "submission": submission,
        }
        if state["score"]:
            event["grade"] = state["score"]
            event["results"] = {qid: r["status"] for qid, r in state["results"].items()}
        if state["solutions"]:
            event["responses"] = responses
        self.runtime.publish(self, "seminar.quiz.submitted", event)

    @json_api(max_bytes=SUBMIT_MAX_BYTES)
    def save_draft(self, data, suffix=""):
        """Keep responses typed but not submitted: {"answers": {question id: response}}."""
        questions = self.learner_questions()
        responses = self.checked_responses(data.get("answers"), questions, draft=True)
        self.refuse_if_closed(self.policy())
        self.draft = {qid: value for qid, value in responses.items() if not is_blank(value)}
        return {"saved": True}

    @json_api(max_bytes=1024)
    def hint(self, data, suffix=""):
        """Reveal the next hint of one question: {"question": question id}."""
        _ = self.gettext
        questions = {question["id"]: question for question in self.learner_questions()}
        question_id = data.get("question")
        question = questions.get(question_id) if isinstance(question_id, str) else None
        require(question is not None, _("Name one of your questions."))
        shown = int(self.hints_shown.get(question["id"], 0))
        require(shown < len(question["hints"]), _("This question has no more hints."))
        self.hints_shown = {**self.hints_shown, question["id"]: shown + 1}
        self.runtime.publish(
            self,
            "seminar.quiz.hint_shown",
            {"question_id": question["id"], "hint": shown + 1, "hints": len(question["hints"])},
        )
        return {
            "question": question["id"],
            "hints": self.revealed_hints([question])[question["id"]],
        }

    @json_api(max_bytes=1024)
    def reset(self, data, suffix=""):
        """'Try again': clear the form and the results on show; attempts and grade stay."""
        _ = self.gettext
        policy = self.policy()
        self.refuse_if_closed(policy)
        require(self.done or self.draft, _("There is nothing to clear yet."), status=409)
        self.done = False
        self.draft = {}
        self.runtime.publish(
            self,
            "seminar.quiz.reset",
            {"attempt": self.attempts, "max_attempts": self.max_attempts},
        )
        return self.learner_state(policy=policy)

    @json_api(methods=("GET", "POST"), max_bytes=1024)
    def student_view_user_state(self, data, suffix=""):
        """The learner's state for the mobile apps (docs/native-api.md)."""
        return self.learner_state()
