"""The quiz block's fields: authored content and settings, and each learner's state.

`due`, `graceperiod`, `showanswer`, `show_correctness` and `max_attempts` carry the names
and scopes of capa's fields, so that Open edX's inheritance passes a subsection's or the
course's values down to the quiz exactly as it does to a problem.
"""

from xblock.core import XBlockMixin
from xblock.fields import Boolean, Dict, Float, Integer, List, Scope, String

from xblocks.common.fields import Date, Timedelta
from xblocks.common.i18n import gettext_noop as _

from .questions import GRADING_POLICIES, SHOW_CORRECTNESS_VALUES, SHOWANSWER_VALUES


def _options(values):
    return [{"display_name": value, "value": value} for value in values]


class QuizFields(XBlockMixin):
    """Fields of the quiz block (names are a contract with the course build and OLX)."""

    questions = List(
        display_name=_("Questions"),
        help=_("The quiz questions, their choices, answers, hints and explanations."),
        scope=Scope.content,
        default=[],
    )
    max_attempts = Integer(
        display_name=_("Maximum attempts"),
        help=_("How many times a learner may submit. Empty: as many times as they like."),
        scope=Scope.settings,
        default=None,
        values={"min": 1},
    )
    grading = String(
        display_name=_("Grading"),
        help=_("Which attempt counts: the best one or the last one."),
        scope=Scope.settings,
        default="best",
        values=_options(GRADING_POLICIES),
    )
    showanswer = String(
        display_name=_("Show answer"),
        help=_("When learners may see the answers, feedback and explanations."),
        scope=Scope.settings,
        default="finished",
        values=_options(SHOWANSWER_VALUES),
    )
    show_correctness = String(
        display_name=_("Show correctness"),
        help=_("When learners may see whether their answers are correct, and their score."),
        scope=Scope.settings,
        default="always",
        values=_options(SHOW_CORRECTNESS_VALUES),
    )
    shuffle = Boolean(
        display_name=_("Shuffle"),
        help=_("Show questions and choices in an order of each learner's own."),
        scope=Scope.settings,
        default=False,
    )
    draw = Integer(
        display_name=_("Questions drawn per learner"),
        help=_("0: every learner answers every question. N: each learner gets N of the pool."),
        scope=Scope.settings,
        default=0,
        values={"min": 0},
    )
    weight = Float(
        display_name=_("Weight"),
        help=_("How many points the quiz is worth in the course grade."),
        scope=Scope.settings,
        default=1.0,
        values={"min": 0, "step": 0.1},
    )
    due = Date(help=_("Date that this quiz is due by"), scope=Scope.settings)
    graceperiod = Timedelta(
        help=_("Amount of time after the due date that submissions will be accepted"),
        scope=Scope.settings,
    )

    # Learner state. `attempts` is the key the instructor "reset attempts" tool edits.
    attempts = Integer(
        help=_("Submissions counted against the limit"), scope=Scope.user_state, default=0
    )
    submission_count = Integer(
        help=_("Submissions ever made (the reset-attempts tool leaves it)"),
        scope=Scope.user_state,
        default=0,
    )
    draft = Dict(help=_("Responses typed but not submitted"), scope=Scope.user_state, default={})
    answers = Dict(help=_("Responses of the last submission"), scope=Scope.user_state, default={})
    best_answers = Dict(
        help=_("Responses of the best-scoring submission"), scope=Scope.user_state, default={}
    )
    presented = List(
        help=_("Ids of the questions drawn for this learner, kept at the first submission"),
        scope=Scope.user_state,
        default=[],
    )
    done = Boolean(
        help=_("The last submission is on show (false after 'Try again')"),
        scope=Scope.user_state,
        default=False,
    )
    raw_earned = Float(
        help=_("The recorded grade: points earned"), scope=Scope.user_state, default=None
    )
    raw_possible = Float(
        help=_("The recorded grade: points possible"), scope=Scope.user_state, default=None
    )
    last_earned = Float(
        help=_("Points of the last submission"), scope=Scope.user_state, default=None
    )
    best_earned = Float(
        help=_("Points of the best submission"), scope=Scope.user_state, default=None
    )
    hints_shown = Dict(
        help=_("How many hints each question has revealed"), scope=Scope.user_state, default={}
    )
    # The learner's own row, written once: item analysis reads it (item_analysis.py).
    first_attempt = Dict(
        help=_("The first graded attempt: each question's score and chosen choice ids"),
        scope=Scope.user_state,
        default={},
    )
