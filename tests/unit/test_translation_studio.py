"""Studio's translation editor: one language saved at a time, checked as the build checks it."""

from tests.runtimes import call_handler, make_block
from xblocks.common.translation_studio import source_hash
from xblocks.quiz.block import QuizBlock

from .lecture.conftest import FULL, lecture, studio_lecture

FRENCH = {
    "display_name": "Être payé au-delà des frontières",
    "body": FULL["body"]
    .replace("Why payment is harder", "Pourquoi le paiement est plus difficile")
    .replace("Seed 002", "Source 002"),
    "speakers.0.name": "Équipe du cours",
    "speakers.0.role": "Auteurs des modules",
    "speakers.0.organisation": "seminar-xblocks",
    "speakers.1.name": "Invité",
    "objectives.0": "Décrire un paiement transfrontalier.",
    "objectives.1": "Expliquer le séquestre.",
    "takeaways.0": "Un paiement est encaissé, conservé, converti et réglé.",
    "transcript": "L'acheteur paie ; le service conserve l'argent.",
    "handouts.0.title": "Diapositives (PDF)",
    "handouts.1.title": "Le Programme 2030",
}


def author_lecture(**fields):
    return studio_lecture(True, content_language="en", **{**FULL, **fields})


def test_the_form_shows_each_source_text_beside_its_translation():
    block = author_lecture()
    status, body = call_handler(block, "translation_form", {"language": "ar"})
    assert status == 200 and body["language"] == "ar"
    html = body["html"]
    assert 'data-path="objectives.1"' in html and "Explain escrow." in html
    assert 'lang="ar" dir="rtl"' in html and 'lang="en" dir="ltr"' in html
    assert "Objective 2" in html and "Speaker 1 · Role" in html
    assert 'aria-describedby="tr-' in html


def test_a_saved_translation_is_stored_with_the_hash_of_its_source():
    block = author_lecture()
    status, body = call_handler(block, "save_translation", {"language": "fr", "texts": FRENCH})
    assert status == 200 and body["saved"] is True
    assert block.translations == {"fr": FRENCH}
    assert block.translation_sources == {"fr": source_hash(block.source_texts())}
    assert "fr" in block.offered_languages()
    assert [s["state"] for s in block.translation_states()] == ["source", "current"]


def test_a_source_change_marks_the_translation_out_of_date():
    block = author_lecture()
    call_handler(block, "save_translation", {"language": "fr", "texts": FRENCH})
    block.takeaways = ["A payment is collected, held and settled."]
    assert [s["state"] for s in block.translation_states()] == ["source", "outdated"]
    assert "out of date" in str(block.translations_editor())
    call_handler(block, "save_translation", {"language": "fr", "texts": FRENCH})
    assert block.translation_states()[1]["state"] == "current"


def test_a_translation_made_outside_studio_is_not_called_current():
    block = author_lecture(translations={"es": {"display_name": "Cobrar"}})
    assert block.translation_states()[1] == {"code": "es", "state": "unknown", "name": "Spanish"}


def refused(block, data):
    before = (dict(block.translations), dict(block.translation_sources))
    status, body = call_handler(block, "save_translation", data)
    assert (dict(block.translations), dict(block.translation_sources)) == before
    return status, body


def test_unknown_language_and_the_source_language_are_refused():
    block = author_lecture()
    for language in ("xx", "en", "<script>", 3):
        status, body = refused(block, {"language": language, "texts": FRENCH})
        assert status == 400 and "Choose one of the languages" in body["error"]


def test_unknown_paths_missing_texts_and_changed_numbers_are_named():
    block = author_lecture()
    status, body = refused(block, {"language": "fr", "texts": {**FRENCH, "sdgs.0": "8"}})
    assert status == 400 and "'sdgs.0' names no text" in body["field_errors"][""]
    texts = {**FRENCH, "objectives.1": ""}
    status, body = refused(block, {"language": "fr", "texts": texts})
    assert "Translate this text" in body["field_errors"]["objectives.1"]
    texts = {**FRENCH, "transcript": FRENCH["transcript"] + " 2015"}
    status, body = refused(block, {"language": "fr", "texts": texts})
    assert "numbers differ" in body["field_errors"]["transcript"]
    assert "not saved" in body["error"]


def test_hostile_and_oversized_texts_are_refused():
    block = author_lecture()
    texts = {**FRENCH, "display_name": "<img src=x onerror=alert(1)>Payé"}
    status, body = refused(block, {"language": "fr", "texts": texts})
    assert status == 400 and "<img" in body["field_errors"]["display_name"]
    texts = {**FRENCH, "transcript": "x" * 100_000}
    status, body = refused(block, {"language": "fr", "texts": texts})
    assert "much longer" in body["field_errors"]["transcript"]
    status, body = refused(block, {"language": "fr", "texts": {"body": 3}})
    assert status == 400 and "texts" in body["error"]


def test_only_authors_may_open_or_save_a_translation():
    block = studio_lecture(False, **FULL)
    assert refused(block, {"language": "fr", "texts": FRENCH})[0] == 403
    assert call_handler(block, "translation_form", {"language": "fr"})[0] == 403
    learner = lecture(**FULL)
    assert call_handler(learner, "save_translation", {"language": "fr", "texts": FRENCH})[0] == 403


def test_a_quiz_translation_keeps_the_source_structure():
    quiz = make_block(
        QuizBlock,
        staff=True,
        content_language="en",
        display_name="Check",
        questions=[
            {
                "id": "q1",
                "type": "single",
                "prompt": "Which goal is decent work?",
                "choices": [
                    {"id": "a", "text": "Goal 8", "correct": True},
                    {"id": "b", "text": "Goal 14"},
                ],
            },
            {
                "id": "q2",
                "type": "text",
                "prompt": "Name the trade body.",
                "answer": {"alternatives": ["WTO"]},
            },
        ],
    )
    source = quiz.source_texts()
    texts = {
        "display_name": "Vérification",
        "questions.q1.prompt": "Quel objectif est le travail décent ?",
        "questions.q1.choices.a.text": "Objectif 8",
        "questions.q1.choices.b.text": "Objectif 14",
        "questions.q2.prompt": "Nommez l'organisme du commerce.",
        "questions.q2.answer.alternatives.0": "OMC",
        "questions.q2.answer.alternatives.1": "Organisation mondiale du commerce",
    }
    assert set(source) <= set(texts) | {"questions.q2.answer.alternatives.0"}
    form = call_handler(quiz, "translation_form", {"language": "fr"})[1]["html"]
    assert "Question 1 · Choice 2 · Text" in form and "data-lines" in form
    bad = {**texts, "questions.q1.choices.c.text": "Objectif 9"}
    assert call_handler(quiz, "save_translation", {"language": "fr", "texts": bad})[0] == 400
    swapped = {**texts, "questions.q1.choices.a.text": "Objectif 14"}
    status, _body = call_handler(quiz, "save_translation", {"language": "fr", "texts": swapped})
    assert status == 400 and quiz.translations == {}
    assert call_handler(quiz, "save_translation", {"language": "fr", "texts": texts})[0] == 200
    assert quiz.questions[0]["choices"][0]["correct"] is True
    assert quiz.translations["fr"]["questions.q2.answer.alternatives.1"].startswith("Organisation")
