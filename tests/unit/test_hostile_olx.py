"""Each block's parse_xml is safe under any runtime's parser.

The platform parses OLX with entities off, but a block cannot rely on that: under a parser
that resolves them, /etc/passwd reached a FAQ answer and a lecture body. A node whose
document came with a DOCTYPE, or that holds an entity reference, is refused.
"""

import pytest
from lxml import etree
from xblock.fields import ScopeIds

from tests.runtimes import UnitRuntime
from xblocks.faq.block import FaqBlock
from xblocks.lecture.block import LectureBlock
from xblocks.quiz.block import QuizBlock

PASSWD = "root:"  # the first line of /etc/passwd
DTD = '<!DOCTYPE r [<!ENTITY xxe SYSTEM "file:///etc/passwd"> <!ENTITY x "inner">]>\n'
OLX = {
    LectureBlock: "<seminar_lecture display_name='L'><body>{}</body></seminar_lecture>",
    FaqBlock: (
        "<seminar_faq><entry id='a' category='C'><question>Which file is it?</question>"
        "<answer>{}</answer></entry></seminar_faq>"
    ),
    QuizBlock: (
        "<seminar_quiz><question id='q' type='text'><prompt>Name it {}</prompt>"
        "<answer><alternative>x</alternative></answer><explanation>E</explanation>"
        "</question></seminar_quiz>"
    ),
}
PARSERS = {
    "resolving entities": etree.XMLParser(resolve_entities=True, load_dtd=True, no_network=True),
    "keeping entities": etree.XMLParser(resolve_entities=False),
    "lxml's default": etree.XMLParser(),
}


def parse_node(block_class, node):
    keys = ScopeIds("author", block_class.__name__.lower(), "def-1", "usage-1")
    return block_class.parse_xml(node, UnitRuntime(), keys)


def parse(block_class, xml, parser):
    return parse_node(block_class, etree.fromstring(xml.encode(), parser))


@pytest.mark.parametrize("parser", list(PARSERS), ids=str)
@pytest.mark.parametrize("block_class", list(OLX), ids=lambda cls: cls.__name__)
@pytest.mark.parametrize("reference", ["&xxe;", "&x;"])
def test_entities_and_doctypes_are_refused_whatever_the_parser(block_class, parser, reference):
    xml = DTD + OLX[block_class].format(reference)
    try:
        node = etree.fromstring(xml.encode(), PARSERS[parser])
    except etree.XMLSyntaxError:
        return  # this parser refuses the document itself
    with pytest.raises(ValueError, match=r"DOCTYPE|entit") as refused:
        parse_node(block_class, node)
    assert PASSWD not in str(refused.value)


@pytest.mark.parametrize("block_class", list(OLX), ids=lambda cls: cls.__name__)
def test_an_entity_reference_without_a_doctype_is_refused(block_class):
    # As a runtime's parser may leave one (lxml versions differ in what they keep).
    node = etree.fromstring(OLX[block_class].format("HERE"))
    (holder,) = [element for element in node.iter() if "HERE" in (element.text or "")]
    holder.text = holder.text.replace("HERE", "")
    holder.append(etree.Entity("xxe"))
    with pytest.raises(ValueError, match="entit"):
        parse_node(block_class, node)


@pytest.mark.parametrize("block_class", list(OLX), ids=lambda cls: cls.__name__)
def test_ordinary_olx_with_character_references_still_imports(block_class):
    block = parse(block_class, OLX[block_class].format("5 &lt; 6 &amp; &#231;a"), etree.XMLParser())
    text = {LectureBlock: lambda b: b.body, FaqBlock: lambda b: b.entries[0]["answer"]}.get(
        block_class, lambda b: b.questions[0]["prompt"]
    )(block)
    assert text.endswith("5 < 6 & ça")
