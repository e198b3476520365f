"""What every seminar block is: translated, served from `static/`, service-aware."""

import hashlib
import re
from importlib.resources import files

from django.utils.html import format_html, format_html_join
from xblock.core import XBlock
from xblock.exceptions import DisallowedFileError
from xblock.fields import Dict, Scope, String

from .handlers import json_api, require
from .i18n import I18nMixin, content_attributes, current_language, gettext_noop, language_tag
from .l10n import language_name
from .translation_studio import TranslationStudioMixin
from .translations import (
    ALTERNATIVES,
    complete_languages,
    overlay,
    reading_language,
    texts_at,
)

_ = gettext_noop

# A block's public files: static/css/*.css and static/js/*.js, named relative to static/.
PUBLIC_FILE = re.compile(r"(css/[\w-]+\.css|js/[\w-]+\.js)")


@XBlock.needs("i18n")
@XBlock.wants("user", "settings", "replace_urls")
class SeminarBlock(TranslationStudioMixin, I18nMixin, XBlock):
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

    translatable = ()  # the paths of the block's texts (TRANSLATABLE in translations.py)
    translations = Dict(
        display_name=_("Translations"),
        help=_("The block's texts in other languages: language code -> {text path: text}."),
        scope=Scope.content,
        default={},
    )
    # Scope.user_info: one value per learner for every block of every type (the LMS keys it
    # by field name alone; Scope.preferences would be one per block type).
    seminar_content_language = String(
        help=_("The content language this learner chose in a block ('': the platform's)."),
        scope=Scope.user_info,
        default="",
    )

    def source_language_tag(self) -> str:
        """The language the author's text is in: the block's own setting, else the course's
        (Open edX's course `language`; Open edX does not pass it down, so it is read from the
        course block above), else '' (unknown)."""
        own = language_tag(self.content_language)
        if own:
            return own
        if not hasattr(self, "_course_language"):
            self._course_language = language_tag(course_language(self))
        return self._course_language

    def translatable_values(self) -> dict:
        """The fields the block's translatable text paths start from."""
        names = {path.split(".")[0] for path in self.translatable}
        return {name: getattr(self, name) for name in names}

    def offered_languages(self) -> list:
        """The source language, then each language with a complete translation."""
        values = self.translatable_values()
        inputs = (self.translations, *values.values())
        # A render asks several times; the answer holds while the same field values do
        # (a save assigns new ones). Kept with the values themselves, compared by identity.
        cached = getattr(self, "_offered_for", None)
        if cached and len(cached[0]) == len(inputs):
            if all(kept is value for kept, value in zip(cached[0], inputs, strict=True)):
                return list(cached[1])
        needed = texts_at(values, self.translatable)
        source = self.source_language_tag()
        found = complete_languages(needed, self.translations, optional=(ALTERNATIVES,))
        offered = [source, *(code for code in found if code != source)]
        self._offered_for = (inputs, offered)
        return list(offered)

    def reading_language(self, requested="", learner=True) -> str:
        """The one language this block's content is read in: `requested` (an app's ?lang),
        then (`learner`) the learner's choice and the platform's active language, each
        exactly or by its base language, else the source (see translations.py)."""
        offered = self.offered_languages()
        wanted = [requested]
        if learner:
            wanted += [self.seminar_content_language, current_language()]
        return reading_language(offered[0], offered[1:], wanted)

    def language_data(self, language) -> dict:
        """{"language", "languages"} for the mobile data: the one given, and every one offered."""
        return {
            "language": language_tag(language),
            "languages": [
                {"code": language_tag(code), "name": language_name(code, code)}
                for code in self.offered_languages()
                if language_tag(code)
            ],
        }

    def localized_values(self, language=None) -> dict:
        """`translatable_values()` with the texts of `language` (default: the reading one)."""
        language = self.reading_language() if language is None else language
        values = self.translatable_values()
        texts = (self.translations or {}).get(language)
        return overlay(values, texts or {})  # a copy: callers may change it

    def content_language_tag(self) -> str:
        """The language of the content this learner reads (lang/dir of the author text)."""
        return language_tag(self.reading_language())

    @json_api()
    def set_content_language(self, data, suffix=""):
        """Save the learner's content language, one of this block's: it holds in every
        block of the course that has it (a user_info field)."""
        language = data.get("language")
        offered = self.offered_languages()
        require(
            isinstance(language, str) and language in offered,
            self.gettext("This content is not available in that language."),
        )
        self.seminar_content_language = language
        return {"language": language}

    def untranslated_note(self, reading) -> str:
        """A note when this block cannot give the learner the language they read in: the
        one they chose in a block's menu, or (in a translated block) the platform's."""
        wanted = self.seminar_content_language or (current_language() if self.translations else "")
        wanted_tag, reading_tag = language_tag(wanted).lower(), language_tag(reading).lower()
        if not wanted_tag or wanted_tag.split("-")[0] == reading_tag.split("-")[0]:
            return ""
        ui = current_language()
        return format_html(
            '<p class="seminar-language__note" data-untranslated>{}</p>',
            self.gettext(
                "This text is not yet translated into your language ({language}). "
                "It is shown in the original ({original})."
            ).format(
                language=language_name(wanted, ui) or wanted,
                original=language_name(reading, ui) or reading,
            ),
        )

    def language_switcher(self):
        """The language menu of a translated block, and a note saying who translated the
        text being read, or that it is not yet in the learner's language."""
        offered = self.offered_languages()
        reading, source = self.reading_language(), offered[0]
        missing = self.untranslated_note(reading)
        if len(offered) < 2 or not all(language_tag(code) for code in offered):
            return missing
        _ = self.gettext
        uid = (
            "sl-"
            + hashlib.sha1(
                str(self.scope_ids.usage_id).encode(), usedforsecurity=False
            ).hexdigest()[:8]
        )
        options = format_html_join(
            "",
            '<option value="{}" lang="{}"{}>{}</option>',
            (
                (code, language_tag(code), " selected" if code == reading else "", native)
                for code in offered
                for native in [language_name(code, code) or code]
            ),
        )
        note = missing
        if reading != source:
            note = format_html(
                '<p class="seminar-language__note">{}</p>',
                _("The course team translated this text from {language}.").format(
                    language=language_name(source, current_language()) or source
                ),
            )
        return format_html(
            '<form class="seminar-language" data-seminar-language>'
            '<label for="{uid}">{label}</label> <select id="{uid}" name="language">{options}'
            '</select> <button type="submit">{apply}</button> '
            '<span class="seminar-language__status" role="status" aria-live="polite"></span>'
            "</form>{note}",
            uid=uid,
            label=_("Content language"),
            options=options,
            apply=_("Show"),
            note=note,
        )

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
