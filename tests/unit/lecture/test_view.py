"""The learner's view: header, SDG badges, contents, video on request, takeaways, completion."""

import json
import re

from django.utils import translation
from lxml import html as lxml_html

from .conftest import FULL, ReplaceUrls, lecture


def page(block):
    return lxml_html.fromstring(block.student_view().content)


def texts(tree, xpath):
    return [" ".join(node.text_content().split()) for node in tree.xpath(xpath)]


def test_header_shows_title_reading_time_speakers_and_objectives(full_lecture):
    tree = page(full_lecture)
    assert texts(tree, "//h2") == ["Getting paid across borders"]
    assert texts(tree, "//*[@class='seminar-lecture__meta']") == [
        "Estimated reading time: 1 minute"
    ]
    assert texts(tree, "//*[contains(@class, '__speakers')]//li") == [
        "Seminar course teamModule authors, seminar-xblocks",
        "Guest",
    ]
    assert texts(tree, "//*[contains(@class, '__objectives')]//li") == FULL["objectives"]


def test_sdg_badges_carry_number_and_official_name_as_text():
    tree = page(lecture(sdgs=[1, 8, 16, 17]))
    assert texts(tree, "//li[contains(@class, '__sdg ')]") == [
        "SDG 1 No poverty",
        "SDG 8 Decent work and economic growth",
        "SDG 16 Peace, justice and strong institutions",
        "SDG 17 Partnerships for the goals",
    ]
    assert not tree.xpath("//*[contains(@class, '__sdgs')]//img")
    assert tree.xpath("//li[contains(@class, 'seminar-lecture__sdg--16')]")


def test_sdg_numbers_outside_1_to_17_are_not_shown():
    tree = page(lecture(sdgs=[0, 8, 18]))
    assert texts(tree, "//li[contains(@class, '__sdg ')]") == [
        "SDG 8 Decent work and economic growth"
    ]


def test_sdg_names_are_translated_in_the_learners_language(monkeypatch):
    block = lecture(sdgs=[4])
    monkeypatch.setattr(type(block), "gettext", lambda self, text: f"[fr] {text}")
    assert "[fr] Quality education" in block.student_view().content


def test_reading_time_grows_with_the_text():
    words = " ".join(["word"] * 1000)
    tree = page(lecture(body=words))
    assert texts(tree, "//*[@class='seminar-lecture__meta']") == [
        "Estimated reading time: 5 minutes"
    ]


def test_long_lecture_gets_a_nested_table_of_contents(full_lecture):
    tree = page(full_lecture)
    links = tree.xpath("//nav//a")
    assert [a.text for a in links] == ["Why payment is harder", "The steps", "Escrow", "Questions"]
    assert tree.xpath("//nav/ol/li[2]/ol/li/a")[0].text == "Escrow"
    for link in links:  # every entry points at a heading of the text
        target = link.get("href")[1:]
        assert tree.xpath(f"//*[contains(@class, '__body')]//*[@id='{target}']")


def test_short_lecture_has_no_table_of_contents():
    assert not page(lecture(body="## One\n\ntext")).xpath("//nav")


def test_markdown_headings_sit_under_the_lecture_heading(full_lecture):
    body = page(full_lecture).xpath("//*[contains(@class, '__body')]")[0]
    assert [h.tag for h in body.xpath(".//h2|.//h3|.//h4")] == ["h3", "h3", "h4", "h3"]


def test_video_is_not_loaded_at_render_only_a_button_and_a_link(full_lecture):
    content = full_lecture.student_view().content
    tree = lxml_html.fromstring(content)
    assert not tree.xpath("//iframe|//video|//source")
    player = tree.xpath("//*[@data-player]")[0]
    assert player.get("data-src") == "https://www.youtube-nocookie.com/embed/aBcDeFgHiJk"
    assert player.xpath(".//button[@data-action='play'][@hidden]")
    assert "https://www.youtube.com/watch?v=aBcDeFgHiJk" in content
    assert texts(tree, "//*[contains(@class, '__transcript-text')]") == [FULL["transcript"]]


def test_video_file_is_preferred_and_offered_for_download():
    block = lecture(video_url="https://media.example.org/l.mp4", video_youtube_id="aBcDeFgHiJk")
    tree = page(block)
    player = tree.xpath("//*[@data-player]")[0]
    assert (player.get("data-kind"), player.get("data-src")) == (
        "file",
        "https://media.example.org/l.mp4",
    )
    assert [a.get("href") for a in player.xpath(".//a")] == [
        "https://media.example.org/l.mp4",
        "https://www.youtube.com/watch?v=aBcDeFgHiJk",
    ]


