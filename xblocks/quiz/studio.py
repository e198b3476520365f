"""Studio: a form editor and a text mode (the quizzes/ format), one validating save.

Authors never see JSON. The form posts field values and the text mode posts the quiz as
text; both go through `clean_quiz`, and nothing is saved while anything is wrong: the
answer lists each problem with the field (form) or the line (text) it belongs to.
"""

import re

from xblock.validation import ValidationMessage

from xblocks.common.authoring import require_editable
from xblocks.common.handlers import json_api
from xblocks.common.resources import BlockResources

from .gift import looks_like_gift, parse_gift
from .handlers import Refusal
from .questions import SETTING_CLEANERS, QuizInvalid, clean_quiz
from .state import render_inline
from .textformat import QuizFormatError, parse_quiz, write_quiz

resources = BlockResources(__name__)
STUDIO_MAX_BYTES = 512 * 1024
EDITABLE = (*SETTING_CLEANERS, "questions")


class StudioMixin:
    """studio_view, its handlers and validate_field_data (needs QuizFields)."""

    def authored_values(self):
        return {name: getattr(self, name) for name in EDITABLE}

    def studio_options(self):
        """(value, translated label) for each select of the editor."""
        _ = self.gettext
        return {
            "grading": [("best", _("Best attempt")), ("last", _("Last attempt"))],
            "showanswer": [
                ("always", _("Always")),
                ("answered", _("When fully correct")),
                ("attempted", _("After an attempt, or past due")),
                ("closed", _("When closed (attempts used or past due)")),
                ("finished", _("When closed or fully correct")),
                ("correct_or_past_due", _("When fully correct, or past due")),
                ("past_due", _("After the due date")),
                ("never", _("Never")),
            ],
            "show_correctness": [
                ("always", _("Always")),
                ("past_due", _("After the due date")),
                ("never", _("Never")),
            ],
            "types": [
                ("single", _("Single choice")),
                ("multiple", _("Multiple response")),
                ("true_false", _("True / false")),
                ("numeric", _("Number")),
                ("text", _("Short text")),
            ],
        }

    def studio_view(self, context=None):
        _ = self.gettext
        options = self.studio_options()
        values = self.authored_values()
        uid = self.dom_id() + "-studio"
        frag = resources.fragment(
            self,
            "templates/studio_view.html",
            {
                "uid": uid,
                "values": values,
                "options": options,
                "translations_editor": self.translations_editor(),
            },
            css=["css/quiz_studio.css"],
            js=["js/quiz_studio.js"],
            init="SeminarQuizStudio",
            # The values are in the page (json_script), not in init args: author text.
            args={
                "uid": uid,
                "strings": {
                    "question": _("Question {n}"),
                    "choice": _("Choice {n}"),
                    "errors": _("Nothing was saved. Fix these problems first:"),
                    "saveError": _("The quiz was not saved"),
                    "networkError": _(
                        "Your request could not be sent. Check your connection and try again."
                    ),
                    "line": _("Line {n}:"),
                    "giftWarnings": _("The GIFT text was converted. These parts of it were not:"),
                },
            },
        )
        return self.add_translation_editor(frag)

    def checked_authoring(self, data, keep_stored=False, warnings=None):
        """Cleaned field values from {"fields": {...}} or {"text": "..."}, or a 400.

        The text may be Moodle GIFT (`"format": "gift"`, or recognised): what it holds that
        a quiz cannot is appended to `warnings` as {"line", "message"}.

        Only a save fills fields left out with the stored values. The other handlers work on
        what the caller sent alone: any learner can call a handler, so none of them may
        answer with the stored questions (answers included).
        """
        _ = self.gettext
        stored = self.authored_values() if keep_stored else {}
        if isinstance(data.get("text"), str):
            try:
                values = self._parsed_text(data, warnings if warnings is not None else [])
            except QuizFormatError as exc:
                lines = [{"line": line, "message": message} for line, message in exc.errors]
                raise Refusal(400, _("The quiz text has errors."), lines=lines) from None
            values = {name: value for name, value in values.items() if name in EDITABLE}
            return self._clean({**stored, **values}, _text_lines(data["text"]))
        fields = data.get("fields")
        if not isinstance(fields, dict):
            raise Refusal(400, _("Send the quiz as 'fields' (an object) or 'text'."))
        unknown = sorted(set(fields) - set(EDITABLE))
        if unknown:
            raise Refusal(400, _("Unknown fields: {names}.").format(names=", ".join(unknown)))
        # A save keeps the stored value of any field left out, so it never resets one.
        return self._clean({**stored, **fields})

    def _parsed_text(self, data, warnings):
        text = data["text"]
        if data.get("format", "gift" if looks_like_gift(text) else "quiz") != "gift":
            return parse_quiz(text, source="studio")
        values, found = parse_gift(text, self.gettext, title=self.display_name, source="studio")
        warnings += [{"line": line, "message": message} for line, message in found]
        if not values["questions"]:
            raise Refusal(
                400,
                self.gettext("No question of the GIFT text could be converted."),
                lines=warnings,
            )
        # GIFT has no quiz settings: a save keeps the stored ones.
        return {"display_name": values["display_name"], "questions": values["questions"]}

    def _clean(self, values, question_lines=None):
        try:
            return clean_quiz(values, self.gettext)
        except QuizInvalid as exc:
            problems = [problem.as_dict() for problem in exc.problems]
            details = {"problems": problems}
            if question_lines is not None:
                details["lines"] = [
                    {"line": _problem_line(p["field"], question_lines), "message": p["message"]}
                    for p in problems
                ]
            raise Refusal(400, self.gettext("The quiz has problems."), **details) from None

    def require_author(self, saves=()):
        """Only the course's authors use the editor (learners reach every handler too)."""
        require_editable(self, saves, self.gettext("Only the course team can edit this quiz."))

    @json_api(max_bytes=STUDIO_MAX_BYTES)
    def studio_submit(self, data, suffix=""):
        """Save the quiz from the form or the text; nothing is saved when invalid."""
        self.require_author(saves=EDITABLE)
        warnings = []
        values = self.checked_authoring(data, keep_stored=True, warnings=warnings)
        for name, value in values.items():
            if name in EDITABLE:
                setattr(self, name, value)
        return {"saved": True, "warnings": warnings}

    @json_api(max_bytes=STUDIO_MAX_BYTES)
    def studio_text(self, data, suffix=""):
        """The form's values as quiz text (for the text mode)."""
        self.require_author()
        return {"text": write_quiz(self.checked_authoring(data))}

    @json_api(max_bytes=STUDIO_MAX_BYTES)
    def studio_parse(self, data, suffix=""):
        """Quiz text (or GIFT) as field values (back to the form), with GIFT's warnings."""
        self.require_author()
        warnings = []
        return {"fields": self.checked_authoring(data, warnings=warnings), "warnings": warnings}

    @json_api(max_bytes=STUDIO_MAX_BYTES)
    def studio_preview(self, data, suffix=""):
        """Unsaved questions as learners will see them."""
        self.require_author()
        values = self.checked_authoring(data)
        questions = [
            {
                "number": number,
                "prompt_html": render_inline(question["prompt"]),
                "type": question["type"],
                "choices": [render_inline(choice["text"]) for choice in question["choices"]],
                "hint_count": len(question["hints"]),
            }
            for number, question in enumerate(values["questions"], start=1)
        ]
        html = resources.render(
            self,
            "templates/studio_preview.html",
            {"title": values["display_name"], "questions": questions},
        )
        return {"html": html}

    def validate_field_data(self, validation, data):
        """Studio's check of saved values: the same rules as the editor."""
        values = {name: getattr(data, name) for name in EDITABLE}
        try:
            clean_quiz(values, self.gettext)
        except QuizInvalid as exc:
            for problem in exc.problems:
                validation.add(ValidationMessage(ValidationMessage.ERROR, problem.message))


def _text_lines(text):
    """First line of each non-empty question section, in order (for problems without one)."""
    lines, start, has_content = [], None, False
    for number, line in enumerate(text.splitlines(), start=1):
        if line.strip() == "---":
            if start is not None and has_content:
                lines.append(start)
            start, has_content = number + 1, False
        elif start is not None and line.strip():
            has_content = True
    if start is not None and has_content:
        lines.append(start)
    return lines


def _problem_line(field, question_lines):
    match = re.match(r"questions\.(\d+)", field)
    if match and int(match.group(1)) < len(question_lines):
        return question_lines[int(match.group(1))]
    return 1
