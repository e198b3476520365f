"""Blocks carry translations: each block reads one language for its whole content (the
learner's choice, the platform's language, its base language, else the source), ships only
that language, and grades the same in every language."""

import pytest
from django.utils import translation

from tests.runtimes import call_handler, make_block
from tests.unit.quiz.data import quiz_fields
from xblocks.common.translations import TRANSLATABLE, reading_language, texts_at
from xblocks.faq.block import FaqBlock
from xblocks.lecture.block import LectureBlock
from xblocks.quiz.block import QuizBlock

LECTURE = {
    "display_name": "The ecosystem",
    "body": "## Parts\n\nSix parts since 2015.\n",
    "objectives": ["Name the parts."],
    "takeaways": ["Parts depend on each other."],
    "speakers": [{"name": "Course team", "role": "Authors", "organisation": "UN"}],
    "transcript": "",
    "handouts": [],
    "content_language": "en",
}
ENTRIES = [
    {
        "id": "what-is-escrow",
        "question": "What is escrow?",
        "answer": "A third party holds the money.",
        "category": "Payments",
        "tags": ["payment"],
        "related": [],
    }
]


def translated(block_class, fields, *languages):
    """A block whose every text has a stand-in translation per language ("[fr] text")."""
    block = make_block(block_class, **fields)
    texts = texts_at(block.translatable_values(), TRANSLATABLE[BLOCK_TYPES[block_class]])
    block.translations = {
        code: {path: stand_in(code, text) for path, text in texts.items()} for code in languages
    }
    return block


def stand_in(code, text):
    """Each line of Markdown marked as `code`'s ('## Heading' lines stay headings)."""
    lines = text.split("\n")
    return "\n".join(
        line.replace("## ", f"## [{code}] ")
        if line.startswith("#")
        else f"[{code}] {line}"
        if line.strip()
        else line
        for line in lines
    )


BLOCK_TYPES = {LectureBlock: "seminar_lecture", QuizBlock: "seminar_quiz", FaqBlock: "seminar_faq"}


def html_of(block, language):
    with translation.override(language):
        return block.student_view().content


@pytest.mark.parametrize(
    ("wanted", "read"),
    [
        (("ar", "fr"), "ar"),  # the learner's choice beats the platform's language
        (("", "fr"), "fr"),
        (("", "pt-br"), "pt"),  # base language
        (("de", "de-at"), "en"),  # neither: the source
        (("en", "fr"), "en"),  # choosing the source language is a choice too
    ],
)
def test_reading_language_order(wanted, read):
    assert reading_language("en", ["ar", "fr", "pt"], wanted) == read


def test_a_lecture_is_read_in_the_platform_language_and_marked_with_it():
    block = translated(LectureBlock, LECTURE, "fr", "ar")
    html = html_of(block, "fr")
    assert "[fr] Six parts since 2015." in html and 'lang="fr" dir="ltr"' in html
    assert "[ar]" not in html and ">Six parts since 2015.</p>" not in html  # one language only
    arabic = html_of(block, "ar")
    assert "[ar] The ecosystem" in arabic and 'lang="ar" dir="rtl"' in arabic
    assert "[fr]" not in arabic
    assert "[fr]" not in html_of(block, "de") and "[ar]" not in html_of(block, "de")


def test_an_incomplete_translation_is_not_offered_so_a_block_never_mixes_languages():
    block = translated(LectureBlock, LECTURE, "fr")
    block.translations = {"fr": {**block.translations["fr"]}}
    del block.translations["fr"]["objectives.0"]
    assert block.offered_languages() == ["en"]
    assert "[fr]" not in html_of(block, "fr")


def test_the_learner_s_choice_holds_for_every_block_type_and_is_refused_when_not_offered():
    lecture = translated(LectureBlock, LECTURE, "fr", "ar")
    status, body = call_handler(lecture, "set_content_language", {"language": "ar"})
    assert status == 200 and body == {"language": "ar"}
    assert "[ar]" in html_of(lecture, "fr")
    # One value for every block of the learner (Scope.user_info), whatever its type.
    quiz = translated(QuizBlock, quiz_fields(), "ar")
    quiz._field_data = lecture._field_data
    assert quiz.reading_language() == "ar"
    status, body = call_handler(lecture, "set_content_language", {"language": "es"})
    assert status == 400 and "language" in body["error"]
    assert lecture.seminar_content_language == "ar"


UNTRANSLATED = "data-untranslated>This text is not yet translated into your language ({})."


