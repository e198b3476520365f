"""The built seminar loads in the platform's modulestores with every block of ours."""

import collections

import pytest

from tests.platform.course import build


def test_lms_import_holds_every_lecture_quiz_and_the_faq(blocks):
    assert {t: len(keys) for t, keys in blocks.items()} == {
        "seminar_lecture": 15, "seminar_quiz": 16, "seminar_faq": 1,
    }  # fmt: skip


@pytest.mark.parametrize(
    "options",
    [(), ("--portable",), ("--portable", "--lang", "fr")],
    ids=["custom", "portable", "portable-fr"],
)
def test_xml_modulestore_loads_both_builds_without_errors(tmp_path, options):
    from django.conf import settings
    from xmodule.error_block import ErrorBlock
    from xmodule.modulestore.xml import XMLModuleStore

    root = build(tmp_path, *options)
    store = XMLModuleStore(
        str(root), source_dirs=["course"], load_error_blocks=True,
        default_class="xmodule.hidden_block.HiddenBlock", xblock_mixins=settings.XBLOCK_MIXINS,
    )  # fmt: skip
    (course,) = store.get_courses()
    assert store.get_course_errors(course.id) == []
    items = store.get_items(course.id)
    assert not [item for item in items if isinstance(item, ErrorBlock)]
    counts = collections.Counter(item.location.block_type for item in items)
    if options:
        assert not {"seminar_lecture", "seminar_quiz", "seminar_faq"} & set(counts)
        assert counts["problem"] > 100 and counts["html"] == 16, counts
    else:
        assert counts["seminar_quiz"] == 16 and counts["seminar_lecture"] == 15
    if "fr" in options:  # one course run per language, the whole of it in French
        assert (course.id.run, course.language) == ("2026-fr", "fr")
        chapters = [item.display_name for item in items if item.location.block_type == "chapter"]
        assert "Évaluation finale" in chapters


def test_seminar_check_passes_in_the_platforms_environment():
    from tests.platform.course import seminar

    assert "OK" in seminar("check").stdout
