"""What a learner may see of their quiz, as one JSON-ready dict.

This is the only place that decides what leaves the server for a learner: the rendered
view, its init args, every handler answer and the mobile API all use `learner_state`.
Correctness and scores appear only when `show_correctness` allows; answers, per-choice
feedback and explanations only when `showanswer` allows.
"""

import re
from functools import cached_property

from xblocks.common.markdown import render_markdown

from .choice_tokens import ChoiceTokens
from .responses import status_of

_ONE_PARAGRAPH = re.compile(r"^<p>(.*)</p>$", re.DOTALL)


def render_inline(text):
    """Sanitised Markdown for a one-line string (prompt, choice, hint, feedback)."""
    html = render_markdown(text or "").strip()
    match = _ONE_PARAGRAPH.match(html)
    return match.group(1) if match and "<p>" not in match.group(1) else html


def format_points(value):
    return f"{value:g}" if value == round(value, 2) else f"{value:.2f}"


def format_number(value):
    return str(int(value)) if float(value).is_integer() else repr(float(value))


class LearnerStateMixin:
    """Builds the learner's state (needs QuizFields, GradingMixin, SeminarBlock)."""

    @cached_property
    def choice_tokens(self):
        return ChoiceTokens(self.scope_ids)

    def learner_state(self, questions=None, policy=None):
        questions = questions if questions is not None else self.learner_questions()
        policy = policy or self.policy()
        correctness = policy.correctness_available()
        submitted = self.has_submitted_answer()
        tokens = self.choice_tokens
        state = {
            "attempt": self.attempts,
            "max_attempts": self.max_attempts,
            "attempts_left": (
                None if self.max_attempts is None else max(0, self.max_attempts - self.attempts)
            ),
            "closed": policy.closed(),
            "closed_reason": policy.closed_reason(),
            "submitted": submitted,
            "done": self.done,
            "order": [{"id": q["id"], "choices": tokens.tokens(q)} for q in questions],
            "responses": self.shown_responses(questions),
            "hints": self.revealed_hints(questions),
            "hint_counts": {q["id"]: len(q["hints"]) for q in questions},
            "score": None,
            "results": {},
            "solutions": {},
        }
        if correctness and submitted and self.raw_earned is not None:
            state["score"] = {"earned": self.raw_earned, "possible": self.raw_possible}
        if correctness and self.done:
            scores = self.question_scores(questions, self.answers)
            state["results"] = {
                qid: {"status": status_of(score), "score": score} for qid, score in scores.items()
            }
        if policy.answer_available():
            state["solutions"] = {q["id"]: self.solution(q, tokens) for q in questions}
        state["messages"] = self.status_messages(state, policy)
        return state

    def shown_responses(self, questions):
        """What the form shows: the draft, else the submission on show (choices as tokens)."""
        by_id = {q["id"]: q for q in questions}
        source = self.draft or (self.answers if self.done else {})
        tokens = self.choice_tokens
        return {
            qid: tokens.to_browser(by_id[qid], value)
            for qid, value in source.items()
            if qid in by_id
        }

    def revealed_hints(self, questions):
        revealed = {}
        for question in questions:
            count = min(int(self.hints_shown.get(question["id"], 0)), len(question["hints"]))
            if count:
                revealed[question["id"]] = [render_inline(h) for h in question["hints"][:count]]
        return revealed

    def solution(self, question, tokens):
        """Answer, feedback and explanation of one question (only when policy allows)."""
        solution = {"explanation": render_markdown(question["explanation"])}
        if question["choices"]:
            qid = question["id"]
            solution["correct"] = [
                tokens.token(qid, c["id"]) for c in question["choices"] if c["correct"]
            ]
            solution["feedback"] = {
                tokens.token(qid, c["id"]): render_inline(c["feedback"])
                for c in question["choices"]
                if c["feedback"]
            }
        elif question["type"] == "numeric":
            answer = question["answer"]
            text = format_number(answer["value"])
            if answer["tolerance"]:
                text += " ± " + format_number(answer["tolerance"])
            solution["answer"] = text
        elif question["answer"]["alternatives"]:
            solution["answer"] = " / ".join(question["answer"]["alternatives"])
        return solution

    def status_messages(self, state, policy):
        """Translated sentences about attempts, closing and score, in reading order."""
        _, ngettext = self.gettext, self.ngettext
        messages = []
        if state["closed_reason"] == "past_due":
            messages.append(_("This quiz is closed: its due date has passed."))
        elif state["closed_reason"] == "attempts":
            messages.append(
                ngettext(
                    "This quiz is closed: you have used your {n} attempt.",
                    "This quiz is closed: you have used all {n} attempts.",
                    self.max_attempts,
                ).format(n=self.max_attempts)
            )
        if state["score"]:
            label = _("Your best score") if self.grading == "best" else _("Your score")
            messages.append(
                _("{label}: {earned} / {possible}").format(
                    label=label,
                    earned=format_points(state["score"]["earned"]),
                    possible=format_points(state["score"]["possible"]),
                )
            )
        elif state["submitted"] and not policy.correctness_available():
            messages.append(_("Your answers have been submitted. Results will be shown later."))
        if not state["closed"]:
            left = state["attempts_left"]
            if left is None:
                messages.append(_("You may submit as many times as you like."))
            else:
                messages.append(
                    ngettext(
                        "You have {n} attempt left.", "You have {n} attempts left.", left
                    ).format(n=left)
                )
        return messages
