"""Translations beside the sources: loaded, checked against their source, dated.

    courses/lectures/<lang>/<id>.md   courses/faq/<lang>/<category>.md   quizzes/<lang>/<id>.txt
    courses/<lang>/glossary.md        courses/<lang>/course.yaml (title, days' titles)

A translation is parsed with its source's own parser, then must have the source's
structure: the same ids, answers, settings and addresses (every non-text value), the same
texts present, and the same numbers (the multiset of digit runs of each question, entry or
text, so "1,100" and "1 100" agree). Missing files fall back to the source.

Whether a translation is older than its source: `seminar accept-translations <lang>`
records each accepted translation's source hash in courses/<lang>/sources.sha256
(`sha256sum` format); `seminar check` notes every translation whose source has changed
since, or that was never accepted.
"""

import hashlib
import re
import unicodedata
from collections import Counter
from pathlib import Path

import yaml

from xblocks.common.translations import ALTERNATIVES, TRANSLATABLE, overlay, texts_at

from .model import SourceError

LANGUAGE_DIR = re.compile(r"^[a-z]{2,3}(?:-[a-z0-9]{2,8})*$")
SOURCE_DIRS = {"lectures", "faq"}
MANIFEST = "sources.sha256"
GLOSSARY_TEXTS = ("terms.*.term", "terms.*.definition")
COURSE_TEXTS = ("title", "days.*.title")
# Paths whose first segment is a list of records: their digits are compared per record.
RECORDS = {"questions", "entries", "terms", "days"}


def languages(root, source_language):
    """The translation languages found beside the sources (folder names), and problems."""
    found, problems = set(), []
    folders = [root / "courses" / "lectures", root / "courses" / "faq", root / "quizzes"]
    for folder in [*folders, root / "courses"]:
        for child in sorted(folder.glob("*/")) if folder.is_dir() else []:
            if folder.name == "courses" and child.name in SOURCE_DIRS:
                continue
            if LANGUAGE_DIR.match(child.name):
                found.add(child.name)
    if source_language in found:
        problems.append(
            SourceError(
                "courses/course.yaml",
                1,
                f"translations into '{source_language}', the course's own language: "
                "the sources are that language",
            )
        )
        found.discard(source_language)
    return sorted(found), problems


def source_of(relative_path: str, language: str) -> str:
    """The source path of a translation path (its language folder removed)."""
    parts = Path(relative_path).parts
    return str(Path(*[part for part in parts if part != language]))


def translation_files(root, language):
    """Every translation file of `language`, as paths relative to `root`."""
    patterns = (
        f"courses/lectures/{language}/*.md",
        f"courses/faq/{language}/*.md",
        f"quizzes/{language}/*.txt",
        f"courses/{language}/glossary.md",
        f"courses/{language}/course.yaml",
    )
    return [str(p.relative_to(root)) for pattern in patterns for p in sorted(root.glob(pattern))]


def load_translations(root, language, parts, errors):
    """Check and load one language's translations into `parts` (see sources.load_course)."""
    from xblocks.faq.textformat import FaqFormatError, parse_faq

    from .sources import _load_lecture, _load_quiz, glossary_terms

    faq_texts = {}
    for name in translation_files(root, language):
        path, source_name = root / name, source_of(name, language)
        if not (root / source_name).is_file():
            errors.append(SourceError(name, 1, f"a translation of {source_name}, which is missing"))
            continue
        text, source_text = path.read_text(encoding="utf-8"), _read(root / source_name)
        kind = Path(name).parts[1] if name.startswith("courses/") else "quizzes"
        if name.startswith("quizzes/") or kind == "lectures":
            load = _load_quiz if kind == "quizzes" else _load_lecture
            items = parts["quizzes"] if kind == "quizzes" else parts["lectures"]
            source = items.get(Path(name).stem)
            before = len(errors)
            item = load(path, name, errors)
            if source is None or item is None or len(errors) > before:
                continue
            patterns = TRANSLATABLE["seminar_quiz" if kind == "quizzes" else "seminar_lecture"]
            texts = compare(source.fields, item.fields, patterns, (name, text), errors)
            if texts is not None:
                source.translations[language] = texts
        elif kind == "faq":
            try:
                entries = parse_faq(text, source=name)
                source_entries = parse_faq(source_text, source=source_name)
            except FaqFormatError as exc:
                if exc.source == name:
                    errors.extend(SourceError(name, line, message) for line, message in exc.errors)
                continue
            texts = compare(
                {"entries": source_entries},
                {"entries": entries},
                TRANSLATABLE["seminar_faq"],
                (name, text),
                errors,
            )
            faq_texts.update(texts or {})
        elif name.endswith("glossary.md"):
            before = len(errors)
            terms = glossary_terms(path, root, errors)
            if len(errors) == before:
                texts = compare(
                    _terms(parts["glossary"]),
                    _terms(terms),
                    GLOSSARY_TEXTS,
                    (name, text),
                    errors,
                )
                if texts is not None:
                    parts["glossary_translations"][language] = sorted(
                        terms, key=lambda item: item[0].lower()
                    )
        else:
            values = _course_texts(text, name, errors)
            if values is not None:
                texts = compare(
                    _course_values(parts["meta"]), values, COURSE_TEXTS, (name, text), errors
                )
                if texts is not None:
                    parts["course_translations"][language] = texts
    if faq_texts:
        parts["faq_translations"][language] = faq_texts


