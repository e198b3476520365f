"""Quiz block: graded questions."""

from xblock.fields import List, Scope

from xblocks.common.base import SeminarBlock
from xblocks.common.i18n import gettext_noop as _
from xblocks.common.resources import BlockResources

resources = BlockResources(__name__)


class QuizBlock(SeminarBlock):
    """A set of questions graded on the server."""

    questions = List(
        display_name=_("Questions"),
        help=_("The quiz questions."),
        scope=Scope.content,
        default=[],
    )

    def student_view(self, context=None):
        return resources.fragment(
            self,
            "templates/student_view.html",
            {"title": self.display_name, "count": len(self.questions)},
        )

    @staticmethod
    def workbench_scenarios():
        return [("Quiz: a short demo", '<seminar_quiz display_name="Demo quiz"/>')]
