"""Quiz block (`seminar_quiz`): graded questions that Open edX trusts with grades.

The class only assembles the mixins, each one idea: fields, grading (ScorableXBlockMixin),
the learner's visible state, learner handlers, reports, Studio, OLX.
"""

import hashlib
from html import escape

from xblock.core import XBlock

from xblocks.common.base import SeminarBlock
from xblocks.common.i18n import content_language_args
from xblocks.common.markdown import index_text, line_text, markdown_text
from xblocks.common.resources import BlockResources
from xblocks.common.services import user_is_staff
from xblocks.common.translations import TRANSLATABLE

from .analysis_report import ItemAnalysisMixin
from .fields import QuizFields
from .grading import GradingMixin
from .handlers import LearnerHandlersMixin
from .olx import OlxMixin
from .scenarios import SCENARIOS
from .state import LearnerStateMixin, render_inline
from .stats import ReportsMixin
from .studio import StudioMixin

resources = BlockResources(__name__)
# The statistics and item analysis: only staff pages carry their code.
STAFF_JS = ["js/quiz_stats.js", "js/quiz_analysis.js"]


@XBlock.wants("studio_user_permissions")  # who may use the editor in Studio (authoring.py)
class QuizBlock(
    GradingMixin,
    LearnerStateMixin,
    LearnerHandlersMixin,
    ReportsMixin,
    ItemAnalysisMixin,
    StudioMixin,
    OlxMixin,
    QuizFields,
    SeminarBlock,
):
    """A set of questions graded on the server, with attempts, hints and feedback."""

    translatable = TRANSLATABLE["seminar_quiz"]

    def dom_id(self):
        """A prefix for element ids, unique per block on a page."""
        return "sq-" + hashlib.sha256(str(self.scope_ids.usage_id).encode()).hexdigest()[:10]

    @XBlock.supports("multi_device")
    def student_view(self, context=None):
        questions = self.learner_questions()
        policy = self.policy()
        state = self.learner_state(questions, policy)
        staff = user_is_staff(self)
        context = {
            "uid": self.dom_id(),
            "title": self.localized_values()["display_name"] or self.gettext("Quiz"),
            "own_title": bool(self.display_name),
            "questions": self.question_views(questions, state["responses"], state["hints"]),
            "closed": state["closed"],
            "messages": state["messages"],
            "staff": staff,
            # In the page through json_script, not in init args: the state holds author
            # text (answers, feedback) and the learner's own responses.
            "state": state,
        }
        return resources.fragment(
            self,
            "templates/student_view.html",
            context,
            css=["css/quiz.css"],
            js=["js/quiz.js", *STAFF_JS] if staff else ["js/quiz.js"],
            init="SeminarQuizBlock",
            args={
                "strings": self.js_strings(),
                "staff": staff,
                "content": content_language_args(self.content_language_tag()),
            },
        )

    def question_views(self, questions, responses, hints):
        """Template-ready questions: sanitised HTML, and the learner's responses filled in."""
        tokens = self.choice_tokens
        views = []
        for number, question in enumerate(questions, start=1):
            response = responses.get(question["id"])
            chosen = response if isinstance(response, list) else [response]
            views.append(
                {
                    "id": question["id"],
                    "number": number,
                    "type": question["type"],
                    "multiple": question["type"] == "multiple",
                    "prompt_html": render_inline(question["prompt"]),
                    "choices": [
                        {
                            "id": token,  # `responses` are as the browser sees them
                            "text_html": self.choice_label(question, choice),
                            "checked": token in chosen,
                        }
                        for choice, token in zip(
                            question["choices"], tokens.tokens(question), strict=True
                        )
                    ],
                    "value": response if isinstance(response, str) else "",
                    "hint_count": len(question["hints"]),
                    "hints_html": hints.get(question["id"], []),
                }
            )
        return views

    def choice_label(self, question, choice):
        """A choice's text; a true/false question's two choices in the learner's language."""
        words = {"true": self.gettext("True"), "false": self.gettext("False")}
        word = choice["text"].strip().lower()
        if question["type"] == "true_false" and word in words:
            return escape(words[word])
        return render_inline(choice["text"])  # also a translation's own "Vrai" / "Faux"

    def js_strings(self):
        _ = self.gettext
        return {
            "correct": _("Correct"),
            "incorrect": _("Incorrect"),
            "partial": _("Partly correct"),
            "correctAnswer": _("Correct answer"),
            "answer": _("Answer:"),
            "explanation": _("Explanation"),
            "hintButton": _("Show hint {n} of {total}"),
            "saved": _("Draft saved"),
            "submitting": _("Submitting your answers…"),
            "networkError": _(
                "Your request could not be sent. Check your connection and try again."
            ),
            "statsLearners": _("Learners who submitted: {n}"),
            "statsAverage": _("Average score: {p}%"),
            # xgettext:no-python-format ("% c" is not a placeholder)
            "statsAnswered": _("Learners who answered: {n}; correct: {p}%"),
            "statsNone": _("No answers yet"),
            "statsShow": _("Show statistics"),
            "statsHide": _("Hide statistics"),
            "statsLoading": _("Loading the statistics…"),
            "statsShown": _("The statistics are shown below the button."),
            # A choice's text and how many learners chose it.
            "statsChoice": _("{choice}: {n}"),
        }

    def student_view_data(self, context=None):
        """The quiz for the mobile apps, the same for every learner: no answers in it.
        `*_html` is sanitised HTML, every other text plain text (markup removed). In the
        source language, or in `context["lang"]` where the quiz has it."""
        language = self.reading_language((context or {}).get("lang", ""), learner=False)
        values = self.localized_values(language)
        return {
            "display_name": line_text(values["display_name"]),
            **self.language_data(language),
            "max_attempts": self.max_attempts,
            "grading": self.grading,
            "shuffle": self.shuffle,
            "draw": self.draw,
            "max_score": self.max_score(),
            "weight": self.weight,
            "questions": self.mobile_questions(values["questions"]),
        }

    def mobile_questions(self, questions):
        tokens = self.choice_tokens

        def choices(question):
            listed = [
                {
                    "id": token,
                    "text": markdown_text(choice["text"]),
                    "text_html": render_inline(choice["text"]),
                }
                for choice, token in zip(question["choices"], tokens.tokens(question), strict=True)
            ]
            # Shuffled quizzes list choices in token order: authored order may point at the answer.
            return sorted(listed, key=lambda choice: choice["id"]) if self.shuffle else listed

        return [
            {
                "id": question["id"],
                "type": question["type"],
                "prompt": markdown_text(question["prompt"]),
                "prompt_html": render_inline(question["prompt"]),
                "choices": choices(question),
                "hint_count": len(question["hints"]),
            }
            for question in questions
        ]

    def index_dictionary(self):
        """Search index content: prompts and choice texts, never answers or feedback, as
        plain text, HTML-escaped (see `index_text`); each translation's as `text_<lang>`."""
        translated = self.offered_languages()[1:]
        base = getattr(super(), "index_dictionary", None)
        body = base() if base else {}
        content = {
            "display_name": index_text(line_text(self.display_name)),
            "questions": index_text(*self.index_texts(self.questions)),
            **{
                f"text_{language}": index_text(
                    line_text(self.localized_values(language)["display_name"]),
                    *self.index_texts(self.localized_values(language)["questions"]),
                )
                for language in translated
            },
        }
        body["content"] = {**body.get("content", {}), **content}
        body["content_type"] = "Quiz"
        return body

    @staticmethod
    def index_texts(questions):
        texts = []
        for question in questions:
            texts.append(question["prompt"])
            texts.extend(choice["text"] for choice in question["choices"])
        return list(map(markdown_text, texts))

    @staticmethod
    def workbench_scenarios():
        return SCENARIOS
