"""What every seminar block is: translated, served from `static/`, service-aware."""

from xblock.core import XBlock
from xblock.fields import Scope, String

from .i18n import I18nMixin, gettext_noop

_ = gettext_noop


@XBlock.needs("i18n")
@XBlock.wants("user", "settings", "replace_urls")
class SeminarBlock(I18nMixin, XBlock):
    """Base class of the seminar's blocks (not a block type of its own)."""

    public_dir = "static"

    display_name = String(
        display_name=_("Display name"),
        help=_("The name learners see in the course navigation."),
        scope=Scope.settings,
        default="",
    )
