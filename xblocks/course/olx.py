"""Emit the course as an OLX tarball that Studio imports (custom blocks inline)."""

import json
from collections import Counter
from html import escape

from lxml import etree

from xblocks.common.i18n import gettext_noop as _
from xblocks.common.i18n import translation_for

from .assets import course_image_png, overview_html
from .blocks import block_olx
from .outline import course_outline, grading_policy
from .tarball import write_tarball

BLOCK_TYPES = ("seminar_lecture", "seminar_faq", "seminar_quiz")
# Settings Open edX passes down from the course (Studio's advanced settings) to each quiz.
INHERITED_QUIZ_SETTINGS = ("showanswer", "max_attempts")


def quiz_defaults(course):
    """The course-wide value of each inherited setting: the one most quizzes use.

    The course's policy holds it and a quiz's OLX only what differs, so an instructor's
    course-wide change in Studio reaches every quiz that did not choose otherwise.
    """
    quizzes = [unit.source.fields for unit in _units(course) if unit.kind == "quiz"]
    defaults = {}
    for name in INHERITED_QUIZ_SETTINGS:
        values = Counter(json.dumps(q[name]) for q in quizzes if name in q)
        if values:
            defaults[name] = json.loads(values.most_common(1)[0][0])
    return defaults


def custom_unit_blocks(unit, defaults):
    """The seminar's own blocks for a unit: ([elements], {extra files})."""
    if unit.kind == "quiz":
        own = unit.source.fields.items()
        fields = {k: v for k, v in own if k not in defaults or defaults[k] != v}
    elif unit.kind == "lecture":
        fields = dict(unit.source.fields)
    else:
        fields = {"display_name": unit.title, "entries": unit.source}
    translations = getattr(unit.source, "translations", None) or unit.translations
    current = getattr(unit.source, "current", None) or unit.current
    if translations:
        # A translated block names its source language itself: it is read correctly
        # wherever it is copied, even without a course above it (the workbench).
        fields.update(translations=translations, content_language=unit.language)
    block_type = {"lecture": "seminar_lecture", "quiz": "seminar_quiz"}.get(
        unit.kind, "seminar_faq"
    )
    return [block_olx(block_type, unit.url_name, fields, current_translations=current)], {}


def course_files(course, unit_blocks=custom_unit_blocks, advanced_modules=BLOCK_TYPES):
    """{path: bytes} of the whole OLX course; `unit_blocks(unit, defaults)` decides what
    fills each unit, `defaults` being the course-wide quiz settings of its policy."""
    meta = course.meta
    run = str(meta["run"])
    defaults = quiz_defaults(course)
    files = {}
    root = etree.Element("course", url_name=run, org=str(meta["org"]), course=str(meta["number"]))
    files["course.xml"] = _xml(root)
    course_node = etree.Element("course")  # its settings are all in policy.json
    for chapter in course_outline(course):
        etree.SubElement(course_node, "chapter", url_name=chapter.url_name)
        chapter_node = etree.Element("chapter", display_name=chapter.title)
        for subsection in chapter.subsections:
            etree.SubElement(chapter_node, "sequential", url_name=subsection.url_name)
            sequential = etree.Element("sequential", display_name=subsection.title)
            if subsection.grading_format:
                sequential.set("graded", "true")
                sequential.set("format", subsection.grading_format)
            for unit in subsection.units:
                # url_names are unique across categories: the unit and its block differ.
                unit_name = f"unit-{unit.url_name}"
                etree.SubElement(sequential, "vertical", url_name=unit_name)
                vertical = etree.Element("vertical", display_name=unit.title)
                elements, extra = unit_blocks(unit, defaults)
                vertical.extend(elements)
                files.update(extra)
                files[f"vertical/{unit_name}.xml"] = _xml(vertical)
            files[f"sequential/{subsection.url_name}.xml"] = _xml(sequential)
        files[f"chapter/{chapter.url_name}.xml"] = _xml(chapter_node)
    files[f"course/{run}.xml"] = _xml(course_node)
    policy = {**_policy(meta, advanced_modules), **defaults}
    files[f"policies/{run}/policy.json"] = _json({f"course/{run}": policy})
    files[f"policies/{run}/grading_policy.json"] = _json(grading_policy(course))
    files["policies/assets.json"] = _json({})
    files["about/overview.html"] = overview_html(course).encode("utf-8")
    files["about/short_description.html"] = _short_description(course).encode("utf-8")
    files["static/course_image.png"] = course_image_png()
    return files


def _policy(meta, advanced_modules):
    words = translation_for(str(meta["language"])).gettext
    return {
        "display_name": meta["title"],
        "start": f"{meta['start'].isoformat()}T00:00:00Z",
        "end": f"{meta['end'].isoformat()}T23:59:59Z",
        "language": meta["language"],
        "advanced_modules": list(advanced_modules),
        "course_image": "course_image.png",
        "cert_html_view_enabled": True,
        "certificates_display_behavior": "end",
        "certificates": {
            "certificates": [
                {
                    "id": 1,
                    "version": 1,
                    "name": words(_("Certificate of completion")),
                    "description": meta["title"],
                    "course_title": meta["title"],
                    "is_active": True,
                    "signatories": [],
                }
            ]
        },
        "self_paced": True,
    }


def _units(course):
    for chapter in course_outline(course):
        for subsection in chapter.subsections:
            yield from subsection.units


def _short_description(course):
    words = translation_for(str(course.meta["language"])).gettext
    text = words(
        _(
            "A {days}-day seminar in {lectures} lectures on cross-border e-commerce, "
            "South-South cooperation and the Sustainable Development Goals."
        )
    ).format(days=len(course.days), lectures=len(course.lectures))
    return f"<p>{escape(text)}</p>\n"


def _xml(node):
    return etree.tostring(node, pretty_print=True, encoding="utf-8")


def _json(data):
    return (json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False) + "\n").encode("utf-8")


def build_course(course, out_dir, portable=False, language=None):
    """Write the tarball into out_dir; return its path. A `language` (portable only) makes
    the course run read in that language, its run id suffixed with it (see reading.py)."""
    from pathlib import Path

    from .reading import course_in

    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    if language and language != course.meta["language"]:
        course = course_in(course, language)
        course.meta["run"] = f"{course.meta['run']}-{language}"
    meta = course.meta
    stem = f"{meta['org']}-{meta['number']}-{meta['run']}"
    if portable:
        from .portable import portable_unit_blocks

        files = course_files(course, portable_unit_blocks, advanced_modules=())
        stem += "-portable"
    else:
        files = course_files(course)
    return write_tarball(files, out_dir / f"{stem}.tar.gz")
