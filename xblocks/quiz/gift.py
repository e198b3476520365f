"""Moodle's GIFT question format in and out of the quiz's question data.

`parse_gift` reads a GIFT bank into the field values `textformat.parse_quiz` returns,
with a warning (line, message) for everything our question types cannot hold, so that
nothing is dropped unsaid; broken GIFT raises `QuizFormatError` naming the lines.
Writing GIFT is gift_write.py's. docs/authoring.md says what maps to what.
"""

import html
import re

from xblocks.common.markdown import sanitize_html

from .question_checks import MAX_QUESTIONS, check_questions, one_line
from .textformat import HEADER_DEFAULTS, QuizFormatError

MAX_GIFT_CHARS = 1_000_000
BLANK = "_____"  # where a missing-word question's answers stood, as Moodle shows it
# Our questions need an explanation; a GIFT question without general feedback gets this
# (and a warning), and write_gift leaves it out again.
NO_EXPLANATION = "No explanation was given in the GIFT bank."
FORMATS = ("html", "markdown", "plain", "moodle")
# Escaped characters are held as private-use characters while the markup is read.
ESCAPABLE = "\\~=#{}:"
PROTECTED = {char: chr(0xE000 + index) for index, char in enumerate(ESCAPABLE)}
NEWLINE = chr(0xE000 + len(ESCAPABLE))
RESTORE = str.maketrans({**{v: k for k, v in PROTECTED.items()}, NEWLINE: "\n"})
FORBIDDEN = re.compile(f"[{chr(0xE000)}-{NEWLINE}]")
HINT_COMMENT = re.compile(r"^//\s*hint:\s*(?P<hint>.+)$")
WEIGHT = re.compile(r"^%(?P<weight>-?\d+(?:\.\d+)?)%")
TAG_TO_MARKDOWN = {"strong": "**", "b": "**", "em": "*", "i": "*", "code": "`"}
MAX_NUMERIC_ALTERNATIVES = 20


def _identity(text):
    return text


def parse_gift(text, gettext=_identity, title="", source="gift"):
    """Quiz field values and [(line, message)] warnings; QuizFormatError for broken GIFT."""
    _ = gettext
    if len(text) > MAX_GIFT_CHARS:
        raise QuizFormatError(
            [(1, _("The file is longer than {n} characters: split it.").format(n=MAX_GIFT_CHARS))],
            source,
        )
    errors, warnings = [], []
    reader = _Reader(_, errors, warnings)
    blocks, categories = _blocks(text, errors, _)
    if categories:
        title = categories[0][1]
        for line, name in categories[1:]:
            if name != title:
                warnings.append(
                    (
                        line,
                        _("Category '{name}': its questions join the same quiz.").format(name=name),
                    )
                )
    questions = [(block[0][0], reader.question(block, hints)) for block, hints in blocks]
    questions = [(line, question) for line, question in questions if question]
    if len(questions) > MAX_QUESTIONS:
        errors.append(
            (
                1,
                _("A quiz holds at most {n} questions and this bank has {count}: split it.").format(
                    n=MAX_QUESTIONS, count=len(questions)
                ),
            )
        )
    if errors:
        raise QuizFormatError(errors, source)
    kept = _checked(questions, _, warnings)
    quiz = {"display_name": title, **HEADER_DEFAULTS, "questions": kept}
    return quiz, sorted(warnings)


def looks_like_gift(text):
    """GIFT has answer blocks in braces and no '---' question separators."""
    lines = [line.strip() for line in text.splitlines()]
    return "---" not in lines and bool(re.search(r"(?<![\\{])\{(?!\{)", text))


def _blocks(text, errors, _):
    """([(line, protected text)] per question, with its hint comments), [(line, category)]."""
    blocks, categories, current, hints = [], [], [], []
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if FORBIDDEN.search(raw):
            errors.append((number, _("The text holds a private-use character (U+E000 to U+E007).")))
            continue
        if line.startswith("//"):
            if match := HINT_COMMENT.match(line):
                hints.append(match["hint"].strip())
            continue
        if not line or line.startswith("$CATEGORY:"):
            if current:
                blocks.append((current, hints))
                current, hints = [], []
            if line:
                categories.append((number, _category_name(_restore(_protect(line[10:])))))
            continue
        current.append((number, _protect(raw)))
    if current:
        blocks.append((current, hints))
    return blocks, categories


