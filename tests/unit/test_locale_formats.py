"""Lists, dates and language names as each locale writes them (CLDR through Babel), and
the language of author text (issue #18)."""

import datetime

import pytest

from tests.runtimes import make_block
from xblocks.common.base import course_language
from xblocks.common.i18n import content_attributes, js_catalog_script, language_tag
from xblocks.common.l10n import format_datetime, format_list, language_name, list_patterns
from xblocks.lecture.block import LectureBlock

WHEN = datetime.datetime(2026, 12, 2, 10, 5, tzinfo=datetime.UTC)


@pytest.mark.parametrize(
    ("language", "listed", "written"),
    [
        ("en", "1, 3, and 4", "December 2, 2026, 10:05\u202fAM"),
        ("ar", "1 و3 و4", "2 ديسمبر 2026، 10:05 ص"),
        ("fr", "1, 3 et 4", "2 décembre 2026, 10:05"),
        ("zh-hans", "1、3和4", "2026年12月2日 10:05"),
        ("pt-br", "1, 3 e 4", "2 de dezembro de 2026 10:05"),
    ],
)
def test_lists_and_dates_follow_the_locale(language, listed, written):
    assert format_list([1, 3, 4], language) == listed
    assert format_datetime(WHEN, language) == written


def test_the_js_catalog_lists_as_python_does():
    assert list_patterns("ar")["end"] == "{0} و{1}"
    assert '"end": "{0} و{1}"' in js_catalog_script("ar") and "formatList" in js_catalog_script(
        "ar"
    )


def test_language_names_are_in_the_learner_language():
    assert language_name("en", "ar") == "الإنجليزية"
    assert language_name("en", "fr") == "anglais"
    assert language_name("not a code", "en") == ""


@pytest.mark.parametrize(
    ("code", "attributes"),
    [
        ("en", ' lang="en" dir="ltr"'),
        ("ar", ' lang="ar" dir="rtl"'),
        ("zh_Hans", ' lang="zh-Hans" dir="ltr"'),
        ("", ' dir="auto"'),
        ('en" onclick="x', ' dir="auto"'),
    ],
)
def test_author_text_attributes_are_a_checked_language_tag(code, attributes):
    assert content_attributes(code) == attributes
    assert language_tag(code) in attributes


class Node:
    def __init__(self, block_type, parent=None, **fields):
        self.scope_ids = type("Ids", (), {"block_type": block_type})()
        self.parent_node = parent
        self.__dict__.update(fields)

    def get_parent(self):
        return self.parent_node


def test_content_language_is_the_block_s_own_else_the_course_s():
    course = Node("course", language="fr")
    unit = Node("vertical", Node("sequential", Node("chapter", course)))
    assert course_language(Node("seminar_lecture", unit)) == "fr"
    assert course_language(Node("seminar_lecture", Node("vertical"))) == ""
    block = make_block(LectureBlock, content_language="pt_BR")
    assert block.content_language_tag() == "pt-BR"
    assert make_block(LectureBlock).content_language_tag() == ""  # no course above: unknown
