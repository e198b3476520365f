"""What an authored quiz is: its settings and questions, validated and put in one shape.

Every path into the block (Studio form, Studio text mode, OLX import, the course build)
ends in `clean_quiz`, so the fields always hold one canonical shape: the shape
`textformat.parse_quiz` produces, which makes file -> block -> OLX -> block -> file exact.
Questions and settings are single-line where the quizzes/ text format needs one line.
"""

from xblocks.common.i18n import gettext_noop

from .question_checks import Problem, check_questions, one_line, to_number
from .textformat import GRADING_VALUES, SHOW_CORRECTNESS_VALUES, SHOWANSWER_VALUES

# One list of each policy's values, shared with the quizzes/ text format.
GRADING_POLICIES = GRADING_VALUES


class QuizInvalid(ValueError):
    """Raised with every Problem found; nothing is saved."""

    def __init__(self, problems):
        self.problems = list(problems)
        super().__init__("; ".join(problem.message for problem in self.problems))


def clean_quiz(values, gettext, partial=False):
    """Validate authored values; return them in canonical shape or raise QuizInvalid.

    `values` holds any of the settings and `questions`; with `partial`, only the keys
    given are checked and returned (OLX attributes may set a few).
    """
    _ = gettext
    problems = []
    cleaned = {}
    for name, cleaner in SETTING_CLEANERS.items():
        if name not in values:
            if not partial:
                cleaned[name] = SETTING_DEFAULTS[name]
            continue
        try:
            cleaned[name] = cleaner(values[name], _)
        except ValueError as exc:
            problems.append(Problem(name, str(exc)))
    if "questions" in values or not partial:
        cleaned["questions"] = check_questions(values.get("questions"), _, problems)
        draw = cleaned.get("draw") or 0
        if draw and cleaned["questions"] and draw > len(cleaned["questions"]):
            problems.append(
                Problem(
                    "draw",
                    _("Draw {draw} is more than the {count} questions in the pool.").format(
                        draw=draw, count=len(cleaned["questions"])
                    ),
                )
            )
    if problems:
        raise QuizInvalid(problems)
    return cleaned


def _clean_display_name(value, _):
    if not isinstance(value, str):
        raise ValueError(_("The title must be text."))
    value = one_line(value)
    if not value:
        raise ValueError(_("Give the quiz a title."))
    if len(value) > 200:
        raise ValueError(_("The title is longer than 200 characters."))
    return value


def _wholeto_number(value, _, minimum, label):
    if isinstance(value, str) and value.strip().isdigit():
        value = int(value.strip())
    if isinstance(value, bool) or not isinstance(value, int) or value < minimum:
        raise ValueError(
            _("{label} must be a whole number of at least {minimum}.").format(
                label=label, minimum=minimum
            )
        )
    return value


def _clean_max_attempts(value, _):
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    return _wholeto_number(value, _, 1, _("Maximum attempts"))


def _clean_draw(value, _):
    if value is None or (isinstance(value, str) and not value.strip()):
        return 0
    return _wholeto_number(value, _, 0, _("Questions drawn per learner"))


def _clean_weight(value, _):
    number = to_number(value)
    if number is None or number < 0 or number > 1000:
        raise ValueError(_("The weight must be a number from 0 to 1000."))
    return number


def _choice_cleaner(allowed, message):
    def clean(value, _):
        if value not in allowed:
            raise ValueError(_(message).format(values=", ".join(allowed)))
        return value

    return clean


def _clean_shuffle(value, _):
    if isinstance(value, str) and value.lower() in ("true", "false"):
        return value.lower() == "true"
    if not isinstance(value, bool):
        raise ValueError(_("Shuffle must be true or false."))
    return value


SETTING_CLEANERS = {
    "display_name": _clean_display_name,
    "max_attempts": _clean_max_attempts,
    "grading": _choice_cleaner(GRADING_POLICIES, gettext_noop("Grading must be one of: {values}.")),
    "showanswer": _choice_cleaner(
        SHOWANSWER_VALUES, gettext_noop("Show answer must be one of: {values}.")
    ),
    "show_correctness": _choice_cleaner(
        SHOW_CORRECTNESS_VALUES, gettext_noop("Show correctness must be one of: {values}.")
    ),
    "shuffle": _clean_shuffle,
    "draw": _clean_draw,
    "weight": _clean_weight,
}
SETTING_DEFAULTS = {
    "display_name": "",
    "max_attempts": None,
    "grading": "best",
    "showanswer": "finished",
    "show_correctness": "always",
    "shuffle": False,
    "draw": 0,
    "weight": 1.0,
}
