"""The learner's content language on the LMS's own code: chosen in one block, it holds in
every block of the course, of every type, that has it (Scope.user_info is one value per
learner, where Scope.preferences would be one per block type); a block without that
language stays whole in its source."""

from django.urls import reverse

from tests.platform.course import client_for

from .conftest import lms_block
from .handlers import post

ARABIC = 'lang="ar" dir="rtl"'


def unit_page(client, block_key):
    from xmodule.modulestore.django import modulestore

    unit = modulestore().get_parent_location(block_key)
    response = client.get(reverse("render_xblock", kwargs={"usage_key_string": str(unit)}))
    assert response.status_code == 200
    return response.content.decode()


def named(blocks, block_type, name):
    return next(key for key in blocks[block_type] if key.block_id == name)


def test_a_choice_in_a_lecture_holds_in_the_faq_and_is_refused_when_not_offered(blocks, learner):
    lecture = named(blocks, "seminar_lecture", "d1-l1-ecosystem-lecture")
    faq = blocks["seminar_faq"][0]
    client = client_for(learner)
    offered = lms_block(learner, lecture).offered_languages()
    assert offered[0] == "en" and "ar" in offered, offered
    before = unit_page(client, lecture)
    assert "data-seminar-language" in before and ARABIC not in before

    post(client, lecture, "set_content_language", {"language": "ar"})
    assert ARABIC in unit_page(client, lecture)
    faq_block = lms_block(learner, faq)  # another block type: it follows the choice
    assert "ar" in faq_block.offered_languages() and faq_block.reading_language() == "ar"
    assert ARABIC in unit_page(client, faq)
    quiz = named(blocks, "seminar_quiz", "d1-l1-ecosystem-quiz")
    quiz_block = lms_block(learner, quiz)
    expected = "ar" if "ar" in quiz_block.offered_languages() else "en"
    assert quiz_block.reading_language() == expected  # whole, never mixed

    post(client, lecture, "set_content_language", {"language": "xx"}, expect=400)
    assert lms_block(learner, lecture).seminar_content_language == "ar"
    post(client, lecture, "set_content_language", {"language": "en"})
    assert ARABIC not in unit_page(client, lecture)
