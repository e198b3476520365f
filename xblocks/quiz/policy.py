"""When a learner may submit, see correctness, and see answers: capa's rules, server side.

The rules follow capa's ProblemBlock so that course-wide settings mean the same here:
`due` + `graceperiod` close the quiz, `show_correctness` gates correctness and scores, and
`showanswer` gates answers, feedback and explanations (never before correctness). Staff
see answers unless the policy is `never`, as in capa.
"""

from dataclasses import dataclass
from datetime import UTC, datetime


@dataclass(frozen=True)
class Policy:
    showanswer: str
    show_correctness: str
    max_attempts: int | None
    attempts: int
    due: datetime | None
    graceperiod: object  # datetime.timedelta or None
    earned: float | None  # the recorded grade, None before any submission
    possible: float
    staff: bool = False
    now: datetime | None = None

    @property
    def current_time(self):
        return self.now or datetime.now(UTC)

    @property
    def close_date(self):
        if self.due is None:
            return None
        return self.due + self.graceperiod if self.graceperiod else self.due

    def is_past_due(self):
        return self.close_date is not None and self.current_time > self.close_date

    def used_all_attempts(self):
        return self.max_attempts is not None and self.attempts >= self.max_attempts

    def closed(self):
        return self.used_all_attempts() or self.is_past_due()

    def closed_reason(self):
        if self.is_past_due():
            return "past_due"
        return "attempts" if self.used_all_attempts() else None

    def is_attempted(self):
        return self.attempts > 0

    def is_correct(self):
        """The recorded grade is full marks."""
        return self.earned is not None and self.possible > 0 and self.earned >= self.possible

    def correctness_available(self):
        if self.show_correctness == "never":
            return False
        if self.staff:
            return True
        if self.show_correctness == "past_due":
            return self.close_date is None or self.is_past_due()
        return True

    def answer_available(self):
        if not self.correctness_available() or self.showanswer in ("", "never"):
            return False
        if self.staff:
            return True
        rule = _SHOWANSWER_RULES.get(self.showanswer)
        return bool(rule and rule(self))


_SHOWANSWER_RULES = {
    "always": lambda p: True,
    "answered": lambda p: p.is_correct(),
    "attempted": lambda p: p.is_attempted() or p.is_past_due(),
    "closed": lambda p: p.closed(),
    "finished": lambda p: p.closed() or p.is_correct(),
    "correct_or_past_due": lambda p: p.is_correct() or p.is_past_due(),
    "past_due": lambda p: p.is_past_due(),
    # Newer capa values, which a course can pass down by inheritance.
    "after_all_attempts": lambda p: p.used_all_attempts(),
    "after_all_attempts_or_correct": lambda p: p.used_all_attempts() or p.is_correct(),
    "attempted_no_past_due": lambda p: p.is_attempted(),
}
