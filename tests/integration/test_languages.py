"""Each block renders in the learner's language; Arabic right to left, with a JS catalog."""

import pytest
from django.utils import translation

from tests.runtimes import workbench_block
from xblocks.common.i18n import js_catalog_script, translation_for

pytestmark = pytest.mark.usefixtures("workbench_db")

DEMOS = {
    "seminar_lecture": "Mark as complete",
    "seminar_quiz": "Submit",
    "seminar_faq": "Search the questions and answers",
}
LANGUAGES = ["ar", "fr", "zh-hans", "ru", "es", "pt-br"]


def demo_block(block_type):
    from xblock.core import XBlock

    _name, xml = XBlock.load_class(block_type).workbench_scenarios()[0]
    return workbench_block(xml)


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("block_type", sorted(DEMOS))
def test_block_renders_translated_in_the_learners_language(block_type, language):
    english = DEMOS[block_type]
    translated = translation_for(language).gettext(english)
    assert translated != english, f"'{english}' has no {language} translation"
    with translation.override(language):
        html = demo_block(block_type).render("student_view", {}).body_html()
    assert translated in html
    expected_dir = 'dir="rtl"' if language == "ar" else 'dir="ltr"'
    assert f'lang="{language}"' in html and expected_dir in html


def test_english_pages_carry_no_js_catalog_and_arabic_ones_do():
    assert js_catalog_script("en") == ""
    script = js_catalog_script("ar")
    assert "window.SeminarXBlocksI18N" in script and "</script" not in script
    with translation.override("ar"):
        frag = demo_block("seminar_quiz").render("student_view", {})
    assert any("SeminarXBlocksI18N" in resource.data for resource in frag.resources)
