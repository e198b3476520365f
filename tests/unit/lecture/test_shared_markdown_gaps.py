"""Gaps once found in the shared Markdown/sanitiser (xblocks/common/markdown.py): each test
now guards its fix there, beside the lecture's own defence.
"""

from xblocks.common.markdown import render_markdown, render_markdown_with_toc
from xblocks.lecture.content import page_markdown

from .conftest import lecture

GAP = "shared markdown.py gap, reported to the lead"


def test_shared_sanitiser_lets_author_ids_shadow_page_globals():
    # Any allow-listed tag keeps an author's id, and browsers expose element ids as
    # window properties: <a id="gettext"> makes window.gettext an element where a page
    # has no real global of that name (DOM clobbering), and ids can repeat across blocks.
    html = render_markdown('<a id="gettext" href="#x">x</a> <img id="SeminarXBlocksI18N" alt="">')
    assert 'id="gettext"' not in html and 'id="SeminarXBlocksI18N"' not in html


def test_lecture_prefixes_every_id_so_none_can_shadow_a_global():
    block = lecture(body='<a id="gettext" href="#gettext">x</a>\n\n## gettext')
    content = block.student_view().content
    prefix = block.anchor_prefix
    assert 'id="gettext"' not in content
    assert f'id="{prefix}md-gettext"' in content and f'href="#{prefix}md-gettext"' in content


def test_shared_config_drops_markdown_table_column_alignment():
    # The tables extension writes style="text-align: ..." which the sanitiser removes;
    # with {"tables": {"use_align_attribute": True}} it writes the allow-listed align=.
    html = render_markdown("| a | b |\n|:--|--:|\n| 1 | 2 |")
    assert 'align="right"' in html


def test_shared_sanitiser_keeps_plain_http_image_sources():
    # authoring.md says links must be https; an http image is mixed content on an https
    # LMS page and a request the learner's browser makes at page load.
    html = render_markdown("![map](http://maps.example.org/map.png)")
    assert "http://" not in html


def test_shared_config_cannot_give_markdown_images_width_and_height():
    # The issue wants images with width/height (no layout shift on slow connections);
    # without the attr_list extension Markdown image syntax cannot carry them.
    html = render_markdown("![Map](/static/map.png){width=640 height=360}")
    assert 'width="640"' in html


def test_raw_img_with_width_and_height_is_the_authors_way_meanwhile():
    html, _toc = page_markdown(
        '<img src="/static/map.png" alt="Map" width="640" height="360">', "p-"
    )
    assert 'width="640"' in html and 'height="360"' in html and 'loading="lazy"' in html


def test_shared_config_turns_a_level_one_heading_into_loose_text():
    # h1 is not allow-listed, so "# Title" loses its heading and paragraph both.
    assert render_markdown("# Title\n\ntext").startswith("<h")


def test_shared_cache_hands_out_a_mutable_contents_list():
    text = "## Cached contents gap"
    render_markdown_with_toc(text)[1].append({"id": "x", "name": "injected", "level": 2})
    assert len(render_markdown_with_toc(text)[1]) == 1


def test_lecture_contents_are_immutable_tuples():
    _html, toc = page_markdown("## A\n\n## B", "p-")
    assert isinstance(toc, tuple) and isinstance(toc[0], tuple)