def _category_name(path):
    """The last level of a category path ('$course$/top/Capitals' -> 'Capitals')."""
    levels = [level.replace("//", "/") for level in re.split(r"(?<!/)/(?!/)", path.strip())]
    return levels[-1].strip() if levels else ""


def _protect(line):
    out, position = [], 0
    while position < len(line):
        char = line[position]
        following = line[position + 1 : position + 2]
        if char == "\\" and following in PROTECTED:
            out.append(PROTECTED[following])
            position += 2
        elif char == "\\" and following == "n":
            out.append(NEWLINE)
            position += 2
        else:
            out.append(char)
            position += 1
    return "".join(out)


def _restore(text):
    return text.translate(RESTORE)


def to_markdown(text, text_format):
    """Author text as Markdown-safe text: HTML sanitised, simple tags as Markdown, no tags."""
    text = _restore(text)
    if text_format == "plain":
        return re.sub(r"<(?=[A-Za-z/!?])", "&lt;", text)
    text = sanitize_html(text)
    text = re.sub(r"<br\s*/?>", "\n", text)
    text = re.sub(r"</(p|div|li|h[1-6])>", "\n\n", text)
    for tag, mark in TAG_TO_MARKDOWN.items():
        text = re.sub(rf"</?{tag}>", mark, text)
    text = html.unescape(re.sub(r"<[^>]*>", "", text))
    # What is left that a browser could read as a tag is written as an entity.
    return re.sub(r"<(?=[A-Za-z/!?])", "&lt;", text).strip()


