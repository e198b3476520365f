"""Register the seminar course's units as workbench scenarios, in course order."""

import logging

log = logging.getLogger(__name__)


def add_course_scenarios():
    from workbench.scenarios import add_xml_scenario

    try:
        from xblocks.course.scenarios import course_scenarios
    except ImportError:  # the course emitters are optional for the dev server
        return
    for name, description, xml in course_scenarios():
        add_xml_scenario(name, description, xml)
