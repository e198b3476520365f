"""Translations in OLX: every language serialised, round-tripping exactly; broken or hostile
translation OLX is refused with a message saying what is wrong."""

import pytest
from lxml import etree

from tests.unit.quiz.data import quiz_fields
from tests.unit.test_content_translations import ENTRIES, LECTURE, translated
from tests.unit.test_hostile_olx import PARSERS, parse, parse_node
from xblocks.faq.block import FaqBlock
from xblocks.lecture.block import LectureBlock
from xblocks.quiz.block import QuizBlock

BLOCKS = {
    LectureBlock: LECTURE,
    QuizBlock: quiz_fields(),
    FaqBlock: {"entries": ENTRIES},
}


def export(block):
    node = etree.Element("block")
    block.add_xml_to_node(node)
    node.tag = "block"  # one name for every type, so the tests can edit the text
    return etree.tostring(node, encoding="unicode")


@pytest.mark.parametrize("block_class", list(BLOCKS), ids=lambda cls: cls.__name__)
def test_every_translation_round_trips_exactly(block_class):
    block = translated(block_class, BLOCKS[block_class], "fr", "ar")
    path = next(iter(block.translations["fr"]))
    block.translations["fr"][path] = "Texte avec ]]> et <b>balises</b> & co"
    first = export(block)
    assert first.count("<translation ") == 2 and 'lang="ar"' in first
    again = parse_node(block_class, etree.fromstring(first))
    assert again.translations == block.translations
    assert export(again) == first


@pytest.mark.parametrize("block_class", list(BLOCKS), ids=lambda cls: cls.__name__)
def test_what_a_translation_was_made_from_survives_export_and_import(block_class):
    """Studio records the source texts' hash on each save: an export and a reimport keep
    it, so the editor still tells an up-to-date translation from an outdated one."""
    block = translated(block_class, BLOCKS[block_class], "fr", "ar")
    block.translation_sources = {"fr": "ab" * 32}
    olx = export(block)
    assert olx.count("source-hash=") == 1
    again = parse_node(block_class, etree.fromstring(olx))
    assert again.translation_sources == {"fr": "ab" * 32}
    assert export(again) == olx


@pytest.mark.parametrize(
    ("translation", "said"),
    [
        ('<translation lang="fr"><text path="nowhere">x</text></translation>', "names no"),
        ('<translation lang="f r"><text path="display_name">x</text></translation>', "language"),
        (
            '<translation lang="fr"><text path="display_name"><b>x</b></text></translation>',
            "only <text",
        ),
        ('<translation lang="fr"/><translation lang="fr"/>', "twice"),
        ('<translation lang="fr" dir="rtl"/>', "optionally, source-hash"),
        ('<translation lang="fr" source-hash="x"/>', "64 lowercase"),
        ('<translation lang="fr">loose</translation>', "outside"),
    ],
)
@pytest.mark.parametrize("block_class", list(BLOCKS), ids=lambda cls: cls.__name__)
def test_broken_translation_olx_is_refused_with_what_is_wrong(block_class, translation, said):
    olx = export(make_plain(block_class))
    broken = olx.replace("</block>", translation + "</block>")
    with pytest.raises(ValueError, match=said):
        parse(block_class, broken, PARSERS["lxml's default"])


@pytest.mark.parametrize("block_class", list(BLOCKS), ids=lambda cls: cls.__name__)
def test_an_entity_in_a_translation_is_refused(block_class):
    olx = export(make_plain(block_class)).replace(
        "</block>",
        '<translation lang="fr"><text path="display_name">&x;</text></translation></block>',
    )
    dtd = '<!DOCTYPE block [<!ENTITY x "inner">]>\n'
    with pytest.raises(ValueError, match=r"DOCTYPE|entity"):
        parse(block_class, dtd + olx, PARSERS["keeping entities"])


def make_plain(block_class):
    return translated(block_class, BLOCKS[block_class])
