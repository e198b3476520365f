"""A learner's work reaches the platform: state rows, grades, completion, staff tallies."""

import json

import pytest

from tests.platform.course import client_for

from .conftest import lms_block
from .handlers import correct_answers, handler_url, post


def student_module(user, usage_key):
    from lms.djangoapps.courseware.models import StudentModule

    return StudentModule.objects.get(student=user, module_state_key=usage_key)


def subsection_of(usage_key):
    from xmodule.modulestore.django import modulestore

    store = modulestore()
    return store.get_parent_location(store.get_parent_location(usage_key))


def test_quiz_submission_is_stored_and_graded_by_the_grades_app(blocks, learner):
    from lms.djangoapps.grades.api import CourseGradeFactory

    quiz = blocks["seminar_quiz"][0]
    answers, attempt = correct_answers(learner, quiz)
    post(client_for(learner), quiz, "submit", {"answers": answers, "attempt": attempt})
    row = student_module(learner, quiz)
    assert row.grade == row.max_grade > 0
    grade = CourseGradeFactory().update(learner, course_key=quiz.course_key)
    subsection = grade.subsection_grade(subsection_of(quiz))
    assert subsection.graded_total.earned == subsection.graded_total.possible > 0
    assert 0 < grade.percent < 1  # one quiz of sixteen, all correct


def test_a_blank_submission_scores_zero_and_counts_an_attempt(blocks, learner):
    quiz = blocks["seminar_quiz"][1]
    post(client_for(learner), quiz, "submit", {"answers": {}, "attempt": 0})
    row = student_module(learner, quiz)
    assert row.grade == 0 and row.max_grade > 0
    assert lms_block(learner, quiz).attempts == 1


def test_instructor_reset_attempts_lets_the_learner_submit_again(blocks, learner, staff):
    from lms.djangoapps.instructor.enrollment import reset_student_attempts

    quiz = blocks["seminar_quiz"][2]
    post(client_for(learner), quiz, "submit", {"answers": {}, "attempt": 0})
    assert lms_block(learner, quiz).attempts == 1
    reset_student_attempts(quiz.course_key, learner, quiz, requesting_user=staff)
    assert lms_block(learner, quiz).attempts == 0
    post(client_for(learner), quiz, "submit", {"answers": {}, "attempt": 0})


# A cache every LMS process shares, as Tutor's Redis is; the platform's test settings make
# every cache a DummyCache, which keeps nothing.
SHARED_CLAIM_CACHE = {
    "CACHES": {
        "default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"},
        "claims": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    },
    "XBLOCK_SETTINGS": {"QuizBlock": {"ATTEMPT_CLAIM_CACHE": "claims"}},
}


def test_two_windows_racing_for_one_attempt_are_graded_once(blocks, learner):
    """The second window read "attempt 0" before the first wrote: its claim is refused."""
    import webob
    from django.test import override_settings

    quiz = blocks["seminar_quiz"][6]
    answers, attempt = correct_answers(learner, quiz)
    body = json.dumps({"answers": answers, "attempt": attempt}).encode()
    with override_settings(**SHARED_CLAIM_CACHE):
        late = lms_block(learner, quiz)  # its state is read now, before the first submits
        assert late.attempts == 0
        post(client_for(learner), quiz, "submit", {"answers": answers, "attempt": attempt})
        request = webob.Request.blank("/", method="POST", body=body)
        request.content_type = "application/json"
        response = late.handle("submit", request)
    assert response.status_code == 409
    assert json.loads(response.body)["reason"] == "stale"
    row = student_module(learner, quiz)
    assert json.loads(row.state)["attempts"] == 1 and row.grade == row.max_grade


def test_lecture_completion_writes_a_block_completion(blocks, learner):
    from completion.models import BlockCompletion
    from completion.waffle import ENABLE_COMPLETION_TRACKING_SWITCH
    from waffle.testutils import override_switch

    lecture = blocks["seminar_lecture"][0]
    with override_switch(ENABLE_COMPLETION_TRACKING_SWITCH.name, active=True):
        post(client_for(learner), lecture, "complete", {})
    completion = BlockCompletion.objects.get(user=learner, block_key=lecture)
    assert completion.completion == 1.0


def test_faq_votes_and_questions_reach_staff_through_the_user_state_client(blocks, new_user, staff):
    faq = blocks["seminar_faq"][0]
    first, second = (new_user() for _ in range(2))
    entry = lms_block(first, faq).all_entries()[0]["id"]
    post(client_for(first), faq, "vote", {"entry_id": entry, "vote": "yes"})
    post(client_for(second), faq, "vote", {"entry_id": entry, "vote": "no"})
    asked = {"question": "Is there a certificate for this seminar?"}
    post(client_for(second), faq, "ask", asked)
    post(client_for(first), faq, "staff_report", {}, expect=403)
    data = post(client_for(staff), faq, "staff_report", {}).json()
    assert data["counts"][entry] == {"yes": 1, "no": 1}
    assert any("certificate" in str(item) for item in data["queue"])


@pytest.mark.parametrize("block_type", ["seminar_lecture", "seminar_quiz", "seminar_faq"])
def test_mobile_user_state_answers_for_the_learner(blocks, learner, block_type):
    key = blocks[block_type][0]
    response = client_for(learner).get(handler_url(key, "student_view_user_state"))
    assert response.status_code == 200
    assert isinstance(response.json(), dict)
