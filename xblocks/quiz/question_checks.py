"""Checks of authored questions: each problem names the question and the field.

A question comes back in the canonical shape of `textformat.parse_quiz` (every key present,
`answer` None for choice questions, `choices` empty otherwise), or a Problem is recorded.
"""

import math
import re
from typing import NamedTuple

QUESTION_TYPES = ("single", "multiple", "true_false", "numeric", "text")
CHOICE_TYPES = ("single", "multiple", "true_false")
PARTIAL_RULES = ("none", "per_choice")
QUESTION_ID = re.compile(r"^[A-Za-z0-9_-]{1,64}$")
CHOICE_ID = re.compile(r"^[A-Za-z0-9_-]{1,16}$")
MAX_QUESTIONS = 200
MAX_CHOICES = 12
MAX_HINTS = 10
MAX_ALTERNATIVES = 20
MAX_LINE = 1000  # a prompt, choice, feedback, hint or alternative
MAX_EXPLANATION = 10000
# Lines the text format reserves: they cannot appear inside an explanation.
RESERVED_LINES = ("---", "[explanation]")


class Problem(NamedTuple):
    """One validation message: `field` is a dotted path ("questions.2.prompt")."""

    field: str
    message: str

    def as_dict(self):
        return {"field": self.field, "message": self.message}


def one_line(value):
    """Whitespace runs (newlines included) become one space."""
    return " ".join(str(value).split())


def to_number(value):
    """A finite float from a number or numeric text, else None."""
    if isinstance(value, bool):
        return None
    if isinstance(value, str):
        try:
            value = float(value.strip())
        except ValueError:
            return None
    if isinstance(value, int | float) and math.isfinite(value):
        return float(value)
    return None


def check_questions(questions, _, problems):
    """Cleaned questions; each problem found is appended to `problems`."""
    if not isinstance(questions, list) or not questions:
        problems.append(Problem("questions", _("Add at least one question.")))
        return []
    if len(questions) > MAX_QUESTIONS:
        problems.append(
            Problem("questions", _("A quiz has at most {n} questions.").format(n=MAX_QUESTIONS))
        )
        return []
    cleaned, seen = [], {}
    for index, question in enumerate(questions):
        checker = _QuestionChecker(index, question, _)
        result = checker.clean()
        problems.extend(checker.problems)
        if result is None:
            continue
        if result["id"] in seen:
            problems.append(
                Problem(
                    f"questions.{index}.id",
                    checker.label()
                    + _("the id is also used by question {number}; ids must be unique.").format(
                        number=seen[result["id"]] + 1
                    ),
                )
            )
        seen.setdefault(result["id"], index)
        cleaned.append(result)
    return cleaned


