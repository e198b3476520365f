"""The training booklet: one HTML file (and a PDF with the `booklet` extra) per language."""

from html import escape
from pathlib import Path

from xblocks.common.i18n import content_attributes, gettext_noop, translation_for
from xblocks.common.l10n import language_name
from xblocks.common.markdown import render_markdown

from .reading import course_in
from .render import faq_html, lecture_html, own_language

_ = gettext_noop

STYLE = """
/* DejaVu Sans has the Arabic glyphs (Debian's fonts-dejavu-core), WenQuanYi Micro Hei the
   Chinese ones (fonts-wqy-microhei, the smallest CJK font Debian has; tests/system_packages.py):
   the PDF is drawn with the fonts installed, none downloaded. */
body { font: 11pt/1.5 Georgia, "DejaVu Serif", "DejaVu Sans", serif; max-width: 46rem;
  margin: 0 auto; padding: 1rem; color: #111; }
:lang(ar) { font-family: "DejaVu Sans", sans-serif; }
:lang(zh) { font-family: "WenQuanYi Micro Hei", sans-serif; }
h1, h2, h3, h4 { font-family: system-ui, "DejaVu Sans", sans-serif; line-height: 1.2; }
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


def booklet_html(course, language=None):
    """The whole booklet in `language` (default: the sources' language), every text that
    has no translation in it shown whole in its source, marked with its own language."""
    source = str(course.meta["language"])
    language = language or source
    read = course_in(course, language)
    words = translation_for(language).gettext
    title = escape(read.meta["title"])
    note = ""
    if language != source:
        translated = words("The course team translated this text from {language}.")
        note = f"<p>{escape(translated.format(language=language_name(source, language)))}</p>"
    toc, body = [], []
    faq, glossary = escape(words("Frequently asked questions")), escape(words(_("Glossary")))
    for day in read.days:
        toc.append(f"<li>{escape(day.title)}<ol>")
        body.append(f'<section class="part"><h2>{escape(day.title)}</h2>')
        for lecture in day.lectures:
            own = own_language(lecture.fields)
            toc.append(f'<li><a href="#{escape(lecture.id)}"{own}>{escape(lecture.title)}</a></li>')
            body.append(lecture_html(lecture, heading_level=3, words=language))
        toc.append("</ol></li>")
        body.append("</section>")
    toc.append(f'<li><a href="#faq">{faq}</a></li>')
    toc.append(f'<li><a href="#glossary">{glossary}</a></li>')
    body.append(f'<section class="part" id="faq"><h2>{faq}</h2>')
    body.append(faq_html(read.faq_entries, heading_level=3))
    body.append("</section>")
    own = own_language({"content_language": read.meta["glossary_language"]}) if note else ""
    body.append(f'<section class="part" id="glossary"><h2>{glossary}</h2><dl{own}>')
    for term, definition in read.glossary:
        body.append(f"<dt>{escape(term)}</dt><dd>{render_markdown(definition)}</dd>")
    body.append("</dl></section>")
    booklet, contents = escape(words(_("Training booklet"))), escape(words(_("Contents")))
    return (
        f"<!DOCTYPE html>\n<html{content_attributes(language)}>\n<head>\n"
        '<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{title}: {booklet}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n"
        f"<header><h1>{title}</h1><p>{booklet}</p>{note}</header>\n"
        f'<nav aria-label="{contents}"><h2>{contents}</h2><ol>{"".join(toc)}</ol></nav>\n'
        f"<main>\n{chr(10).join(body)}\n</main>\n</body>\n</html>\n"
    )


def write_booklet(course, out_dir, pdf=None, language=None):
    """Write booklet.html, or booklet-<lang>.html for a translation (and its .pdf when
    WeasyPrint is installed); return the paths."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    html = booklet_html(course, language)
    stem = "booklet" if language in (None, course.meta["language"]) else f"booklet-{language}"
    html_path = out_dir / f"{stem}.html"
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
            pdf_path = out_dir / f"{stem}.pdf"
            HTML(string=html, base_url=str(out_dir)).write_pdf(str(pdf_path))
            paths.append(pdf_path)
    return paths
