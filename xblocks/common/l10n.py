"""The learner's locale's own rules for lists, dates and language names (CLDR, via Babel).

A string join or Django's date formats get other languages wrong: Django has no Arabic
DATETIME_FORMAT and falls back to English order ("ديسمبر 2, 2026"), and "1, 3" is not
how Arabic lists. Babel carries CLDR's data for every language the catalog has; the JS
gets the same list patterns (`list_patterns`), so Python and the browser agree.
"""

import datetime
from functools import lru_cache

from babel import Locale, UnknownLocaleError
from babel.dates import format_date, format_time, get_datetime_format
from babel.lists import format_list as babel_format_list

from .i18n import locale_name

LIST_PARTS = ("2", "start", "middle", "end")


@lru_cache(maxsize=32)
def babel_locale(language: str) -> Locale:
    """Babel's locale for a language code ('ar', 'zh-hans', 'pt-br'), English if unknown."""
    language = (language or "en").lower()
    for name in (locale_name(language), locale_name(language.split("-")[0]), "en"):
        try:
            return Locale.parse(name)
        except (UnknownLocaleError, ValueError):
            continue
    raise AssertionError("Babel has no English locale")  # pragma: no cover


def format_list(items, language: str) -> str:
    """'1, 2, and 3' in English, '1 و2 و3' in Arabic: the locale's 'and' list."""
    return babel_format_list([str(item) for item in items], locale=babel_locale(language))


@lru_cache(maxsize=32)
def list_patterns(language: str) -> dict:
    """The locale's 'and' list patterns ({"2", "start", "middle", "end"}) for the JS."""
    patterns = babel_locale(language).list_patterns["standard"]
    return {part: patterns[part] for part in LIST_PARTS}


def format_datetime(value: datetime.datetime, language: str) -> str:
    """A date and time in UTC, written as the locale writes them ('December 2, 2026,
    10:05 AM'; '2 ديسمبر 2026، 10:05 ص')."""
    locale = babel_locale(language)
    value = value if value.tzinfo else value.replace(tzinfo=datetime.UTC)
    date = format_date(value.date(), "long", locale=locale)
    time = format_time(value, "short", tzinfo=datetime.UTC, locale=locale)
    return get_datetime_format("medium", locale=locale).replace("{1}", date).replace("{0}", time)


def language_name(code: str, language: str) -> str:
    """The name of language `code` in `language` ('en' in Arabic: 'الإنجليزية'), or ''."""
    try:
        named = Locale.parse(code.replace("-", "_"))
    except (UnknownLocaleError, ValueError):
        return ""
    return named.get_display_name(babel_locale(language)) or ""