class _Reader:
    """Reads one question block; warnings and errors name GIFT lines."""

    def __init__(self, gettext, errors, warnings):
        self._ = gettext
        self.errors = errors
        self.warnings = warnings

    def question(self, block, hints):
        _ = self._
        numbers = [number for number, _line in block]
        text = "\n".join(line for _number, line in block)

        def line_of(offset):
            return numbers[min(text.count("\n", 0, offset), len(numbers) - 1)]

        self.line_of = line_of
        name, body, offset = "", text, 0
        if match := re.match(r"\s*::(.*?)::", text, re.S):
            name, offset = _restore(match[1]).strip(), match.end()
        body = text[offset:]
        text_format = None
        if match := re.match(r"\s*\[(\w+)\]", body):
            if match[1] in FORMATS:
                text_format, offset, body = match[1], offset + match.end(), body[match.end() :]
        opening = body.find("{")
        closing = body.find("}")
        if opening == -1:
            if closing != -1:
                return self.error(
                    offset + closing, _("'}' has no opening '{' (write a literal brace as \\}).")
                )
            return self.skip(
                numbers[0], _("A description (text without answers) is not a question: skipped.")
            )
        closing = body.find("}", opening)
        if closing == -1:
            return self.error(
                offset + opening, _("'{' is never closed with '}' (write a literal brace as \\{).")
            )
        if "{" in body[opening + 1 : closing]:
            return self.error(
                offset + body.index("{", opening + 1),
                _(
                    "'{' inside answers: answer blocks cannot be nested "
                    "(write a literal brace as \\{)."
                ),
            )
        if "}" in body[:opening]:
            return self.error(
                offset + closing, _("'}' has no opening '{' (write a literal brace as \\}).")
            )
        after = body[closing + 1 :]
        if "{" in after or "}" in after:
            return self.skip(
                numbers[0],
                _("Several answer blocks in one question (a cloze) cannot be converted: skipped."),
            )
        self.start = offset + opening
        before = body[:opening].strip()
        prompt = f"{before} {BLANK} {after.strip()}" if after.strip() else before
        answers, _sep, general = body[opening + 1 : closing].partition("####")
        question = {
            "id": name,
            "type": None,
            "prompt": one_line(to_markdown(prompt, text_format)),
            "choices": [],
            "answer": None,
            "hints": hints,
            "explanation": to_markdown(general, text_format) or None,
            "partial": "none",
        }
        self.text_format = text_format
        self.base = offset + opening + 1 + len(answers) - len(answers.lstrip())
        if not self._answers(question, answers.strip()):
            return None
        if question["explanation"] is None:
            self.warnings.append(
                (numbers[0], _("No general feedback (####): the explanation says so; write one."))
            )
            question["explanation"] = NO_EXPLANATION
        return question

    def error(self, offset, message):
        self.errors.append((self.line_of(offset), message))
        return None

    def skip(self, line, message):
        self.warnings.append((line, message))
        return None

    def markdown(self, text):
        return one_line(to_markdown(text, self.text_format))

    def _answers(self, question, answers):
        _ = self._
        line = self.line_of(self.start)
        if not answers:
            return self.skip(
                line,
                _("An essay question (empty answers {}) has no counterpart in the quiz: skipped."),
            )
        if answers.startswith("#"):
            return self._numeric(question, answers[1:])
        verdict, _sep, feedback = answers.partition("#")
        if verdict.strip().upper() in ("T", "TRUE", "F", "FALSE"):
            wrong, _sep, right = feedback.partition("#")
            is_true = verdict.strip().upper().startswith("T")
            true_feedback, false_feedback = (right, wrong) if is_true else (wrong, right)
            question["type"] = "true_false"
            question["choices"] = [
                self._choice(0, "True", is_true, true_feedback),
                self._choice(1, "False", not is_true, false_feedback),
            ]
            return True
        if "->" in answers:
            return self.skip(
                line, _("A matching question has no counterpart in the quiz: skipped.")
            )
        prefix, *parts = re.split(r"([=~])", answers)
        if prefix.strip():
            return self.error(
                self.start,
                _("An answer must start with '=' or '~': '{text}'.").format(
                    text=_restore(prefix.strip())[:60]
                ),
            )
        items = [
            (marker, *_weighted(text)) for marker, text in zip(parts[::2], parts[1::2], strict=True)
        ]
        self.lines_of_items(len(prefix), parts)
        if all(marker == "=" for marker, *_rest in items):
            return self._short_answer(question, items)
        return self._choices(question, items)

    def lines_of_items(self, position, parts):
        """The line each answer starts on, from the split pieces' lengths."""
        self.item_lines = []
        for marker, text in zip(parts[::2], parts[1::2], strict=True):
            self.item_lines.append(self.line_of(self.base + position))
            position += len(marker) + len(text)

    def _choice(self, index, text, correct, feedback):
        return {
            "id": chr(ord("a") + index),
            "text": self.markdown(text),
            "correct": correct,
            "feedback": self.markdown(feedback),
        }

    def _choices(self, question, items):
        _ = self._
        line = self.line_of(self.start)
        rights = [item for item in items if item[0] == "="]
        if len(rights) > 1:
            return self.skip(
                line,
                _(
                    "More than one right answer (=) in a multiple choice: write "
                    "weighted answers for multiple answers instead; skipped."
                ),
            )
        if rights:
            question["type"] = "single"
            for (marker, weight, text, _feedback), item_line in zip(
                items, self.item_lines, strict=True
            ):
                if marker == "~" and weight not in (None, 0):
                    self.warnings.append(
                        (
                            item_line,
                            _(
                                "The weight {weight} of '{answer}' cannot be "
                                "kept: it counts as a wrong choice."
                            ).format(weight=_number(weight), answer=self.markdown(text)),
                        )
                    )
            correct = [marker == "=" for marker, *_rest in items]
        else:
            question["type"] = "multiple"
            question["partial"] = "per_choice"
            weights = [weight or 0 for _marker, weight, _text, _feedback in items]
            correct = [weight > 0 for weight in weights]
            count = sum(correct)
            if not count:
                return self.skip(line, _("No answer has a positive weight: skipped."))
            if not _exact_weights(weights, count):
                self.warnings.append(
                    (
                        line,
                        _(
                            "These weights cannot be kept exactly: scored per choice instead "
                            "(right picks minus wrong picks, over the {n} right choices)."
                        ).format(n=count),
                    )
                )
        question["choices"] = [
            self._choice(index, text, is_correct, feedback)
            for index, ((_marker, _weight, text, feedback), is_correct) in enumerate(
                zip(items, correct, strict=True)
            )
        ]
        if question["type"] == "single" and sorted(
            c["text"].lower() for c in question["choices"]
        ) == ["false", "true"]:
            question["type"] = "true_false"
        return True

    def _short_answer(self, question, items):
        alternatives, wildcards = [], []
        for (_marker, weight, text, feedback), line in zip(items, self.item_lines, strict=True):
            answer = self.markdown(text)
            if not self._full_credit(weight, answer, feedback, line):
                continue
            (wildcards if "*" in answer else alternatives).append(answer)
        regex = "|".join(".*".join(re.escape(part) for part in w.split("*")) for w in wildcards)
        question["type"] = "text"
        question["answer"] = {"alternatives": alternatives, "regex": regex or None}
        return True

    def _full_credit(self, weight, answer, feedback, line):
        _ = self._
        if weight is not None and weight != 100:
            self.warnings.append(
                (
                    line,
                    _(
                        "The partial credit {weight} of '{answer}' cannot "
                        "be kept: this answer is skipped."
                    ).format(weight=_number(weight), answer=answer),
                )
            )
            return False
        if feedback.strip():
            self.warnings.append(
                (
                    line,
                    _(
                        "The feedback of the answer '{answer}' has no place in "
                        "a number or text question: dropped."
                    ).format(answer=answer),
                )
            )
        return True

    def _numeric(self, question, answers):
        _ = self._
        self.base += 1  # the '#'
        pieces = re.split(r"(=)", answers)
        if len(pieces) == 1:
            pieces = ["", "", answers]
        texts = pieces[2::2]
        if len(texts) > MAX_NUMERIC_ALTERNATIVES or pieces[0].strip():
            return self.error(
                self.start,
                _("Write numeric answers as {#3.14:0.01}, {#1..5} or {#=3.14:0.01 =3:1}."),
            )
        self.lines_of_items(len(pieces[0]), pieces[1:])
        line = self.item_lines[0]
        for text, line in zip(texts, self.item_lines, strict=True):
            weight, value_text, feedback = _weighted(text)
            number = _numeric_value(_restore(value_text).strip())
            if number is None:
                return self.error(
                    self.start,
                    _("'{value}' is not a number (write 3.14:0.01 or 1..5).").format(
                        value=_restore(value_text).strip()[:40]
                    ),
                )
            if not self._full_credit(weight, value_text.strip(), feedback, line):
                continue
            if question["answer"] is not None:
                self.warnings.append(
                    (
                        line,
                        _(
                            "A second accepted number ({value}) cannot be kept: the "
                            "question takes one value and tolerance; skipped."
                        ).format(value=value_text.strip()),
                    )
                )
                continue
            question["answer"] = {"value": number[0], "tolerance": number[1]}
        if question["answer"] is None:
            return self.skip(line, _("No answer has full credit: skipped."))
        question["type"] = "numeric"
        return True