def test_invalid_video_values_never_reach_the_page():
    block = lecture(video_url="javascript:alert(1)", video_youtube_id="x' onload='y")
    content = block.student_view().content
    assert "data-player" not in content and "javascript:" not in content


def test_transcript_without_video_is_still_shown():
    tree = page(lecture(transcript="Spoken words."))
    assert not tree.xpath("//*[@data-player]")
    assert texts(tree, "//*[contains(@class, '__transcript-text')]") == ["Spoken words."]


def test_handouts_course_files_go_through_replace_urls():
    block = lecture(services={"replace_urls": ReplaceUrls()}, handouts=FULL["handouts"])
    hrefs = page(block).xpath("//*[contains(@class, '__handouts')]//a/@href")
    assert hrefs == [
        "/asset-v1:Seminar+SSC+2022+type@asset+block/slides.pdf",
        "https://sdgs.un.org/2030agenda",
    ]


def test_body_static_urls_go_through_replace_urls():
    block = lecture(services={"replace_urls": ReplaceUrls()}, body="![Map](/static/map.png)")
    assert (
        'src="/asset-v1:Seminar+SSC+2022+type@asset+block/map.png"' in block.student_view().content
    )


def test_without_replace_urls_service_static_urls_stay():
    block = lecture(body="![Map](/static/map.png)", handouts=FULL["handouts"])
    content = block.student_view().content
    assert 'src="/static/map.png"' in content and 'href="/static/slides.pdf"' in content


def test_takeaways_come_after_the_text_and_before_the_end_marker(full_lecture):
    content = full_lecture.student_view().content
    body = content.index("seminar-lecture__body")
    takeaways = content.index("Key takeaways")
    assert body < takeaways < content.index("data-end-marker")


def test_completion_state_is_rendered_for_reload():
    fresh = lecture().student_view()
    done = lecture(completed=True).student_view()
    assert "You have completed this lecture." not in fresh.content
    assert "You have completed this lecture." in done.content
    assert fresh.json_init_args["completed"] is False
    assert done.json_init_args["completed"] is True


def test_fragment_loads_the_blocks_own_css_and_js(full_lecture):
    frag = full_lecture.student_view()
    urls = [resource.data for resource in frag.resources if resource.kind == "url"]
    # Versioned by content, so that a browser may keep them until they change.
    assert [url.split("?v=")[0] for url in urls] == [
        "/resource/lectureblock/css/lecture.css",
        "/resource/lectureblock/js/lecture.js",
    ]
    assert all(re.fullmatch(r"[0-9a-f]{12}", url.split("?v=")[1]) for url in urls)
    # The helpers all blocks share (fetch with CSRF, gettext) come inline, before lecture.js.
    inline = [r for r in frag.resources if r.kind == "text"]
    assert len(inline) == 1 and "window.SeminarXBlocks = " in inline[0].data
    assert frag.resources.index(inline[0]) < [r.data for r in frag.resources].index(urls[1])
    assert frag.js_init_fn == "SeminarLectureBlock"
    assert set(frag.json_init_args["strings"]) == {
        "completed",
        "completedState",
        "saveFailed",
        "playerTitle",
    }


def test_staff_see_what_the_lecture_lacks_learners_do_not():
    staff_view = lecture(staff=True, body="text").student_view().content
    learner_view = lecture(body="text").student_view().content
    assert "The lecture has no learning objectives." in staff_view
    assert "Only course staff see this" not in learner_view


def test_root_carries_language_and_direction():
    with translation.override("ar"):
        content = lecture(body="نص").student_view().content
    assert re.search(r'<article class="seminar-lecture" lang="ar" dir="rtl"', content)


def test_author_text_is_escaped_in_the_header():
    block = lecture(
        display_name="<script>alert(1)</script>",
        objectives=["<img src=x onerror=alert(1)>"],
        speakers=[{"name": "<b>x</b>", "role": "", "organisation": ""}],
    )
    content = block.student_view().content
    assert "<script>alert" not in content and "<img src=x" not in content
    assert "&lt;script&gt;" in content


def test_init_args_carry_no_author_text():
    # XBlock's default runtime (the workbench) writes init args unescaped into <script>.
    block = lecture(
        display_name="</script><script>alert(1)</script>", video_youtube_id="aBcDeFgHiJk"
    )
    args = json.dumps(block.student_view().json_init_args)
    assert "<" not in args and "alert" not in args
    assert 'data-title="&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;"' in (
        block.student_view().content
    )


def test_studio_preview_shows_the_lecture_without_completion(full_lecture):
    frag = full_lecture.author_view()
    assert "Getting paid across borders" in frag.content and "Key takeaways" in frag.content
    assert 'data-action="complete"' not in frag.content
    assert frag.json_init_args["trackCompletion"] is False
    assert full_lecture.student_view().json_init_args["trackCompletion"] is True
