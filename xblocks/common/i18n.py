"""One gettext catalog for the whole package, used by Python, templates and JS.

Open edX activates the learner's language on each request; the dev server does the same
(`?lang=ar`). Blocks translate with the package's own catalog for that language, so the
strings are the same in every runtime.
"""

import gettext
import json
import re
from functools import lru_cache
from pathlib import Path

from django.utils import translation

LOCALE_DIR = Path(__file__).resolve().parent.parent / "conf" / "locale"
DOMAIN = "django"
JS_DOMAIN = "djangojs"
RTL_LANGUAGES = {"ar", "fa", "he", "ur"}
# Open edX and browsers name some languages differently from our catalog folders.
LOCALE_ALIASES = {"zh-cn": "zh_Hans", "zh-hans": "zh_Hans", "zh": "zh_Hans", "pt": "pt_BR"}
# A BCP 47 language tag as authors and platforms write them: "en", "pt-BR", "zh_Hans".
LANGUAGE_TAG = re.compile(r"[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*")


def gettext_noop(text):
    """Mark a string for extraction where it must stay untranslated (field definitions)."""
    return text


def current_language() -> str:
    return (translation.get_language() or "en").lower()


def locale_name(language: str) -> str:
    """Catalog folder for a language code: 'pt-br' -> 'pt_BR', 'ar' -> 'ar'."""
    language = language.lower()
    if language in LOCALE_ALIASES:
        return LOCALE_ALIASES[language]
    return translation.to_locale(language)


@lru_cache(maxsize=32)
def translation_for(language: str, domain: str = DOMAIN) -> gettext.NullTranslations:
    candidates = [locale_name(language), locale_name(language.split("-")[0])]
    return gettext.translation(domain, LOCALE_DIR, languages=candidates, fallback=True)


@lru_cache(maxsize=32)
def js_catalog_script(language: str) -> str:
    """Inline JS defining window.SeminarXBlocksI18N for `language` ('' when untranslated).

    Inline, not a separate file: one less request on slow connections, and no shared
    static URL across the three blocks' packages.
    """
    translations = translation_for(language, JS_DOMAIN)
    catalog = {}
    for key, value in getattr(translations, "_catalog", {}).items():
        if isinstance(key, tuple):  # plural forms: (msgid, index) -> list by index
            forms = catalog.setdefault(key[0], [])
            forms.extend([""] * (key[1] + 1 - len(forms)))
            forms[key[1]] = value
        elif key:
            catalog[key] = value
    if not catalog:
        return ""
    from .l10n import list_patterns  # l10n reads this module's locale names

    plural = (translations.info().get("plural-forms") or "plural=(n != 1);").split("plural=")[1]
    data = json.dumps(catalog, ensure_ascii=False, sort_keys=True).replace("</", "<\\/")
    lists = json.dumps(list_patterns(language), ensure_ascii=False).replace("</", "<\\/")
    return (
        "(function (catalog, pluralIndex, list) {\n"
        "  'use strict';\n"
        "  function lookup(text) { return catalog[text]; }\n"
        "  function join(pattern, a, b) { return pattern.replace('{0}', function () "
        "{ return a; }).replace('{1}', function () { return b; }); }\n"
        "  window.SeminarXBlocksI18N = {\n"
        "    gettext: function (text) { var t = lookup(text); "
        "return typeof t === 'string' ? t : (t && t[0]) || text; },\n"
        "    ngettext: function (one, many, n) { var t = lookup(one); "
        "var form = Array.isArray(t) && t[pluralIndex(n)]; "
        "return form || (n === 1 ? one : many); },\n"
        # As babel.lists.format_list folds the locale's patterns.
        "    formatList: function (items) { if (items.length < 3) { return items.length === 2 ? "
        "join(list[2], items[0], items[1]) : items.join(''); } "
        "var result = join(list.start, items[0], items[1]); "
        "items.slice(2, -1).forEach(function (item) { "
        "result = join(list.middle, result, item); }); "
        "return join(list.end, result, items[items.length - 1]); }\n"
        "  };\n"
        f"}}({data}, function (n) {{ return Number({plural.rstrip(';').strip()}); }}, {lists}));\n"
    )


def text_direction(language: str) -> str:
    return "rtl" if language.replace("_", "-").split("-")[0].lower() in RTL_LANGUAGES else "ltr"


def language_tag(code) -> str:
    """The HTML `lang` value of a language code ('zh_Hans' -> 'zh-Hans'), '' if it is none."""
    code = str(code or "").strip()
    return code.replace("_", "-") if LANGUAGE_TAG.fullmatch(code) else ""


def content_attributes(language: str) -> str:
    """` lang=".." dir=".."` for an element holding text written in `language`.

    Author text carries the language it is written in, not the learner's: an English
    lecture in an Arabic page is read with an English voice and laid out left to right.
    Unknown language: `dir="auto"` alone, so the text still takes its own direction.
    The value is safe in a template: `language_tag` lets only letters, digits and '-' by.
    """
    tag = language_tag(language)
    if not tag:
        return ' dir="auto"'
    return f' lang="{tag}" dir="{text_direction(tag)}"'


def content_language_args(language: str) -> dict:
    """{"lang", "dir"} of author text for a block's JS ("lang" '' and "dir" 'auto' if unknown)."""
    tag = language_tag(language)
    return {"lang": tag, "dir": text_direction(tag) if tag else "auto"}


class I18nMixin:
    """Gives a block `gettext`/`ngettext` in the learner's language, and lang/dir."""

    i18n_js_namespace = "SeminarXBlocksI18N"

    @property
    def translation(self):
        return translation_for(current_language())

    def gettext(self, text):
        return self.translation.gettext(text)

    def ngettext(self, singular, plural, count):
        return self.translation.ngettext(singular, plural, count)

    def language_attributes(self):
        language = current_language()
        return {"lang": language, "dir": text_direction(language)}
