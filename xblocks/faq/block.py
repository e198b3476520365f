"""FAQ block: the seminar's questions and answers."""

from xblock.fields import List, Scope

from xblocks.common.base import SeminarBlock
from xblocks.common.i18n import gettext_noop as _
from xblocks.common.markdown import render_markdown
from xblocks.common.resources import BlockResources

resources = BlockResources(__name__)


class FaqBlock(SeminarBlock):
    """Entries grouped by category."""

    entries = List(
        display_name=_("Entries"),
        help=_("The questions and answers."),
        scope=Scope.content,
        default=[],
    )

    def student_view(self, context=None):
        entries = [
            {**entry, "answer_html": render_markdown(entry.get("answer", ""))}
            for entry in self.entries
        ]
        return resources.fragment(
            self, "templates/student_view.html", {"title": self.display_name, "entries": entries}
        )

    @staticmethod
    def workbench_scenarios():
        return [("FAQ: a short demo", '<seminar_faq display_name="Demo FAQ"/>')]
