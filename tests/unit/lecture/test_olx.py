"""OLX export and import: the documented shape, exact round trips, clear errors for bad OLX."""

import pytest
from lxml import etree
from xblock.fields import Boolean, Scope, ScopeIds

from tests.runtimes import UnitRuntime
from xblocks.lecture.block import LectureBlock
from xblocks.lecture.olx import LectureOlxError
from xblocks.lecture.validation import EDITABLE_FIELDS

from .conftest import FULL, lecture

HAND_WRITTEN = """
<seminar_lecture display_name="The ecosystem" sdgs="8 9 17" video_url="https://media.example.org/l.mp4"
                 video_youtube_id="aBcDeFgHiJk" url_name="d1-l1">
  <!-- authors may comment -->
  <speaker name="Seminar course team" role="Module authors" organisation="seminar-xblocks"/>
  <objective>
    Name the parts of the ecosystem.
  </objective>
  <takeaway>Platforms, payment, parcels, customs.</takeaway>
  <handout title="Slides (PDF)" url="/static/slides.pdf"/>
  <transcript>Plain transcript &amp; more.</transcript>
  <body><![CDATA[## First

Text with <b>bold</b> & a [link](https://www.un.org).]]></body>
</seminar_lecture>
"""


def export(block):
    node = etree.Element("seminar_lecture")
    block.add_xml_to_node(node)
    return etree.tostring(node, pretty_print=True, encoding="unicode")


def parse(xml):
    runtime = UnitRuntime()
    keys = ScopeIds("student_1", "seminar_lecture", "def-1", "usage-1")
    return LectureBlock.parse_xml(etree.fromstring(xml), runtime, keys)


def values(block):
    return {name: getattr(block, name) for name in EDITABLE_FIELDS}


def test_export_has_the_documented_shape(full_lecture):
    node = etree.fromstring(export(full_lecture))
    assert node.get("display_name") == "Getting paid across borders"
    assert node.get("sdgs") == "8 9 17"
    assert node.get("video_youtube_id") == "aBcDeFgHiJk"
    assert node.get("video_url") is None  # empty values are left out
    assert [child.tag for child in node] == [
        "speaker", "speaker", "objective", "objective", "takeaway",
        "handout", "handout", "transcript", "body",
    ]  # fmt: skip
    assert dict(node[0].attrib) == FULL["speakers"][0]
    assert dict(node[5].attrib) == FULL["handouts"][0]


def test_body_is_written_as_cdata_for_hand_editing(full_lecture):
    xml = export(full_lecture)
    assert "<body><![CDATA[## Why payment is harder" in xml
    assert "<transcript><![CDATA[The buyer pays" in xml


def test_round_trip_is_exact(full_lecture):
    assert values(parse(export(full_lecture))) == values(full_lecture)


@pytest.mark.parametrize(
    "body",
    [
        "Code: `x ]]> y` and <b>raw</b> & entities &amp; kept",
        "]]>",
        "a]]>b]]>c",
        "  leading and trailing spaces and newlines \n\n",
        "Unicode: 跨境电商 — التجارة الإلكترونية — \u200f RTL mark",
        "Quotes \" and ' and <![CDATA[ nested ]]> text",
    ],
)
def test_body_round_trips_exactly_even_with_cdata_end(body):
    block = lecture(**{**FULL, "body": body, "transcript": body})
    parsed = parse(export(block))
    assert parsed.body == body
    assert parsed.transcript == body


def test_attributes_with_quotes_newlines_and_markup_round_trip():
    block = lecture(
        display_name='He said "yes" & <left>',
        speakers=[{"name": 'A "B" <C>', "role": "x\ny", "organisation": "O&O"}],
        handouts=[{"title": "T <b>", "url": "https://example.org/a?b=1&c=2"}],
    )
    assert values(parse(export(block))) == values(block)


def test_empty_lecture_round_trips():
    block = lecture()
    assert export(block).strip() == '<lectureblock xblock-family="xblock.v1"/>'
    assert values(parse(export(block))) == values(block)


def test_hand_written_olx_is_read():
    block = parse(HAND_WRITTEN)
    assert block.display_name == "The ecosystem"
    assert block.sdgs == [8, 9, 17]
    assert block.objectives == ["Name the parts of the ecosystem."]  # trimmed
    assert block.transcript == "Plain transcript & more."
    assert block.body.startswith("## First\n\nText with <b>bold</b> & a [link]")
    assert block.handouts == [{"title": "Slides (PDF)", "url": "/static/slides.pdf"}]


def test_script_in_olx_text_is_kept_as_text_and_rendered_inert():
    block = parse(
        "<seminar_lecture><objective>&lt;script&gt;alert(1)&lt;/script&gt;</objective>"
        "<body><![CDATA[<script>alert(2)</script>\n\n<img src=x onerror=alert(3)>]]></body>"
        "</seminar_lecture>"
    )
    assert block.body.startswith("<script>alert(2)</script>")
    content = block.student_view().content
    assert "<script>alert" not in content and "onerror" not in content
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in content


