"""The training booklet: one HTML file (and a PDF with the `booklet` extra)."""

from html import escape
from pathlib import Path

from xblocks.common.markdown import render_markdown

from .render import faq_html, lecture_html

STYLE = """
body { font: 11pt/1.5 Georgia, serif; max-width: 46rem; margin: 0 auto; padding: 1rem;
  color: #111; }
h1, h2, h3, h4 { font-family: system-ui, sans-serif; line-height: 1.2; }
nav ol { padding-inline-start: 1.5rem; }
table { border-collapse: collapse; } td, th { border: 1px solid #999; padding: .25rem .5rem; }
.seminar-lecture { margin-block-end: 2rem; }
@media print {
  body { max-width: none; padding: 0; }
  a { color: inherit; text-decoration: none; }
  .seminar-lecture, .part { break-before: page; }
  .part > .seminar-lecture:first-of-type { break-before: avoid; }
  h2, h3, h4 { break-after: avoid; }
  nav a::after { content: leader('.') target-counter(attr(href), page); }
}
@page { size: A4; margin: 2cm; @bottom-center { content: counter(page); } }
"""


def booklet_html(course):
    title = escape(course.meta["title"])
    toc, body = [], []
    for day in course.days:
        toc.append(f"<li>{escape(day.title)}<ol>")
        body.append(f'<section class="part"><h2>{escape(day.title)}</h2>')
        for lecture in day.lectures:
            toc.append(f'<li><a href="#{escape(lecture.id)}">{escape(lecture.title)}</a></li>')
            body.append(lecture_html(lecture, heading_level=3))
        toc.append("</ol></li>")
        body.append("</section>")
    toc.append('<li><a href="#faq">Frequently asked questions</a></li>')
    toc.append('<li><a href="#glossary">Glossary</a></li>')
    body.append('<section class="part" id="faq"><h2>Frequently asked questions</h2>')
    body.append(faq_html(course.faq_entries, heading_level=3))
    body.append("</section>")
    body.append('<section class="part" id="glossary"><h2>Glossary</h2><dl>')
    for term, definition in course.glossary:
        body.append(f"<dt>{escape(term)}</dt><dd>{render_markdown(definition)}</dd>")
    body.append("</dl></section>")
    return (
        f'<!DOCTYPE html>\n<html lang="{escape(course.meta["language"])}">\n<head>\n'
        '<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{title}: training booklet</title>\n<style>{STYLE}</style>\n</head>\n<body>\n"
        f"<header><h1>{title}</h1><p>Training booklet</p></header>\n"
        f'<nav aria-label="Contents"><h2>Contents</h2><ol>{"".join(toc)}</ol></nav>\n'
        f"<main>\n{chr(10).join(body)}\n</main>\n</body>\n</html>\n"
    )


def write_booklet(course, out_dir, pdf=None):
    """Write booklet.html (and booklet.pdf when WeasyPrint is installed); return the paths."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    html = booklet_html(course)
    html_path = out_dir / "booklet.html"
    html_path.write_text(html, encoding="utf-8")
    paths = [html_path]
    if pdf is not False:
        try:
            from weasyprint import HTML
        except ImportError:
            if pdf:
                raise SystemExit(
                    "a PDF needs WeasyPrint: pip install 'seminar-xblocks[booklet]'"
                ) from None
        else:
            pdf_path = out_dir / "booklet.pdf"
            HTML(string=html, base_url=str(out_dir)).write_pdf(str(pdf_path))
            paths.append(pdf_path)
    return paths
