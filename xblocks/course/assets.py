"""The course's about page and course image, made from the sources (no downloads)."""

import struct
import zlib
from html import escape

from babel.numbers import format_percent

from xblocks.common.i18n import gettext_noop as _
from xblocks.common.i18n import translation_for
from xblocks.common.l10n import babel_locale, format_list, language_name
from xblocks.common.sdgs import SDG_NAMES

IMAGE_SIZE = (378, 225)  # the course card size Open edX shows
BANDS = [(0, 94, 70), (229, 36, 59), (253, 105, 37)]  # three colour bands, no text to translate


def course_image_png():
    """A small, deterministic PNG course image: three horizontal colour bands."""
    width, height = IMAGE_SIZE
    rows = bytearray()
    for y in range(height):
        colour = BANDS[min(y * len(BANDS) // height, len(BANDS) - 1)]
        rows += b"\x00" + bytes(colour) * width

    def chunk(kind, data):
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(bytes(rows), 9))
        + chunk(b"IEND", b"")
    )


def translated_note(course):
    """The one place the course says who translated it, and how a learner reads it."""
    source = course.meta.get("source_language")
    if source:  # a course run read in one language (reading.py)
        language = course.meta["language"]
        note = translation_for(language).gettext(
            "The course team translated this text from {language}."
        )
        return [f"<p>{escape(note.format(language=language_name(source, language)))}</p>"]
    if not course.languages:
        return []
    source = course.meta["language"]
    names = [language_name(code, source) or code for code in course.languages]
    return [
        f"<p>The course team translated the content from {escape(language_name(source, source))}"
        f" into {escape(format_list(names, source))}. Each lecture, quiz and the questions and "
        "answers are shown in the language of your account where a translation exists; the "
        "menu at the top of each of them changes it for the whole course.</p>"
    ]


def overview_html(course):
    """about/overview.html: what the seminar covers, day by day, in the course's language."""
    language = str(course.meta["language"])
    words = translation_for(language).gettext
    weights = course.meta["weights"]
    summary = words(
        _(
            "{title}: {days} days, {lectures} lectures, a quiz after each lecture, a final "
            "assessment and a knowledge product of frequently asked questions."
        )
    ).format(title=course.meta["title"], days=len(course.days), lectures=len(course.lectures))
    grading = words(
        _(
            "Lecture quizzes count for {quizzes} and the final assessment for {final}. "
            "A certificate of completion needs {passing} overall."
        )
    ).format(
        quizzes=_percent(weights["lecture_quizzes"], language),
        final=_percent(weights["final_assessment"], language),
        passing=_percent(course.meta["pass_mark"], language),
    )
    about, learn = words(_("About this seminar")), words(_("What you will learn"))
    parts = [
        '<section class="about">',
        f"<h2>{escape(about)}</h2>",
        f"<p>{escape(summary)}</p>",
        *translated_note(course),
        "</section>",
        '<section class="syllabus">',
        f"<h2>{escape(learn)}</h2>",
    ]
    for day in course.days:
        parts.append(f"<h3>{escape(day.title)}</h3>")
        parts.append("<ul>")
        for lecture in day.lectures:
            goals = ", ".join(
                words("SDG {number}: {name}").format(number=n, name=words(SDG_NAMES[n]))
                for n in lecture.fields["sdgs"]
            )
            parts.append(f"<li>{escape(lecture.title)} <small>({escape(goals)})</small></li>")
        parts.append("</ul>")
    parts += [
        "</section>",
        '<section class="grading">',
        f"<h2>{escape(words('Grading'))}</h2>",
        f"<p>{escape(grading)}</p>",
        "</section>",
    ]
    return "\n".join(parts) + "\n"


def _percent(fraction, language):
    return format_percent(fraction, locale=babel_locale(language))
