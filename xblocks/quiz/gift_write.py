"""The quiz's question data written as Moodle's GIFT (`seminar quiz to-gift`), with a
message for what GIFT cannot hold; gift.py reads it back. docs/authoring.md says what maps
to what."""

import re

from .gift import ESCAPABLE, NO_EXPLANATION, _weight


def write_gift(quiz):
    """GIFT text for quiz field values, and [message] for what GIFT cannot hold."""
    warnings = []
    lines = [f"$CATEGORY: {_escape(quiz.get('display_name', '')).replace('/', '//')}", ""]
    for question in quiz.get("questions", []):
        lines += [f"// hint: {hint}" for hint in question.get("hints", [])]
        lines.append(f"::{question['id']}::[markdown]{_escape(question['prompt'])}{{")
        lines += _gift_answers(question, warnings)
        explanation = question.get("explanation") or ""
        if explanation and explanation != NO_EXPLANATION:
            lines.append(f"####{_escape(explanation)}")
        lines += ["}", ""]
    return "\n".join(lines), warnings


def _escape(text):
    for char in ESCAPABLE:
        text = text.replace(char, "\\" + char)
    return text.replace("\n", "\\n")


def _gift_answers(question, warnings):
    kind, choices = question["type"], question["choices"]
    label = f"question '{question['id']}'"

    def feedback(choice):
        return f"#{_escape(choice['feedback'])}" if choice.get("feedback") else ""

    if kind == "true_false" and [c["text"] for c in choices] == ["True", "False"]:
        right, wrong = (
            (choices[0], choices[1]) if choices[0]["correct"] else (choices[1], choices[0])
        )
        tail = f"#{_escape(wrong['feedback'])}#{_escape(right['feedback'])}"
        return [("TRUE" if choices[0]["correct"] else "FALSE") + re.sub(r"#+$", "", tail)]
    if kind in ("single", "true_false"):
        return [f"{'=' if c['correct'] else '~'}{_escape(c['text'])}{feedback(c)}" for c in choices]
    if kind == "multiple":
        if question.get("partial", "none") == "none":
            warnings.append(
                f"{label}: all-or-nothing scoring has no GIFT form; the choices are weighted "
                "per choice (Moodle gives partial credit)"
            )
        share = 100 / sum(c["correct"] for c in choices)
        return [
            f"~%{_weight(share if c['correct'] else -share)}%{_escape(c['text'])}{feedback(c)}"
            for c in choices
        ]
    answer = question["answer"]
    if kind == "numeric":
        return [f"#{_gift_number(answer['value'])}:{_gift_number(answer['tolerance'])}"]
    alternatives = [f"={_escape(text)}" for text in answer.get("alternatives", [])]
    if answer.get("regex"):
        wildcards = _wildcards(answer["regex"])
        if wildcards is None:
            warnings.append(
                f"{label}: the regular expression /{answer['regex']}/ has no GIFT form; "
                "only the listed answers are written"
            )
        else:
            alternatives += [f"={_escape(text)}" for text in wildcards]
    return alternatives


def _wildcards(regex):
    """Moodle '*' answers for a regex parse_gift made from them, else None."""
    answers = []
    for alternative in regex.split("|"):
        parts = [re.sub(r"\\(.)", r"\1", part) for part in alternative.split(".*")]
        if ".*".join(re.escape(part) for part in parts) != alternative:
            return None
        answers.append("*".join(parts))
    return answers


def _gift_number(value):
    return str(int(value)) if float(value).is_integer() else repr(float(value))
