"""The course as read in one language: what the booklet and the portable build per language show.

Each lecture, quiz and FAQ entry is read whole in its translation where it has one, else
whole in the source (never a mix within one text); its `content_language` says which.
The glossary and the course and day titles likewise. Ids, answers and numbers stay the
source's, so a course read in any language grades the same keys.
"""

import copy
from dataclasses import replace

from xblocks.common.translations import TRANSLATABLE, numbered, overlay, texts_at

from .model import Day


def course_in(course, language):
    """A copy of `course` read in `language` (one of `course.languages`, or the source's).

    Its meta says `language` (the reading language) and `source_language`; it carries no
    translations of its own."""
    source = str(course.meta["language"])
    if language == source:
        return course
    if language not in course.languages:
        raise ValueError(f"no '{language}' translation (there are: {', '.join(course.languages)})")
    titles = course.course_translations.get(language, {})
    days = [
        Day(
            titles.get(f"days.{number}.title", day.title),
            [_read(lecture, language, source) for lecture in day.lectures],
            [_read(quiz, language, source) for quiz in day.quizzes],
        )
        for number, day in enumerate(course.days)
    ]
    glossary = course.glossary_translations.get(language)
    meta = {
        **course.meta,
        "title": titles.get("title", course.meta["title"]),
        "language": language,
        "source_language": source,
        "glossary_language": language if glossary else source,
    }
    return replace(
        course,
        meta=meta,
        days=days,
        final=_read(course.final, language, source),
        faq_entries=faq_entries_in(course, language),
        glossary=glossary or course.glossary,
        languages=[],
        faq_translations={},
        glossary_translations={},
        course_translations={},
    )


def _read(item, language, source):
    """A lecture or quiz with its fields in `language` where it is translated."""
    texts = item.translations.get(language)
    fields = overlay(item.fields, texts) if texts else copy.deepcopy(item.fields)
    if texts and "questions" in fields:
        _accept_both_answers(fields, item.fields, texts)
    fields["content_language"] = language if texts else source
    return replace(item, fields=fields, translations={})


def _accept_both_answers(fields, source_fields, texts):
    """A text answer accepts the translation's own answers, then the source's."""
    source = {question["id"]: question for question in source_fields["questions"]}
    for question in fields["questions"]:
        answer = question.get("answer")
        if question.get("type") != "text" or not isinstance(answer, dict):
            continue
        theirs = numbered(texts, f"questions.{question['id']}.answer.alternatives")
        own = source[question["id"]]["answer"].get("alternatives", [])
        answer["alternatives"] = list(dict.fromkeys([*theirs, *own]))


def faq_entries_in(course, language):
    """The FAQ entries, each whole in `language` where all its texts are translated."""
    texts = course.faq_translations.get(language, {})
    source, entries = str(course.meta["language"]), []
    for entry in course.faq_entries:
        paths = texts_at({"entries": [entry]}, TRANSLATABLE["seminar_faq"])
        translated = {path: texts.get(path) for path in paths}
        complete = all(translated.values())
        read = overlay({"entries": [entry]}, translated)["entries"][0] if complete else entry
        entries.append({**read, "content_language": language if complete else source})
    return entries
