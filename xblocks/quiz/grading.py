"""Scores and grades: Open edX's ScorableXBlockMixin on top of the learner's stored state.

Every question is worth one raw point; the platform scales the raw score by `weight`.
The recorded grade (`raw_earned` / `raw_possible`) follows the grading policy: the best
or the last submission. The last and best responses are both kept, so a rescore after
an answer key changes regrades both and keeps whichever now scores higher.

Completion comes from the grade: Open edX marks a scorable block complete when it
publishes a grade, so the block does not also emit completion events of its own.
"""

from datetime import UTC, datetime

from xblock.scorable import ScorableXBlockMixin, Score

from xblocks.common.services import anonymous_user_id, user_is_staff
from xblocks.common.translations import numbered

from .policy import Policy
from .responses import score_response
from .selection import presented_questions


class GradingMixin(ScorableXBlockMixin):
    """The learner's questions, policy and score (needs QuizFields)."""

    icon_class = "problem"

    def learner_seed(self):
        return f"{anonymous_user_id(self)}:{self.scope_ids.usage_id}"

    def learner_questions(self):
        """This learner's questions (drawn, ordered, choices ordered), in their language."""
        return presented_questions(
            self.reading_questions(),
            self.learner_seed(),
            self.draw,
            self.shuffle,
            kept=self.presented,
        )

    def reading_questions(self, language=None):
        """The questions with the texts of one language (default: the learner's). Grading
        is language-blind: ids, choices and keys are the source's, and a text answer
        accepts (`answer["accepted"]`) the source's answers and every translation's."""
        language = self.reading_language() if language is None else language
        questions = self.localized_values(language)["questions"]
        translations = self.translations or {}
        source = {question["id"]: question for question in self.questions}
        for question in questions:
            if question.get("type") != "text" or question["id"] not in source:
                continue
            answer, own = question["answer"], source[question["id"]]["answer"]["alternatives"]
            accepted = list(own)
            for code, texts in sorted(translations.items()):
                theirs = numbered(texts, f"questions.{question['id']}.answer.alternatives")
                accepted += theirs
                if code == language:
                    own = theirs or own
            answer["alternatives"], answer["accepted"] = list(own), accepted
        return questions

    def policy(self, now=None):
        return Policy(
            showanswer=self.showanswer or "",
            show_correctness=self.show_correctness or "always",
            max_attempts=self.max_attempts,
            attempts=self.attempts,
            due=self.due,
            graceperiod=self.graceperiod,
            earned=self.raw_earned,
            possible=self.raw_possible or float(self.max_score()),
            staff=user_is_staff(self),
            now=now or datetime.now(UTC),
        )

    def max_score(self):
        count = len(self.questions)
        return min(self.draw, count) if self.draw else count

    @staticmethod
    def question_scores(questions, responses):
        """{question id: score from 0 to 1} for stored responses."""
        return {q["id"]: score_response(q, responses.get(q["id"])) for q in questions}

    # ScorableXBlockMixin -------------------------------------------------------------

    def has_submitted_answer(self):
        return self.submission_count > 0 or self.raw_earned is not None

    def get_score(self):
        if self.raw_earned is None:
            return Score(raw_earned=0.0, raw_possible=float(self.max_score()))
        return Score(raw_earned=self.raw_earned, raw_possible=self.raw_possible)

    def set_score(self, score):
        self.raw_earned = float(score.raw_earned)
        self.raw_possible = float(score.raw_possible)

    def calculate_score(self):
        """The grade the stored responses earn against the current questions (no writes)."""
        last, best, possible = self._regrade()
        earned = last if self.grading == "last" else max(last, best)
        return Score(raw_earned=earned, raw_possible=possible)

    def _regrade(self):
        questions = self.learner_questions()
        last = sum(self.question_scores(questions, self.answers).values())
        best = sum(self.question_scores(questions, self.best_answers or self.answers).values())
        return last, best, float(len(questions))

    def rescore(self, only_if_higher):
        """Regrade the stored responses (after an answer key changed) and publish it."""
        if not self.has_submitted_answer():
            raise ValueError(self.gettext("This learner has not submitted the quiz yet."))
        last, best, _possible = self._regrade()
        if best < last:
            self.best_answers, best = dict(self.answers), last
        self.last_earned, self.best_earned = last, best
        new_score = self.calculate_score()
        if not only_if_higher or self.raw_earned is None or new_score.raw_earned > self.raw_earned:
            self.set_score(new_score)
        self._publish_grade(new_score, only_if_higher)

    def publish_grade(self, score=None, only_if_higher=None):
        """Send the recorded (or given) score to the gradebook: also used by score overrides."""
        score = score or self.get_score()
        event = {"value": score.raw_earned, "max_value": score.raw_possible}
        if only_if_higher is not None:
            event["only_if_higher"] = only_if_higher
        self.runtime.publish(self, "grade", event)
        return event
