"""Translated author text: per language, a flat {path: text} beside the source fields.

A path names one text inside a block's field values: "body", "objectives.2",
"questions.d1l1-parts.choices.b.feedback". Where a path meets a list of records that have
an "id", the segment is that id (questions, choices, FAQ entries), otherwise the position.
A translation holds texts only: ids, answers, numbers and addresses stay in the source
fields, so grading and navigation are the same in every language.

A block reads one language for its whole content (never a mix within a block): a
translation that lacks any of the source's texts is not offered (see `complete_languages`).
"""

import copy
import re

from .i18n import LANGUAGE_TAG, language_tag

SEGMENT = r"[A-Za-z0-9_-]+"
MAX_TEXT = 200_000


def texts_at(values, patterns) -> dict:
    """{path: text} of the non-empty texts that `patterns` ("objectives.*") name in `values`."""
    found = {}
    for pattern in patterns:
        _collect(values, pattern.split("."), [], found)
    return found


def _collect(value, segments, path, found):
    if not segments:
        if isinstance(value, str) and value.strip():
            found[".".join(path)] = value
        return
    head, rest = segments[0], segments[1:]
    if head == "*":
        for key, item in _items(value):
            _collect(item, rest, [*path, key], found)
    elif isinstance(value, dict) and head in value:
        _collect(value[head], rest, [*path, head], found)


def _items(value):
    if not isinstance(value, list):
        return []
    return [
        (str(item["id"]) if isinstance(item, dict) and item.get("id") else str(index), item)
        for index, item in enumerate(value)
    ]


def overlay(values, texts) -> dict:
    """A deep copy of `values` with the text at each path of `texts` replaced."""
    result = copy.deepcopy(values)
    records = {}  # each list's {id or place: item}, made once: a pool has hundreds of paths
    for path, text in texts.items():
        *parents, last = path.split(".")
        node = result
        for segment in parents:
            node = _child(node, segment, records)
        if isinstance(node, dict) and isinstance(node.get(last), str):
            node[last] = text
        elif isinstance(node, list) and last.isdigit() and int(last) < len(node):
            if isinstance(node[int(last)], str):
                node[int(last)] = text
    return result


def _child(node, segment, records):
    if isinstance(node, dict):
        return node.get(segment)
    if id(node) not in records:  # `result` holds every node, so no id is reused meanwhile
        records[id(node)] = dict(_items(node))
    return records[id(node)].get(segment)


def numbered(texts, prefix) -> list:
    """The texts at `prefix`.0, `prefix`.1, ... in order (a translation's own list)."""
    found = {
        int(path[len(prefix) + 1 :]): text
        for path, text in texts.items()
        if path.startswith(prefix + ".") and path[len(prefix) + 1 :].isdigit()
    }
    return [found[index] for index in sorted(found)]


def pattern_regex(patterns):
    """A regex that matches exactly the paths `patterns` can name."""
    alternatives = (
        r"\.".join(SEGMENT if part == "*" else re.escape(part) for part in pattern.split("."))
        for pattern in patterns
    )
    return re.compile("|".join(f"(?:{alternative})" for alternative in alternatives))


def translation_problems(translations, patterns) -> list:
    """What makes a `translations` value invalid (wrong shape, unknown paths), as messages."""
    if not isinstance(translations, dict):
        return ["translations must map a language code to its texts"]
    allowed, problems = pattern_regex(patterns), []
    for language, texts in translations.items():
        if not isinstance(language, str) or not LANGUAGE_TAG.fullmatch(language):
            problems.append(f"'{language}' is not a language code (e.g. fr, es, ar, pt-BR)")
            continue
        if not isinstance(texts, dict):
            problems.append(f"{language}: the texts must map a path to a text")
            continue
        for path, text in texts.items():
            if not isinstance(path, str) or not allowed.fullmatch(path):
                problems.append(f"{language}: '{path}' names no translatable text")
            elif not isinstance(text, str) or len(text) > MAX_TEXT:
                problems.append(f"{language}: '{path}' must be a text of at most {MAX_TEXT}")
    return problems


def complete_languages(source_texts, translations, optional=()) -> list:
    """The languages whose translation has every source text (`optional` paths aside)."""
    needed = [path for path in source_texts if not any(o in path for o in optional)]
    return sorted(
        language
        for language, texts in (translations or {}).items()
        if isinstance(texts, dict) and all(path in texts for path in needed)
    )


def _base(tag):
    return tag.split("-")[0]


def reading_language(source, available, wanted) -> str:
    """The one language a block's content is read in: the first of `wanted` (the learner's
    choice, then the platform's active language) that the block has, exactly or by its
    base language (pt-br -> pt), else the source language."""
    offered = {language_tag(code).lower(): code for code in available}
    source_tag = language_tag(source).lower()
    for code in wanted:
        tag = language_tag(code).lower()
        for candidate in (tag, _base(tag)) if tag else ():
            if candidate == source_tag or (source_tag and candidate == _base(source_tag)):
                return source
            if candidate in offered:
                return offered[candidate]
    return source


# The texts each block type translates; everything else in its fields is structure.
TRANSLATABLE = {
    "seminar_lecture": (
        "display_name",
        "body",
        "transcript",
        "objectives.*",
        "takeaways.*",
        "speakers.*.name",
        "speakers.*.role",
        "speakers.*.organisation",
        "handouts.*.title",
    ),
    "seminar_quiz": (
        "display_name",
        "questions.*.prompt",
        "questions.*.explanation",
        "questions.*.hints.*",
        "questions.*.choices.*.text",
        "questions.*.choices.*.feedback",
        "questions.*.answer.alternatives.*",
    ),
    "seminar_faq": ("entries.*.category", "entries.*.question", "entries.*.answer"),
}
# A translation's accepted text answers are its own (any number), not the source's.
ALTERNATIVES = ".answer.alternatives."
