"""Learners' responses: checked strictly, scored by the documented rules."""

import pytest

from tests.unit.quiz.data import questions
from xblocks.quiz.responses import (
    ResponseError,
    check_response,
    parse_number,
    score_response,
    status_of,
)

SINGLE, MULTIPLE, TF, NUMERIC, TEXT = questions()


def same(text):
    return text


@pytest.mark.parametrize(
    ("question", "value", "stored"),
    [
        (SINGLE, "b", "b"),
        (SINGLE, None, None),
        (SINGLE, "", None),
        (MULTIPLE, ["d", "a"], ["a", "d"]),
        (MULTIPLE, [], []),
        (NUMERIC, " 4817 ", "4817"),
        (NUMERIC, 4817, "4817"),
        (NUMERIC, 27.5, "27.5"),
        (TEXT, "  Zanzibarite ", "Zanzibarite"),
    ],
)
def test_valid_responses_are_stored_as_typed(question, value, stored):
    assert check_response(question, value, same) == stored


@pytest.mark.parametrize(
    ("question", "value"),
    [
        (SINGLE, "z"),
        (SINGLE, ["b"]),
        (SINGLE, 1),
        (MULTIPLE, "a"),
        (MULTIPLE, ["a", "a"]),
        (MULTIPLE, ["a", "zz"]),
        (MULTIPLE, [1]),
        (NUMERIC, "lots"),
        (NUMERIC, True),
        (NUMERIC, "nan"),
        (NUMERIC, "inf"),
        (TEXT, {"a": 1}),
        (TEXT, "x" * 201),
    ],
)
def test_wrong_types_and_values_are_refused(question, value):
    with pytest.raises(ResponseError):
        check_response(question, value, same)


def test_a_numeric_draft_may_be_half_typed():
    assert check_response(NUMERIC, "27.", same, draft=True) == "27."
    assert check_response(NUMERIC, "-", same, draft=True) == "-"


@pytest.mark.parametrize(
    ("typed", "number"),
    [
        ("132", 132.0),
        ("27.2", 27.2),
        ("27,2", 27.2),
        ("1,000.5", 1000.5),
        ("1 000", 1000.0),
        ("١٣٢", 132.0),  # Arabic-Indic digits
        ("٢٧٫٢", 27.2),  # with the Arabic decimal separator
        ("１３２", 132.0),  # full-width digits
        ("-3e2", -300.0),
    ],
)
def test_numbers_are_read_the_way_learners_write_them(typed, number):
    assert parse_number(typed, same) == pytest.approx(number)


def test_an_ambiguous_comma_is_refused_with_advice():
    with pytest.raises(ResponseError, match="without the comma"):
        parse_number("1,000", same)


def test_single_choice_and_true_false_score_all_or_nothing():
    assert score_response(SINGLE, "b") == 1.0
    assert score_response(SINGLE, "a") == 0.0
    assert score_response(TF, "a") == 1.0
    assert score_response(TF, None) == 0.0


@pytest.mark.parametrize(
    ("chosen", "per_choice", "all_or_nothing"),
    [
        (["a", "b", "d"], 1.0, 1.0),
        (["a", "b"], 2 / 3, 0.0),
        (["a", "b", "c"], 1 / 3, 0.0),  # two right, one wrong
        (["a", "c"], 0.0, 0.0),  # one right, one wrong
        (["c"], 0.0, 0.0),  # never below zero
        (["a", "b", "c", "d"], 2 / 3, 0.0),
    ],
)
def test_multiple_response_partial_credit_follows_the_documented_rule(
    chosen, per_choice, all_or_nothing
):
    assert score_response(MULTIPLE, chosen) == pytest.approx(per_choice)
    strict = {**MULTIPLE, "partial": "none"}
    assert score_response(strict, chosen) == all_or_nothing


@pytest.mark.parametrize(
    ("typed", "score"),
    [("4817.25", 1.0), ("4817.75", 1.0), ("4816.75", 1.0), ("4817.76", 0.0), ("x", 0.0)],
)
def test_numeric_answers_count_within_the_tolerance(typed, score):
    assert score_response(NUMERIC, typed) == score


def test_tolerance_edges_survive_binary_fractions():
    question = {**NUMERIC, "answer": {"value": 27.2, "tolerance": 0.1}}
    assert score_response(question, "27.3") == 1.0
    assert score_response(question, "27.1") == 1.0
    assert score_response(question, "27.31") == 0.0


@pytest.mark.parametrize(
    ("typed", "score"),
    [
        ("zanzibarite", 1.0),
        ("ZANZIBARITE", 1.0),
        ("  zanzi   barite ", 1.0),
        ("Kilimanjaro", 1.0),  # the regular expression, case-insensitive
        ("kilimanj", 0.0),  # the regular expression must match the whole answer
        ("a zanzibarite", 0.0),
        ("basalt", 0.0),
    ],
)
def test_text_answers_ignore_case_and_spaces(typed, score):
    assert score_response(TEXT, typed) == score


def test_responses_of_the_wrong_shape_score_zero_after_an_edit():
    assert score_response(MULTIPLE, "a") == 0.0
    assert score_response(NUMERIC, ["a"]) == 0.0


def test_status_names():
    assert [status_of(s) for s in (1.0, 0.5, 0.0)] == ["correct", "partial", "incorrect"]
