"""Read and validate the seminar's sources into the course model.

Every problem is collected (not just the first) and names its file, line and the fix.
"""

import re
from datetime import date
from pathlib import Path

import yaml

from . import translations
from .model import Course, Day, Lecture, Quiz, SourceError

PACKAGE_DIR = Path(__file__).resolve().parent.parent
LECTURE_KEYS = {"title", "speakers", "objectives", "sdgs", "takeaways", "video", "handouts"}
COURSE_KEYS = {
    "title",
    "org",
    "number",
    "run",
    "language",
    "start",
    "end",
    "pass_mark",
    "weights",
    "days",
    "final_assessment",
}
SLUG = re.compile(r"^[a-z0-9][a-z0-9-]*$")


class SourcesInvalid(Exception):
    def __init__(self, errors):
        self.errors = errors
        super().__init__("\n".join(str(error) for error in errors))


def default_root() -> Path:
    """The repository checkout when there is one, else the sources shipped in the wheel."""
    checkout = PACKAGE_DIR.parent
    if (checkout / "courses" / "course.yaml").is_file():
        return checkout
    return PACKAGE_DIR / "_sources"


def load_course(root=None) -> Course:
    """The validated course model; raises SourcesInvalid listing every problem."""
    root = Path(root or default_root())
    errors = []
    meta = _load_course_yaml(root, errors)
    lectures = _load_all(root / "courses" / "lectures", "*.md", _load_lecture, root, errors)
    quizzes = _load_all(root / "quizzes", "*.txt", _load_quiz, root, errors)
    faq_entries = _load_faq(root, errors)
    glossary = glossary_terms(root / "courses" / "glossary.md", root, errors)
    days = []
    final = None
    if meta:
        days, final = _assemble(meta, lectures, quizzes, root, errors)
    found, problems = translations.languages(root, str(meta.get("language") or ""))
    errors.extend(problems)
    parts = {
        "meta": meta,
        "lectures": lectures,
        "quizzes": quizzes,
        "glossary": glossary,
        "faq_translations": {},
        "glossary_translations": {},
        "course_translations": {},
    }
    faq_sources = {_relative(path, root) for path in (root / "courses" / "faq").glob("*.md")}
    faq_current = set()
    for language in found:
        translations.load_translations(root, language, parts, errors)
        current = translations.current_sources(root, language)
        for item in [*lectures.values(), *quizzes.values()]:
            if language in item.translations and item.path in current:
                item.current.add(language)
        if language in parts["faq_translations"] and faq_sources <= current:
            faq_current.add(language)
    if errors:
        raise SourcesInvalid(errors)
    course_meta = {key: value for key, value in meta.items() if key != "days"}
    return Course(
        course_meta,
        days,
        final,
        faq_entries,
        sorted(glossary, key=lambda item: item[0].lower()),
        languages=found,
        faq_translations=parts["faq_translations"],
        faq_current=faq_current,
        glossary_translations=parts["glossary_translations"],
        course_translations=parts["course_translations"],
        notes=[note for language in found for note in translations.age_notes(root, language)],
    )


def _relative(path, root):
    return str(Path(path).relative_to(root))


def _load_all(directory, pattern, loader, root, errors):
    loaded = {}
    for path in sorted(directory.glob(pattern)):
        item = loader(path, _relative(path, root), errors)
        if item is not None:
            loaded[item.id] = item
    return loaded


def _yaml_error(exc, path, offset=0):
    mark = getattr(exc, "problem_mark", None)
    line = (mark.line + 1 + offset) if mark else 1
    return SourceError(path, line, f"YAML: {getattr(exc, 'problem', None) or exc}")


def _load_course_yaml(root, errors):
    path = root / "courses" / "course.yaml"
    name = "courses/course.yaml"
    try:
        meta = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except FileNotFoundError:
        errors.append(SourceError(name, 1, "missing: the course needs courses/course.yaml"))
        return {}
    except yaml.YAMLError as exc:
        errors.append(_yaml_error(exc, name))
        return {}
    text = path.read_text(encoding="utf-8")
    for key in sorted(COURSE_KEYS - set(meta)):
        errors.append(SourceError(name, 1, f"'{key}:' is required"))
    for key in sorted(set(meta) - COURSE_KEYS):
        errors.append(SourceError(name, _key_line(text, key), f"unknown key '{key}'"))
    for key in ("start", "end"):
        if key in meta and not isinstance(meta[key], date):
            errors.append(
                SourceError(name, _key_line(text, key), f"{key}: write a date as 2026-01-12")
            )
    if (
        not isinstance(meta.get("pass_mark", 0.5), int | float)
        or not 0 < meta.get("pass_mark", 0.5) <= 1
    ):
        errors.append(
            SourceError(
                name, _key_line(text, "pass_mark"), "pass_mark: a number above 0 and at most 1"
            )
        )
    weights = meta.get("weights") or {}
    if (
        set(weights) != {"lecture_quizzes", "final_assessment"}
        or abs(sum(weights.values()) - 1) > 1e-9
    ):
        errors.append(
            SourceError(
                name,
                _key_line(text, "weights"),
                "weights: lecture_quizzes and final_assessment, adding up to 1",
            )
        )
    for key in ("org", "number", "run"):
        if key in meta and not re.match(r"^[A-Za-z0-9_.-]+$", str(meta[key])):
            errors.append(
                SourceError(
                    name, _key_line(text, key), f"{key}: letters, digits, '.', '_', '-' only"
                )
            )
    return meta


