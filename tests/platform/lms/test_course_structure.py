"""The whole course's block structure, the mobile apps' API and the instructor's reports."""

import json
from urllib.parse import urlencode

from tests.platform.course import OURS, client_for

from .conftest import lms_block
from .handlers import correct_answers, post


def test_the_course_block_structure_collects_and_pickles(course_key, blocks):
    from openedx.core.djangoapps.content.block_structure.api import get_block_structure_manager

    manager = get_block_structure_manager(course_key)
    manager.clear()
    # A cache miss: collect every transformer's fields from the modulestore, then pickle the
    # structure into BlockStructureStore (a method in a collected field made this raise).
    collected = manager.get_collected()
    ours = [key for keys in blocks.values() for key in keys]
    assert all(key in collected for key in ours)
    root = course_key.make_usage_key("course", "course")
    stored = get_block_structure_manager(course_key).store.get(root)
    assert all(key in stored for key in ours)


def test_course_blocks_api_gives_mobile_ready_blocks_with_data_and_no_answers(course_key, learner):
    query = urlencode({
        "course_id": str(course_key), "username": learner.username, "depth": "all",
        "requested_fields": "student_view_data,student_view_multi_device",
        "student_view_data": ",".join(OURS),
    })  # fmt: skip
    response = client_for(learner).get(f"/api/courses/v2/blocks/?{query}")
    assert response.status_code == 200, response.content[:300]
    ours = [b for b in response.json()["blocks"].values() if b["type"] in OURS]
    assert len(ours) == 32
    for block in ours:
        assert block["student_view_multi_device"] is True, block["id"]
        assert isinstance(block["student_view_data"], dict), block["id"]
    quizzes = json.dumps([b["student_view_data"] for b in ours if b["type"] == "seminar_quiz"])
    for secret in ('"correct"', '"explanation"', '"feedback"', '"alternatives"', '"tolerance"'):
        assert secret not in quizzes


def test_problem_responses_report_includes_quiz_rows(blocks, learner, staff):
    from lms.djangoapps.instructor_task.tasks_helper.grades import ProblemResponses

    quiz = blocks["seminar_quiz"][3]
    answers, attempt = correct_answers(learner, quiz)
    post(client_for(learner), quiz, "submit", {"answers": answers, "attempt": attempt})
    rows, _keys = ProblemResponses._build_student_data(staff.id, quiz.course_key, [str(quiz)])
    mine = [row for row in rows if row.get("username") == learner.username]
    assert len(mine) == len(answers), rows[:3]


def test_due_and_grace_period_set_on_the_subsection_reach_the_quiz(blocks, learner):
    from datetime import UTC, datetime, timedelta

    from xmodule.modulestore import ModuleStoreEnum
    from xmodule.modulestore.django import modulestore

    store = modulestore()
    quiz = blocks["seminar_quiz"][4]
    subsection_key = store.get_parent_location(store.get_parent_location(quiz))
    due = datetime(2031, 1, 15, 12, 0, tzinfo=UTC)
    with store.branch_setting(ModuleStoreEnum.Branch.draft_preferred, quiz.course_key):
        subsection = store.get_item(subsection_key)
        subsection.due, subsection.graceperiod = due, timedelta(days=2)
        store.update_item(subsection, ModuleStoreEnum.UserID.test)
        store.publish(subsection_key, ModuleStoreEnum.UserID.test)
    block = lms_block(learner, quiz)
    assert block.due == due
    assert block.graceperiod == timedelta(days=2)
    assert block.policy().close_date == due + timedelta(days=2)


def test_a_course_wide_setting_from_studio_reaches_every_quiz_that_did_not_choose(blocks, learner):
    from xmodule.modulestore import ModuleStoreEnum
    from xmodule.modulestore.django import modulestore

    store = modulestore()
    course_key = blocks["seminar_quiz"][0].course_key

    def set_course_showanswer(value):
        with store.branch_setting(ModuleStoreEnum.Branch.draft_preferred, course_key):
            course = store.get_course(course_key)
            previous, course.showanswer = course.showanswer, value
            store.update_item(course, ModuleStoreEnum.UserID.test)
            store.publish(course.location, ModuleStoreEnum.UserID.test)
        return previous, course.max_attempts

    # An instructor's change in Studio's Advanced Settings.
    assert set_course_showanswer("always") == ("finished", 3)  # as the build wrote them
    try:
        quizzes = [lms_block(learner, key) for key in blocks["seminar_quiz"]]
        assert {quiz.showanswer for quiz in quizzes} == {"always"}
        # The final sets its own attempts; every lecture quiz takes the course's.
        assert sorted(quiz.max_attempts for quiz in quizzes) == [2] + [3] * 15
    finally:
        set_course_showanswer("finished")


def test_a_french_learner_gets_the_same_collected_data_with_french_listed(course_key, learner):
    """The Course Blocks API calls `student_view_data()` with no context when it collects the
    course (StudentViewTransformer.collect) and caches the answer for every learner: it
    cannot follow one request's language. A French-speaking learner gets the source-language
    data with every offered language listed, and asks a block for French itself."""
    from openedx.core.djangoapps.user_api.preferences.api import set_user_preference

    set_user_preference(learner, "pref-lang", "fr")
    query = urlencode({
        "course_id": str(course_key), "username": learner.username, "depth": "all",
        "requested_fields": "student_view_data", "student_view_data": ",".join(OURS),
    })  # fmt: skip
    client = client_for(learner)
    response = client.get(f"/api/courses/v2/blocks/?{query}", HTTP_ACCEPT_LANGUAGE="fr")
    assert response.status_code == 200, response.content[:300]
    ours = [b["student_view_data"] for b in response.json()["blocks"].values() if b["type"] in OURS]
    languages = {block["language"] for block in ours}
    assert len(languages) == 1 and "fr" not in languages  # one cached answer, the source's
    assert any("fr" in [item["code"] for item in block["languages"]] for block in ours)
