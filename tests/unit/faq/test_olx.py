"""OLX: readable <entry> children, exact round-trip, and hostile OLX handled."""

import pytest
from lxml import etree
from xblock.fields import ScopeIds

from tests.runtimes import UnitRuntime
from tests.unit.faq.helpers import course_entries, faq
from xblocks.faq.block import FaqBlock
from xblocks.faq.olx import FaqOlxError


def export(block):
    node = etree.Element("seminar_faq")
    block.add_xml_to_node(node)
    return node


def parse(xml):
    node = etree.fromstring(xml) if isinstance(xml, str | bytes) else xml
    keys = ScopeIds("student_1", "seminar_faq", "def-faq", "usage-faq")
    return FaqBlock.parse_xml(node, UnitRuntime(), keys)


def fields(block):
    return {name: getattr(block, name) for name in ("display_name", "search_mode", "entries")}


def test_export_is_readable():
    block = faq(display_name="Questions")
    text = etree.tostring(export(block), encoding="unicode")
    assert text.startswith('<seminar_faq xblock-family="xblock.v1" display_name="Questions">')
    assert (
        '<entry id="what-is-escrow" category="Payment and logistics" tags="escrow payment trust"'
        ' related="how-do-payments-work"><question>What is escrow, and why does it build trust?'
        "</question><answer>A trusted third party" in text
    )


@pytest.mark.parametrize("entries", [None, course_entries()], ids=["demo", "seminar"])
def test_round_trip_is_exact(entries):
    block = faq(entries, display_name="FAQ", search_mode="server")
    xml = etree.tostring(export(block))
    again = parse(xml)
    assert fields(again) == fields(block)
    assert etree.tostring(export(again)) == xml


def test_defaults_are_not_exported():
    node = export(faq())
    assert node.get("search_mode") is None
    assert parse(etree.tostring(node)).search_mode == "auto"


def test_course_build_writes_the_same_olx():
    from xblocks.course.blocks import block_olx

    entries = course_entries()
    node = block_olx("seminar_faq", "faq", {"display_name": "FAQ", "entries": entries})
    assert node.get("url_name") == "faq"
    assert parse(etree.tostring(node)).entries == entries


def test_script_in_an_answer_never_reaches_learners():
    block = parse(
        '<seminar_faq><entry id="x" category="C"><question>Q<script>alert(1)</script>?</question>'
        '<answer>Hi <script>alert("answer")</script><img src="x" onerror="alert(2)"/>'
        "[link](javascript:alert(3))</answer></entry></seminar_faq>"
    )
    assert block.entries[0]["question"] == "Q?"
    html = block.student_view().content
    assert "alert" not in html.split("<script type=")[0]
    assert "onerror" not in html and "javascript:" not in html


def test_escaped_markup_round_trips_as_text():
    block = faq(
        [
            {
                "id": "x",
                "question": "Is <b> a tag & more?",
                "answer": "Use `<br>` & *stars*",
                "category": "C",
                "tags": [],
                "related": [],
            }
        ]
    )
    xml = etree.tostring(export(block))
    assert b"&lt;b&gt;" in xml
    assert parse(xml).entries == block.entries


def test_hand_written_indented_olx_is_dedented():
    block = parse(
        """<seminar_faq>
          <entry id="x" category="C">
            <question>
              Q?
            </question>
            <answer>
              First paragraph.

              - a list
            </answer>
          </entry>
        </seminar_faq>"""
    )
    assert block.entries[0]["question"] == "Q?"
    assert block.entries[0]["answer"] == "First paragraph.\n\n- a list"


@pytest.mark.parametrize(
    ("xml", "problem"),
    [
        (
            '<seminar_faq><entry id="a" category="C"><question>Q</question><answer>A</answer>'
            '</entry><entry id="a" category="C"><question>R</question><answer>B</answer></entry>'
            "</seminar_faq>",
            "The id 'a' is also used by entry 1",
        ),
        ("<seminar_faq><html>x</html></seminar_faq>", "unknown element <html>"),
        (
            '<seminar_faq><entry id="a" category="C" onclick="x"><question>Q</question>'
            "<answer>A</answer></entry></seminar_faq>",
            "unknown attribute 'onclick'",
        ),
        (
            '<seminar_faq><entry id="a" category="C"><question>Q</question></entry></seminar_faq>',
            "has no <answer>",
        ),
        (
            '<seminar_faq><entry id="a" category="C" tags="Bad!"><question>Q</question>'
            "<answer>A</answer></entry></seminar_faq>",
            "The tag 'Bad!' is not valid",
        ),
        (
            '<seminar_faq><entry id="a" category="C" related="b"><question>Q</question>'
            "<answer>A</answer></entry></seminar_faq>",
            "The related id 'b' matches no entry",
        ),
        ("<seminar_faq>stray text</seminar_faq>", "text outside <entry> elements"),
        ('<seminar_faq search_mode="fast"/>', 'search_mode="fast" is not valid'),
        (
            '<seminar_faq><entry id="a" category="C"><question>Q</question><answer>A</answer>'
            "<answer>B</answer></entry></seminar_faq>",
            "more than one <answer>",
        ),
    ],
)
def test_hostile_or_broken_olx_is_refused_with_a_clear_error(xml, problem):
    with pytest.raises(FaqOlxError) as caught:
        parse(xml)
    assert problem in str(caught.value)


def test_every_problem_is_listed_with_its_line():
    with pytest.raises(FaqOlxError) as caught:
        parse("<seminar_faq>\n<bad/>\n<entry id='A'><question>Q</question></entry>\n</seminar_faq>")
    message = str(caught.value)
    assert "line 2: unknown element <bad>" in message
    assert 'line 3: <entry id="A"> has no <answer>' in message
    assert "entry 1 (A), id:" in message


def test_platform_attributes_are_accepted():
    block = parse('<seminar_faq url_name="faq" xblock-family="xblock.v1" display_name="F"/>')
    assert block.display_name == "F" and block.entries == []
