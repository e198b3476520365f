"""Moodle GIFT in and out: every feature our question types hold, warnings for the rest."""

from pathlib import Path

import pytest

from tests.runtimes import call_handler
from tests.unit.quiz.helpers import quiz
from xblocks.cli import main
from xblocks.quiz.gift import MAX_GIFT_CHARS, NO_EXPLANATION, parse_gift
from xblocks.quiz.gift_write import write_gift
from xblocks.quiz.textformat import QuizFormatError, parse_quiz, write_quiz

QUIZZES = sorted((Path(__file__).parents[3] / "quizzes").glob("*.txt"))

# The kinds of question Moodle's GIFT documentation shows, written for these tests.
MOODLE_BANK = r"""// A bank in the shapes of Moodle's GIFT documentation
$CATEGORY: $course$/top/Presidents

::Tomb::Who is buried in Grant's tomb?{~Grant#No. ~Jefferson =no one#Right: a tomb above ground.}

Grant is {~buried =entombed ~living} in Grant's tomb.

::tf1::Grant is buried in Grant's tomb.{FALSE#No one is buried there.#Right.####It is a mausoleum.}

The sun rises in the east.{T}

Two plus two is four.{TRUE}

Two plus two is five.{F}

::names::Who is buried in Grant's tomb?{=no one =nobody ####Nobody is.}

Two plus {=two =2} equals four.

::born::When was Ulysses S. Grant born?{#1822:5}

::pi::What is the value of pi (to 3 decimal places)? {#3.14159:0.0005}

::range::What is the value of pi (to 3 decimal places)? {#3.141..3.142}

::parts:: Which two people are in Grant's tomb? {
   ~%-50%No one#No.
   ~%50%Grant
   ~%50%Grant's wife
   ~%-50%Grant's father
   ####Grant and his wife Julia.
}

::escaped::Which is written with braces \{ \}, a tilde \~ and 1 \= 1?{=a\:b ~c\#d}

::html::[html]<p>Which word is <b>bold</b>?</p>{=this ~that#<i>not</i> this}

::md::[markdown]Which word is **bold**?{=this ~that}

::plain::[plain]Is 1 < 2 in plain text?{T}

::moodle::[moodle]Which colour is the sky?{=blue ~green}
"""


def parsed(text, **options):
    return parse_gift(text, **options)


def only_question(text):
    quiz_values, warnings = parse_gift(text)
    assert len(quiz_values["questions"]) == 1, warnings
    return quiz_values["questions"][0], warnings


def messages(warnings):
    return " | ".join(message for _line, message in warnings)


def test_the_moodle_bank_converts_every_question_it_can_hold():
    values, warnings = parse_gift(MOODLE_BANK)
    ids = [question["id"] for question in values["questions"]]
    assert ids == [
        "Tomb",
        "q2",
        "tf1",
        "q4",
        "q5",
        "q6",
        "names",
        "q8",
        "born",
        "pi",
        "range",
        "parts",
        "escaped",
        "html",
        "md",
        "plain",
        "moodle",
    ]
    assert values["display_name"] == "Presidents"
    # The converted quiz is a valid quiz file.
    assert parse_quiz(write_quiz(values))["questions"] == values["questions"]
    # Only the questions without general feedback are warned about (and nothing else).
    assert {message for _line, message in warnings} == {
        "No general feedback (####): the explanation says so; write one."
    }


def test_multiple_choice_keeps_per_answer_feedback():
    question, _warnings = only_question("Who?{~Grant#No. ~Jefferson =no one#Right.}")
    assert question["type"] == "single"
    assert [(c["text"], c["correct"], c["feedback"]) for c in question["choices"]] == [
        ("Grant", False, "No."),
        ("Jefferson", False, ""),
        ("no one", True, "Right."),
    ]


def test_missing_word_puts_a_blank_where_the_answers_stood():
    question, _warnings = only_question("Grant is {~buried =entombed ~living} in Grant's tomb.")
    assert question["prompt"] == "Grant is _____ in Grant's tomb."


