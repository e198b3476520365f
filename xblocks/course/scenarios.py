"""The whole course as workbench scenarios, in course order, for `seminar serve`."""

from lxml import etree

from .olx import custom_unit_blocks
from .outline import course_outline
from .reading import course_in
from .sources import load_course


def _named_units(course):
    """(scenario name, chapter, unit) in course order."""
    for chapter_number, chapter in enumerate(course_outline(course), start=1):
        units = (unit for subsection in chapter.subsections for unit in subsection.units)
        for unit_number, unit in enumerate(units, start=1):
            yield f"course.{chapter_number:02d}.{unit_number:02d}", chapter, unit


def course_scenarios(course=None):
    """(name, description, xml) per unit; names sort in course order."""
    course = course or load_course()
    scenarios = []
    for name, chapter, unit in _named_units(course):
        # The workbench has no course policy to inherit from: every setting is written.
        elements, _files = custom_unit_blocks(unit, {})
        for element in elements:
            element.attrib.pop("url_name", None)  # the workbench makes its own ids
            # No course block above to read the content's language from.
            element.set("content_language", course.meta["language"])
        if len(elements) == 1:
            # A one-block unit needs no wrapper, as the workbench's own demos show.
            root = elements[0]
        else:
            root = etree.Element("vertical_demo")
            root.extend(elements)
        scenarios.append(
            (name, _description(chapter, unit), etree.tostring(root, encoding="unicode"))
        )
    return scenarios


def scenario_titles(course):
    """{name: {language: description}}: each unit's day and title as the course reads in
    each of its translations' languages (the outline's own names included)."""
    titles = {}
    for language in course.languages:
        for name, chapter, unit in _named_units(course_in(course, language)):
            titles.setdefault(name, {})[language] = _description(chapter, unit)
    return titles


def _description(chapter, unit):
    return f"{chapter.title} · {unit.title}"
