"""Item analysis: the worked example of docs/item-analysis.md, pools, edge cases, the staff
handlers and the CSV."""

import csv
import io
import math

import pytest

from tests.runtimes import call_handler, json_request
from tests.unit.quiz.data import ALL_RIGHT, ALL_WRONG
from tests.unit.quiz.helpers import quiz, submit
from xblocks.quiz import analysis_report, stats
from xblocks.quiz.analysis_report import csv_cell, first_attempts
from xblocks.quiz.item_analysis import analyse, pooled_alpha


def question(qid, kind, choice_ids, prompt=None):
    """A choice question whose first choice is the key."""
    return {
        "id": qid,
        "prompt": prompt or qid.upper(),
        "type": kind,
        "choices": [
            {"id": c, "text": c.upper(), "correct": i == 0} for i, c in enumerate(choice_ids)
        ],
    }


def records_of(questions, chosen_by_learner):
    """First-attempt records from each learner's chosen choice per question (None: unseen)."""
    records = []
    for chosen in chosen_by_learner:
        entries = [
            {"id": q["id"], "score": float(c == q["choices"][0]["id"]), "choices": [c]}
            for q, c in zip(questions, chosen, strict=True)
            if c is not None
        ]
        records.append({"questions": entries})
    return records


# The worked example of docs/item-analysis.md: 6 learners, 4 questions, keys a, x, true, p.
EXAMPLE_QUESTIONS = [
    question("q1", "single", ["a", "b", "c"]),
    question("q2", "single", ["x", "y", "z"]),
    question("q3", "true_false", ["true", "false"]),
    question("q4", "single", ["p", "q", "r"]),
]
EXAMPLE_CHOICES = [
    ("a", "x", "true", "p"),  # A: 4
    ("a", "x", "true", "q"),  # B: 3
    ("a", "y", "true", "p"),  # C: 3
    ("b", "x", "true", "r"),  # D: 2
    ("a", "z", "true", "r"),  # E: 2
    ("b", "y", "true", "r"),  # F: 1
]


def example():
    return analyse(EXAMPLE_QUESTIONS, records_of(EXAMPLE_QUESTIONS, EXAMPLE_CHOICES), 6)


def test_the_worked_example_gives_the_hand_computed_figures():
    result = example()
    assert result["learners"] == 6
    quiz_figures = result["quiz"]
    assert quiz_figures["mean"] == 62.5 and quiz_figures["median"] == 62.5
    assert quiz_figures["sd"] == pytest.approx(math.sqrt(3437.5 / 5))  # 26.22
    assert quiz_figures["alpha"] == pytest.approx(32 / 99)  # 0.3232
    assert quiz_figures["sem"] == pytest.approx(math.sqrt(687.5) * math.sqrt(67 / 99))  # 21.57
    assert quiz_figures["form_length"] == 4
    q1, q2, q3, q4 = result["items"]
    assert q1["facility"] == pytest.approx(4 / 6)
    assert q1["discrimination"] == pytest.approx(1 / math.sqrt(8.5))  # 0.343
    assert q1["efficiency"] == pytest.approx(0.4)
    assert q1["upper_lower"] == pytest.approx(0.5)
    assert q2["facility"] == 0.5 and q2["discrimination"] == 0.0 and q2["efficiency"] == 0.0
    assert q2["upper_lower"] == 1.0
    assert q3["facility"] == 1.0 and q3["discrimination"] is None and q3["efficiency"] is None
    assert q4["facility"] == pytest.approx(2 / 6)
    assert q4["discrimination"] == pytest.approx(1 / math.sqrt(8.5))
    shares = {c["id"]: (c["share"], c["upper"], c["lower"]) for c in q4["choices"]}
    assert shares == {"p": (2 / 6, 0.5, 0.0), "q": (1 / 6, 0.5, 0.0), "r": (0.5, 0.0, 1.0)}
    assert [item["flags"] for item in result["items"]] == [
        ["unused_distractor"],
        ["weak"],
        ["too_easy", "unused_distractor"],
        ["strong_distractor"],
    ]


