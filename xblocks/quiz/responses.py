"""Learners' responses: checked on the way in, scored on the server only.

A response is what the learner gave for one question: a choice id (single, true/false),
a list of choice ids (multiple), or the text typed (numeric, text; kept as typed so the
form can show it again). Scores run from 0 to 1 per question.
"""

import re
import unicodedata

MAX_RESPONSE_CHARS = 200
# Number separators learners type in other scripts and locales.
_DECIMAL_SIGNS = {"\u066b": ".", "\uff0e": "."}  # Arabic decimal separator, full-width dot
_GROUP_SIGNS = ("\u066c", "\u00a0", "\u202f", "\u2009", " ", "'", "_")  # never a decimal sign
_AMBIGUOUS_COMMA = re.compile(r"^[+-]?\d{1,3},\d{3}$")  # "1,000": thousands or 1.0?


class ResponseError(ValueError):
    """A response that cannot be a response to its question (the message says why)."""


def is_blank(response):
    return response is None or response == "" or response == []


def check_response(question, value, gettext, draft=False):
    """The response in stored form, or ResponseError. Blank responses are allowed.

    Drafts keep what the learner is typing, so a numeric draft need not parse yet.
    """
    _ = gettext
    kind = question["type"]
    if is_blank(value):
        return [] if kind == "multiple" else None
    choice_ids = [choice["id"] for choice in question["choices"]]
    if kind in ("single", "true_false"):
        if not isinstance(value, str) or value not in choice_ids:
            raise ResponseError(_("Pick one of the choices."))
        return value
    if kind == "multiple":
        if (
            not isinstance(value, list)
            or not all(isinstance(item, str) and item in choice_ids for item in value)
            or len(set(value)) != len(value)
        ):
            raise ResponseError(_("Pick from the choices given, each at most once."))
        return [choice_id for choice_id in choice_ids if choice_id in value]
    if isinstance(value, int | float) and not isinstance(value, bool) and kind == "numeric":
        value = repr(value)
    if not isinstance(value, str):
        raise ResponseError(_("Type your answer as text."))
    if len(value) > MAX_RESPONSE_CHARS:
        raise ResponseError(
            _("Your answer is longer than {n} characters.").format(n=MAX_RESPONSE_CHARS)
        )
    value = value.strip()
    if kind == "numeric" and not draft and value:
        parse_number(value, gettext)
    return value or None


def parse_number(text, gettext):
    """A float from what a learner typed: '27.2', '27,2', '١٣٢', '1 000'; else ResponseError."""
    _ = gettext
    text = unicodedata.normalize("NFKC", text).strip()
    for sign, replacement in _DECIMAL_SIGNS.items():
        text = text.replace(sign, replacement)
    for sign in _GROUP_SIGNS:
        text = text.replace(sign, "")
    if "," in text and "." in text:
        text = text.replace(",", "")
    elif "," in text:
        if _AMBIGUOUS_COMMA.match(text):
            raise ResponseError(
                _(
                    "Write '{text}' without the comma: '1000' for a thousand, '1.5' for a fraction."
                ).format(text=text)
            )
        text = text.replace(",", ".")
    try:
        number = float(text)
    except ValueError:
        raise ResponseError(_("'{text}' is not a number.").format(text=text[:40])) from None
    if number != number or number in (float("inf"), float("-inf")):
        raise ResponseError(_("'{text}' is not a number.").format(text=text[:40]))
    return number


def normalise_text(text):
    """Case-insensitive, width-insensitive, with runs of spaces made one."""
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())


def score_response(question, response):
    """The score from 0 to 1 for a stored response (0 for blank or mismatched responses)."""
    if is_blank(response):
        return 0.0
    kind = question["type"]
    if kind in ("single", "true_false"):
        correct = {choice["id"] for choice in question["choices"] if choice["correct"]}
        return 1.0 if response in correct else 0.0
    if kind == "multiple":
        return _score_multiple(question, response)
    if not isinstance(response, str):
        return 0.0
    if kind == "numeric":
        return _score_numeric(question["answer"], response)
    return _score_text(question["answer"], response)


def _score_multiple(question, response):
    if not isinstance(response, list):
        return 0.0
    chosen = set(response)
    correct = {choice["id"] for choice in question["choices"] if choice["correct"]}
    if question.get("partial") == "per_choice":
        # Documented rule (docs/authoring.md): right picks minus wrong picks, over the
        # number of correct choices, never below zero.
        right = len(chosen & correct)
        wrong = len(chosen - correct)
        return max(0.0, (right - wrong) / len(correct)) if correct else 0.0
    return 1.0 if chosen == correct else 0.0


def _score_numeric(answer, response):
    try:
        number = parse_number(response, lambda text: text)
    except ResponseError:
        return 0.0
    # A hair of slack so that 27.3 - 27.2 <= 0.1 holds despite binary fractions.
    slack = 1e-9 * max(1.0, abs(answer["value"]))
    return 1.0 if abs(number - answer["value"]) <= answer["tolerance"] + slack else 0.0


def _score_text(answer, response):
    typed = normalise_text(response)
    # "accepted": every language's answers (see GradingMixin.reading_questions).
    accepted = answer.get("accepted") or answer["alternatives"]
    if any(typed == normalise_text(alternative) for alternative in accepted):
        return 1.0
    regex = answer.get("regex")
    if regex and re.fullmatch(regex, " ".join(response.split()), re.IGNORECASE):
        return 1.0
    return 0.0


def status_of(score):
    """'correct', 'partial' or 'incorrect' for a question score."""
    if score >= 1.0:
        return "correct"
    return "partial" if score > 0 else "incorrect"