def _key_line(text, key, default=1):
    for number, line in enumerate(text.splitlines(), start=1):
        if re.match(rf"^\s*-?\s*{re.escape(key)}\s*:", line):
            return number
    return default


def _split_front_matter(text):
    """(front matter text, body, line number where the body starts) or None."""
    lines = text.splitlines()
    if not lines or lines[0].strip() != "---":
        return None
    for index, line in enumerate(lines[1:], start=1):
        if line.strip() == "---":
            return (
                "\n".join(lines[1:index]),
                "\n".join(lines[index + 1 :]).strip() + "\n",
                index + 2,
            )
    return None


def _load_lecture(path, name, errors):
    text = path.read_text(encoding="utf-8")
    lecture_id = path.stem
    before = len(errors)
    if not SLUG.match(lecture_id):
        errors.append(SourceError(name, 1, "file name: lower-case letters, digits and '-' only"))
    parts = _split_front_matter(text)
    if parts is None:
        errors.append(
            SourceError(name, 1, "start the file with front matter between two '---' lines")
        )
        return None
    front_text, body, _body_line = parts
    try:
        front = yaml.safe_load(front_text) or {}
    except yaml.YAMLError as exc:
        errors.append(_yaml_error(exc, name, offset=1))
        return None
    if not isinstance(front, dict):
        errors.append(SourceError(name, 2, "front matter must be 'key: value' lines"))
        return None

    def problem(key, message):
        errors.append(SourceError(name, _key_line(front_text, key, 0) + 1, message))

    for key in sorted(set(front) - LECTURE_KEYS):
        problem(key, f"unknown key '{key}' (known: {', '.join(sorted(LECTURE_KEYS))})")
    if not str(front.get("title") or "").strip():
        problem("title", "title: is required")
    sdgs = front.get("sdgs") or []
    if not isinstance(sdgs, list) or not all(isinstance(n, int) and 1 <= n <= 17 for n in sdgs):
        problem("sdgs", "sdgs: a list of SDG numbers from 1 to 17, e.g. [8, 9, 17]")
        sdgs = []
    for key in ("objectives", "takeaways"):
        items = front.get(key)
        if (
            not isinstance(items, list)
            or not items
            or not all(isinstance(i, str) and i.strip() for i in items)
        ):
            pairs = [i for i in items if isinstance(i, dict)] if isinstance(items, list) else []
            hint = (
                f" (an item reads as 'key: value' because of its ': ' after "
                f"'{next(iter(pairs[0]))[:40]}': put the item in double quotes)"
                if pairs
                else ""
            )
            problem(key, f"{key}: a list with at least one line of text{hint}")
    speakers = front.get("speakers") or []
    if not isinstance(speakers, list) or not all(
        isinstance(s, dict) and s.get("name") for s in speakers
    ):
        problem("speakers", "speakers: a list of entries, each with at least 'name:'")
        speakers = []
    video = front.get("video") or {}
    if not isinstance(video, dict):
        problem("video", "video: 'url:' (https) or 'youtube:' (an id), and 'transcript:'")
        video = {}
    if video.get("url") and not str(video["url"]).startswith("https://"):
        problem("url", "video url: must start with https://")
    if video.get("youtube") and not re.match(r"^[A-Za-z0-9_-]{11}$", str(video["youtube"])):
        problem("youtube", "video youtube: an 11-character YouTube id, e.g. dQw4w9WgXcQ")
    handouts = front.get("handouts") or []
    if not isinstance(handouts, list) or not all(
        isinstance(h, dict)
        and h.get("title")
        and str(h.get("url", "")).startswith(("https://", "/static/"))
        for h in handouts
    ):
        problem(
            "handouts", "handouts: entries with 'title:' and a 'url:' starting https:// or /static/"
        )
        handouts = []
    if not body.strip():
        errors.append(SourceError(name, len(text.splitlines()), "the lecture has no body text"))
    if len(errors) > before:
        return None
    fields = {
        "display_name": str(front["title"]).strip(),
        "speakers": [
            {key: str(s.get(key, "") or "") for key in ("name", "role", "organisation")}
            for s in speakers
        ],
        "objectives": [i.strip() for i in front["objectives"]],
        "sdgs": sdgs,
        "takeaways": [i.strip() for i in front["takeaways"]],
        "video_url": str(video.get("url") or ""),
        "video_youtube_id": str(video.get("youtube") or ""),
        "transcript": str(video.get("transcript") or "").strip(),
        "handouts": [{"title": str(h["title"]), "url": str(h["url"])} for h in handouts],
        "body": body,
    }
    return Lecture(lecture_id, fields, name)


