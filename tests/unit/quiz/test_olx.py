"""OLX: export then import gives the same block; hostile OLX is refused or made inert."""

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from lxml import etree

from tests.runtimes import UnitRuntime, make_block
from tests.unit.quiz.data import quiz_fields, quiz_olx
from xblocks.quiz.block import QuizBlock
from xblocks.quiz.olx import QuizOlxError
from xblocks.quiz.textformat import parse_quiz, write_quiz

QUIZ_FILES = sorted((Path(__file__).parents[3] / "quizzes").glob("*.txt"))
AUTHORED = tuple(quiz_fields())


def load(xml):
    runtime = UnitRuntime()
    return runtime.get_block(runtime.parse_xml_string(xml))


def export(block):
    node = etree.Element("seminar_quiz")
    block.add_xml_to_node(node)
    node.tag = "seminar_quiz"
    return node


def test_export_then_import_gives_the_same_fields():
    block = load(quiz_olx())
    assert {name: getattr(block, name) for name in AUTHORED} == quiz_fields()


def test_the_olx_is_readable_child_elements():
    node = etree.fromstring(quiz_olx())
    question = node.find("question")
    assert question.get("id") == "single" and question.get("type") == "single"
    assert [c.get("id") for c in question.findall("choice")] == ["a", "b", "c"]
    assert question.find("choice[@correct='true']").text == "An escrow agent"
    assert node.find("question[@id='numeric']/answer").attrib == {
        "value": "4817.25",
        "tolerance": "0.5",
    }
    assert [a.text for a in node.findall("question[@id='text']/answer/alternative")] == [
        "zanzibarite",
        "zanzi barite",
    ]


def test_a_second_round_trip_writes_identical_olx():
    first = quiz_olx()
    second = etree.tostring(export(load(first)), encoding="unicode")
    assert second.replace(' xblock-family="xblock.v1"', "") == first


def test_dates_and_inherited_settings_round_trip():
    due = datetime(2030, 5, 1, 17, 0, tzinfo=UTC)
    olx = quiz_olx(due=due, graceperiod=timedelta(hours=2), max_attempts=None)
    node = etree.fromstring(olx)
    assert node.get("due") == "2030-05-01T17:00:00Z" and node.get("max_attempts") == "null"
    block = load(olx)
    assert block.due == due and block.graceperiod == timedelta(hours=2)
    assert block.max_attempts is None


def test_settings_not_set_on_the_block_are_not_written_so_they_can_inherit():
    block = make_block(QuizBlock, questions=quiz_fields()["questions"])
    node = export(block)
    assert "showanswer" not in node.attrib and "due" not in node.attrib


@pytest.mark.parametrize("path", QUIZ_FILES, ids=lambda path: path.name)
def test_file_to_block_to_olx_to_block_to_file(path):
    text = path.read_text(encoding="utf-8")
    fields = parse_quiz(text, source=path.name)
    block = make_block(QuizBlock, **fields)
    again = load(etree.tostring(export(block), encoding="unicode"))
    reloaded = {name: getattr(again, name) for name in fields}
    assert reloaded == fields
    assert write_quiz(reloaded) == write_quiz(fields)


def test_hand_written_olx_with_indentation_and_url_name():
    block = load(
        """
        <seminar_quiz url_name="abc123" display_name="Hand written" showanswer="always">
          <!-- a comment is fine -->
          <question id="q1" type="numeric">
            <prompt>
              How many
              zones?
            </prompt>
            <answer value="132"/>
            <explanation>
              First line.

                  indented code stays indented
            </explanation>
          </question>
        </seminar_quiz>
        """
    )
    question = block.questions[0]
    assert question["prompt"] == "How many zones?"
    assert question["answer"] == {"value": 132.0, "tolerance": 0.0}
    assert question["explanation"] == "First line.\n\n    indented code stays indented"


def test_escaped_markup_in_text_stays_text_and_renders_inert():
    block = load(
        """<seminar_quiz display_name="x"><question id="q" type="text">
        <prompt>&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;</prompt>
        <answer><alternative>a</alternative></answer>
        <explanation>&lt;script&gt;alert(3)&lt;/script&gt;</explanation></question></seminar_quiz>"""
    )
    assert block.questions[0]["prompt"].startswith("<script>")
    html = block.runtime.render(block, "student_view").content
    assert "<script>alert" not in html and "onerror" not in html
    assert "alert(3)" not in str(block.solution(block.questions[0], block.choice_tokens))


@pytest.mark.parametrize(
    ("xml", "words"),
    [
        (
            '<seminar_quiz><question id="q" type="single"><prompt>Hi <script>alert(1)</script>'
            "</prompt></question></seminar_quiz>",
            "<script> is not allowed here",
        ),
        ("<seminar_quiz>\n<html>x</html></seminar_quiz>", "line 2: <html> is not allowed"),
        (
            '<seminar_quiz><question id="q" type="single"><video/></question></seminar_quiz>',
            "<video> is not allowed",
        ),
        (
            '<seminar_quiz><question id="q" type="single"><prompt>p</prompt>'
            '<choice id="a" correct="yes">A</choice></question></seminar_quiz>',
            "correct='yes' must be true or false",
        ),
        ('<seminar_quiz max_attempts="lots"/>', "Maximum attempts"),
        ('<seminar_quiz shuffle="maybe"/>', "Shuffle must be true or false"),
        ('<seminar_quiz showanswer="sometimes"/>', "Show answer must be one of"),
        ('<seminar_quiz weight="-1"/>', "weight"),
        ('<seminar_quiz due="not a date"/>', "attribute due='not a date'"),
        (
            '<seminar_quiz>\n\n<question id="two-right" type="single"><prompt>p</prompt>'
            '<choice id="a" correct="true">A</choice><choice id="b" correct="true">B</choice>'
            "<explanation>e</explanation></question></seminar_quiz>",
            "line 3: Question 1 ('two-right'): mark exactly one choice correct",
        ),
        ("<seminar_quiz>stray</seminar_quiz>", "Add at least one question"),
    ],
)
def test_hostile_or_broken_olx_gets_a_clear_error(xml, words):
    with pytest.raises(QuizOlxError) as info:
        load(xml)
    assert words in str(info.value)


def test_unknown_attributes_are_ignored_not_fatal(caplog):
    block = load(quiz_olx().replace("<seminar_quiz ", '<seminar_quiz future_option="1" ', 1))
    assert block.display_name == "Marker quiz"
    assert "future_option" in caplog.text
