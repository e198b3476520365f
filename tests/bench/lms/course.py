"""The two builds of the seminar in one LMS, with the few units the bench adds to both.

`seminar build` and `seminar build --portable` give the same course key; the portable build
is imported under a run of its own. Both builds get an ungraded chapter holding an empty
unit (the floor: what the LMS's page costs with nothing in it) and a warm-up unit (a
learner's first request in a course pays for things no unit causes). The custom build
also gets the final assessment with the 20 questions the portable build fixed (`draw` 0),
so the final can be compared both ways: its pool of 65 with 20 drawn, and the same 20.
"""

from dataclasses import dataclass

from lxml import etree

from tests.platform.course import build, client_for, import_course, make_tables, make_user

CUSTOM_RUN, PORTABLE_RUN = "2026", "2026-portable"
FLOOR, WARM_UP = "bench-empty", "bench-warm-up"
FIXED_FINAL = "bench-final-fixed"
UNITS = {
    "lecture": "unit-d1-l1-ecosystem-lecture",
    "quiz": "unit-d1-l1-ecosystem-quiz",
    "final": "unit-final-quiz",
    "faq": "unit-faq",
}
FINAL_QUIZ = "final-quiz"


@dataclass
class Courses:
    custom: object  # course keys
    portable: object

    def unit(self, course_key, name):
        return course_key.make_usage_key("vertical", name)


def _write(path, element):
    path.write_bytes(etree.tostring(element, encoding="utf-8"))


def add_bench_chapter(olx, extra_units=()):
    """An ungraded chapter with the floor and warm-up units (and `extra_units`, each a
    vertical file name already written) in a subsection of its own."""
    for name in (FLOOR, WARM_UP):
        _write(olx / "vertical" / f"{name}.xml", etree.Element("vertical", display_name=name))
    sequential = etree.Element("sequential", display_name="Bench")
    for name in (FLOOR, WARM_UP, *extra_units):
        etree.SubElement(sequential, "vertical", url_name=name)
    _write(olx / "sequential" / "bench.xml", sequential)
    chapter = etree.Element("chapter", display_name="Bench")
    etree.SubElement(chapter, "sequential", url_name="bench")
    _write(olx / "chapter" / "bench.xml", chapter)
    course_file = next((olx / "course").glob("*.xml"))
    course = etree.parse(str(course_file)).getroot()
    etree.SubElement(course, "chapter", url_name="bench")
    _write(course_file, course)


def portable_final_questions(portable_olx):
    """The question ids the portable build fixed for the final, in its order."""
    unit = etree.parse(str(portable_olx / "vertical" / f"{UNITS['final']}.xml")).getroot()
    prefix = f"{FINAL_QUIZ}-"
    return [p.get("url_name").removeprefix(prefix) for p in unit.iter("problem")]


def add_fixed_final(custom_olx, question_ids):
    """The custom final holding only `question_ids`, nothing drawn, in a graded subsection
    like the final's own (so a grade update reads as much as the final's)."""
    unit = etree.parse(str(custom_olx / "vertical" / f"{UNITS['final']}.xml")).getroot()
    (quiz,) = unit.iter("seminar_quiz")
    quiz.set("url_name", FIXED_FINAL)
    quiz.set("draw", "0")
    for question in list(quiz.iter("question")):
        if question.get("id") not in question_ids:
            quiz.remove(question)
    assert len(list(quiz.iter("question"))) == len(question_ids)
    _write(custom_olx / "vertical" / f"unit-{FIXED_FINAL}.xml", unit)
    sequential = etree.parse(str(custom_olx / "sequential" / "final-section.xml")).getroot()
    for child in list(sequential):
        sequential.remove(child)
    etree.SubElement(sequential, "vertical", url_name=f"unit-{FIXED_FINAL}")
    _write(custom_olx / "sequential" / f"{FIXED_FINAL}.xml", sequential)
    chapter = etree.parse(str(custom_olx / "chapter" / "final-assessment.xml")).getroot()
    etree.SubElement(chapter, "sequential", url_name=FIXED_FINAL)
    _write(custom_olx / "chapter" / "final-assessment.xml", chapter)


def import_both(work):
    """Build, extend and import both builds; their course keys."""
    from opaque_keys.edx.keys import CourseKey
    from openedx.core.djangoapps.content.block_structure.api import update_course_in_cache
    from xmodule.contentstore.django import contentstore
    from xmodule.modulestore import ModuleStoreEnum
    from xmodule.modulestore.django import modulestore
    from xmodule.modulestore.xml_importer import import_course_from_xml

    make_tables()
    custom_olx = build(work / "custom") / "course"
    portable_olx = build(work / "portable", "--portable") / "course"
    add_fixed_final(custom_olx, portable_final_questions(portable_olx))
    add_bench_chapter(custom_olx)
    add_bench_chapter(portable_olx)
    custom = import_course(custom_olx.parent, ModuleStoreEnum.UserID.test)
    portable_key = CourseKey.from_string(str(custom).replace(CUSTOM_RUN, PORTABLE_RUN))
    (portable,) = import_course_from_xml(
        modulestore(), ModuleStoreEnum.UserID.test, str(portable_olx.parent), ["course"],
        load_error_blocks=False, static_content_store=contentstore(), target_id=portable_key,
        create_if_not_present=True, raise_on_failure=True,
    )  # fmt: skip
    assert custom.run == CUSTOM_RUN and portable.id == portable_key
    # The course's block structure (what grades and the course outline read) was
    # collected when the import created the empty course; Studio's publish signal would
    # have it collected again once the import is done.
    for key in (custom, portable_key):
        update_course_in_cache(key)
    return Courses(custom, portable_key)


def learner(name, courses):
    """A user enrolled in both courses, and a test client logged in as them."""
    from common.djangoapps.student.models import CourseEnrollment

    user = make_user(name, courses.custom)
    CourseEnrollment.enroll(user, courses.portable)
    return user, client_for(user)