@pytest.mark.parametrize(
    ("answer", "true_is_correct"),
    [("T", True), ("TRUE", True), ("F", False), ("FALSE", False), ("true", True)],
)
def test_true_false_in_every_spelling(answer, true_is_correct):
    question, _warnings = only_question(f"The sun rises in the east.{{{answer}}}")
    assert question["type"] == "true_false"
    assert [(c["text"], c["correct"]) for c in question["choices"]] == [
        ("True", true_is_correct),
        ("False", not true_is_correct),
    ]


def test_true_false_feedback_first_for_a_wrong_answer_then_a_right_one():
    question, _warnings = only_question("Grant is buried there.{FALSE#Wrong pick.#Right pick.}")
    true_choice, false_choice = question["choices"]
    assert true_choice["feedback"] == "Wrong pick." and false_choice["feedback"] == "Right pick."
    question, _warnings = only_question("Sky is blue.{TRUE#Wrong pick.#Right pick.}")
    true_choice, false_choice = question["choices"]
    assert true_choice["feedback"] == "Right pick." and false_choice["feedback"] == "Wrong pick."


def test_general_feedback_is_the_explanation():
    question, warnings = only_question("Sky?{=blue ~green####The air scatters blue light.}")
    assert question["explanation"] == "The air scatters blue light." and warnings == []
    question, warnings = only_question("Sky?{=blue ~green}")
    assert question["explanation"] == NO_EXPLANATION
    assert warnings == [(1, "No general feedback (####): the explanation says so; write one.")]


def test_exact_weights_map_to_per_choice_partial_credit_without_a_warning():
    text = "Pick two.{~%50%A ~%50%B ~%-50%C ~%-50%D####Why.}"
    question, warnings = only_question(text)
    assert question["type"] == "multiple" and question["partial"] == "per_choice"
    assert [c["correct"] for c in question["choices"]] == [True, True, False, False]
    assert warnings == []
    thirds = "Pick three.{~%33.33333%A ~%33.33333%B ~%33.33333%C ~%-33.33333%D####Why.}"
    assert only_question(thirds)[1] == []


@pytest.mark.parametrize(
    "weights",
    [
        "~%-100%No one ~%50%Grant ~%50%Wife",  # Moodle's own example: -100 is not -50
        "~%70%A ~%30%B ~C",  # unequal right weights
        "~%50%A ~%50%B ~C",  # a wrong choice of 0% costs nothing in Moodle
    ],
)
def test_weights_that_cannot_be_kept_exactly_are_named(weights):
    question, warnings = only_question(f"Pick.{{{weights}####Why.}}")
    assert question["partial"] == "per_choice"
    assert "cannot be kept exactly" in messages(warnings)
    assert "right picks minus wrong picks, over the 2 right choices" in messages(warnings)


def test_a_single_right_answer_weighted_with_minus_100_is_exact():
    assert only_question("Pick.{~%100%A ~%-100%B ~%-100%C####Why.}")[1] == []


def test_short_answer_alternatives_and_wildcards():
    question, _warnings = only_question("Who?{=no one =nobody =n*body####Why.}")
    assert question["type"] == "text"
    assert question["answer"] == {"alternatives": ["no one", "nobody"], "regex": "n.*body"}


def test_partial_credit_short_answers_are_skipped_with_a_warning():
    question, warnings = only_question("Who?{=no one =%50%nobody#Almost.####Why.}")
    assert question["answer"]["alternatives"] == ["no one"]
    assert warnings == [
        (1, "The partial credit 50% of 'nobody' cannot be kept: this answer is skipped.")
    ]


def test_numeric_tolerance_and_ranges():
    question, _warnings = only_question("When?{#1822:5####Why.}")
    assert question["type"] == "numeric"
    assert question["answer"] == {"value": 1822.0, "tolerance": 5.0}
    question, _warnings = only_question("Pick one to five.{#1..5####Why.}")
    assert question["answer"] == {"value": 3.0, "tolerance": 2.0}