class _QuestionChecker:
    """Cleans one question, collecting Problems that name the question and the field."""

    def __init__(self, index, raw, gettext):
        self.index = index
        self.raw = raw if isinstance(raw, dict) else {}
        self.is_dict = isinstance(raw, dict)
        self._ = gettext
        self.problems = []

    def label(self):
        _ = self._
        question_id = self.raw.get("id")
        if isinstance(question_id, str) and question_id:
            return _("Question {number} ('{id}'): ").format(number=self.index + 1, id=question_id)
        return _("Question {number}: ").format(number=self.index + 1)

    def problem(self, field, message):
        path = f"questions.{self.index}" + (f".{field}" if field else "")
        self.problems.append(Problem(path, self.label() + message))

    def text(self, field, value, required_message, limit=MAX_LINE, multiline=False):
        _ = self._
        if value is None:
            value = ""
        if not isinstance(value, str):
            self.problem(field, _("this must be text."))
            return ""
        value = value.strip() if multiline else one_line(value)
        if required_message and not value:
            self.problem(field, required_message)
        elif len(value) > limit:
            self.problem(field, _("this is longer than {n} characters.").format(n=limit))
        return value

    def clean(self):
        _ = self._
        if not self.is_dict:
            self.problem("", _("this must be a question object."))
            return None
        question_id = self.raw.get("id")
        if not isinstance(question_id, str) or not QUESTION_ID.match(question_id):
            self.problem("id", _("the id may use only letters, digits, '-' and '_' (1 to 64)."))
        kind = self.raw.get("type")
        if kind not in QUESTION_TYPES:
            self.problem(
                "type",
                _("the type must be one of: {values}.").format(values=", ".join(QUESTION_TYPES)),
            )
            return None
        question = {
            "id": question_id if isinstance(question_id, str) else "",
            "type": kind,
            "prompt": self.text("prompt", self.raw.get("prompt"), _("write the question text.")),
            "choices": [],
            "answer": None,
            "hints": self.hints(),
            "explanation": self.explanation(),
            "partial": self.partial(kind),
        }
        if kind in CHOICE_TYPES:
            question["choices"] = self.choices(kind)
        elif kind == "numeric":
            question["answer"] = self.numeric_answer()
        else:
            question["answer"] = self.text_answer()
        return question

    def partial(self, kind):
        _ = self._
        partial = self.raw.get("partial") or "none"
        if partial not in PARTIAL_RULES:
            self.problem("partial", _("partial credit must be 'none' or 'per_choice'."))
            return "none"
        if partial != "none" and kind != "multiple":
            self.problem(
                "partial", _("partial credit applies to multiple-response questions only.")
            )
        return partial

    def hints(self):
        _ = self._
        hints = self.raw.get("hints") or []
        if not isinstance(hints, list) or len(hints) > MAX_HINTS:
            self.problem("hints", _("give at most {n} hints, one a line.").format(n=MAX_HINTS))
            return []
        cleaned = []
        for position, hint in enumerate(hints):
            text = self.text(f"hints.{position}", hint, None)
            if "||" in text:
                self.problem(f"hints.{position}", _("a hint cannot contain '||'."))
            if text:
                cleaned.append(text)
        return cleaned

    def explanation(self):
        _ = self._
        text = self.text(
            "explanation",
            self.raw.get("explanation"),
            _("write an explanation: learners see it when answers are shown."),
            limit=MAX_EXPLANATION,
            multiline=True,
        )
        text = "\n".join(line.rstrip() for line in text.splitlines())
        if any(line.strip() in RESERVED_LINES for line in text.splitlines()):
            self.problem(
                "explanation", _("a line of the explanation cannot be '---' or '[explanation]'.")
            )
        return text

    def choices(self, kind):
        _ = self._
        raw_choices = self.raw.get("choices")
        if not isinstance(raw_choices, list) or not 2 <= len(raw_choices) <= MAX_CHOICES:
            self.problem("choices", _("give from 2 to {n} choices.").format(n=MAX_CHOICES))
            return []
        choices, ids = [], set()
        for position, raw in enumerate(raw_choices):
            field = f"choices.{position}"
            if not isinstance(raw, dict):
                self.problem(
                    field, _("choice {number} must be a choice object.").format(number=position + 1)
                )
                continue
            choice_id = raw.get("id")
            if not isinstance(choice_id, str) or not CHOICE_ID.match(choice_id) or choice_id in ids:
                self.problem(
                    f"{field}.id",
                    _("choice {number} needs a unique id (letters, digits, '-', '_').").format(
                        number=position + 1
                    ),
                )
            ids.add(choice_id)
            text = self.text(
                f"{field}.text",
                raw.get("text"),
                _("choice {number} needs text.").format(number=position + 1),
            )
            feedback = self.text(f"{field}.feedback", raw.get("feedback"), None)
            if "{{" in text or "}}" in feedback:
                self.problem(
                    f"{field}.feedback",
                    _("choice {number}: '{{{{' and '}}}}' are reserved for feedback.").format(
                        number=position + 1
                    ),
                )
            if not isinstance(raw.get("correct", False), bool):
                self.problem(
                    f"{field}.correct",
                    _("choice {number}: correct must be true or false.").format(
                        number=position + 1
                    ),
                )
            choices.append(
                {
                    "id": choice_id,
                    "text": text,
                    "correct": raw.get("correct") is True,
                    "feedback": feedback,
                }
            )
        correct = sum(choice["correct"] for choice in choices)
        if kind == "multiple" and correct < 1:
            self.problem("choices", _("mark at least one choice correct."))
        if kind != "multiple" and correct != 1:
            self.problem("choices", _("mark exactly one choice correct."))
        if kind == "true_false" and sorted(c["text"].lower() for c in choices) != ["false", "true"]:
            self.problem(
                "choices",
                _(
                    "a true/false question has the two choices 'True' and 'False'; "
                    "use a single-choice question for other wording."
                ),
            )
        return choices

    def numeric_answer(self):
        _ = self._
        answer = self.raw.get("answer") if isinstance(self.raw.get("answer"), dict) else {}
        value = to_number(answer.get("value"))
        tolerance = to_number(
            answer.get("tolerance", 0) if answer.get("tolerance") not in ("", None) else 0
        )
        if value is None:
            self.problem("answer.value", _("give the correct answer as a number."))
        if tolerance is None or tolerance < 0:
            self.problem("answer.tolerance", _("the tolerance must be a number of 0 or more."))
        return {"value": value or 0.0, "tolerance": tolerance or 0.0}

    def text_answer(self):
        _ = self._
        answer = self.raw.get("answer") if isinstance(self.raw.get("answer"), dict) else {}
        alternatives = answer.get("alternatives") or []
        if not isinstance(alternatives, list) or len(alternatives) > MAX_ALTERNATIVES:
            self.problem(
                "answer.alternatives",
                _("give at most {n} accepted answers.").format(n=MAX_ALTERNATIVES),
            )
            alternatives = []
        cleaned = []
        for position, alternative in enumerate(alternatives):
            text = self.text(f"answer.alternatives.{position}", alternative, None)
            if text:
                cleaned.append(text)
        regex = answer.get("regex") or None
        if regex is not None:
            if not isinstance(regex, str) or "\n" in regex or len(regex) > MAX_LINE:
                self.problem("answer.regex", _("the regular expression must be one line of text."))
                regex = None
            else:
                try:
                    re.compile(regex)
                except re.error as exc:
                    self.problem(
                        "answer.regex",
                        _("the regular expression does not compile: {error}.").format(error=exc),
                    )
        if not cleaned and not regex:
            self.problem("answer", _("give at least one accepted answer or a regular expression."))
        return {"alternatives": cleaned, "regex": regex}
