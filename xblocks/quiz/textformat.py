"""The quizzes/ text format: Open edX's Markdown problem syntax, one quiz a file.

`parse_quiz` turns a file into the quiz block's field values and reports every problem
with its line number; `write_quiz` writes field values back as canonical text, so that
file -> block -> OLX -> block -> file round-trips. docs/authoring.md describes the format.
"""

import re

HEADER_DEFAULTS = {
    "max_attempts": None,
    "showanswer": "finished",
    "show_correctness": "always",
    "grading": "best",
    "shuffle": False,
    "draw": 0,
    "weight": 1.0,
}
SHOWANSWER_VALUES = (
    "always",
    "answered",
    "attempted",
    "closed",
    "finished",
    "correct_or_past_due",
    "past_due",
    "never",
)
SHOW_CORRECTNESS_VALUES = ("always", "past_due", "never")
GRADING_VALUES = ("best", "last")
QUESTION_ID = re.compile(r"^[A-Za-z0-9_-]{1,64}$")
CHOICE = re.compile(
    r"^(?P<mark>\([ xX]\)|\[[ xX]\])\s*(?P<text>.*?)\s*(?:\{\{\s*(?P<feedback>.*?)\s*\}\})?\s*$"
)
NUMERIC = re.compile(r"^=\s*(?P<value>\S+)(?:\s*\+-\s*(?P<tolerance>\S+))?\s*$")
SEPARATOR = "---"
EXPLANATION = "[explanation]"


class QuizFormatError(ValueError):
    """Every problem found in a quiz file, as (line number, message) pairs."""

    def __init__(self, errors, source="quiz"):
        self.errors = sorted(errors)
        self.source = source
        lines = "\n".join(f"{source}:{line}: {message}" for line, message in self.errors)
        super().__init__(lines)


def parse_quiz(text, source="quiz"):
    """Parse a quiz file into field values; raise QuizFormatError listing every problem."""
    errors = []
    lines = text.splitlines()
    sections = _split(lines)
    header_lines, question_blocks = sections[0], sections[1:]
    quiz = _parse_header(header_lines, errors)
    quiz["questions"] = []
    seen_ids = {}
    for index, block in enumerate(question_blocks, start=1):
        if not any(line.strip() for _number, line in block):
            continue
        question = _parse_question(block, index, errors)
        if question is None:
            continue
        first_line = block[0][0]
        if question["id"] in seen_ids:
            errors.append(
                (
                    first_line,
                    f"question id '{question['id']}' is also used on line "
                    f"{seen_ids[question['id']]}: ids must be unique",
                )
            )
        seen_ids[question["id"]] = first_line
        quiz["questions"].append(question)
    if not question_blocks or (not quiz["questions"] and not errors):
        errors.append((len(lines) or 1, "the quiz has no questions: add one after a '---' line"))
    if quiz["draw"] and quiz["draw"] > len(quiz["questions"]):
        errors.append(
            (
                1,
                f"draw: {quiz['draw']} is more than the {len(quiz['questions'])} "
                "questions in the pool",
            )
        )
    if errors:
        raise QuizFormatError(errors, source)
    return quiz


def _split(lines):
    """Header, then one list of (line number, text) per question, split at '---' lines."""
    sections = [[]]
    for number, line in enumerate(lines, start=1):
        if line.strip() == SEPARATOR:
            sections.append([])
        else:
            sections[-1].append((number, line))
    return sections


def _parse_header(header_lines, errors):
    quiz = {"display_name": "", **HEADER_DEFAULTS}
    for number, raw in header_lines:
        line = raw.split(" #", 1)[0].strip()
        if not line or line.startswith("#"):
            continue
        key, sep, value = line.partition(":")
        key, value = key.strip(), value.strip()
        if not sep:
            errors.append((number, f"expected 'key: value' in the header, found '{line}'"))
        elif key == "title":
            quiz["display_name"] = value
        elif key in HEADER_DEFAULTS:
            try:
                quiz[key] = _header_value(key, value)
            except ValueError as exc:
                errors.append((number, f"{key}: {exc}"))
        else:
            known = ", ".join(["title", *HEADER_DEFAULTS])
            errors.append((number, f"unknown header key '{key}' (known: {known})"))
    if not quiz["display_name"]:
        errors.append(
            (1, "title: is required in the header (e.g. 'title: Check your understanding')")
        )
    return quiz


