"""One build of the seminar imported into the LMS, and what the learners' journeys need of it."""

from tests.bench.lms.course import UNITS
from tests.platform.course import build, import_course, make_user


def import_build(build_name, work):
    """Build (`custom` or `portable`), import, collect the block structure; the plan:
    {course, units: {name: unit key}, blocks: {name: [block keys]}, forms: {problem: form}}."""
    from openedx.core.djangoapps.content.block_structure.api import update_course_in_cache
    from xmodule.modulestore import ModuleStoreEnum
    from xmodule.modulestore.django import modulestore

    from tests.bench.lms.measure import capa_answers

    options = ["--portable"] if build_name == "portable" else []
    course_key = import_course(build(work, *options), ModuleStoreEnum.UserID.test)
    update_course_in_cache(course_key)  # as Studio's publish signal has it done
    store = modulestore()
    units = {name: course_key.make_usage_key("vertical", unit) for name, unit in UNITS.items()}
    blocks = {name: store.get_item(unit).children for name, unit in units.items()}
    forms = {}
    if build_name == "portable":
        planner = make_user("load-planner", course_key)
        forms = {str(p): capa_answers(planner, p) for p in blocks["quiz"]}
    return {
        "course": str(course_key),
        "units": {name: str(unit) for name, unit in units.items()},
        "blocks": {name: [str(key) for key in keys] for name, keys in blocks.items()},
        "forms": forms,
    }


def make_learners(course_key, count):
    """Users learner0000... with profiles, enrolled and logged in; their session cookies."""
    from django.test import Client
    from opaque_keys.edx.keys import CourseKey

    from tests.platform.course import PASSWORD

    key = CourseKey.from_string(course_key)
    cookies = []
    for number in range(count):
        user = make_user(f"learner{number:04d}", key)
        client = Client()
        assert client.login(username=user.username, password=PASSWORD)
        cookies.append(client.cookies["sessionid"].value)
    return cookies
