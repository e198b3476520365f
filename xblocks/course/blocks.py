"""Make the seminar's blocks from course-model field values, outside any LMS.

The emitters write OLX through each block's own `add_xml_to_node`, so the course build
and a Studio export always agree on the OLX.
"""

from lxml import etree
from xblock.core import XBlock
from xblock.field_data import DictFieldData
from xblock.fields import ScopeIds
from xblock.runtime import MemoryIdManager, NullI18nService, Runtime

from xblocks.common.translation_studio import source_hash


class BuildRuntime(Runtime):
    """A runtime that only holds field values: enough to serialise blocks to OLX."""

    def __init__(self):
        id_manager = MemoryIdManager()
        super().__init__(
            id_reader=id_manager,
            id_generator=id_manager,
            services={"field-data": DictFieldData({}), "i18n": NullI18nService()},
        )

    def handler_url(self, *args, **kwargs):
        raise NotImplementedError("blocks are not served while the course is built")

    def local_resource_url(self, block, uri):
        raise NotImplementedError("blocks are not served while the course is built")

    def resource_url(self, resource):
        raise NotImplementedError("blocks are not served while the course is built")

    def publish(self, block, event_type, event_data):
        raise NotImplementedError("blocks publish no events while the course is built")


def make_block(block_type, url_name, fields):
    runtime = BuildRuntime()
    block_class = XBlock.load_class(block_type)
    scope_ids = ScopeIds("build", block_type, url_name, url_name)
    block = runtime.construct_xblock_from_class(block_class, scope_ids)
    for name, value in fields.items():
        setattr(block, name, value)
    return block


def block_olx(block_type, url_name, fields, current_translations=()) -> etree._Element:
    """The block's OLX element, with its url_name. `current_translations`: the languages
    accepted for these very sources (`seminar accept-translations`), which Studio then
    shows as up to date, as if saved there (common/translation_studio.py)."""
    block = make_block(block_type, url_name, fields)
    if current_translations:
        made_from = source_hash(block.source_texts())
        block.translation_sources = {language: made_from for language in current_translations}
    node = etree.Element(block_type)
    block.add_xml_to_node(node)
    node.attrib.pop("xblock-family", None)
    node.set("url_name", url_name)
    return node
