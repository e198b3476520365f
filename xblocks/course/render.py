"""Static HTML for lectures and FAQ entries: the portable build and the booklet use it."""

from html import escape

from xblocks.common.markdown import render_markdown
from xblocks.common.sdgs import SDG_NAMES


def lecture_html(lecture, heading_level=2):
    """A lecture as self-contained, sanitised HTML (no script, no outside resources)."""
    fields = lecture.fields
    h = f"h{heading_level}"
    sub = f"h{heading_level + 1}"
    parts = [
        f'<article class="seminar-lecture" id="{escape(lecture.id)}">',
        f"<{h}>{escape(fields['display_name'])}</{h}>",
    ]
    if fields["speakers"]:
        speakers = "; ".join(
            ", ".join(escape(s[key]) for key in ("name", "role", "organisation") if s.get(key))
            for s in fields["speakers"]
        )
        parts.append(f"<p><strong>Speakers:</strong> {speakers}</p>")
    if fields["sdgs"]:
        goals = ", ".join(f"SDG {n}: {escape(SDG_NAMES[n])}" for n in fields["sdgs"])
        parts.append(f"<p><strong>Sustainable Development Goals:</strong> {goals}</p>")
    parts.append(f"<{sub}>Learning objectives</{sub}>")
    parts.append(_list(fields["objectives"]))
    parts.append(_shift_headings(render_markdown(fields["body"]), heading_level))
    if fields.get("transcript"):
        parts.append(f"<{sub}>Video transcript</{sub}>")
        parts.append(render_markdown(fields["transcript"]))
    parts.append(f"<{sub}>Key takeaways</{sub}>")
    parts.append(_list(fields["takeaways"]))
    parts.append("</article>")
    return "\n".join(parts)


def faq_html(entries, heading_level=2):
    """FAQ entries grouped by category, each with a stable anchor."""
    parts, category = [], None
    for entry in entries:
        if entry["category"] != category:
            category = entry["category"]
            parts.append(f"<h{heading_level}>{escape(category)}</h{heading_level}>")
        level = heading_level + 1
        parts.append(
            f'<h{level} id="entry-{escape(entry["id"])}">{escape(entry["question"])}</h{level}>'
        )
        parts.append(render_markdown(entry["answer"]))
    return "\n".join(parts)


def _list(items):
    return "<ul>" + "".join(f"<li>{escape(item)}</li>" for item in items) + "</ul>"


def _shift_headings(html, heading_level):
    """Markdown `##` is the lecture's top section: nest it below the lecture's heading."""
    shift = heading_level - 1
    if shift <= 0:
        return html
    for level in range(6 - shift, 1, -1):
        html = html.replace(f"<h{level}", f"<h{level + shift}").replace(
            f"</h{level}>", f"</h{level + shift}>"
        )
    return html