@pytest.mark.parametrize("block_class", [LectureBlock, QuizBlock, FaqBlock])
def test_a_block_not_in_the_learner_s_language_says_so(block_class):
    fields = {LectureBlock: LECTURE, QuizBlock: quiz_fields(), FaqBlock: {"entries": ENTRIES}}
    fields = {**fields[block_class], "content_language": "en"}
    plain = make_block(block_class, **fields)
    assert "data-untranslated" not in html_of(plain, "ar")  # no translations, no choice
    plain.seminar_content_language = "ar"  # chosen in another block's menu
    note = html_of(plain, "en")
    assert UNTRANSLATED.format("Arabic") in note and "shown in the original (English)" in note
    plain.seminar_content_language = "en"
    assert "data-untranslated" not in html_of(plain, "ar")

    french = translated(block_class, fields, "fr")
    assert "data-untranslated" not in html_of(french, "fr")
    assert "data-untranslated" not in html_of(french, "en-us")
    spanish = html_of(french, "es")  # a translated block, but not into Spanish
    assert "no está traducido a su idioma (español)" in spanish and "(inglés)" in spanish


def test_quiz_grading_is_language_blind_and_accepts_every_language_s_text_answers():
    block = translated(QuizBlock, quiz_fields(), "fr")
    texts = block.translations["fr"]
    text_question = next(q for q in block.questions if q["type"] == "text")
    prefix = f"questions.{text_question['id']}.answer.alternatives"
    for path in [p for p in texts if p.startswith(prefix)]:
        del texts[path]
    texts[f"{prefix}.0"] = "séquestre"
    block.translations = {"fr": texts}
    source_answer = text_question["answer"]["alternatives"][0]
    with translation.override("fr"):
        shown = block.learner_questions()
        assert shown[0]["prompt"].startswith("[fr] ")
        assert [q["id"] for q in shown] == [q["id"] for q in block.questions]
        french = next(q for q in shown if q["type"] == "text")
        assert french["answer"]["alternatives"] == ["séquestre"]  # shown: its own language
    scores = {}
    for language, typed in (("fr", "séquestre"), ("fr", source_answer), ("en", "séquestre")):
        with translation.override(language):
            questions = block.learner_questions()
        question = next(q for q in questions if q["type"] == "text")
        scores[(language, typed)] = block.question_scores([question], {question["id"]: typed})
    assert all(score == {text_question["id"]: 1.0} for score in scores.values()), scores


def test_a_quiz_draft_survives_switching_language():
    block = translated(QuizBlock, quiz_fields(content_language="en"), "fr")
    text_question = next(q for q in block.questions if q["type"] == "text")
    with translation.override("fr"):
        status, _body = call_handler(
            block, "save_draft", {"answers": {text_question["id"]: "séquestre"}}
        )
    assert status == 200
    call_handler(block, "set_content_language", {"language": "en"})
    english = html_of(block, "fr")
    assert "[fr]" not in english and "séquestre" in english
    assert "data-seminar-language" in english and '<option value="fr" lang="fr">' in english
    assert block.attempts == 0 and block.draft == {text_question["id"]: "séquestre"}


def test_the_faq_is_read_and_searched_in_one_language():
    block = translated(FaqBlock, {"entries": ENTRIES, "content_language": "en"}, "fr")
    html = html_of(block, "fr")
    assert "[fr] What is escrow?" in html and ">What is escrow?<" not in html
    with translation.override("fr"):
        answers = block.deferred_answers()
    assert "[fr] A third party" in answers["what-is-escrow"]


@pytest.mark.parametrize(
    ("block_class", "fields"),
    [(LectureBlock, LECTURE), (QuizBlock, quiz_fields()), (FaqBlock, {"entries": ENTRIES})],
)
def test_mobile_data_takes_a_requested_language_and_the_index_holds_each(block_class, fields):
    block = translated(block_class, {"content_language": "en", **fields}, "fr", "ar")
    with translation.override("ar"):  # learner-independent: not the platform's language
        source = block.student_view_data()
        french = block.student_view_data({"lang": "fr"})
        index = block.index_dictionary()
    assert source["language"] == "en" and "[ar]" not in str(source)
    assert french["language"] == "fr" and "[fr]" in str(french) and "[ar]" not in str(french)
    assert [item["code"] for item in french["languages"]] == ["en", "ar", "fr"]
    assert "[fr]" in index["content"]["text_fr"] and "[ar]" in index["content"]["text_ar"]
    assert "[fr]" not in str({k: v for k, v in index["content"].items() if k != "text_fr"})
