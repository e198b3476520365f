"""What each block's `parse_xml` checks first: OLX safe whatever parser a runtime uses.

The platform parses OLX with entities off, but another runtime's parser may resolve them:
an external entity then brings a server file (/etc/passwd) into a field, and nested
internal ones multiply text beyond any size limit. The node cannot tell what was resolved,
so a node whose document came with a DOCTYPE, or that holds an entity reference left
unresolved, is refused before anything is read from it. OLX needs neither: `&lt;`, `&amp;`
and character references are always plain text.
"""

import re

from lxml import etree


def unsafe_xml_problem(node):
    """Why an OLX node cannot be trusted, or None."""
    docinfo = node.getroottree().docinfo
    if docinfo.doctype or docinfo.internalDTD is not None or docinfo.externalDTD is not None:
        return "OLX with a DOCTYPE is refused: remove the <!DOCTYPE ...> and its entities."
    for item in node.iter(etree.Entity):
        return f"OLX with entity references is refused: replace &{item.name}; with its text."
    return None


def write_translations(node, translations, sources=None):
    """Each language's texts as OLX, in a stable order, every text exactly as stored, with
    the hash of the source texts it was made from where known (`sources`, {lang: hash}):

    <translation lang="fr" source-hash="…"><text path="body"><![CDATA[## ...]]></text>…
    """
    for language in sorted(translations or {}):
        element = etree.SubElement(node, "translation", lang=language)
        if (sources or {}).get(language):
            element.set("source-hash", sources[language])
        for path, text in sorted(translations[language].items()):
            item = etree.SubElement(element, "text", path=path)
            # CDATA keeps Markdown readable; it cannot hold "]]>", escaped text can.
            item.text = etree.CDATA(text) if text and "]]>" not in text else text


SOURCE_HASH = re.compile(r"[0-9a-f]{64}")


def read_translation(element, patterns, found, sources=None):
    """Add one <translation lang=".."> element's texts to `found` ({lang: {path: text}}) and
    its source-hash to `sources`; raise ValueError saying what is wrong (nothing is added
    then)."""
    from .translations import translation_problems

    where = f"line {element.sourceline}: <translation>"
    language = element.get("lang", "")
    if not {"lang"} <= set(element.attrib) <= {"lang", "source-hash"}:
        raise ValueError(f'{where} takes lang (e.g. lang="fr") and, optionally, source-hash')
    source_hash = element.get("source-hash")
    if source_hash is not None and not SOURCE_HASH.fullmatch(source_hash):
        raise ValueError(f"{where}: source-hash must be 64 lowercase hexadecimal digits")
    if language in found:
        raise ValueError(f'{where}: lang="{language}" is given twice')
    if (element.text or "").strip():
        raise ValueError(f'{where} holds text outside a <text path="..."> element')
    texts = {}
    for child in element:
        if not isinstance(child.tag, str):
            continue
        if child.tag != "text" or set(child.attrib) != {"path"} or len(child):
            raise ValueError(f'{where} may hold only <text path="...">plain text</text>')
        if (child.tail or "").strip():
            raise ValueError(f'{where} holds text outside a <text path="..."> element')
        if child.get("path") in texts:
            raise ValueError(f'{where}: path "{child.get("path")}" is given twice')
        texts[child.get("path")] = child.text or ""
    problems = translation_problems({language: texts}, patterns)
    if problems:
        raise ValueError(f"{where}: " + "; ".join(problems[:5]))
    found[language] = texts
    if source_hash and sources is not None:
        sources[language] = source_hash
