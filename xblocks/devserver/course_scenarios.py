"""Register the seminar course's units as workbench scenarios, in course order: the built-in
course, or the one in SEMINAR_SOURCES (`seminar serve --sources DIR`)."""

import os

# {source description: {language: "day · unit"}}: the titles the pages show in each language.
TITLES = {}


def add_course_scenarios():
    from workbench.scenarios import add_xml_scenario

    from xblocks.course.scenarios import course_scenarios, scenario_titles
    from xblocks.course.sources import load_course

    course = load_course(os.environ.get("SEMINAR_SOURCES") or None)
    titles = scenario_titles(course)
    TITLES.clear()
    for name, description, xml in course_scenarios(course):
        add_xml_scenario(name, description, xml)
        # Keyed by the source's description: every xblock-sdk's templates have it.
        TITLES[description] = titles.get(name, {})