def _weighted(text):
    """(weight or None, answer text, feedback) of one '=' or '~' answer."""
    weight = None
    text = text.strip()
    if match := WEIGHT.match(text):
        weight, text = float(match["weight"]), text[match.end() :]
    answer, _sep, feedback = text.partition("#")
    return weight, answer.strip(), feedback.strip()


def _numeric_value(text):
    """(value, tolerance) from '3.14:0.01', '3.14' or '1..5', else None."""
    try:
        if ".." in text:
            low, high = (float(part) for part in text.split("..", 1))
            return ((low + high) / 2, abs(high - low) / 2)
        value, _sep, tolerance = text.partition(":")
        return (float(value), abs(float(tolerance or 0)))
    except ValueError:
        return None


def _exact_weights(weights, count):
    """Whether Moodle's clamped sum of weights equals our per_choice score for every pick."""
    share = 100 / count
    rights_exact = all(abs(w - share) < 0.01 for w in weights if w > 0)
    if count == 1:
        return rights_exact and all(w <= -100 for w in weights if w <= 0)
    return rights_exact and all(abs(w + share) < 0.01 for w in weights if w <= 0)


def _number(value):
    """A weight as written in GIFT: 50%, 33.33333%."""
    return f"{_weight(value)}%"


def _checked(questions, _, warnings):
    """Questions with unique ids, each passing the quiz's own checks (else a warning)."""
    used, kept = set(), []
    for index, (line, question) in enumerate(questions, start=1):
        base = re.sub(r"[^A-Za-z0-9_-]+", "-", question["id"]).strip("-")[:60] or f"q{index}"
        question["id"], suffix = base, 2
        while question["id"] in used:
            question["id"], suffix = f"{base}-{suffix}", suffix + 1
        problems = []
        check_questions([question], _, problems)
        if problems:
            for problem in problems:
                warnings.append(
                    (line, _("{problem} The question is skipped.").format(problem=problem.message))
                )
            continue
        used.add(question["id"])
        kept.append(question)
    return kept


def _weight(value):
    return f"{value:.5f}".rstrip("0").rstrip(".")
