"""What every seminar block is: translated, served from `static/`, service-aware."""

import re
from importlib.resources import files

from xblock.core import XBlock
from xblock.exceptions import DisallowedFileError
from xblock.fields import Scope, String

from .i18n import I18nMixin, content_attributes, gettext_noop, language_tag

_ = gettext_noop

# A block's public files: static/css/*.css and static/js/*.js, named relative to static/.
PUBLIC_FILE = re.compile(r"(css/[\w-]+\.css|js/[\w-]+\.js)")


@XBlock.needs("i18n")
@XBlock.wants("user", "settings", "replace_urls")
class SeminarBlock(I18nMixin, XBlock):
    """Base class of the seminar's blocks (not a block type of its own)."""

    public_dir = "static"

    # Open edX serves a block's files at xblock/resources/<package>/<uri> (package: the
    # block's module minus its last part, e.g. xblocks.lecture), and collectstatic's
    # XBlockPipelineFinder reads them from <package minus one more part>/<resources_dir>.
    # So resources_dir points at the block's own static/ folder from the xblocks package:
    # only those files are collectable (never course sources, templates or code), and
    # each URI a fragment links is a path inside static/.
    @classmethod
    def get_resources_dir(cls):
        return f"{cls._package().rsplit('.', 1)[-1]}/{cls.public_dir}"

    @classmethod
    def _package(cls):
        # The LMS mixes classes at run time: the mixed class is named in another module.
        return getattr(cls, "unmixed_class", cls).__module__.rsplit(".", 1)[0]

    @classmethod
    def open_local_resource(cls, uri):
        """The file behind `runtime.local_resource_url(block, uri)` (workbench, LMS debug)."""
        if isinstance(uri, bytes):
            uri = uri.decode("utf-8")
        if not PUBLIC_FILE.fullmatch(uri):
            raise DisallowedFileError(f"Not a public file of this block: {uri!r}")
        return files(cls._package()).joinpath(cls.public_dir, uri).open("rb")

    display_name = String(
        display_name=_("Display name"),
        help=_("The name learners see in the course navigation."),
        scope=Scope.settings,
        default="",
    )
    content_language = String(
        display_name=_("Content language"),
        help=_(
            "The language this block's text is written in, as a language code (en, fr, "
            "pt-BR). Empty: the course's language."
        ),
        scope=Scope.settings,
        default="",
    )

    def content_language_tag(self) -> str:
        """The language the author's text is in: the block's own setting, else the course's
        (Open edX's course `language`; Open edX does not pass it down, so it is read from the
        course block above), else '' (unknown)."""
        own = language_tag(self.content_language)
        if own:
            return own
        if not hasattr(self, "_course_language"):
            self._course_language = language_tag(course_language(self))
        return self._course_language

    def content_attributes(self) -> str:
        """` lang=".." dir=".."` for the elements that hold author text (see i18n.py)."""
        return content_attributes(self.content_language_tag())


def course_language(block, levels=8):
    """The `language` of the course block above `block`, or '' where there is none."""
    node = block
    for _level in range(levels):
        try:
            node = node.get_parent()
        except Exception:  # a runtime that cannot load parents here: language unknown
            return ""
        if node is None:
            return ""
        if node.scope_ids.block_type == "course":
            return getattr(node, "language", "") or ""
    return ""
