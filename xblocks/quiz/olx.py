"""OLX for the quiz: readable <question> and <choice> elements, and a round trip.

    <seminar_quiz display_name="..." max_attempts="3" showanswer="finished" shuffle="true">
      <question id="eco-platforms" type="single">
        <prompt>Which of these is a platform's job?</prompt>
        <choice id="a" correct="false">Customs forms<feedback>Not quite.</feedback></choice>
        <choice id="b" correct="true">Matching buyers with sellers</choice>
        <hint>Think about what a marketplace does.</hint>
        <explanation>Markdown shown when answers are.</explanation>
      </question>
      <question id="eco-number" type="numeric"> ... <answer value="132" tolerance="0"/>
      <question id="eco-text" type="text"> ... <answer><alternative>Hangzhou</alternative>
        <regex>hang\\s*zhou</regex></answer>
    </seminar_quiz>

Import checks everything `clean_quiz` checks and refuses unknown elements with the line
number; text is kept as text (Markdown is sanitised when rendered), never as markup.
"""

import logging
import textwrap

from xblock.fields import Scope

from xblocks.common.olx import read_translation, unsafe_xml_problem, write_translations
from xblocks.common.translations import TRANSLATABLE

from .question_checks import one_line
from .questions import SETTING_CLEANERS, QuizInvalid, clean_quiz

log = logging.getLogger(__name__)

# Attributes Open edX and the XBlock runtime write that are not fields of the block.
IGNORED_ATTRIBUTES = {"url_name", "xblock-family", "filename", "xmlns"}
CHOICE_TYPES = ("single", "multiple", "true_false")


class QuizOlxError(ValueError):
    """OLX that is not a valid quiz; the message lists each problem with its line."""

    def __init__(self, problems):
        self.problems = list(problems)
        super().__init__("seminar_quiz OLX: " + "; ".join(self.problems))


class OlxMixin:
    """parse_xml / add_xml_to_node for the quiz (needs QuizFields)."""

    @classmethod
    def parse_xml(cls, node, runtime, keys):
        if problem := unsafe_xml_problem(node):
            raise QuizOlxError([problem])
        block = runtime.construct_xblock_from_class(cls, keys)
        problems, settings, lines = [], {}, []
        for name, value in node.attrib.items():
            if name in IGNORED_ATTRIBUTES or name.startswith("{"):
                continue
            if name in SETTING_CLEANERS:
                settings[name] = None if value in ("null", "") else value
                continue
            field = block.fields.get(name)
            if field is None or field.scope not in (Scope.settings, Scope.content):
                log.warning("seminar_quiz: ignoring unknown attribute %s", name)
                continue
            try:
                setattr(block, name, field.from_string(value))
            except (TypeError, ValueError) as exc:
                problems.append(f"line {node.sourceline}: attribute {name}='{value}': {exc}")
        questions, translations, sources = [], {}, {}
        for child in _elements(node, problems):
            if child.tag == "translation":
                try:
                    read_translation(child, TRANSLATABLE["seminar_quiz"], translations, sources)
                except ValueError as exc:
                    problems.append(str(exc))
                continue
            if child.tag != "question":
                problems.append(_unexpected(child, "<question>"))
                continue
            lines.append(child.sourceline)
            questions.append(_read_question(child, problems))
        if problems:
            raise QuizOlxError(problems)
        try:
            cleaned = clean_quiz({**settings, "questions": questions}, _untranslated, partial=True)
        except QuizInvalid as exc:
            raise QuizOlxError(_with_lines(exc.problems, lines, node.sourceline)) from None
        for name, value in cleaned.items():
            setattr(block, name, value)
        if translations:
            block.translations = translations
        if sources:
            block.translation_sources = sources
        return block

    def add_xml_to_node(self, node):
        node.tag = self.scope_ids.block_type
        node.set("xblock-family", self.entry_point)
        for name, field in self.fields.items():
            if name in ("questions", "translations", "translation_sources") or field.scope not in (
                Scope.settings,
                Scope.content,
            ):
                continue
            if field.is_set_on(self):
                node.set(name, _attribute_text(field, getattr(self, name)))
        for question in self.questions:
            node.append(_question_element(question, node.makeelement))
        write_translations(node, self.translations, self.translation_sources)


def _untranslated(text):
    return text


def _attribute_text(field, value):
    if value is None:
        return "null"
    serialised = field.to_json(value)
    if isinstance(serialised, str):
        return serialised
    return field.to_string(value)