def _load_quiz(path, name, errors):
    from xblocks.quiz.textformat import QuizFormatError, parse_quiz

    try:
        fields = parse_quiz(path.read_text(encoding="utf-8"), source=name)
    except QuizFormatError as exc:
        errors.extend(SourceError(name, line, message) for line, message in exc.errors)
        return None
    return Quiz(path.stem, fields, name)


def _load_faq(root, errors):
    from xblocks.faq.textformat import FaqFormatError, parse_faq

    entries, seen = [], {}
    for path in sorted((root / "courses" / "faq").glob("*.md")):
        name = _relative(path, root)
        try:
            parsed = parse_faq(path.read_text(encoding="utf-8"), source=name)
        except FaqFormatError as exc:
            errors.extend(SourceError(name, line, message) for line, message in exc.errors)
            continue
        for entry in parsed:
            if entry["id"] in seen:
                errors.append(
                    SourceError(
                        name, 1, f"FAQ id '{entry['id']}' is also used in {seen[entry['id']]}"
                    )
                )
            seen[entry["id"]] = name
            entries.append(entry)
    for entry in entries:
        for related in entry.get("related", []):
            if related not in seen:
                errors.append(
                    SourceError(
                        seen[entry["id"]],
                        1,
                        f"entry '{entry['id']}': related id '{related}' does not exist",
                    )
                )
    return entries


def glossary_terms(path, root, errors):
    """The glossary's (term, definition) pairs in file order; [] without a glossary."""
    if not path.is_file():
        return []
    name = _relative(path, root)
    terms, current, definition = [], None, []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if line.startswith("## "):
            if current:
                terms.append((current, "\n".join(definition).strip()))
            current, definition = line[3:].strip(), []
        elif line.startswith("#") and not line.startswith("###"):
            if number > 1:
                errors.append(
                    SourceError(name, number, "use '## Term' headings for glossary terms")
                )
        elif current is None and line.strip():
            errors.append(SourceError(name, number, "text before the first '## Term' heading"))
        else:
            definition.append(line)
    if current:
        terms.append((current, "\n".join(definition).strip()))
    for term, text in terms:
        if not text:
            errors.append(SourceError(name, 1, f"glossary term '{term}' has no definition"))
    return terms


def _assemble(meta, lectures, quizzes, root, errors):
    name = "courses/course.yaml"
    text = (root / "courses" / "course.yaml").read_text(encoding="utf-8")
    days, used = [], set()
    for day in meta.get("days") or []:
        if not isinstance(day, dict) or not day.get("title") or not day.get("lectures"):
            errors.append(
                SourceError(
                    name, _key_line(text, "days"), "each day needs 'title:' and 'lectures:'"
                )
            )
            continue
        day_lectures, day_quizzes = [], []
        for lecture_id in day["lectures"]:
            line = _find_line(text, lecture_id)
            if lecture_id not in lectures:
                errors.append(
                    SourceError(
                        name,
                        line,
                        f"lecture '{lecture_id}': no valid courses/lectures/{lecture_id}.md",
                    )
                )
                continue
            if lecture_id not in quizzes:
                errors.append(
                    SourceError(
                        name, line, f"lecture '{lecture_id}': no valid quizzes/{lecture_id}.txt"
                    )
                )
                continue
            used.add(lecture_id)
            day_lectures.append(lectures[lecture_id])
            day_quizzes.append(quizzes[lecture_id])
        days.append(Day(day["title"], day_lectures, day_quizzes))
    final_id = meta.get("final_assessment")
    final = quizzes.get(final_id)
    if final is None:
        errors.append(
            SourceError(
                name,
                _key_line(text, "final_assessment"),
                f"final_assessment: no valid quizzes/{final_id}.txt",
            )
        )
    for lecture_id in sorted(set(lectures) - used):
        errors.append(
            SourceError(
                lectures[lecture_id].path,
                1,
                "this lecture is not listed under a day in courses/course.yaml",
            )
        )
    for quiz_id in sorted(set(quizzes) - used - {final_id}):
        errors.append(
            SourceError(
                quizzes[quiz_id].path, 1, "this quiz matches no lecture in courses/course.yaml"
            )
        )
    return days, final


def _find_line(text, needle):
    for number, line in enumerate(text.splitlines(), start=1):
        if needle in line:
            return number
    return 1