def _header_value(key, value):
    if key in ("max_attempts", "draw"):
        if value == "" and key == "max_attempts":
            return None
        if not value.isdigit() or (key == "max_attempts" and int(value) < 1):
            raise ValueError(
                f"'{value}' is not a whole number of at least 1"
                if key == "max_attempts"
                else f"'{value}' is not a whole number"
            )
        return int(value)
    if key == "weight":
        number = float(value)
        if number < 0:
            raise ValueError("must not be negative")
        return number
    if key == "shuffle":
        if value.lower() not in ("true", "false"):
            raise ValueError(f"'{value}' must be true or false")
        return value.lower() == "true"
    allowed = {
        "showanswer": SHOWANSWER_VALUES,
        "show_correctness": SHOW_CORRECTNESS_VALUES,
        "grading": GRADING_VALUES,
    }[key]
    if value not in allowed:
        raise ValueError(f"'{value}' must be one of: {', '.join(allowed)}")
    return value


def _parse_question(block, index, errors):
    question = {
        "id": f"q{index}",
        "type": None,
        "prompt": None,
        "choices": [],
        "answer": None,
        "hints": [],
        "explanation": None,
        "partial": "none",
    }
    start = block[0][0]
    marks = set()
    text_answer = {"alternatives": [], "regex": None}
    explanation = None  # list of lines while inside [explanation]
    for number, raw in block:
        line = raw.strip()
        if explanation is not None:
            if line == EXPLANATION:
                question["explanation"] = "\n".join(explanation).strip()
                explanation = None
            else:
                explanation.append(raw.rstrip())
            continue
        if not line:
            continue
        if line == EXPLANATION:
            explanation = []
        elif line.startswith("id:"):
            question["id"] = line[3:].strip()
            if not QUESTION_ID.match(question["id"]):
                errors.append(
                    (
                        number,
                        f"id '{question['id']}' may use only letters, digits, "
                        "'-' and '_' (at most 64)",
                    )
                )
        elif line.startswith("partial:"):
            question["partial"] = line[8:].strip()
            if question["partial"] not in ("none", "per_choice"):
                errors.append((number, "partial: must be 'none' or 'per_choice'"))
        elif line.startswith(">>"):
            if not line.endswith("<<") or len(line) <= 4:
                errors.append(
                    (number, "the question text must be written >>like this<< on one line")
                )
            elif question["prompt"] is not None:
                errors.append(
                    (
                        number,
                        "a question has one >>question text<< line; start the "
                        "next question after a '---' line",
                    )
                )
            else:
                question["prompt"] = line[2:-2].strip()
        elif line.startswith("||") and line.endswith("||") and len(line) > 4:
            question["hints"].append(line[2:-2].strip())
        elif match := CHOICE.match(line):
            mark = match["mark"]
            marks.add("single" if mark.startswith("(") else "multiple")
            question["choices"].append(
                {
                    "id": chr(ord("a") + len(question["choices"])),
                    "text": match["text"],
                    "correct": mark[1] in "xX",
                    "feedback": match["feedback"] or "",
                }
            )
            if not match["text"]:
                errors.append((number, "a choice needs text after its mark"))
        elif line.startswith("s=") or line.startswith("or="):
            value = line.split("=", 1)[1].strip()
            if line.startswith("s=") and len(value) > 2 and value[0] == value[-1] == "/":
                text_answer["regex"] = value[1:-1]
                try:
                    re.compile(value[1:-1])
                except re.error as exc:
                    errors.append((number, f"the regular expression does not compile: {exc}"))
            elif value:
                text_answer["alternatives"].append(value)
            else:
                errors.append((number, "an answer line 's= ...' needs the answer text"))
            marks.add("text")
        elif match := NUMERIC.match(line):
            try:
                value = float(match["value"])
                tolerance = float(match["tolerance"] or 0)
                if tolerance < 0:
                    raise ValueError
                question["answer"] = {"value": value, "tolerance": tolerance}
            except ValueError:
                errors.append((number, "write a numeric answer as '= 132' or '= 27.2 +- 0.1'"))
            marks.add("numeric")
        else:
            errors.append(
                (
                    number,
                    f"line not understood: '{line[:60]}' (expected id:, "
                    ">>question<<, a choice, an answer, ||hint|| or [explanation])",
                )
            )
    if explanation is not None:
        errors.append((start, "[explanation] is opened but never closed with [explanation]"))
    label = f"question {index} ('{question['id']}')"
    if question["prompt"] is None:
        errors.append((start, f"{label} has no >>question text<< line"))
    if question["explanation"] is None or not question["explanation"]:
        errors.append((start, f"{label} needs an [explanation] ... [explanation] block"))
    if len(marks) != 1:
        what = "has no answer" if not marks else "mixes answer kinds"
        errors.append(
            (
                start,
                f"{label} {what}: use ( )/(x) choices, [ ]/[x] choices, "
                "'= number' or 's= text', one kind per question",
            )
        )
        return None
    kind = marks.pop()
    question["type"] = kind
    if kind == "text":
        question["answer"] = text_answer
    correct = sum(choice["correct"] for choice in question["choices"])
    if kind == "single":
        if len(question["choices"]) < 2 or correct != 1:
            errors.append(
                (
                    start,
                    f"{label}: a single-choice question needs at least two "
                    "choices and exactly one (x)",
                )
            )
        texts = sorted(choice["text"].lower() for choice in question["choices"])
        if texts == ["false", "true"]:
            question["type"] = "true_false"
    if kind == "multiple" and (len(question["choices"]) < 2 or correct < 1):
        errors.append(
            (
                start,
                f"{label}: a multiple-response question needs at least two "
                "choices and at least one [x]",
            )
        )
    if question["partial"] != "none" and kind != "multiple":
        errors.append((start, f"{label}: partial: applies to [ ]/[x] questions only"))
    return question