@pytest.mark.parametrize(
    ("xml", "message"),
    [
        ("<seminar_lecture><script>alert(1)</script></seminar_lecture>", "cannot contain <script>"),
        ("<seminar_lecture><video src='x'/></seminar_lecture>", "cannot contain <video>"),
        ('<seminar_lecture sdgs="8 x"/>', "list SDG numbers from 1 to 17"),
        ('<seminar_lecture sdgs="0 18"/>', "SDGs are numbered from 1 to 17"),
        ('<seminar_lecture video_url="javascript:alert(1)"/>', "must start with https://"),
        ('<seminar_lecture video_url="http://example.org/v.mp4"/>', "must start with https://"),
        ('<seminar_lecture video_youtube_id="x onload=y"/>', "11-character YouTube video id"),
        ("<seminar_lecture><speaker role='r'/></seminar_lecture>", "Speaker 1 needs a name"),
        (
            "<seminar_lecture><speaker name='a' onclick='x'/></seminar_lecture>",
            "unknown attributes",
        ),
        (
            "<seminar_lecture><handout title='t' url='javascript:alert(1)'/></seminar_lecture>",
            "Handout 1: the address must start with https://",
        ),
        (
            "<seminar_lecture><handout title='t' url='/static/../secret'/></seminar_lecture>",
            "Handout 1",
        ),
        ("<seminar_lecture><body>a<p>b</p></body></seminar_lecture>", "must hold only text"),
        ("<seminar_lecture><body>a</body><body>b</body></seminar_lecture>", "more than one <body>"),
        ("<seminar_lecture>## Markdown here</seminar_lecture>", "put the Markdown in <body>"),
        ("<seminar_lecture><body>a</body>stray</seminar_lecture>", "outside any element"),
    ],
)
def test_bad_olx_is_a_clear_error(xml, message):
    with pytest.raises(LectureOlxError, match=message.replace("(", r"\(")):
        parse(xml)


def test_unknown_attributes_are_ignored_with_a_warning(caplog):
    block = parse('<seminar_lecture display_name="x" colour="red"/>')
    assert block.display_name == "x"
    assert "colour" in caplog.text


def test_control_characters_are_dropped_on_import():
    block = parse("<seminar_lecture><body>a&#9;b\nc</body></seminar_lecture>")
    assert block.body == "a\tb\nc"


class LmsLecture(LectureBlock):
    """A lecture with a field the LMS mixes into every block (an inherited setting)."""

    visible_to_staff_only = Boolean(scope=Scope.settings, default=False)


def test_other_authored_fields_round_trip_as_attributes():
    runtime = UnitRuntime()
    keys = ScopeIds("student_1", "seminar_lecture", "def-1", "usage-1")
    block = runtime.construct_xblock_from_class(LmsLecture, keys)
    block.visible_to_staff_only = True
    block.completed = True  # learner state is never exported
    node = etree.Element("seminar_lecture")
    block.add_xml_to_node(node)
    assert node.get("visible_to_staff_only") == "true"
    assert node.get("completed") is None
    parsed = LmsLecture.parse_xml(etree.fromstring(etree.tostring(node)), runtime, keys)
    assert parsed.visible_to_staff_only is True


def test_a_bad_value_for_another_field_is_a_clear_error():
    runtime = UnitRuntime()
    keys = ScopeIds("student_1", "seminar_lecture", "def-1", "usage-1")
    node = etree.fromstring('<seminar_lecture visible_to_staff_only="{not json"/>')
    with pytest.raises(LectureOlxError, match="visible_to_staff_only"):
        LmsLecture.parse_xml(node, runtime, keys)


def test_export_skips_entries_that_are_not_records():
    block = lecture(speakers=["not a speaker", {"name": "A", "role": "", "organisation": ""}])
    node = etree.fromstring(export(block))
    assert [dict(child.attrib) for child in node] == [{"name": "A", "role": "", "organisation": ""}]


def test_olx_alone_defines_the_lecture_even_over_stored_values():
    # A runtime may hand parse_xml storage that already holds values (the workbench reuses
    # ids across runs): whatever the OLX leaves out must come back to its default.
    runtime = UnitRuntime()
    keys = ScopeIds("student_1", "seminar_lecture", "def-1", "usage-1")
    old = LectureBlock.parse_xml(etree.fromstring(export(lecture(**FULL))), runtime, keys)
    old.save()
    fresh = LectureBlock.parse_xml(
        etree.fromstring('<seminar_lecture display_name="New"/>'), runtime, keys
    )
    assert values(fresh) == {**values(lecture()), "display_name": "New"}
