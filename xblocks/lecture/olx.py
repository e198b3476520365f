"""The lecture's OLX: metadata as attributes and child elements, the Markdown as text.

    <seminar_lecture display_name="..." sdgs="8 9 17" video_url="https://..."
                     video_youtube_id="...">
      <speaker name="..." role="..." organisation="..."/>
      <objective>...</objective>
      <takeaway>...</takeaway>
      <handout title="..." url="/static/slides.pdf"/>
      <transcript><![CDATA[...]]></transcript>
      <body><![CDATA[## Markdown ...]]></body>
    </seminar_lecture>

Body and transcript are kept exactly as written (in CDATA unless they contain "]]>", then
as escaped text); objectives and takeaways are trimmed. Other authored fields (the LMS's
inherited settings such as `visible_to_staff_only`) are attributes, as XBlock writes them.
"""

import logging

import yaml
from lxml import etree
from xblock.core import XML_NAMESPACES
from xblock.fields import Scope

from xblocks.common.olx import read_translation, unsafe_xml_problem, write_translations
from xblocks.common.translations import TRANSLATABLE

from .validation import clean_values

log = logging.getLogger(__name__)

ATTRIBUTE_FIELDS = ("display_name", "video_url", "video_youtube_id")
OWN_FIELDS = {
    "display_name",
    "body",
    "speakers",
    "objectives",
    "sdgs",
    "takeaways",
    "video_url",
    "video_youtube_id",
    "transcript",
    "handouts",
    "translations",
    "translation_sources",
}
# Attributes a runtime puts on any block's element; they are not field values.
RUNTIME_ATTRIBUTES = {"url_name", "xblock-family"}
AUTHORED_SCOPES = (Scope.content, Scope.settings)


class LectureOlxError(ValueError):
    """The OLX cannot be imported as a lecture; the message says what to fix."""


def write_lecture(block, node):
    """Write the block's authored fields onto `node` (an lxml element)."""
    if block.display_name:
        node.set("display_name", block.display_name)
    if block.sdgs:
        node.set("sdgs", " ".join(str(number) for number in block.sdgs))
    for name in ("video_url", "video_youtube_id"):
        if getattr(block, name):
            node.set(name, getattr(block, name))
    for name, field in block.fields.items():
        if name in OWN_FIELDS or field.scope not in AUTHORED_SCOPES:
            continue
        if field.is_set_on(block) or field.force_export:
            block._add_field(node, name, field)  # XBlock's own attribute serialisation
    for speaker in _records(block.speakers):
        etree.SubElement(node, "speaker", {key: speaker.get(key, "") for key in _SPEAKER})
    for tag, items in (("objective", block.objectives), ("takeaway", block.takeaways)):
        for item in items:
            etree.SubElement(node, tag).text = item
    for handout in _records(block.handouts):
        etree.SubElement(node, "handout", {key: handout.get(key, "") for key in _HANDOUT})
    if block.transcript:
        _set_text(etree.SubElement(node, "transcript"), block.transcript)
    if block.body:
        _set_text(etree.SubElement(node, "body"), block.body)
    write_translations(node, block.translations, block.translation_sources)


def _records(items):
    # Values set in code (not through the editor or OLX) may hold anything: export only entries.
    return [item for item in items if isinstance(item, dict)]


_SPEAKER = ("name", "role", "organisation")
_HANDOUT = ("title", "url")


def _set_text(element, text):
    # CDATA keeps Markdown readable for hand-editing; it cannot hold "]]>", escaped text can.
    element.text = etree.CDATA(text) if "]]>" not in text else text


def read_lecture(node, block_fields, gettext=str):
    """Field values from a lecture element: ({own field: value}, {other field: string})."""
    if problem := unsafe_xml_problem(node):
        raise LectureOlxError(f"<seminar_lecture>: {problem}")
    raw, others = {}, {}
    for name, value in node.attrib.items():
        if name == "sdgs":
            raw["sdgs"] = _sdg_numbers(value)
        elif name in ATTRIBUTE_FIELDS:
            raw[name] = value
        elif name in RUNTIME_ATTRIBUTES:
            continue
        elif name in block_fields and block_fields[name].scope in AUTHORED_SCOPES:
            others[name] = value
        else:
            log.warning("seminar_lecture: ignoring the unknown attribute %r", name)
    if (node.text or "").strip():
        raise LectureOlxError(
            "<seminar_lecture> holds text outside an element: put the Markdown in <body>."
        )
    translations, sources = {}, {}
    for child in node:
        if isinstance(child.tag, str) and child.tag == "translation":
            try:
                read_translation(child, TRANSLATABLE["seminar_lecture"], translations, sources)
            except ValueError as exc:
                raise LectureOlxError(f"<seminar_lecture>: {exc}") from None
            continue
        _read_child(child, raw, others, block_fields)
    values, errors = clean_values(raw, gettext)
    if errors:
        problems = "; ".join(f"{name}: {message}" for name, message in sorted(errors.items()))
        raise LectureOlxError(f"<seminar_lecture> has invalid values: {problems}")
    if translations:
        values["translations"] = translations
    if sources:
        values["translation_sources"] = sources
    return values, others


def _read_child(child, raw, others, block_fields):
    if not isinstance(child.tag, str):  # comments and processing instructions
        return
    if (child.tail or "").strip():
        raise LectureOlxError(
            f"text after <{child.tag}> is outside any element: put the Markdown in <body>."
        )
    qname = etree.QName(child)
    if qname.namespace == XML_NAMESPACES["option"] and qname.localname in block_fields:
        others[qname.localname] = child.text or ""
        return
    tag = qname.localname if qname.namespace is None else child.tag
    if tag == "speaker":
        raw.setdefault("speakers", []).append(_record(child, _SPEAKER))
    elif tag == "handout":
        raw.setdefault("handouts", []).append(_record(child, _HANDOUT))
    elif tag in ("objective", "takeaway"):
        raw.setdefault(tag + "s", []).append(_text_only(child))
    elif tag in ("body", "transcript"):
        if tag in raw:
            raise LectureOlxError(f"<seminar_lecture> has more than one <{tag}>.")
        raw[tag] = _text_only(child)
    else:
        raise LectureOlxError(
            f"<seminar_lecture> cannot contain <{tag}>: use speaker, objective, takeaway, "
            "handout, transcript or body."
        )


def _record(child, keys):
    unknown = sorted(set(child.attrib) - set(keys))
    if unknown:
        raise LectureOlxError(
            f"<{child.tag}> has unknown attributes {', '.join(unknown)}; "
            f"it takes {', '.join(keys)}."
        )
    return {key: child.get(key, "") for key in keys}


def _text_only(child):
    if len(child):
        raise LectureOlxError(
            f"<{child.tag}> must hold only text, not elements: wrap Markdown that contains "
            "< or & in <![CDATA[ ... ]]>."
        )
    return child.text or ""


def _sdg_numbers(value):
    numbers = []
    for word in value.replace(",", " ").split():
        if not word.isdigit():
            raise LectureOlxError(
                f"sdgs={value!r}: list SDG numbers from 1 to 17 separated by spaces, e.g. '8 9 17'."
            )
        numbers.append(int(word))
    return numbers


def apply_other_fields(block, others):
    """Set the non-lecture fields (e.g. the LMS's inherited settings) read from OLX."""
    for name, text in others.items():
        field = block.fields[name]
        try:
            setattr(block, name, field.from_string(text))
        except (TypeError, ValueError, yaml.YAMLError) as exc:  # from_string parses YAML
            raise LectureOlxError(f"{name}={text!r} is not a valid value: {exc}") from exc
