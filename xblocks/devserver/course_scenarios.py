"""Register the seminar course's units as workbench scenarios, in course order."""


def add_course_scenarios():
    from workbench.scenarios import add_xml_scenario

    from xblocks.course.scenarios import course_scenarios

    for name, description, xml in course_scenarios():
        add_xml_scenario(name, description, xml)