def write_quiz(quiz):
    """Canonical text for quiz field values (the inverse of parse_quiz)."""
    lines = [f"title: {quiz.get('display_name', '')}"]
    for key, default in HEADER_DEFAULTS.items():
        value = quiz.get(key, default)
        if value != default or key in ("showanswer", "grading"):
            lines.append(f"{key}: {_format_header(value)}")
    for question in quiz.get("questions", []):
        lines += ["", SEPARATOR, f"id: {question['id']}"]
        if question.get("partial", "none") != "none":
            lines.append(f"partial: {question['partial']}")
        lines.append(f">>{question['prompt']}<<")
        lines += _answer_lines(question)
        lines += [f"||{hint}||" for hint in question.get("hints", [])]
        lines += [EXPLANATION, question.get("explanation", ""), EXPLANATION]
    return "\n".join(lines) + "\n"


def _format_header(value):
    if isinstance(value, bool):
        return "true" if value else "false"
    return _format_number(value) if isinstance(value, float) else str(value)


def _format_number(value):
    return str(int(value)) if float(value).is_integer() else repr(float(value))


def _answer_lines(question):
    kind = question["type"]
    if kind in ("single", "true_false", "multiple"):
        opening, closing = ("[", "]") if kind == "multiple" else ("(", ")")
        lines = []
        for choice in question["choices"]:
            mark = f"{opening}{'x' if choice['correct'] else ' '}{closing}"
            feedback = f" {{{{ {choice['feedback']} }}}}" if choice.get("feedback") else ""
            lines.append(f"{mark} {choice['text']}{feedback}")
        return lines
    answer = question["answer"]
    if kind == "numeric":
        return [f"= {_format_number(answer['value'])} +- {_format_number(answer['tolerance'])}"]
    lines = [f"s= /{answer['regex']}/"] if answer.get("regex") else []
    for position, alternative in enumerate(answer.get("alternatives", [])):
        lines.append(f"{'s=' if position == 0 and not lines else 'or='} {alternative}")
    return lines
