"""The training booklet as participants get it: in a browser, printed, and as a PDF."""

from pathlib import Path

import pytest

from xblocks.cli import main

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
