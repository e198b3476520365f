"""Markdown to HTML that is safe to show to learners.

Author text and imported OLX are untrusted: Markdown lets raw HTML through, so every
rendering is sanitised with allow-lists of tags, attributes and URL schemes. Rendering is
cached by text, so an unchanged body is not parsed again on every view.
"""

import html
import re
from functools import lru_cache

import markdown as md
import nh3

ALLOWED_TAGS = {
    "a",
    "abbr",
    "b",
    "blockquote",
    "br",
    "caption",
    "code",
    "dd",
    "del",
    "details",
    "div",
    "dl",
    "dt",
    "em",
    "figcaption",
    "figure",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "i",
    "img",
    "kbd",
    "li",
    "mark",
    "ol",
    "p",
    "pre",
    "q",
    "s",
    "section",
    "small",
    "span",
    "strong",
    "sub",
    "summary",
    "sup",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "tr",
    "ul",
}
ALLOWED_ATTRIBUTES = {
    "*": {"id", "lang", "dir", "title"},
    "a": {"href"},
    "img": {"src", "alt", "width", "height"},
    "td": {"colspan", "rowspan", "align"},
    "th": {"colspan", "rowspan", "align", "scope"},
    "ol": {"start"},
}
# Classes the Markdown extensions emit (footnotes, table of contents, code highlighting).
ALLOWED_CLASSES = {
    "div": {"footnote", "toc"},
    "a": {"footnote-ref", "footnote-backref", "toclink"},
    "sup": {"footnote-ref"},
    "code": {"language-*"},
}
# Relative URLs (/static/..., #anchors) stay allowed: nh3 only checks URLs with a scheme.
URL_SCHEMES = {"https", "http", "mailto"}
EXTENSIONS = ["tables", "footnotes", "fenced_code", "sane_lists", "toc", "attr_list"]
EXTENSION_CONFIGS = {
    "toc": {"permalink": False, "toc_depth": "2-3"},
    # align= is allow-listed; the default style= would be dropped by the sanitiser.
    "tables": {"use_align_attribute": True},
}
# Every id an author's text creates gets this prefix (and so do #links to it): an element
# id becomes a window property in browsers, and `id="gettext"` would shadow a global.
ID_PREFIX = "md-"


# nh3 drops a src whose scheme is not allowed but keeps the <img>: an image of nothing that
# a screen reader announces. nh3 writes every attribute quoted, so a ">" ends the tag.
IMG_WITHOUT_SRC = re.compile(r"<img\b(?![^>]*\ssrc=)[^>]*>")


def sanitize_html(html: str) -> str:
    """Keep only allow-listed markup; scripts, styles and event handlers are dropped."""
    return IMG_WITHOUT_SRC.sub("", _clean(html))


def _clean(html):
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=_attributes_with_classes(),
        url_schemes=URL_SCHEMES,
        attribute_filter=_filter_attribute,
        link_rel="noopener noreferrer nofollow",
        set_tag_attribute_values={"img": {"loading": "lazy", "decoding": "async"}},
    )


def _filter_attribute(tag, attribute, value):
    # Classes are filtered here, not by nh3's allowed_classes: Teak pins nh3 0.2.21,
    # which predates that option.
    if attribute == "class":
        kept = [name for name in value.split() if name in _expand_classes().get(tag, ())]
        return " ".join(kept) or None
    if attribute == "id":
        return ID_PREFIX + value
    if attribute == "href" and value.startswith("#") and len(value) > 1:
        return "#" + ID_PREFIX + value[1:]
    if tag == "img" and attribute == "src" and value.lower().startswith(("http:", "//")):
        return None  # images over https or from the course only: no mixed content
    return value


@lru_cache(maxsize=1)
def _attributes_with_classes():
    attributes = {tag: set(names) for tag, names in ALLOWED_ATTRIBUTES.items()}
    for tag in ALLOWED_CLASSES:
        attributes.setdefault(tag, set()).add("class")
    return attributes


@lru_cache(maxsize=1)
def _expand_classes():
    # nh3 matches class names exactly; fenced code's language-* classes are listed here.
    languages = ("python", "json", "text", "bash", "html", "xml", "yaml", "javascript")
    classes = {tag: set(names) for tag, names in ALLOWED_CLASSES.items()}
    classes["code"] = {f"language-{name}" for name in languages}
    return classes


@lru_cache(maxsize=512)
def render_markdown(text: str) -> str:
    """Render Markdown to sanitised HTML (headings get ids for deep links)."""
    return _render(text)[0]


def render_markdown_with_toc(text: str) -> tuple[str, list[dict]]:
    """Render Markdown and return (sanitised HTML, [{"id", "name", "level"}] of h2/h3)."""
    html_text, toc = _render(text)
    return html_text, [dict(entry) for entry in toc]  # callers may change their copy


# A list may start right under a paragraph line, as in CommonMark and every Markdown
# editor authors use; Python-Markdown wants a blank line first, or prints "- item" as text.
LIST_START = re.compile(r"^(?:[-*+]|1[.)])[ \t]+\S")
CODE_FENCE = re.compile(r"^\s{0,3}(```|~~~)")


def _blank_line_before_lists(text):
    lines, fenced, previous = [], False, ""
    for line in text.split("\n"):
        if CODE_FENCE.match(line):
            fenced = not fenced
        elif (
            not fenced
            and LIST_START.match(line)
            and previous.strip()
            and not previous[0].isspace()
            and not LIST_START.match(previous)
        ):
            lines.append("")
        lines.append(line)
        previous = line
    return "\n".join(lines)


@lru_cache(maxsize=512)
def _render(text):
    converter = md.Markdown(extensions=EXTENSIONS, extension_configs=EXTENSION_CONFIGS)
    html = converter.convert(_blank_line_before_lists(text or ""))
    toc = [
        {"id": ID_PREFIX + entry["id"], "name": entry["name"], "level": entry["level"]}
        for top in converter.toc_tokens
        for entry in _walk_toc(top)
    ]
    return sanitize_html(html), tuple(toc)


def _walk_toc(entry):
    yield entry
    for child in entry.get("children", []):
        yield from _walk_toc(child)


def plain_text(text: str) -> str:
    """Text with every tag removed (not HTML-escaped): for learner strings and search.

    Templates and JS escape it on output; escaping here too would show `&amp;`.
    """
    return html.unescape(nh3.clean(text or "", tags=set())).strip()


def line_text(text: str) -> str:
    """Plain text on one line: titles, names and other one-line author text for clients."""
    return " ".join(plain_text(text).split())


def markdown_text(text: str) -> str:
    """What a reader sees of Markdown: its text without markup, a line per paragraph."""
    lines = plain_text(render_markdown(text or "")).splitlines()
    return "\n".join(" ".join(line.split()) for line in lines if line.strip())


def index_text(*texts: str) -> str:
    """Plain texts for course search, on one line and HTML-escaped: edx-search wraps
    matches in <b> and the LMS shows its excerpts as HTML (HtmlBlock's text is escaped so)."""
    return html.escape(" ".join(" ".join(texts).split()), quote=False)
