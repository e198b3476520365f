"""The training booklet as participants get it: in a browser, printed, and as a PDF."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from xblocks.cli import main
from xblocks.common.i18n import content_attributes

from .conftest import assert_accessible, screenshot


@pytest.fixture(scope="module")
def booklet(tmp_path_factory):
    out = tmp_path_factory.mktemp("booklet")
    main(["booklet", "--pdf", "-o", str(out)])
    return out


def test_booklet_pdf_is_written_with_contents_and_every_lecture(booklet):
    from weasyprint import HTML

    pdf = (booklet / "booklet.pdf").read_bytes()
    assert pdf.startswith(b"%PDF") and pdf.rstrip().endswith(b"%%EOF")
    document = HTML(filename=str(booklet / "booklet.html")).render()
    assert len(document.pages) > 15  # a page or more a lecture, then the FAQ and glossary
    labels = []

    def walk(entries):
        for entry in entries:
            labels.append(entry[0])
            walk(entry[2])

    walk(document.make_bookmark_tree())
    assert "Day 1: How cross-border e-commerce works" in labels
    assert "Frequently asked questions" in labels and "Glossary" in labels


def test_booklet_reads_and_prints_in_chromium(browser, booklet):
    page = browser.new_page()
    page.goto(Path(booklet / "booklet.html").as_uri())
    assert page.locator("script").count() == 0
    contents = page.locator("nav a")
    assert contents.count() == 15 + 2
    page.locator("nav a", has_text="Glossary").click()
    assert page.evaluate("location.hash") == "#glossary"
    assert_accessible(page)
    page.emulate_media(media="print")
    screenshot(page, "booklet-print")
    page.close()


# Words of the first pages of each booklet whose script only its own font draws (booklet.py's
# CSS, tests/system_packages.py's BOOKLET), and that font's name as the PDF embeds it.
SCRIPT_WORDS = {
    "ar": (("المحتويات", "مسرد المصطلحات"), "DejaVu-Sans"),
    "zh-hans": (("目录", "常见问题", "术语表"), "WenQuanYi-Micro-Hei"),
}


def pdf_text(path):
    from pypdf import PdfReader

    return "\n".join(page.extract_text() for page in PdfReader(str(path)).pages[:3])


def pdf_fonts(path):
    """The base names of the fonts the first pages draw with, subset prefix dropped."""
    from pypdf import PdfReader

    return {
        str(font.get_object()["/BaseFont"]).split("+")[-1]
        for page in PdfReader(str(path)).pages[:3]
        for font in page["/Resources"]["/Font"].values()
    }


@pytest.fixture(scope="module")
def translated_booklet(tmp_path_factory):
    """The folder holding booklet-<lang>.html and .pdf, each language built once."""
    built = {}

    def build(language):
        if language not in built:
            built[language] = tmp_path_factory.mktemp(f"booklet-{language}")
            main(["booklet", "--pdf", "--lang", language, "-o", str(built[language])])
        return built[language]

    return build


@pytest.mark.parametrize("language", SCRIPT_WORDS)
def test_the_pdf_holds_its_scripts_words_drawn_with_a_font_that_has_them(
    translated_booklet, language
):
    words, font = SCRIPT_WORDS[language]
    pdf = translated_booklet(language) / f"booklet-{language}.pdf"
    text = pdf_text(pdf)
    assert all(word in text for word in words), text[:400]
    assert any(name.startswith(font) for name in pdf_fonts(pdf)), pdf_fonts(pdf)


@pytest.mark.parametrize("language", SCRIPT_WORDS)
def test_the_pdf_check_fails_where_only_a_latin_font_is_installed(tmp_path, language):
    """The check above is a real one: with a Latin-only font the glyphs are missing (tofu)
    and the PDF's text no longer holds the words."""
    words, _font = SCRIPT_WORDS[language]
    fonts = tmp_path / "fonts"
    fonts.mkdir()
    shutil.copy("/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf", fonts)  # Latin, Cyrillic
    config = tmp_path / "fonts.conf"
    config.write_text(
        f'<?xml version="1.0"?><fontconfig><dir>{fonts}</dir>'
        f"<cachedir>{tmp_path / 'cache'}</cachedir></fontconfig>"
    )
    html = f"<html{content_attributes(language)}><body>"
    html += "".join(f"<h2>{word}</h2>" for word in words) + "</body></html>"
    script = (
        "import sys; from weasyprint import HTML; HTML(string=sys.argv[1]).write_pdf(sys.argv[2])"
    )
    pdf = tmp_path / "latin.pdf"
    subprocess.run(
        [sys.executable, "-c", script, html, str(pdf)],
        env={**os.environ, "FONTCONFIG_FILE": str(config)},
        check=True,
    )
    assert not any(word in pdf_text(pdf) for word in words)


def test_the_arabic_booklet_lays_out_right_to_left_in_chromium(browser, translated_booklet):
    page = browser.new_page()
    page.goto(Path(translated_booklet("ar") / "booklet-ar.html").as_uri())
    assert page.evaluate("getComputedStyle(document.body).direction") == "rtl"
    # The heading's text starts at its box's right edge (the inline start in RTL).
    right_gap, left_gap = page.evaluate(
        """() => { const h = document.querySelector('main h2'), r = document.createRange();
        r.selectNodeContents(h); const t = r.getBoundingClientRect(), b = h.getBoundingClientRect();
        return [b.right - t.right, t.left - b.left]; }"""
    )
    assert right_gap < 2 < left_gap
    assert_accessible(page)
    page.close()
