"""Authored quizzes are validated into one canonical shape, with problems that say where."""

from pathlib import Path

import pytest

from tests.unit.quiz.data import questions, quiz_fields
from xblocks.quiz.questions import QuizInvalid, clean_quiz
from xblocks.quiz.textformat import parse_quiz, write_quiz

QUIZ_FILES = sorted((Path(__file__).parents[3] / "quizzes").glob("*.txt"))


def same(text):
    return text


def problems_of(values):
    with pytest.raises(QuizInvalid) as info:
        clean_quiz(values, same)
    return {problem.field: problem.message for problem in info.value.problems}


def test_a_valid_quiz_comes_back_unchanged():
    fields = quiz_fields()
    assert clean_quiz(fields, same) == fields


def test_settings_from_a_form_are_coerced():
    cleaned = clean_quiz(quiz_fields(max_attempts="", draw="2", weight="2.5", shuffle="true"), same)
    assert (cleaned["max_attempts"], cleaned["draw"], cleaned["weight"], cleaned["shuffle"]) == (
        None,
        2,
        2.5,
        True,
    )


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"display_name": "  "}, "display_name"),
        ({"max_attempts": 0}, "max_attempts"),
        ({"max_attempts": "three"}, "max_attempts"),
        ({"max_attempts": True}, "max_attempts"),
        ({"grading": "average"}, "grading"),
        ({"showanswer": "sometimes"}, "showanswer"),
        ({"show_correctness": "later"}, "show_correctness"),
        ({"shuffle": "maybe"}, "shuffle"),
        ({"draw": -1}, "draw"),
        ({"draw": 9}, "draw"),
        ({"weight": "heavy"}, "weight"),
        ({"questions": []}, "questions"),
        ({"questions": "not a list"}, "questions"),
    ],
)
def test_bad_settings_name_their_field(overrides, field):
    assert field in problems_of(quiz_fields(**overrides))


def broken(index, **changes):
    items = questions()
    items[index].update(changes)
    return quiz_fields(questions=items)


@pytest.mark.parametrize(
    ("values", "field", "words"),
    [
        (broken(0, id="has space"), "questions.0.id", "letters, digits"),
        (broken(0, type="essay"), "questions.0.type", "type"),
        (broken(0, prompt=""), "questions.0.prompt", "question text"),
        (broken(0, explanation=" "), "questions.0.explanation", "explanation"),
        (broken(0, explanation="a\n---\nb"), "questions.0.explanation", "---"),
        (broken(0, hints=["a || b"]), "questions.0.hints.0", "||"),
        (broken(0, partial="per_choice"), "questions.0.partial", "multiple-response"),
        (broken(1, partial="half"), "questions.1.partial", "per_choice"),
        (broken(3, answer={"value": "lots", "tolerance": 0}), "questions.3.answer.value", "number"),
        (
            broken(3, answer={"value": 1, "tolerance": -1}),
            "questions.3.answer.tolerance",
            "0 or more",
        ),
        (broken(4, answer={"alternatives": [], "regex": None}), "questions.4.answer", "accepted"),
        (
            broken(4, answer={"alternatives": [], "regex": "(["}),
            "questions.4.answer.regex",
            "compile",
        ),
        (broken(1, id="single"), "questions.1.id", "unique"),
    ],
)
def test_question_problems_name_the_question_and_the_field(values, field, words):
    problems = problems_of(values)
    assert field in problems, problems
    assert words in problems[field]
    assert problems[field].startswith("Question ")


def test_choice_problems_name_the_choice():
    items = questions()
    items[0]["choices"][1]["text"] = ""
    items[0]["choices"][2]["id"] = "a"
    items[0]["choices"][0]["feedback"] = "closes }} early"
    problems = problems_of(quiz_fields(questions=items))
    assert "choice 2 needs text" in problems["questions.0.choices.1.text"]
    assert "unique id" in problems["questions.0.choices.2.id"]
    assert "reserved" in problems["questions.0.choices.0.feedback"]
    assert "('single')" in problems["questions.0.choices.1.text"]


@pytest.mark.parametrize(
    ("index", "correct_flags", "message"),
    [
        (0, [True, True, False], "exactly one"),
        (0, [False, False, False], "exactly one"),
        (1, [False, False, False, False], "at least one"),
    ],
)
def test_the_number_of_correct_choices_is_checked(index, correct_flags, message):
    items = questions()
    for choice, flag in zip(items[index]["choices"], correct_flags, strict=True):
        choice["correct"] = flag
    assert message in problems_of(quiz_fields(questions=items))[f"questions.{index}.choices"]


def test_true_false_needs_true_and_false():
    items = questions()
    items[2]["choices"][0]["text"] = "Yes"
    assert "single-choice" in problems_of(quiz_fields(questions=items))["questions.2.choices"]


def test_text_is_made_one_line_where_the_format_needs_one_line():
    items = questions()
    items[0]["prompt"] = "Which service\n   holds the money?"
    cleaned = clean_quiz(quiz_fields(questions=items), same)
    assert cleaned["questions"][0]["prompt"] == "Which service holds the money?"


def test_partial_cleaning_checks_only_what_is_given():
    assert clean_quiz({"max_attempts": "2"}, same, partial=True) == {"max_attempts": 2}


@pytest.mark.parametrize("path", QUIZ_FILES, ids=lambda path: path.name)
def test_every_seminar_quiz_is_already_canonical(path):
    parsed = parse_quiz(path.read_text(encoding="utf-8"), source=path.name)
    cleaned = clean_quiz(parsed, same)
    assert cleaned == parsed
    assert parse_quiz(write_quiz(cleaned)) == cleaned
