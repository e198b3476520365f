"""Lecture block: a lecture module that reads well on any connection.

Markdown text rendered on the server through the shared sanitiser, a header with speakers,
objectives and SDG badges, a video that loads only on request with its transcript always
shown, key takeaways, handouts, and completion when the learner reaches the end.
"""

from xblock.completable import CompletableXBlockMixin
from xblock.core import XBlock

from xblocks.common.base import SeminarBlock
from xblocks.common.markdown import index_text, line_text
from xblocks.common.resources import BlockResources
from xblocks.common.services import replace_static_urls, user_is_staff
from xblocks.common.translations import TRANSLATABLE

from . import olx
from .content import (
    TOC_MIN_ENTRIES,
    anchor_prefix,
    body_text,
    handout_links,
    nested_toc,
    page_markdown,
    reading_minutes,
    sdg_badges,
    video_sources,
)
from .fields import LectureFields
from .handlers import LectureHandlers
from .scenarios import SCENARIOS
from .studio import LectureStudio

resources = BlockResources(__name__)


@XBlock.wants("studio_user_permissions")
class LectureBlock(
    LectureFields, LectureHandlers, LectureStudio, CompletableXBlockMixin, SeminarBlock
):
    """One lecture: header, Markdown text, optional video and transcript, takeaways."""

    translatable = TRANSLATABLE["seminar_lecture"]

    @property
    def anchor_prefix(self):
        return anchor_prefix(self.scope_ids.usage_id)

    # On the view, not the class: the platform reads `student_view._supports`.
    @XBlock.supports("multi_device")
    def student_view(self, context=None):
        return self.lecture_fragment(track_completion=True)

    def author_view(self, context=None):
        """Studio's preview: the lecture as learners see it, recording no completion."""
        return self.lecture_fragment(track_completion=False)

    def lecture_fragment(self, track_completion):
        _ = self.gettext
        return resources.fragment(
            self,
            "templates/student_view.html",
            {**self.view_context(), "track_completion": track_completion},
            css=("css/lecture.css",),
            js=("js/lecture.js",),
            init="SeminarLectureBlock",
            args={
                "completed": self.completed,
                "trackCompletion": track_completion,
                "strings": {
                    "completed": _("You have completed this lecture."),
                    "completedState": _("Completed"),
                    "saveFailed": _(
                        "Your progress could not be saved. Check your connection, then "
                        "press “Mark as complete” to try again."
                    ),
                    # Author text never goes into init args: XBlock's default runtime
                    # (the workbench) writes them unescaped into a <script> element.
                    "playerTitle": _("Video: {title}"),
                },
            },
        )

    # Not `title`: the LMS's block-structure transformers collect a field of that name.
    def heading(self, content=None):
        content = content or self.localized_values()
        return content["display_name"] or self.gettext("Lecture")

    def page(self, text, prefix, heading_shift=1):
        """`page_markdown` with the names of wide tables' regions in the learner's language."""
        labels = (
            self.gettext("Table (scrolls sideways)"),
            self.gettext("Table {number} (scrolls sideways)"),
        )
        return page_markdown(text, prefix, heading_shift, labels)

    def view_context(self):
        prefix = self.anchor_prefix
        content = self.localized_values()
        body_html, toc = self.page(content["body"], prefix)
        transcript_html = self.page(content["transcript"], prefix + "t-", 2)[0]
        return {
            "uid": prefix,
            "title": self.heading(content),
            "own_title": bool(content["display_name"]),
            "reading_time": self.reading_time_label(self.estimated_minutes(content)),
            "speakers": self.speaker_lines(content["speakers"]),
            "objectives": content["objectives"],
            "sdgs": sdg_badges(self.sdgs, self.gettext),
            "toc": nested_toc(toc) if len(toc) >= TOC_MIN_ENTRIES else [],
            "body_html": self.replace_static(body_html),
            "video": video_sources(self.video_url, self.video_youtube_id),
            "transcript_html": self.replace_static(transcript_html),
            "takeaways": content["takeaways"],
            "handouts": handout_links(content["handouts"], self.replace_static_url),
            "completed": self.completed,
            "staff_warnings": self.authoring_warnings() if user_is_staff(self) else [],
        }

    def speaker_lines(self, speakers):
        lines = []
        for speaker in speakers:
            if not isinstance(speaker, dict) or not speaker.get("name"):
                continue
            role, organisation = speaker.get("role", ""), speaker.get("organisation", "")
            if role and organisation:
                detail = self.gettext("{role}, {organisation}").format(
                    role=role, organisation=organisation
                )
            else:
                detail = role or organisation
            lines.append({"name": speaker["name"], "detail": detail})
        return lines

    def estimated_minutes(self, content):
        return reading_minutes(
            body_text(content["body"]), *content["objectives"], *content["takeaways"]
        )

    def reading_time_label(self, minutes):
        return self.ngettext(
            "Estimated reading time: {minutes} minute",
            "Estimated reading time: {minutes} minutes",
            minutes,
        ).format(minutes=minutes)

    def replace_static(self, html):
        return replace_static_urls(self, html) if "/static/" in html else html

    def replace_static_url(self, url):
        # The replace_urls service rewrites quoted URLs inside HTML, so quote this one.
        return replace_static_urls(self, f'"{url}"')[1:-1]

    def student_view_data(self, context=None):
        """The lecture for the mobile apps, the same for everyone: `*_html` is sanitised HTML,
        every other text plain text (markup removed), as docs/native-api.md says. In the
        source language, or in `context["lang"]` where the lecture has it."""
        language = self.reading_language((context or {}).get("lang", ""), learner=False)
        content = self.localized_values(language)
        prefix = self.anchor_prefix
        body_html, toc = self.page(content["body"], prefix)
        video = video_sources(self.video_url, self.video_youtube_id)
        handouts = handout_links(content["handouts"], self.replace_static_url)
        return {
            "display_name": line_text(self.heading(content)),
            **self.language_data(language),
            "reading_time_minutes": self.estimated_minutes(content),
            "speakers": [
                {key: line_text(s.get(key, "")) for key in ("name", "role", "organisation")}
                for s in content["speakers"]
                if isinstance(s, dict)
            ],
            "objectives": [line_text(objective) for objective in content["objectives"]],
            "sdgs": sdg_badges(self.sdgs, self.gettext),
            "toc": [{**entry._asdict(), "name": line_text(entry.name)} for entry in toc],
            "body_html": self.replace_static(body_html),
            "video": {
                "url": video["file_url"] if video else "",
                "youtube_id": self.video_youtube_id if video and video["youtube_url"] else "",
                "transcript_html": self.replace_static(
                    self.page(content["transcript"], prefix + "t-", 2)[0]
                ),
            },
            "takeaways": [line_text(takeaway) for takeaway in content["takeaways"]],
            "handouts": [{**handout, "title": line_text(handout["title"])} for handout in handouts],
        }

    def index_dictionary(self):
        """What course search indexes: title, objectives, takeaways, text and transcript, as
        plain text, HTML-escaped (see `index_text`), in the source language and then, as
        `text_<lang>`, in each language the lecture is translated into."""
        index = super().index_dictionary()
        content = index.setdefault("content", {})
        source, *translated = self.offered_languages()
        content.update(
            {
                key: index_text(*texts)
                for key, texts in self.index_texts(self.localized_values(source)).items()
            }
        )
        for language in translated:
            texts = self.index_texts(self.localized_values(language)).values()
            content[f"text_{language}"] = index_text(*(text for part in texts for text in part))
        index["content_type"] = "Text"  # the category Open edX search gives text blocks
        return index

    @staticmethod
    def index_texts(content):
        speakers = [s.get("name", "") for s in content["speakers"] if isinstance(s, dict)]
        return {
            "display_name": [line_text(content["display_name"])],
            "objectives": list(map(line_text, content["objectives"])),
            "takeaways": list(map(line_text, content["takeaways"])),
            "body": [body_text(content["body"])],
            "transcript": [body_text(content["transcript"])],
            "speakers": list(map(line_text, speakers)),
        }

    @classmethod
    def parse_xml(cls, node, runtime, keys):
        """A lecture from its OLX element (see olx.py); a clear error for invalid OLX."""
        block = runtime.construct_xblock_from_class(cls, keys)
        values, others = olx.read_lecture(node, block.fields)
        # The OLX alone defines the lecture: a field it leaves out is unset (reads as its
        # default) even where the runtime's storage held an older value. Unset rather than
        # set to the default, so that storage does not hold, and renders do not read, empties.
        for name in olx.OWN_FIELDS:
            field = block.fields[name]
            if name in values and values[name] != field.default:
                setattr(block, name, values[name])
            elif field.is_set_on(block):
                delattr(block, name)
        olx.apply_other_fields(block, others)
        return block

    def add_xml_to_node(self, node):
        """Write the lecture's OLX element; `parse_xml` reads it back to the same values."""
        node.tag = self.xml_element_name()
        node.set("xblock-family", self.entry_point)
        olx.write_lecture(self, node)

    @staticmethod
    def workbench_scenarios():
        return list(SCENARIOS)