def test_partial_credit_numeric_alternatives_are_named_and_skipped():
    text = "When was Grant born?{#\n=1822:0\n=%50%1822:2\n####Why.}"
    question, warnings = only_question(text)
    assert question["answer"] == {"value": 1822.0, "tolerance": 0.0}
    assert warnings == [
        (3, "The partial credit 50% of '1822:2' cannot be kept: this answer is skipped.")
    ]


def test_escapes_are_literal_characters():
    text = r"Braces \{ \}, tilde \~, 1 \= 1, a \# and a\:b?{=a\:b ~c\#d####x \= y}"
    question, _warnings = only_question(text)
    assert question["prompt"] == "Braces { }, tilde ~, 1 = 1, a # and a:b?"
    assert [c["text"] for c in question["choices"]] == ["a:b", "c#d"]
    assert question["explanation"] == "x = y"


def test_titles_become_unique_question_ids():
    values, _warnings = parse_gift("::Grant's tomb::A?{T}\n\n::Grant's tomb::B?{F}\n\nC?{T}")
    assert [q["id"] for q in values["questions"]] == ["Grant-s-tomb", "Grant-s-tomb-2", "q3"]


def test_comments_are_ignored_and_hint_comments_are_hints():
    text = "// a comment\n// hint: Think of the sky.\nSky?{=blue ~green####Why.}"
    question, warnings = only_question(text)
    assert question["hints"] == ["Think of the sky."] and warnings == []


def test_the_first_category_is_the_title_and_later_ones_are_named():
    text = "$CATEGORY: tom/dick/harry\n\nA?{T}\n\n$CATEGORY: other\n\nB?{F}"
    values, warnings = parse_gift(text, title="From the file name")
    assert values["display_name"] == "harry"
    assert (5, "Category 'other': its questions join the same quiz.") in warnings
    assert parse_gift("A?{T}", title="From the file name")[0]["display_name"] == (
        "From the file name"
    )


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        ("::m::Match.{\n=Canada -> Ottawa\n=Italy -> Rome\n}", 1, "A matching question"),
        ("Write about Grant.{}", 1, "An essay question"),
        ("Just some text.", 1, "A description"),
        ("Pick {=a ~b} and {=c ~d}.", 1, "Several answer blocks"),
        ("Pick.{=a =b ~c}", 1, "More than one right answer"),
        ("Pick.{~%-50%a ~b}", 1, "No answer has a positive weight"),
    ],
)
def test_what_our_types_cannot_hold_is_named_with_its_line_and_skipped(text, line, words):
    values, warnings = parse_gift(f"Kept?{{T####Why.}}\n\n// filler\n{text}")
    assert [q["prompt"] for q in values["questions"]] == ["Kept?"]
    assert [found for found, _message in warnings] == [line + 3]
    assert warnings[0][1].startswith(words)


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        ("A?{T}\n\nWho is {~Grant\n=no one", 3, "is never closed"),
        ("A?{T}\n\nWho is}{~Grant =no one}", 3, "has no opening"),
        ("A?{T}\n\nWho?{\n~Grant {=x}\n}", 4, "cannot be nested"),
        ("A?{T}\n\nWhen?{#\n=abc:1\n}", 3, "is not a number"),
        ("A?{T}\n\nWho?{Grant =no one}", 3, "must start with '=' or '~'"),
    ],
)
def test_broken_gift_is_an_error_naming_the_line(text, line, words):
    with pytest.raises(QuizFormatError) as raised:
        parse_gift(text, source="bank.gift")
    assert [found for found, _message in raised.value.errors] == [line]
    assert words in str(raised.value) and f"bank.gift:{line}:" in str(raised.value)


