"""The lecture's fields. Their names are a contract: the course build sets them by name."""

from xblock.fields import Boolean, List, Scope, String

from xblocks.common.i18n import gettext_noop as _


class LectureFields:
    """Authored content (Scope.content) and the learner's completion (Scope.user_state)."""

    body = String(
        display_name=_("Lecture text (Markdown)"),
        help=_("The lecture text in Markdown: ## and ### headings, lists, tables, footnotes."),
        scope=Scope.content,
        default="",
    )
    speakers = List(
        display_name=_("Speakers"),
        help=_("Each speaker's name, role and organisation."),
        scope=Scope.content,
        default=[],
    )
    objectives = List(
        display_name=_("Learning objectives"),
        help=_("What learners will be able to do after the lecture, one per entry."),
        scope=Scope.content,
        default=[],
    )
    sdgs = List(
        display_name=_("Sustainable Development Goals"),
        help=_("The numbers (1 to 17) of the SDGs the lecture addresses."),
        scope=Scope.content,
        default=[],
    )
    takeaways = List(
        display_name=_("Key takeaways"),
        help=_("The points to remember, shown in a box at the end."),
        scope=Scope.content,
        default=[],
    )
    video_url = String(
        display_name=_("Video file address"),
        help=_("Optional: an https:// address of an MP4 or WebM file."),
        scope=Scope.content,
        default="",
    )
    video_youtube_id = String(
        display_name=_("YouTube video"),
        help=_("Optional: the YouTube video id, e.g. aBcDeFgHiJk."),
        scope=Scope.content,
        default="",
    )
    transcript = String(
        display_name=_("Video transcript"),
        help=_("The video's words as plain text or Markdown; always shown as text."),
        scope=Scope.content,
        default="",
    )
    handouts = List(
        display_name=_("Handouts"),
        help=_("Downloads: a title and an https:// address or a course file (/static/...)."),
        scope=Scope.content,
        default=[],
    )
    completed = Boolean(
        help=_("Whether the learner has finished the lecture."),
        scope=Scope.user_state,
        default=False,
    )
