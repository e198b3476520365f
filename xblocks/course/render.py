"""Static HTML for lectures and FAQ entries: the portable build and the booklet use it."""

from html import escape

from xblocks.common.i18n import content_attributes, translation_for
from xblocks.common.markdown import render_markdown
from xblocks.common.sdgs import SDG_NAMES


def lecture_html(lecture, heading_level=2, words="en"):
    """A lecture as self-contained, sanitised HTML (no script, no outside resources); its
    fixed words ("Key takeaways") in the language `words`, its text marked with its own
    language where it says one (`content_language`, see reading.py)."""
    _ = translation_for(words).gettext
    fields = lecture.fields
    h = f"h{heading_level}"
    sub = f"h{heading_level + 1}"
    own = own_language(fields)
    parts = [
        f'<article class="seminar-lecture" id="{escape(lecture.id)}"{own}>',
        f"<{h}>{escape(fields['display_name'])}</{h}>",
    ]
    if fields["speakers"]:
        speakers = "; ".join(
            ", ".join(escape(s[key]) for key in ("name", "role", "organisation") if s.get(key))
            for s in fields["speakers"]
        )
        parts.append(f"<p><strong>{escape(_('Speakers'))}</strong> {speakers}</p>")
    if fields["sdgs"]:
        goals = ", ".join(
            escape(_("SDG {number}: {name}").format(number=n, name=_(SDG_NAMES[n])))
            for n in fields["sdgs"]
        )
        label = escape(_("Sustainable Development Goals"))
        parts.append(f"<p><strong>{label}</strong> {goals}</p>")
    parts.append(f"<{sub}>{escape(_('Learning objectives'))}</{sub}>")
    parts.append(_list(fields["objectives"]))
    parts.append(_shift_headings(render_markdown(fields["body"]), heading_level))
    if fields.get("transcript"):
        parts.append(f"<{sub}>{escape(_('Video transcript'))}</{sub}>")
        parts.append(render_markdown(fields["transcript"]))
    parts.append(f"<{sub}>{escape(_('Key takeaways'))}</{sub}>")
    parts.append(_list(fields["takeaways"]))
    parts.append("</article>")
    return "\n".join(parts)


def faq_html(entries, heading_level=2):
    """FAQ entries grouped by category, each with a stable anchor (and its own language
    where it says one, see reading.py)."""
    parts, category = [], None
    for entry in entries:
        own = own_language(entry)
        if entry["category"] != category:
            category = entry["category"]
            parts.append(f"<h{heading_level}{own}>{escape(category)}</h{heading_level}>")
        level = heading_level + 1
        parts.append(
            f'<h{level} id="entry-{escape(entry["id"])}"{own}>'
            f"{escape(entry['question'])}</h{level}>"
        )
        answer = render_markdown(entry["answer"])
        parts.append(f"<div{own}>{answer}</div>" if own else answer)
    return "\n".join(parts)


def own_language(values):
    """` lang dir` of a text read in a course of one language (reading.py), else ''."""
    return content_attributes(values["content_language"]) if "content_language" in values else ""


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
