"""Lecture block: a Markdown lecture rendered safely for learners."""

from xblock.fields import Scope, String

from xblocks.common.base import SeminarBlock
from xblocks.common.i18n import gettext_noop as _
from xblocks.common.markdown import render_markdown
from xblocks.common.resources import BlockResources

resources = BlockResources(__name__)


class LectureBlock(SeminarBlock):
    """One lecture: header, Markdown body, takeaways."""

    body = String(
        display_name=_("Body (Markdown)"),
        help=_("The lecture text in Markdown."),
        scope=Scope.content,
        default="",
    )

    def student_view(self, context=None):
        return resources.fragment(
            self,
            "templates/student_view.html",
            {"title": self.display_name, "body_html": render_markdown(self.body)},
        )

    @staticmethod
    def workbench_scenarios():
        return [
            (
                "Lecture: a short demo",
                '<seminar_lecture display_name="Demo lecture" body="## Hello\n\nA *demo*."/>',
            )
        ]
