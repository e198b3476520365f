"""The whole course as workbench scenarios, in course order, for `seminar serve`."""

from lxml import etree

from .olx import custom_unit_blocks
from .outline import course_outline
from .sources import load_course


def course_scenarios(course=None):
    """(name, description, xml) per unit; names sort in course order."""
    course = course or load_course()
    scenarios = []
    for chapter_number, chapter in enumerate(course_outline(course), start=1):
        unit_number = 0
        for subsection in chapter.subsections:
            for unit in subsection.units:
                unit_number += 1
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
                name = f"course.{chapter_number:02d}.{unit_number:02d}"
                description = f"{chapter.title} · {unit.title}"
                scenarios.append((name, description, etree.tostring(root, encoding="unicode")))
    return scenarios
