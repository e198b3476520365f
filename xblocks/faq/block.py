"""FAQ block: the seminar's knowledge product, searchable, with votes and learner questions."""

from xblock.core import XBlock
from xblock.fields import Dict, List, Scope, String
from xblock.validation import ValidationMessage

from xblocks.common.base import SeminarBlock
from xblocks.common.i18n import gettext_noop as _
from xblocks.common.translations import TRANSLATABLE

from .entries import check_entries
from .handlers import FaqHandlersMixin
from .learner_state import report_rows
from .olx import FaqOlxMixin
from .scenarios import SCENARIOS
from .studio import FaqStudioMixin
from .views import FaqViewsMixin


@XBlock.wants("studio_user_permissions")
class FaqBlock(FaqViewsMixin, FaqHandlersMixin, FaqStudioMixin, FaqOlxMixin, SeminarBlock):
    """Questions and answers grouped by category, searchable as learners type."""

    translatable = TRANSLATABLE["seminar_faq"]

    display_name = String(
        display_name=_("Display name"),
        help=_("The name learners see in the course navigation."),
        scope=Scope.settings,
        default=_("Frequently asked questions"),
    )
    entries = List(
        display_name=_("Entries"),
        help=_("The questions and answers, in display order."),
        scope=Scope.content,
        default=[],
    )
    search_mode = String(
        display_name=_("Search"),
        help=_(
            "Where search runs: in the learner's browser (no waiting, the page carries every "
            "answer), on the server (light pages, answers load on demand), or chosen by size."
        ),
        scope=Scope.settings,
        default="auto",
        values=[
            {"display_name": _("By size (server above 300 entries)"), "value": "auto"},
            {"display_name": _("In the browser"), "value": "browser"},
            {"display_name": _("On the server"), "value": "server"},
        ],
    )
    votes = Dict(
        help=_("This learner's answers to 'Was this helpful?': entry id -> yes or no."),
        scope=Scope.user_state,
        default={},
    )
    questions = List(
        help=_("Questions this learner asked: id, text, submitted (UTC, ISO 8601)."),
        scope=Scope.user_state,
        default=[],
    )
    staff_answers = Dict(
        help=_("Staff decisions on learner questions: published as an entry, or dismissed."),
        scope=Scope.user_state_summary,
        default={},
    )

    def published_entries(self):
        """Entries staff published from learner questions, oldest first."""
        decisions = sorted(
            (d for d in (self.staff_answers or {}).values() if d.get("status") == "published"),
            key=lambda decision: decision.get("decided", ""),
        )
        return [decision["entry"] for decision in decisions]

    def all_entries(self, language=None):
        """Authored entries in one language (default: the learner's), then published ones
        (an authored entry wins an id clash)."""
        authored = list(self.localized_values(language)["entries"])
        ids = {entry["id"] for entry in authored}
        return authored + [entry for entry in self.published_entries() if entry["id"] not in ids]

    def validate_field_data(self, validation, data):
        _entries, errors = check_entries(data.entries, gettext=self.gettext)
        for index, field, message in errors[:20]:
            where = (
                self.gettext("Entry {number}, {field}: ").format(number=index + 1, field=field)
                if index is not None
                else ""
            )
            validation.add(ValidationMessage(ValidationMessage.ERROR, where + message))

    def generate_report_data(self, user_state_iterator, limit_responses=None):
        """Rows of votes and submitted questions, one per (learner, vote or question)."""
        return report_rows(self, user_state_iterator, limit_responses)

    @staticmethod
    def workbench_scenarios():
        return SCENARIOS
