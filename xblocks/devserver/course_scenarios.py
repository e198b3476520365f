"""Register the seminar course's units as workbench scenarios, in course order: the built-in
course, or the one in SEMINAR_SOURCES (`seminar serve --sources DIR`)."""

import os

# {scenario name: {language: "day · unit"}}: the titles the pages show in each language.
TITLES = {}


def add_course_scenarios():
    from workbench.scenarios import add_xml_scenario

    from xblocks.course.scenarios import course_scenarios, scenario_titles
    from xblocks.course.sources import load_course

    course = load_course(os.environ.get("SEMINAR_SOURCES") or None)
    for name, description, xml in course_scenarios(course):
        add_xml_scenario(name, description, xml)
    TITLES.clear()
    TITLES.update(scenario_titles(course))
