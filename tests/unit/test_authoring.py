"""Authoring handlers refuse before they write where the runtime would not store the edit.

In the LMS, a block's content and settings are read-only: LmsFieldData puts them behind
ReadOnlyFieldData, which raises InvalidScopeError only when the runtime saves the block
after the handler, a 500. Studio runs any handler for any logged-in user, and its
permission service (not the user service) says who may write.
"""

import pytest
from xblock.field_data import DictFieldData, ReadOnlyFieldData, SplitFieldData
from xblock.fields import Scope, ScopeIds

from tests.runtimes import UnitRuntime, call_handler
from tests.unit.faq.helpers import demo_entries
from tests.unit.lecture.conftest import FULL, CourseUsageKey, StudioPermissions
from tests.unit.quiz.data import quiz_fields
from xblocks.faq.block import FaqBlock
from xblocks.lecture.block import LectureBlock
from xblocks.lecture.validation import EDITABLE_FIELDS
from xblocks.quiz.block import QuizBlock

AUTHORED = (Scope.content, Scope.settings, Scope.parent, Scope.children)
USER_SCOPES = (Scope.user_state, Scope.user_state_summary, Scope.preferences, Scope.user_info)
FAQ_FIELDS = {"display_name": "Questions", "entries": demo_entries()}
EDITS = {
    LectureBlock: (
        FULL,
        "studio_submit",
        {**{name: FULL[name] for name in EDITABLE_FIELDS}, "display_name": "Edited"},
    ),
    FaqBlock: (
        FAQ_FIELDS,
        "studio_save",
        {"display_name": "Edited", "search_mode": "auto", "entries": demo_entries()},
    ),
    QuizBlock: (
        quiz_fields(),
        "studio_submit",
        {"fields": {"display_name": "Edited", "showanswer": "always", "max_attempts": None}},
    ),
}


def lms_field_data(authored, student):
    """What the LMS binds a block to (lms/djangoapps/lms_xblock/field_data.py)."""
    read_only = ReadOnlyFieldData(authored)
    return SplitFieldData(
        {**dict.fromkeys(AUTHORED, read_only), **dict.fromkeys(USER_SCOPES, student)}
    )


def load(block_class, runtime):
    keys = ScopeIds("someone", block_class.__name__.lower(), "def-1", CourseUsageKey())
    return runtime.construct_xblock_from_class(block_class, keys)


def authored_data(block_class, fields):
    """Field data holding an authored block, as a modulestore would."""
    data = DictFieldData({})
    block = load(block_class, UnitRuntime(services={"field-data": data}))
    for name, value in fields.items():
        setattr(block, name, value)
    block.save()
    return data


def in_the_lms(block_class, fields, staff=True):
    data = lms_field_data(authored_data(block_class, fields), DictFieldData({}))
    return load(block_class, UnitRuntime(staff=staff, services={"field-data": data}))


@pytest.mark.parametrize("block_class", list(EDITS), ids=lambda cls: cls.__name__)
def test_course_staff_saving_in_the_lms_are_told_to_edit_in_studio(block_class):
    fields, handler, request = EDITS[block_class]
    block = in_the_lms(block_class, fields)
    status, body = call_handler(block, handler, request)  # no InvalidScopeError
    assert status == 403 and "Studio" in body["error"]
    assert block.display_name == fields["display_name"]
    block.save()  # nothing is left to write


@pytest.mark.parametrize("block_class", list(EDITS), ids=lambda cls: cls.__name__)
def test_learners_saving_in_the_lms_are_refused_as_learners(block_class):
    fields, handler, request = EDITS[block_class]
    status, body = call_handler(in_the_lms(block_class, fields, staff=False), handler, request)
    assert status == 403 and "Studio" not in body["error"]


def test_learner_handlers_still_work_where_authored_fields_are_read_only():
    block = in_the_lms(LectureBlock, FULL, staff=False)
    assert call_handler(block, "complete", {}) == (200, {"completed": True})


def in_studio(block_class, fields, can_write):
    permissions = StudioPermissions(can_write)
    runtime = UnitRuntime(services={"studio_user_permissions": permissions})  # not staff
    block = load(block_class, runtime)
    for name, value in fields.items():
        setattr(block, name, value)
    return block


@pytest.mark.parametrize("block_class", list(EDITS), ids=lambda cls: cls.__name__)
def test_studio_users_without_a_course_role_cannot_save(block_class):
    fields, handler, request = EDITS[block_class]
    block = in_studio(block_class, fields, can_write=False)
    status, body = call_handler(block, handler, request)
    assert status == 403 and body["error"]
    assert block.display_name == fields["display_name"]


@pytest.mark.parametrize("block_class", list(EDITS), ids=lambda cls: cls.__name__)
def test_studio_authors_who_are_not_staff_may_save(block_class):
    fields, handler, request = EDITS[block_class]
    block = in_studio(block_class, fields, can_write=True)
    assert call_handler(block, handler, request)[0] == 200
    assert block.display_name == "Edited"
