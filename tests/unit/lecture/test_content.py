"""Page-ready Markdown, contents, reading time, video and handout rules, and render caching."""

import re
import uuid

import markdown
import pytest

from xblocks.course.sources import load_course
from xblocks.lecture.content import (
    WORDS_PER_MINUTE,
    TocEntry,
    anchor_prefix,
    body_text,
    handout_links,
    nested_toc,
    page_markdown,
    reading_minutes,
    video_sources,
)

from .conftest import LONG_BODY, lecture


def test_ids_and_fragment_links_get_the_block_prefix():
    html, toc = page_markdown("## Payment models\n\nA fact[^1].\n\n[^1]: Seed 001.", "lec-x-")
    # The shared renderer prefixes author ids with "md-"; the lecture adds its own prefix.
    assert '<h3 id="lec-x-md-payment-models">' in html
    assert 'href="#lec-x-md-fn:1"' in html and 'id="lec-x-md-fn:1"' in html
    assert 'href="#lec-x-md-fnref:1"' in html
    assert toc == (TocEntry("lec-x-md-payment-models", "Payment models", 3),)


def test_two_lectures_on_one_page_share_no_id():
    first = lecture(body=LONG_BODY)
    second = lecture(body=LONG_BODY)
    second.scope_ids = second.scope_ids._replace(usage_id="usage-other")
    ids = []
    for block in (first, second):
        html, _toc = page_markdown(block.body, block.anchor_prefix)
        ids.append(set(re.findall(r'id="([^"]+)"', html)))
    assert ids[0] and not ids[0] & ids[1]


def test_anchor_prefix_is_stable_and_id_safe():
    assert anchor_prefix("usage-1") == anchor_prefix("usage-1")
    assert anchor_prefix("usage-1") != anchor_prefix("usage-2")
    assert re.fullmatch(r"lec-[0-9a-f]{8}-", anchor_prefix("a b<c>"))


def test_tables_get_a_focusable_scrolling_wrapper():
    html, _toc = page_markdown("| a | b |\n|---|---|\n| 1 | 2 |\n\nafter", "p-")
    assert html.startswith('<div class="seminar-lecture__table" tabindex="0"><table>')
    assert "</table></div>" in html and "<p>after</p>" in html


def test_heading_shift_is_capped_at_h6():
    html, _toc = page_markdown("##### five\n\n###### six", "p-", 2)
    assert "<h6" in html and "<h7" not in html and "<h5" not in html


def test_contents_names_are_plain_text():
    _html, toc = page_markdown("## Q & A <b>x</b>\n\n## 中文", "p-")
    assert [entry.name for entry in toc] == ["Q & A x", "中文"]


def test_empty_text_renders_nothing():
    assert page_markdown("", "p-") == ("", ())
    assert page_markdown("   \n", "p-") == ("", ())


def test_an_unchanged_body_is_parsed_once_for_many_views(monkeypatch):
    calls = []
    original = markdown.Markdown.convert

    def counting_convert(self, source):
        calls.append(source)
        return original(self, source)

    monkeypatch.setattr(markdown.Markdown, "convert", counting_convert)
    body = f"## Section {uuid.uuid4()}\n\nText."
    block = lecture(body=body)
    for _ in range(25):
        block.student_view()
        block.student_view_data()
    assert calls.count(body) == 1
    block.body = body + "\n\nMore."
    block.student_view()
    assert calls.count(body + "\n\nMore.") == 1


@pytest.mark.parametrize(
    ("texts", "minutes"),
    [(("",), 1), (("word " * 200,), 1), (("word " * 201,), 2), (("word " * 450, "a b"), 3)],
)
def test_reading_minutes(texts, minutes):
    assert reading_minutes(*texts) == minutes


def test_reading_minutes_counts_chinese_characters():
    assert reading_minutes("跨境电商" * 150) == 2  # 600 characters ~ 300 words


def test_a_chinese_lecture_reads_as_long_as_its_english_source():
    """The seminar's own lectures in zh-hans, which have few spaces: counted in whitespace
    words each would take a minute, counted in characters about as long as in English."""
    for source in load_course().lectures:
        block = lecture(**source.fields, translations=source.translations)
        english = block.estimated_minutes(block.localized_values("en"))
        chinese_values = block.localized_values("zh-hans")
        assert chinese_values["body"] != source.fields["body"], source.id
        chinese = block.estimated_minutes(chinese_values)
        assert abs(chinese - english) <= english / 5, (source.id, english, chinese)
        texts = [body_text(chinese_values["body"]), *chinese_values["objectives"]]
        spaced_words = len(" ".join(texts + chinese_values["takeaways"]).split())
        assert spaced_words / WORDS_PER_MINUTE < 2 < english, (source.id, spaced_words)


def test_nested_toc_puts_h3_under_the_h2_before_it():
    entries = [
        TocEntry("a", "A", 3),
        TocEntry("a1", "A1", 4),
        TocEntry("b", "B", 3),
    ]
    assert nested_toc(entries) == [
        {"id": "a", "name": "A", "children": [{"id": "a1", "name": "A1", "children": []}]},
        {"id": "b", "name": "B", "children": []},
    ]


def test_nested_toc_with_a_leading_subsection():
    entries = [TocEntry("a1", "A1", 4), TocEntry("b", "B", 3)]
    assert [item["id"] for item in nested_toc(entries)] == ["a1", "b"]


def test_video_sources():
    assert video_sources("", "") is None
    assert video_sources("http://insecure.example/v.mp4", "") is None
    assert video_sources("", "too-short") is None
    youtube = video_sources("", "aBcDeFgHiJk")
    assert youtube == {
        "kind": "youtube",
        "src": "https://www.youtube-nocookie.com/embed/aBcDeFgHiJk",
        "file_url": "",
        "youtube_url": "https://www.youtube.com/watch?v=aBcDeFgHiJk",
    }
    assert video_sources("https://media.example.org/v.mp4", "")["kind"] == "file"


def test_handout_links_drop_invalid_entries():
    handouts = [
        {"title": "Slides", "url": "/static/s.pdf"},
        {"title": "Bad", "url": "javascript:alert(1)"},
        {"title": "", "url": "https://example.org/x.pdf"},
        "not a handout",
        {"title": "Agenda", "url": "https://sdgs.un.org/2030agenda"},
    ]
    assert handout_links(handouts, lambda url: "/asset" + url) == [
        {"title": "Slides", "url": "/asset/static/s.pdf"},
        {"title": "Agenda", "url": "https://sdgs.un.org/2030agenda"},
    ]
