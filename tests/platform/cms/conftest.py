"""The seminar imported into Studio's split modulestore as its import task does it."""

import logging

import pytest

from tests.platform.course import build, client_for, make_tables, make_user


class Collect(logging.Handler):
    def __init__(self):
        super().__init__(level=logging.WARNING)
        self.records = []

    def emit(self, record):
        self.records.append(record)


@pytest.fixture(scope="session")
def users():
    from common.djangoapps.student.roles import CourseStaffRole  # noqa: F401

    make_tables()
    return {
        "admin": make_user("admin", is_staff=True, is_superuser=True),
        "author": make_user("author"),  # course staff only, not global staff
        "outsider": make_user("outsider"),  # logged in, no role in the course
    }


@pytest.fixture(scope="session")
def studio_import(users, tmp_path_factory):
    """(course key, the built OLX folder, warnings and errors logged during the import)."""
    from cms.djangoapps.contentstore.views.course import create_new_course
    from common.djangoapps.student.roles import CourseStaffRole
    from xmodule.contentstore.django import contentstore
    from xmodule.modulestore.django import modulestore
    from xmodule.modulestore.xml_importer import import_course_from_xml

    root = build(tmp_path_factory.mktemp("built"))
    course = create_new_course(
        users["admin"], "SSCeCommerce", "ECOM101", "2026", {"display_name": "x"}
    )
    CourseStaffRole(course.id).add_users(users["author"])
    collect = Collect()
    logging.getLogger().addHandler(collect)
    try:
        import_course_from_xml(
            modulestore(), users["author"].id, str(root), ["course"], load_error_blocks=False,
            static_content_store=contentstore(), target_id=course.id, raise_on_failure=True,
        )  # fmt: skip
    finally:
        logging.getLogger().removeHandler(collect)
    return course.id, root, collect.records


@pytest.fixture(scope="session")
def course_key(studio_import):
    return studio_import[0]


@pytest.fixture(scope="session")
def ours(course_key):
    """The first block of each of our types (draft branch, as Studio edits it)."""
    from xmodule.modulestore.django import modulestore

    store = modulestore()
    return {
        block_type: store.get_items(course_key, qualifiers={"category": block_type})[0].location
        for block_type in ("seminar_lecture", "seminar_faq", "seminar_quiz")
    }


@pytest.fixture(scope="session")
def author(users):
    return client_for(users["author"])


@pytest.fixture(scope="session")
def outsider(users):
    return client_for(users["outsider"])