def test_with_a_fixed_form_the_pooled_alpha_is_cronbachs_alpha():
    rows = [
        {qid: (score, []) for qid, score in zip("abcd", scores, strict=True)}
        for scores in [(1, 1, 0, 1), (1, 0, 0, 0), (0, 1, 1, 1), (1, 1, 1, 1), (0, 0, 0, 1)]
    ]
    questions = [{"id": qid} for qid in "abcd"]

    def variance(values):
        mean = sum(values) / len(values)
        return sum((v - mean) ** 2 for v in values) / (len(values) - 1)

    items = sum(variance([row[q][0] for row in rows]) for q in "abcd")
    total = variance([sum(s for s, _c in row.values()) for row in rows])
    alpha, k = pooled_alpha(questions, rows)
    assert k == 4 and alpha == pytest.approx(4 / 3 * (1 - items / total))


def test_one_learner_gives_no_figures():
    result = analyse(EXAMPLE_QUESTIONS, records_of(EXAMPLE_QUESTIONS, EXAMPLE_CHOICES[:1]))
    assert result["learners"] == 1 and result["quiz"] is None
    assert all(not item["enough"] and item["facility"] is None for item in result["items"])
    assert all(item["flags"] == [] and item["choices"] == [] for item in result["items"])


def test_when_every_learner_scores_the_same_there_is_no_correlation():
    same = [("a", "x", "true", "p")] * 12
    result = analyse(EXAMPLE_QUESTIONS, records_of(EXAMPLE_QUESTIONS, same))
    assert result["quiz"]["sd"] == 0 and result["quiz"]["alpha"] is None
    assert result["quiz"]["sem"] is None
    for item in result["items"]:
        assert item["facility"] == 1.0 and item["discrimination"] is None
        assert item["efficiency"] is None and "too_easy" in item["flags"]


def test_in_a_pool_each_question_counts_only_the_learners_who_saw_it():
    # 12 learners see q1 and q2; q3 is seen by 3 of them, q4 by none.
    chosen = [("a" if i % 2 else "b", "x" if i % 3 else "y", None, None) for i in range(12)]
    chosen[:3] = [(c[0], c[1], "false", None) for c in chosen[:3]]
    result = analyse(EXAMPLE_QUESTIONS, records_of(EXAMPLE_QUESTIONS, chosen))
    q1, q2, q3, q4 = result["items"]
    assert (q1["seen"], q2["seen"], q3["seen"], q4["seen"]) == (12, 12, 3, 0)
    assert q1["facility"] == 0.5 and q2["facility"] == pytest.approx(8 / 12)
    assert not q3["enough"] and q3["facility"] is None and q3["discrimination"] is None
    assert not q4["enough"] and q4["seen"] == 0
    # Rest of test for q1 is q2 alone for 9 learners, (q2 + q3) / 2 for the 3 who saw q3.
    assert q1["discrimination"] is not None and result["quiz"]["form_length"] == 2


def test_a_question_removed_from_the_quiz_is_left_out():
    records = records_of(EXAMPLE_QUESTIONS, EXAMPLE_CHOICES)
    result = analyse(EXAMPLE_QUESTIONS[:2], records, 6)
    assert [item["id"] for item in result["items"]] == ["q1", "q2"]
    assert result["quiz"]["form_length"] == 2


def test_submit_keeps_the_first_graded_attempt_in_the_learners_own_state():
    block = quiz()
    submit(block, ALL_WRONG)
    first = block.first_attempt
    assert [entry["id"] for entry in first["questions"]] == [q["id"] for q in block.questions]
    single = first["questions"][0]
    assert single == {"id": "single", "score": 0.0, "choices": ["a"]}
    assert first["questions"][3]["choices"] == []  # a numeric answer has no choices
    call_handler(block, "reset", {})
    submit(block, ALL_RIGHT)
    assert block.first_attempt == first  # later attempts never replace it


def test_learners_who_submitted_before_the_analysis_existed_are_counted_apart():
    old = {"presented": ["single"], "answers": {"single": "b"}, "submission_count": 1}
    new = {"presented": ["single"], "first_attempt": {"questions": [{"id": "single"}]}}
    never = {"draft": {"single": "a"}}
    records, before = first_attempts(iter([("a", old), ("b", new), ("c", never)]), 10)
    assert before == 1 and records == [new["first_attempt"]]


