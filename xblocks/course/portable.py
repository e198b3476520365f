"""Units built from core blocks only (html, capa problem), for the mobile apps and offline.

The Open edX mobile apps and offline mode render only core block types, so lectures and
the FAQ become `html` blocks and each quiz question a capa `problem`. Differences from the
custom blocks, by design of capa: per-choice partial credit uses capa's "EDC" rule, and the
final assessment's per-learner draw becomes one fixed, evenly spread selection of the same
size (capa has no per-learner pool outside content libraries).
"""

from lxml import etree
from lxml.html import fragment_fromstring

from xblocks.common.markdown import render_markdown

from .render import faq_html, lecture_html

CAPA_SHOWANSWER = {"answered": "answered", "past_due": "past_due"}


def portable_unit_blocks(unit, defaults):
    """Core blocks for a unit; each problem states its quiz's settings (`defaults` unused:
    a quiz's questions become several problems, which keep the quiz's own values)."""
    if unit.kind == "lecture":
        return _html_block(
            unit.url_name, unit.title, lecture_html(unit.source, words=unit.language)
        )
    if unit.kind == "faq":
        return _html_block(unit.url_name, unit.title, faq_html(unit.source))
    return _problems(unit.url_name, unit.source.fields), {}


def _html_block(url_name, title, html):
    node = etree.Element("html", url_name=url_name, display_name=title, filename=url_name)
    return [node], {f"html/{url_name}.html": (html + "\n").encode("utf-8")}


def drawn_questions(quiz_fields):
    """All questions, or for a pool an evenly spread fixed selection of `draw` of them."""
    questions = quiz_fields["questions"]
    draw = quiz_fields.get("draw") or 0
    if not draw or draw >= len(questions):
        return questions
    step = len(questions) / draw
    return [questions[int(i * step)] for i in range(draw)]


def _problems(unit_name, quiz):
    nodes = []
    for question in drawn_questions(quiz):
        problem = etree.Element(
            "problem",
            url_name=f"{unit_name}-{question['id']}",
            display_name=question["prompt"][:80],
            showanswer=quiz.get("showanswer", "finished"),
            weight="1",
        )
        if quiz.get("max_attempts"):
            problem.set("max_attempts", str(quiz["max_attempts"]))
        problem.append(_response(question))
        solution = etree.SubElement(problem, "solution")
        # Parsed as HTML: the sanitiser writes HTML entities (&nbsp; in French text).
        explanation = fragment_fromstring(render_markdown(question["explanation"]), "div")
        explanation.set("class", "detailed-solution")
        solution.append(explanation)
        if question["hints"]:
            demand = etree.SubElement(problem, "demandhint")
            for hint in question["hints"]:
                etree.SubElement(demand, "hint").text = hint
        nodes.append(problem)
    return nodes


def _response(question):
    kind = question["type"]
    if kind in ("single", "true_false", "multiple"):
        multiple = kind == "multiple"
        response = etree.Element("choiceresponse" if multiple else "multiplechoiceresponse")
        if multiple and question.get("partial") == "per_choice":
            response.set("partial_credit", "EDC")
        etree.SubElement(response, "label").text = question["prompt"]
        group = etree.SubElement(response, "checkboxgroup" if multiple else "choicegroup")
        if not multiple:
            group.set("type", "MultipleChoice")
        for choice in question["choices"]:
            node = etree.SubElement(
                group, "choice", correct="true" if choice["correct"] else "false"
            )
            node.text = choice["text"]
            if choice.get("feedback"):
                hint = etree.SubElement(node, "choicehint")
                hint.text = choice["feedback"]
                if multiple:
                    hint.set("selected", "true")
        return response
    if kind == "numeric":
        answer = question["answer"]
        response = etree.Element("numericalresponse", answer=_number(answer["value"]))
        etree.SubElement(response, "label").text = question["prompt"]
        etree.SubElement(
            response, "responseparam", type="tolerance", default=_number(answer["tolerance"])
        )
        etree.SubElement(response, "formulaequationinput")
        return response
    answer = question["answer"]
    if answer.get("regex"):
        response = etree.Element("stringresponse", answer=answer["regex"], type="ci regexp")
        alternatives = answer.get("alternatives", [])
    else:
        first, *alternatives = answer["alternatives"]
        response = etree.Element("stringresponse", answer=first, type="ci")
    etree.SubElement(response, "label").text = question["prompt"]
    for alternative in alternatives:
        etree.SubElement(response, "additional_answer", answer=alternative)
    etree.SubElement(response, "textline", size="30")
    return response


def _number(value):
    return str(int(value)) if float(value).is_integer() else str(value)