def _elements(parent, problems):
    """Child elements, skipping comments; stray text is a problem."""
    for child in parent:
        if not isinstance(child.tag, str):
            continue
        if (child.tail or "").strip():
            problems.append(f"line {child.sourceline}: text outside an element after <{child.tag}>")
        yield child


def _unexpected(element, expected):
    return f"line {element.sourceline}: <{element.tag}> is not allowed here (expected {expected})"


def _plain_text(element, problems, multiline=False):
    """The element's text; markup inside it is refused rather than guessed at."""
    for child in element:
        if isinstance(child.tag, str):
            problems.append(_unexpected(child, f"plain text inside <{element.tag}>"))
    text = element.text or ""
    return textwrap.dedent(text).strip() if multiline else one_line(text)


def _read_question(element, problems):
    question = {
        "id": element.get("id"),
        "type": element.get("type"),
        "partial": element.get("partial", "none"),
        "choices": [],
        "hints": [],
        "answer": None,
    }
    for child in _elements(element, problems):
        if child.tag in ("prompt", "explanation"):
            question[child.tag] = _plain_text(child, problems, multiline=child.tag == "explanation")
        elif child.tag == "hint":
            question["hints"].append(_plain_text(child, problems))
        elif child.tag == "choice":
            question["choices"].append(_read_choice(child, problems))
        elif child.tag == "answer":
            question["answer"] = _read_answer(child, question["type"], problems)
        else:
            problems.append(
                _unexpected(child, "<prompt>, <choice>, <answer>, <hint> or <explanation>")
            )
    return question


def _read_choice(element, problems):
    correct = element.get("correct", "false").lower()
    if correct not in ("true", "false"):
        problems.append(f"line {element.sourceline}: correct='{correct}' must be true or false")
    texts, feedback = [element.text or ""], ""
    for child in element:
        if not isinstance(child.tag, str):
            continue
        if child.tag == "feedback":
            feedback = _plain_text(child, problems)
        else:
            problems.append(_unexpected(child, "<feedback>"))
        texts.append(child.tail or "")
    return {
        "id": element.get("id"),
        "text": one_line(" ".join(texts)),
        "correct": correct == "true",
        "feedback": feedback,
    }


def _read_answer(element, kind, problems):
    if kind == "numeric":
        return {"value": element.get("value"), "tolerance": element.get("tolerance", "0")}
    answer = {"alternatives": [], "regex": None}
    for child in _elements(element, problems):
        if child.tag == "alternative":
            answer["alternatives"].append(_plain_text(child, problems))
        elif child.tag == "regex":
            answer["regex"] = (child.text or "").strip() or None
        else:
            problems.append(_unexpected(child, "<alternative> or <regex>"))
    return answer


def _with_lines(problems, lines, root_line):
    messages = []
    for problem in problems:
        parts = problem.field.split(".")
        line = root_line
        if parts[0] == "questions" and len(parts) > 1 and parts[1].isdigit():
            line = lines[int(parts[1])]
        messages.append(f"line {line}: {problem.message}")
    return messages


def _question_element(question, make):
    element = make("question", {"id": question["id"], "type": question["type"]})
    if question.get("partial", "none") != "none":
        element.set("partial", question["partial"])
    _sub(element, make, "prompt", question["prompt"])
    for choice in question["choices"]:
        attributes = {"id": choice["id"], "correct": "true" if choice["correct"] else "false"}
        choice_element = _sub(element, make, "choice", choice["text"], attributes)
        if choice.get("feedback"):
            _sub(choice_element, make, "feedback", choice["feedback"])
    answer = question.get("answer")
    if question["type"] == "numeric":
        _sub(
            element,
            make,
            "answer",
            None,
            {
                "value": _number_text(answer["value"]),
                "tolerance": _number_text(answer["tolerance"]),
            },
        )
    elif question["type"] == "text":
        answer_element = _sub(element, make, "answer", None)
        for alternative in answer["alternatives"]:
            _sub(answer_element, make, "alternative", alternative)
        if answer.get("regex"):
            _sub(answer_element, make, "regex", answer["regex"])
    for hint in question["hints"]:
        _sub(element, make, "hint", hint)
    _sub(element, make, "explanation", question["explanation"])
    return element


def _sub(parent, make, tag, text, attributes=None):
    element = make(tag, attributes or {})
    element.text = text
    parent.append(element)
    return element


def _number_text(value):
    value = float(value)
    return str(int(value)) if value.is_integer() else repr(value)