def _read(path):
    return path.read_text(encoding="utf-8")


def _terms(terms):
    return {"terms": [{"term": term, "definition": definition} for term, definition in terms]}


def _course_values(meta):
    return {
        "title": meta.get("title", ""),
        "days": [{"title": d.get("title", "")} for d in meta.get("days") or []],
    }


def _course_texts(text, name, errors):
    try:
        values = yaml.safe_load(text) or {}
    except yaml.YAMLError as exc:
        from .sources import _yaml_error

        errors.append(_yaml_error(exc, name))
        return None
    days = values.get("days") if isinstance(values, dict) else None
    if (
        not isinstance(values, dict)
        or set(values) - {"title", "days"}
        or not isinstance(days or [], list)
        or not all(isinstance(day, dict) and set(day) <= {"title"} for day in days or [])
    ):
        errors.append(
            SourceError(
                name,
                1,
                "a translated course.yaml holds only 'title:' and 'days:' with each day's 'title:'",
            )
        )
        return None
    return {
        "title": str(values.get("title") or ""),
        "days": [{"title": str(d.get("title") or "")} for d in days or []],
    }


def compare(source, translation, patterns, where, errors):
    """The translation's texts ({path: text}), or None after adding its problems to `errors`.

    `where` is (translation path, its text), for line numbers."""
    name, text = where
    before = len(errors)
    source_texts, texts = texts_at(source, patterns), texts_at(translation, patterns)
    difference = first_difference(skeleton(source, patterns), skeleton(translation, patterns))
    if difference:
        path, message = difference
        errors.append(SourceError(name, line_of(text, path), f"{path}: {message}"))
    else:
        for path in sorted(set(source_texts) ^ set(texts)):
            if ALTERNATIVES in path:
                continue
            message = (
                "has no text here, the source has"
                if path in source_texts
                else ("has a text here, the source has none")
            )
            errors.append(
                SourceError(name, line_of(text, path), f"{path}: the translation {message}")
            )
        _compare_figures(source_texts, texts, (name, text), errors)
    return texts if len(errors) == before else None


def skeleton(values, patterns):
    """`values` with every translatable text blanked: what must equal the source's."""
    blank = overlay(values, {path: "" for path in texts_at(values, patterns)})
    for question in blank.get("questions", []) if isinstance(blank, dict) else []:
        if question.get("type") == "true_false":  # "Vrai"/"Faux" are not "True"/"False"
            question["type"] = "single"
        if isinstance(question.get("answer"), dict) and "alternatives" in question["answer"]:
            question["answer"]["alternatives"] = []
    return blank


def first_difference(source, translation, path=""):
    """(path, what differs) at the first place the two skeletons differ, or None."""

    def at(key):
        return f"{path}.{key}" if path else str(key)

    if isinstance(source, list) and isinstance(translation, list):
        from xblocks.common.translations import _items

        ids, other_ids = [k for k, _ in _items(source)], [k for k, _ in _items(translation)]
        if ids != other_ids:
            return _id_difference(ids, other_ids, at)
        for (key, item), (_key, other) in zip(_items(source), _items(translation), strict=True):
            if found := first_difference(item, other, at(key)):
                return found
        return None
    if isinstance(source, dict) and isinstance(translation, dict):
        for key in [*source, *(k for k in translation if k not in source)]:
            if key not in source or key not in translation:
                return at(key), "only in the source" if key in source else "not in the source"
            if found := first_difference(source[key], translation[key], at(key)):
                return found
        return None
    if source != translation:
        correct = " (a different correct marker)" if path.endswith(".correct") else ""
        return path, f"{translation!r} here, {source!r} in the source{correct}"
    return None


def _id_difference(ids, other_ids, at):
    """Where two id lists part: at the first id the translation has that the source lacks,
    else at the translation's record in the place the source has another."""
    missing = [i for i in ids if i not in other_ids]
    extra = [i for i in other_ids if i not in ids]
    said = [f"missing {', '.join(missing)}" if missing else ""]
    said.append(f"not in the source: {', '.join(extra)}" if extra else "")
    message = "; ".join(part for part in said if part) or "in another order than the source's"
    place = next((k for k, o in zip(ids, other_ids, strict=False) if k != o), None)
    path = at(extra[0] if extra else place or (other_ids[-1] if other_ids else ""))
    if not other_ids:
        path = path.rsplit(".", 1)[0]
    return path, f"the ids differ from the source's ({message})"


# Chinese counts large numbers in 万 (10^4) and 亿 (10^8): "20 million" is 2000万.
CJK_MAGNITUDE = re.compile(r"(\d+(?:\.\d+)?)\s*([万亿])")


