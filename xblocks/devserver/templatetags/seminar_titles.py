"""`{% unit_title description %}`: a unit's day and title in the page's language."""

from django import template

from xblocks.common.i18n import current_language
from xblocks.common.translations import reading_language

from ..course_scenarios import TITLES

register = template.Library()


@register.simple_tag
def unit_title(description):
    """The title in the active language (exactly or by its base language), else the
    source's `description`. Returned as text: the template escapes it."""
    titles = TITLES.get(description, {})
    language = reading_language("", list(titles), [current_language()])
    return titles.get(language, description)
