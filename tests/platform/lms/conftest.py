"""The seminar imported once into the LMS's modulestore, with tables from the models."""

import collections
import itertools

import pytest

from tests.platform.course import OURS, build, import_course, make_tables, make_user

_names = itertools.count()


@pytest.fixture(scope="session")
def course_key(tmp_path_factory):
    from xmodule.modulestore import ModuleStoreEnum

    make_tables()
    root = build(tmp_path_factory.mktemp("custom"))
    return import_course(root, ModuleStoreEnum.UserID.test)


@pytest.fixture(scope="session")
def blocks(course_key):
    """Our published blocks by type, in course order."""
    from xmodule.modulestore import ModuleStoreEnum
    from xmodule.modulestore.django import modulestore

    store = modulestore()
    with store.branch_setting(ModuleStoreEnum.Branch.published_only, course_key):
        items = store.get_items(course_key)
    by_type = collections.defaultdict(list)
    for item in items:
        if item.location.block_type in OURS:
            by_type[item.location.block_type].append(item.location)
    return by_type


@pytest.fixture
def new_user(course_key):
    """Make a fresh user enrolled in the course (`role`: a course role class, or None)."""

    def make(role=None, **flags):
        return make_user(f"user{next(_names)}", course_key, role, **flags)

    return make


@pytest.fixture
def learner(new_user):
    return new_user()


@pytest.fixture
def staff(new_user):
    from common.djangoapps.student.roles import CourseStaffRole

    return new_user(CourseStaffRole)


def lms_block(user, usage_key):
    """The block as the LMS's runtime binds it for `user` (what handlers and views see)."""
    from django.test import RequestFactory
    from lms.djangoapps.courseware.block_render import get_block_by_usage_id

    request = RequestFactory().get("/")
    request.user = user
    request.session = {}
    block, _ = get_block_by_usage_id(request, str(usage_key.course_key), str(usage_key))
    return block
