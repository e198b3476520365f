"""What a lecture shows, computed from its fields: page-ready Markdown, contents, reading time.

Everything here is a pure function of field values and cached, so an unchanged lecture is
neither parsed nor sanitised again on the next view.
"""

import hashlib
import html
import math
import re
from functools import lru_cache
from typing import NamedTuple

from lxml import etree
from lxml import html as lxml_html

from xblocks.common.markdown import plain_text, render_markdown_with_toc
from xblocks.common.sdgs import SDG_NAMES

from .validation import YOUTUBE_ID, is_handout_url, is_https_url

# Brysbaert (2019) puts silent reading of English non-fiction near 238 words a minute;
# many of the seminar's learners read in a second language, so we count on 200.
WORDS_PER_MINUTE = 200
# Chinese and Japanese are written without spaces: count two characters as one word.
CJK_CHARS = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")
TOC_MIN_ENTRIES = 3  # a table of contents only for lectures with several sections
HEADINGS = {f"h{level}": level for level in range(1, 7)}
YOUTUBE_EMBED = "https://www.youtube-nocookie.com/embed/{id}"
YOUTUBE_PAGE = "https://www.youtube.com/watch?v={id}"


class TocEntry(NamedTuple):
    id: str
    name: str  # plain text, not HTML
    level: int


def anchor_prefix(usage_id) -> str:
    """A stable per-block prefix for element ids, so two blocks on a page never clash."""
    digest = hashlib.blake2s(str(usage_id).encode("utf-8"), digest_size=4).hexdigest()
    return f"lec-{digest}-"


@lru_cache(maxsize=256)
def page_markdown(
    text: str, prefix: str, heading_shift: int = 1, table_labels: tuple = ()
) -> tuple[str, tuple]:
    """Sanitised HTML of `text` ready to sit in a page, and its h2/h3 contents.

    On top of the shared sanitiser: every id and #fragment link gets `prefix` (no clash
    with other blocks, no id that shadows a global in scripts), headings move down
    `heading_shift` levels under the lecture's own heading, and tables scroll sideways on
    their own instead of widening a phone's page, in a region named by `table_labels`:
    (name of a lecture's one table, name with a {number} for each of several).
    """
    markup, toc = render_markdown_with_toc(text)
    page, names = _adapt(markup, prefix, heading_shift, table_labels)
    # A name is the sanitised heading's text: Markdown's own keeps the text of a <script>.
    entries = tuple(
        TocEntry(
            prefix + entry["id"],
            names.get(prefix + entry["id"], html.unescape(entry["name"])),
            entry["level"] + heading_shift,
        )
        for entry in toc
    )
    return page, entries


def _adapt(markup, prefix, heading_shift, table_labels):
    """(page-ready HTML, {heading id: heading text})."""
    if not markup.strip():
        return "", {}
    root = lxml_html.fragment_fromstring(markup, create_parent="div")
    names = {}
    tables = list(root.iter("table"))
    for number, table in enumerate(tables, start=1):
        _wrap_table(table, _table_label(table_labels, number, len(tables)))
    for element in list(root.iter()):
        if not isinstance(element.tag, str):
            continue
        if element.get("id"):
            element.set("id", prefix + element.get("id"))
        href = element.get("href")
        if href and href.startswith("#") and len(href) > 1:
            element.set("href", "#" + prefix + href[1:])
        if element.tag in HEADINGS:
            element.tag = f"h{min(6, HEADINGS[element.tag] + heading_shift)}"
            names[element.get("id")] = " ".join(element.text_content().split())
    leading = html.escape(root.text or "", quote=False)
    page = leading + "".join(lxml_html.tostring(child, encoding="unicode") for child in root)
    return page, names


def _table_label(labels, number, count):
    """Each region's own name: axe (and a screen reader's list of regions) cannot tell
    several regions of one name apart."""
    if not labels:
        return ""
    return labels[0] if count == 1 else labels[1].format(number=number)


def _wrap_table(table, label):
    # A focusable region so keyboard users can scroll a wide table (WCAG 2.1.1), named so
    # that a screen reader says what the focus landed on (as the FAQ's tables).
    attributes = {"class": "seminar-lecture__table", "tabindex": "0"}
    if label:
        attributes.update({"role": "region", "aria-label": label})
    wrapper = etree.Element("div", attributes)
    table.addprevious(wrapper)
    wrapper.append(table)  # moves the table, and its tail text with it
    wrapper.tail, table.tail = table.tail, None


@lru_cache(maxsize=256)
def body_text(text: str) -> str:
    """The lecture text without markup, on one line (plain text, not HTML)."""
    return " ".join(plain_text(render_markdown_with_toc(text)[0]).split())


@lru_cache(maxsize=256)
def reading_minutes(*texts: str) -> int:
    """Estimated minutes to read the texts (at least 1); cached, as every view asks."""
    text = " ".join(texts)
    cjk = len(CJK_CHARS.findall(text))
    words = len(CJK_CHARS.sub(" ", text).split()) + cjk / 2
    return max(1, math.ceil(words / WORDS_PER_MINUTE))


def nested_toc(entries):
    """Contents as [{"id", "name", "children": [...]}]: h3 entries under the h2 before them."""
    top_level = min((entry.level for entry in entries), default=0)
    sections = []
    for entry in entries:
        item = {"id": entry.id, "name": entry.name, "children": []}
        if entry.level > top_level and sections:
            sections[-1]["children"].append(item)
        else:
            sections.append(item)
    return sections


def sdg_badges(numbers, gettext):
    """[{"number", "name"}] for valid SDG numbers, names in the learner's language."""
    return [
        {"number": n, "name": gettext(SDG_NAMES[n])}
        for n in numbers
        if isinstance(n, int) and n in SDG_NAMES
    ]


def video_sources(video_url: str, youtube_id: str):
    """How the lecture's video plays, or None: values that break the rules never reach a page.

    A video file is preferred when both are given: it can be hosted where YouTube is
    blocked, and downloaded; the YouTube page stays available as a link.
    """
    youtube_id = youtube_id if YOUTUBE_ID.match(youtube_id or "") else ""
    video_url = video_url if video_url and is_https_url(video_url) else ""
    if not (video_url or youtube_id):
        return None
    youtube_page = YOUTUBE_PAGE.format(id=youtube_id) if youtube_id else ""
    if video_url:
        return {
            "kind": "file",
            "src": video_url,
            "file_url": video_url,
            "youtube_url": youtube_page,
        }
    return {
        "kind": "youtube",
        "src": YOUTUBE_EMBED.format(id=youtube_id),
        "file_url": "",
        "youtube_url": youtube_page,
    }


def handout_links(handouts, rewrite):
    """Handouts with valid addresses; course files (/static/...) go through `rewrite`."""
    links = []
    for handout in handouts:
        if not isinstance(handout, dict):
            continue
        title, url = str(handout.get("title") or ""), str(handout.get("url") or "")
        if title and is_handout_url(url):
            links.append({"title": title, "url": rewrite(url) if url.startswith("/") else url})
    return links
