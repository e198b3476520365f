"""OLX of the FAQ block: readable `<entry>` children, exported and imported exactly.

    <seminar_faq display_name="Questions and answers">
      <entry id="what-is-a-pilot-zone" category="Policy" tags="pilot-zones sdg-8"
             related="what-is-the-ewtp">
        <question>What is a comprehensive pilot zone?</question>
        <answer>Markdown text, escaped as XML text.</answer>
      </entry>
    </seminar_faq>

Imported OLX is untrusted. Elements inside <question> are reduced to their text (scripts
and styles dropped); elements inside <answer> are kept as (raw HTML in) Markdown and
removed by the sanitiser when it is rendered, so a `<script>` never reaches a learner.
Escaped text (`&lt;b&gt;`) is text: it round-trips exactly and is escaped on output.
Unknown elements, missing parts, bad ids or tags and duplicate ids stop the import with
one error that lists them all.
"""

import textwrap

from lxml import etree
from xblock.fields import Scope

from xblocks.common.olx import read_translation, unsafe_xml_problem, write_translations
from xblocks.common.translations import TRANSLATABLE

from .entries import check_entries, split_words

ENTRY_ATTRIBUTES = ("id", "category", "tags", "related")
# Attributes the platform's OLX import and export add to every block.
PLATFORM_ATTRIBUTES = {"url_name", "xblock-family"}


class FaqOlxError(ValueError):
    """Everything wrong with a <seminar_faq> element, one problem a line."""

    def __init__(self, problems):
        self.problems = problems
        super().__init__("Invalid <seminar_faq> OLX:\n" + "\n".join(f"- {p}" for p in problems))


def read_entries(node, translations=None, sources=None):
    """The entries of a <seminar_faq> element; raise FaqOlxError listing every problem.
    Its <translation> elements go into `translations` ({lang: {path: text}})."""
    problems, raw_entries = [], []
    if (node.text or "").strip():
        problems.append(_at(node, "text outside <entry> elements; put it inside an <answer>"))
    for child in node:
        if not isinstance(child.tag, str):  # comments and processing instructions
            continue
        if (child.tail or "").strip():
            problems.append(_at(child, "text outside <entry> elements; put it inside an <answer>"))
        if child.tag == "translation" and translations is not None:
            try:
                read_translation(child, TRANSLATABLE["seminar_faq"], translations, sources)
            except ValueError as exc:
                problems.append(str(exc))
            continue
        if etree.QName(child).localname != "entry":
            problems.append(
                _at(
                    child,
                    f"unknown element <{etree.QName(child).localname}>: "
                    "only <entry> elements may be inside <seminar_faq>",
                )
            )
            continue
        raw_entries.append(_read_entry(child, problems))
    entries, errors = check_entries(raw_entries)
    for index, field, message in errors:
        label = f"entry {index + 1}" if index is not None else "entries"
        entry_id = raw_entries[index].get("id") if index is not None else ""
        problems.append(f"{label}{f' ({entry_id})' if entry_id else ''}, {field}: {message}")
    if problems:
        raise FaqOlxError(problems)
    return entries


def _read_entry(element, problems):
    for name in element.attrib:
        if name not in ENTRY_ATTRIBUTES:
            problems.append(
                _at(
                    element,
                    f"unknown attribute '{name}' on <entry> "
                    f"(allowed: {', '.join(ENTRY_ATTRIBUTES)})",
                )
            )
    parts = {}
    for child in element:
        if not isinstance(child.tag, str):
            continue
        name = etree.QName(child).localname
        if name not in ("question", "answer"):
            problems.append(
                _at(child, f"unknown element <{name}> in <entry>: use <question> and <answer>")
            )
        elif name in parts:
            problems.append(_at(child, f"<entry> has more than one <{name}>"))
        else:
            parts[name] = _inner_text(child) if name == "answer" else _text_only(child)
    for name in ("question", "answer"):
        if name not in parts:
            problems.append(_at(element, f'<entry id="{element.get("id", "")}"> has no <{name}>'))
    return {
        "id": element.get("id", ""),
        "question": parts.get("question", ""),
        "answer": parts.get("answer", ""),
        "category": element.get("category", ""),
        "tags": split_words(element.get("tags", "")),
        "related": split_words(element.get("related", "")),
    }


def _inner_text(element):
    """Text of an element with any markup inside kept as text (sanitised at render)."""
    text = (element.text or "") + "".join(
        etree.tostring(child, encoding="unicode", with_tail=True) for child in element
    )
    # Hand-written OLX indents element content; exported answers never start with "\n".
    if text.startswith(("\n", "\r")):
        text = textwrap.dedent(text)
    return text


def _text_only(element):
    """The text of an element; markup inside is dropped, with the content of scripts."""
    for unsafe in element.xpath(".//*[local-name()='script' or local-name()='style']"):
        unsafe.text = None
        for child in list(unsafe):
            unsafe.remove(child)
    return "".join(element.itertext())


def _at(element, message):
    line = getattr(element, "sourceline", None)
    return f"line {line}: {message}" if line else message


def write_entries(node, entries):
    """Append one <entry> per entry to `node`."""
    for entry in entries:
        element = etree.SubElement(node, "entry", id=entry["id"])
        element.set("category", entry["category"])
        if entry.get("tags"):
            element.set("tags", " ".join(entry["tags"]))
        if entry.get("related"):
            element.set("related", " ".join(entry["related"]))
        etree.SubElement(element, "question").text = entry["question"]
        etree.SubElement(element, "answer").text = entry["answer"]


class FaqOlxMixin:
    """parse_xml / add_xml_to_node for the FAQ block."""

    @classmethod
    def parse_xml(cls, node, runtime, keys):
        if problem := unsafe_xml_problem(node):
            raise FaqOlxError([problem])
        block = runtime.construct_xblock_from_class(cls, keys)
        translations, sources = {}, {}
        block.entries = read_entries(node, translations, sources)
        if translations:
            block.translations = translations
        if sources:
            block.translation_sources = sources
        for name, value in node.items():
            if name in PLATFORM_ATTRIBUTES:
                continue
            field = cls.fields.get(name)
            if field is None or field.scope != Scope.settings:
                cls._set_field_if_present(block, name, value, {})  # logs unknown attributes
                continue
            problem = block.settings_attribute_problem(name, value)
            if problem:
                raise FaqOlxError([_at(node, problem)])
            setattr(block, name, field.from_string(value))
        return block

    def settings_attribute_problem(self, name, value):
        """A message when an OLX attribute value is not acceptable, else None."""
        values = getattr(self.fields[name], "values", None)
        if values and value not in [choice["value"] for choice in values]:
            allowed = ", ".join(choice["value"] for choice in values)
            return f'{name}="{value}" is not valid: use one of {allowed}'
        return None

    def add_xml_to_node(self, node):
        node.tag = self.xml_element_name()
        node.set("xblock-family", self.entry_point)
        for name, field in self.fields.items():
            if field.scope == Scope.settings and (field.is_set_on(self) or field.force_export):
                self._add_field(node, name, field)
        write_entries(node, self.entries)
        write_translations(node, self.translations, self.translation_sources)
