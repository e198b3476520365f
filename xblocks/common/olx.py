"""What each block's `parse_xml` checks first: OLX safe whatever parser a runtime uses.

The platform parses OLX with entities off, but another runtime's parser may resolve them:
an external entity then brings a server file (/etc/passwd) into a field, and nested
internal ones multiply text beyond any size limit. The node cannot tell what was resolved,
so a node whose document came with a DOCTYPE, or that holds an entity reference left
unresolved, is refused before anything is read from it. OLX needs neither: `&lt;`, `&amp;`
and character references are always plain text.
"""

from lxml import etree


def unsafe_xml_problem(node):
    """Why an OLX node cannot be trusted, or None."""
    docinfo = node.getroottree().docinfo
    if docinfo.doctype or docinfo.internalDTD is not None or docinfo.externalDTD is not None:
        return "OLX with a DOCTYPE is refused: remove the <!DOCTYPE ...> and its entities."
    for item in node.iter(etree.Entity):
        return f"OLX with entity references is refused: replace &{item.name}; with its text."
    return None