def _as_source_writes_it(match):
    """A 万/亿 amount as English writes it: in millions from a million up, else in full."""
    value = float(match.group(1)) * (10**4 if match.group(2) == "万" else 10**8)
    if value >= 10**6:
        return f"{value / 10**6:.3f}".rstrip("0").rstrip(".") + " million"
    return f"{round(value):,}"


# Chinese names months by number ("2022年3月25日" for "25 March 2022"): a month, not a figure.
CJK_MONTH = re.compile(r"(?<![\d.])(?:1[0-2]|[1-9])月")


def digit_runs(text) -> Counter:
    """The numbers written in a text, digit by digit in any script (٢٠١٥ is 2015)."""
    text = CJK_MONTH.sub("月", CJK_MAGNITUDE.sub(_as_source_writes_it, text))
    runs = re.findall(r"\d+", text)
    return Counter("".join(str(unicodedata.digit(c)) for c in run) for run in runs)


def _unit(path):
    segments = path.split(".")
    return ".".join(segments[:2]) if segments[0] in RECORDS else path


def _compare_figures(source_texts, texts, where, errors):
    name, text = where
    wanted, found = {}, {}
    for collected, into in ((source_texts, wanted), (texts, found)):
        for path, value in collected.items():
            if ALTERNATIVES not in path:
                into.setdefault(_unit(path), Counter()).update(digit_runs(value))
    for unit in sorted(set(wanted) | set(found)):
        missing = wanted.get(unit, Counter()) - found.get(unit, Counter())
        added = found.get(unit, Counter()) - wanted.get(unit, Counter())
        if missing or added:
            said = []
            if missing:
                said.append(f"missing from the source: {', '.join(sorted(missing.elements()))}")
            if added:
                said.append(f"not in the source: {', '.join(sorted(added.elements()))}")
            first = next(iter(added or missing))
            errors.append(
                SourceError(
                    name,
                    line_of(text, unit, figure=first),
                    f"{unit}: the numbers differ ({'; '.join(said)})",
                )
            )


def line_of(text, path, figure=None):
    """The line of `text` where `path` is written (its records' `id:` lines, then its key),
    or of `figure` inside it; 1 when it cannot be told."""
    lines = text.splitlines()
    start, found = 0, False
    for segment in path.split("."):
        for number in range(start, len(lines)):
            if re.match(rf"\s*id:\s*{re.escape(segment)}\s*$", lines[number]):
                start, found = number, True
                break
    if not found:
        key = path.split(".")[0]
        for number, line in enumerate(lines):
            if re.match(rf"^\s*-?\s*{re.escape(key)}\s*:", line):
                start, found = number, True
                break
    if figure is not None:
        for number in range(start, len(lines)):
            if figure in digit_runs(lines[number]):
                return number + 1
    return start + 1 if found else 1


def file_hash(path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def read_manifest(root, language) -> dict:
    """{source path: sha256 when its translation was accepted} of one language."""
    path = root / "courses" / language / MANIFEST
    if not path.is_file():
        return {}
    recorded = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        digest, _sep, source = line.partition("  ")
        if re.fullmatch(r"[0-9a-f]{64}", digest) and source:
            recorded[source.strip()] = digest
    return recorded


def current_sources(root, language) -> set:
    """The source paths whose `language` translation was accepted and has not changed since:
    the translations a build may call up to date (Studio's "current")."""
    recorded = read_manifest(root, language)
    sources = (source_of(name, language) for name in translation_files(root, language))
    return {
        source
        for source in sources
        if (root / source).is_file() and recorded.get(source) == file_hash(root / source)
    }


def age_notes(root, language) -> list:
    """Notes on the translations of `language` whose source changed since they were
    accepted, or that were never accepted."""
    recorded, notes = read_manifest(root, language), []
    for name in translation_files(root, language):
        source = source_of(name, language)
        if not (root / source).is_file():
            continue
        if source not in recorded:
            notes.append(
                SourceError(
                    name,
                    1,
                    f"never accepted: once it matches {source}, run "
                    f"`seminar accept-translations {language} {name}`",
                )
            )
        elif recorded[source] != file_hash(root / source):
            notes.append(
                SourceError(
                    name,
                    1,
                    f"older than its source: {source} changed since this translation was "
                    f"accepted; update it, then `seminar accept-translations {language} {name}`",
                )
            )
    return notes


def accept(root, language, names=None) -> list:
    """Record the current source hash of each named translation (all of `language`'s by
    default) in courses/<lang>/sources.sha256; returns the translation paths recorded."""
    every = translation_files(root, language)
    names = [str(Path(n)) for n in names] if names else every
    unknown = [n for n in names if n not in every]
    if unknown:
        raise ValueError(f"not a translation file of '{language}': {', '.join(unknown)}")
    recorded = read_manifest(root, language)
    for name in names:
        recorded[source_of(name, language)] = file_hash(root / source_of(name, language))
    path = root / "courses" / language / MANIFEST
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(
        "".join(f"{digest}  {source}\n" for source, digest in sorted(recorded.items())),
        encoding="utf-8",
    )
    return names