def test_html_is_sanitised_and_written_as_markdown():
    text = (
        '[html]<p>Is <b>this</b> <a href="javascript:alert(1)">safe</a>?<script>alert(1)'
        "</script><img src=x onerror=alert(1)></p>{=<i>yes</i> ~no####<p>One.</p><p>Two.</p>}"
    )
    question, _warnings = only_question(text)
    assert question["prompt"] == "Is **this** safe?"
    assert question["choices"][0]["text"] == "*yes*"
    assert question["explanation"] == "One.\n\nTwo."
    written = write_quiz({"display_name": "x", "questions": [question]})
    assert "<script" not in written and "<a" not in written and "<img" not in written


@pytest.mark.parametrize("text_format", ["", "[markdown]", "[moodle]", "[plain]"])
def test_script_in_any_format_never_reaches_a_page_as_markup(text_format):
    question, _warnings = only_question(
        f"{text_format}Hello <script>alert(1)</script>?{{=<b onclick\\=x>a</b> ~b####Why.}}"
    )
    assert "<script" not in question["prompt"] and "<b" not in question["choices"][0]["text"]


def test_huge_input_is_refused_clearly():
    with pytest.raises(QuizFormatError, match="longer than"):
        parse_gift("A?{T}\n\n" * (MAX_GIFT_CHARS // 6))


def test_deeply_nested_braces_are_refused_clearly():
    with pytest.raises(QuizFormatError, match="cannot be nested"):
        parse_gift("Deep?" + "{" * 10000 + "}" * 10000)


def test_more_questions_than_a_quiz_holds_are_refused():
    with pytest.raises(QuizFormatError, match="at most 200 questions and this bank has 201"):
        parse_gift("\n\n".join(f"Q{n}?{{T}}" for n in range(201)))


def test_a_question_that_fails_the_quiz_checks_is_named_and_skipped():
    values, warnings = parse_gift("A?{T####Why.}\n\nB " + "x" * 1200 + "?{T####Why.}")
    assert len(values["questions"]) == 1
    assert warnings[0][0] == 3 and "longer than 1000 characters" in warnings[0][1]


# Round trips


def test_gift_to_quiz_to_gift_keeps_every_supported_question():
    values, _warnings = parse_gift(MOODLE_BANK)
    text, write_warnings = write_gift(values)
    again, _warnings = parse_gift(text)
    assert write_warnings == []
    assert again["questions"] == values["questions"]
    assert again["display_name"] == values["display_name"]


@pytest.mark.parametrize("path", QUIZZES, ids=lambda path: path.stem)
def test_each_seminar_quiz_to_gift_and_back_is_the_same_quiz(path):
    original = parse_quiz(path.read_text(encoding="utf-8"))
    text, warnings = write_gift(original)
    again, read_warnings = parse_gift(text)
    assert warnings == []
    assert again["questions"] == original["questions"]
    assert again["display_name"] == original["display_name"]
    assert all("explanation" in message for _line, message in read_warnings) is True
    assert read_warnings == []


def test_the_seminar_has_sixteen_english_quizzes():
    assert len(QUIZZES) == 16


def test_what_gift_cannot_hold_on_the_way_out_is_named():
    source = parse_quiz(
        "title: T\n---\nid: r\n>>Name?<<\ns= /colou?r/\nor= hue\n[explanation]\nx\n[explanation]"
        "\n---\nid: m\n>>Pick<<\n[x] a\n[ ] b\n[explanation]\nx\n[explanation]\n"
    )
    text, warnings = write_gift(source)
    assert warnings == [
        "question 'r': the regular expression /colou?r/ has no GIFT form; only the listed "
        "answers are written",
        "question 'm': all-or-nothing scoring has no GIFT form; the choices are weighted per "
        "choice (Moodle gives partial credit)",
    ]
    assert "=hue" in text and "~%100%a" in text and "~%-100%b" in text


# The command line


def test_from_gift_writes_a_quiz_file_and_prints_the_warnings(tmp_path, capsys):
    bank = tmp_path / "bank.gift"
    bank.write_text("::a::Kept?{T####Why.}\n\nWrite an essay.{}\n", encoding="utf-8")
    main(["quiz", "from-gift", str(bank), "-o", str(tmp_path / "quiz.txt")])
    written = parse_quiz((tmp_path / "quiz.txt").read_text(encoding="utf-8"))
    assert [q["id"] for q in written["questions"]] == ["a"]
    assert written["display_name"] == "bank"
    err = capsys.readouterr().err
    assert f"{bank}:3: warning: An essay question" in err
    assert "1 question(s) converted, 1 warning(s)." in err


def test_from_gift_fails_and_writes_nothing_when_nothing_converts(tmp_path, capsys):
    bank = tmp_path / "bank.gift"
    bank.write_text("Write an essay.{}\n", encoding="utf-8")
    with pytest.raises(SystemExit, match=r"No question of .* could be converted"):
        main(["quiz", "from-gift", str(bank), "-o", str(tmp_path / "quiz.txt")])
    assert not (tmp_path / "quiz.txt").exists()


def test_from_gift_of_broken_gift_names_the_line_and_writes_nothing(tmp_path, capsys):
    bank = tmp_path / "bank.gift"
    bank.write_text("A?{T}\n\nWho is {~Grant =no one\n", encoding="utf-8")
    with pytest.raises(SystemExit, match="1 problem"):
        main(["quiz", "from-gift", str(bank), "-o", str(tmp_path / "quiz.txt")])
    assert f"{bank}:3: '{{' is never closed" in capsys.readouterr().err
    assert not (tmp_path / "quiz.txt").exists()


def test_to_gift_and_back_through_the_command_line(tmp_path, capsys):
    main(["quiz", "to-gift", str(QUIZZES[0]), "-o", str(tmp_path / "quiz.gift")])
    main(["quiz", "from-gift", str(tmp_path / "quiz.gift"), "-o", str(tmp_path / "back.txt")])
    original = parse_quiz(QUIZZES[0].read_text(encoding="utf-8"))
    back = parse_quiz((tmp_path / "back.txt").read_text(encoding="utf-8"))
    assert back["questions"] == original["questions"]
    main(["quiz", "to-gift", str(QUIZZES[0])])
    assert capsys.readouterr().out.startswith("$CATEGORY: Check your understanding")


# Studio's text mode


def test_studio_text_mode_takes_pasted_gift_and_returns_its_warnings():
    block = quiz(staff=True)
    text = "::sky::Sky?{=blue ~green####Why.}\n\n::m::Match.{=a -> b =c -> d}"
    status, answer = call_handler(block, "studio_parse", {"text": text})
    assert status == 200
    assert [q["id"] for q in answer["fields"]["questions"]] == ["sky"]
    assert answer["warnings"] == [
        {"line": 3, "message": "A matching question has no counterpart in the quiz: skipped."}
    ]
    status, answer = call_handler(block, "studio_parse", {"text": text, "format": "gift"})
    assert status == 200 and len(answer["warnings"]) == 1


def test_studio_saves_pasted_gift_keeping_the_stored_settings():
    block = quiz(staff=True, max_attempts=3)
    status, answer = call_handler(block, "studio_submit", {"text": "Sky?{=blue ~green####Why.}"})
    assert status == 200 and answer["saved"] and answer["warnings"] == []
    assert block.max_attempts == 3 and [q["prompt"] for q in block.questions] == ["Sky?"]


def test_studio_refuses_gift_with_nothing_to_convert_and_broken_gift_with_its_line():
    block = quiz(staff=True)
    status, answer = call_handler(block, "studio_parse", {"text": "Write an essay.{}"})
    assert status == 400 and answer["lines"][0]["line"] == 1
    status, answer = call_handler(block, "studio_parse", {"text": "A?{T}\n\nB?{~x =y"})
    assert status == 400 and answer["lines"][0]["line"] == 3
    assert "never closed" in answer["lines"][0]["message"]
