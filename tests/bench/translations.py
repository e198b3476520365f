"""The bench's translated-content section: each of our blocks as the seminar ships it, with
its six translations, against the same block with its source text only.

A block ships only the language it is read in (common/base.py), plus its language menu, so
the translated block should render and load about as the source-only one does, whichever
language the learner reads. The size of all six translations' texts stands beside, for
scale: what a block that shipped every language would add.
"""

import statistics
import tempfile
from pathlib import Path

from lxml import etree

from tests.bench.field_data import read_once_per_request
from tests.bench.workloads import page_bytes_in_chromium, render_ms
from tests.unit.course.test_translation_sources import copy_without_translations

# The source, two languages in other scripts, one right to left.
READ_IN = ("en", "fr", "ar", "zh-hans")


def source_only(name):
    """Register `name`'s scenario again without its translations, for renders in this
    process; returns the new name. (Its page bytes come from a server of the sources
    without translations: scenarios registered here do not reach that process.)"""
    from workbench.scenarios import add_xml_scenario, get_scenarios

    root = etree.fromstring(get_scenarios()[name].xml)
    for element in list(root.iter("translation")):
        element.getparent().remove(element)
    plain = f"source-only.{name}"
    add_xml_scenario(plain, f"{name} with its source text only", etree.tostring(root))
    return plain


def translations_bytes(name):
    """UTF-8 bytes of every translation's texts in a scenario's OLX."""
    from workbench.scenarios import get_scenarios

    root = etree.fromstring(get_scenarios()[name].xml)
    texts = (text for element in root.iter("translation") for text in element.iter("text"))
    return sum(len((text.text or "").encode("utf-8")) for text in texts)


def render_ratio(client, translated, plain, language, samples):
    """Median render of `translated` over the source-only block's, both in `language`
    (the interface's), requests interleaved."""
    for _ in range(3):
        render_ms(client, plain, language), render_ms(client, translated, language)
    pairs = [
        (render_ms(client, plain, language), render_ms(client, translated, language))
        for _ in range(samples)
    ]
    return statistics.median(t for _p, t in pairs) / statistics.median(p for p, _t in pairs)


def translations_section(scenarios, samples):
    """Markdown lines: render and bytes of each translated block against its source only."""
    from django.test import Client

    client = Client()  # its own: ?lang= leaves a language cookie behind
    untranslated = copy_without_translations(Path(tempfile.mkdtemp(prefix="seminar-en-")))
    names = list(scenarios.values())
    # Both in the same language, so that both pages carry its interface and catalog.
    base = {code: page_bytes_in_chromium(names, code, untranslated) for code in READ_IN}
    read = {code: page_bytes_in_chromium(names, code) for code in READ_IN}
    rows = []
    for label, name in scenarios.items():
        plain = source_only(name)
        cells = []
        for language in READ_IN:
            ratio = render_ratio(client, name, plain, language, samples)
            with read_once_per_request():  # as the LMS reads a block's fields
                once = render_ratio(client, name, plain, language, samples)
            measured, source = read[language][name], base[language][name]
            added = measured.first[0] - source.first[0], measured.first[1] - source.first[1]
            text = measured.text - source.text
            cells.append(
                f"{ratio:.2f}x / {once:.2f}x, {added[0]:+,} B ({added[1]:+,} gzip; text {text:+,})"
            )
        rows.append(f"| {label} | {translations_bytes(name):,} | " + " | ".join(cells) + " |")
    return [
        "### Translated content: each block with its six translations, against its source only",
        "",
        "Per language read: the median render of the block as the seminar ships it (seven "
        "languages) over the same block with its translations removed, both pages in that "
        "language (requests interleaved), with the workbench's storage / with fields read "
        "once a request, as the LMS reads them (the workbench parses a block's whole "
        "content row, translations included, at each field it has not read yet); then the "
        "bytes its first view adds to the source-only block's, decoded and gzip-compressed "
        "(both pages carry that language's interface). The translated block adds its menu "
        "and the menu's script; the rest is the difference in length between one "
        "language's text and the English. *All translations* is the UTF-8 size of the six "
        "translations' texts, which a block shipping every language would add.",
        "",
        "| block | all translations | " + " | ".join(f"read in {code}" for code in READ_IN) + " |",
        "|---|---|" + "---|" * len(READ_IN),
        *rows,
        "",
    ]