def learners_with_states(monkeypatch, states):
    for module in (stats, analysis_report):
        monkeypatch.setattr(module, "iter_learner_states", lambda block: iter(states))


def test_the_analysis_and_its_csv_are_for_staff_only(monkeypatch):
    learners_with_states(monkeypatch, [])
    block = quiz()
    code, answer = call_handler(block, "item_analysis_csv", b"", method="GET")
    assert code == 403 and "staff" in answer["error"]
    code, answer = call_handler(block, "statistics", {})
    assert code == 403 and "analysis" not in answer
    code, body = call_handler(quiz(staff=True), "item_analysis_csv", b"", method="GET")
    assert code == 200 and body.startswith("\ufeffRow,")


def staff_states(count):
    """`count` learners' states after submitting the unit-test quiz (half right)."""
    states = []
    for number in range(count):
        block = quiz(user_id=f"learner_{number}")
        submit(block, ALL_RIGHT if number % 2 else ALL_WRONG)
        states.append(
            (
                f"learner_{number}",
                {"presented": block.presented, "first_attempt": block.first_attempt},
            )
        )
    return states


def test_staff_statistics_carry_the_analysis_in_words(monkeypatch):
    learners_with_states(monkeypatch, [*staff_states(10), ("old", {"presented": ["single"]})])
    code, answer = call_handler(quiz(staff=True), "statistics", {})
    assert code == 200
    analysis, labels = answer["analysis"], answer["analysis_labels"]
    assert analysis["learners"] == 10 and analysis["before_analysis"] == 1
    assert "1 learner submitted before the analysis existed" in labels["before"]
    assert analysis["quiz"]["mean"] == 50.0
    single = analysis["items"][0]
    assert single["facility"] == 0.5 and single["discrimination"] == pytest.approx(1.0)
    assert "a distractor nobody chooses" in single["flag_words"]  # choice c
    assert "item_analysis_csv" in answer["analysis_csv"]


def test_few_learners_are_said_to_be_too_few(monkeypatch):
    learners_with_states(monkeypatch, staff_states(3))
    answer = call_handler(quiz(staff=True), "statistics", {})[1]
    assert answer["analysis"]["quiz"] is None
    assert (
        "Too few learners for figures: 3 so far, 10 needed" in answer["analysis_labels"]["too_few"]
    )


def test_the_csv_has_a_row_per_question_and_choice_and_runs_no_formula(monkeypatch):
    learners_with_states(monkeypatch, staff_states(10))
    block = quiz(staff=True)
    block.questions = [
        {**block.questions[0], "prompt": '=HYPERLINK("http://evil","x")'},
        *block.questions[1:],
    ]
    block.questions[1]["choices"][0]["text"] = "@SUM(A1)"
    response = block.item_analysis_csv(json_request({}, method="GET"))
    assert response.status_code == 200 and response.content_type == "text/csv"
    assert "attachment" in response.headers["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(response.body.decode("utf-8-sig"))))
    assert rows[0][:3] == ["Row", "Question ID", "Question"]
    assert rows[1][2] == '\'=HYPERLINK("http://evil","x")'
    assert rows[1][6] == "0.5" and rows[1][7] == "1"
    choice_rows = [row for row in rows if row[0] == "choice" and row[1] == "multiple"]
    assert choice_rows[0][3] == "'@SUM(A1)"
    assert not any(cell.startswith(("=", "+", "@")) for row in rows for cell in row)


@pytest.mark.parametrize(
    ("value", "cell"),
    [
        ("=1+2", "'=1+2"),
        ("+1", "'+1"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tx", "'\tx"),
        ("plain = text", "plain = text"),
        (-0.25, "-0.25"),  # our own number, not author text
        (None, ""),
        (True, "1"),
        (12, "12"),
    ],
)
def test_csv_cells_from_text_never_start_a_formula(value, cell):
    assert csv_cell(value) == cell
