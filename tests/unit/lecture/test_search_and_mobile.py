"""Course search's index and the mobile apps' student_view_data."""

import json

from .conftest import FULL, ReplaceUrls, lecture


def test_index_has_title_objectives_takeaways_and_plain_text(full_lecture):
    index = full_lecture.index_dictionary()
    content = index["content"]
    assert content["display_name"] == "Getting paid across borders"
    assert content["objectives"] == "Describe one cross-border payment. Explain escrow."
    assert content["takeaways"] == FULL["takeaways"][0]
    assert content["body"].startswith("Why payment is harder A sale abroad adds currency")
    assert "<" not in content["body"] and "##" not in content["body"]
    assert content["transcript"] == FULL["transcript"]
    assert content["speakers"] == "Seminar course team Guest"
    assert index["content_type"] == "Text"


def test_index_text_is_html_safe_for_search_excerpts():
    # edx-search wraps matches in <b> and the LMS shows excerpts as HTML.
    block = lecture(body="Q&A <script>alert(1)</script> 1 < 2", objectives=["<b>x</b>"])
    content = block.index_dictionary()["content"]
    assert content["body"] == "Q&amp;A 1 &lt; 2"
    assert content["objectives"] == "x"  # plain text: markup removed, not indexed as words


def test_student_view_data_has_sanitised_html_and_metadata(full_lecture):
    data = full_lecture.student_view_data()
    json.dumps(data)  # the Course Blocks API serialises it
    assert data["display_name"] == FULL["display_name"]
    assert data["reading_time_minutes"] == 1
    assert data["speakers"] == FULL["speakers"]
    assert data["objectives"] == FULL["objectives"]
    assert data["takeaways"] == FULL["takeaways"]
    assert data["sdgs"] == [
        {"number": 8, "name": "Decent work and economic growth"},
        {"number": 9, "name": "Industry, innovation and infrastructure"},
        {"number": 17, "name": "Partnerships for the goals"},
    ]
    assert [entry["name"] for entry in data["toc"]] == [
        "Why payment is harder",
        "The steps",
        "Escrow",
        "Questions",
    ]
    assert data["toc"][0]["id"] in data["body_html"]
    assert data["video"] == {
        "url": "",
        "youtube_id": "aBcDeFgHiJk",
        "transcript_html": f"<p>{FULL['transcript']}</p>",
    }
    assert data["handouts"] == FULL["handouts"]


def test_student_view_data_is_the_same_for_every_learner():
    first = lecture(user_id="student_1", **FULL).student_view_data()
    done = lecture(user_id="student_2", completed=True, **FULL).student_view_data()
    assert first == done
    assert "completed" not in json.dumps(first)


def test_student_view_data_rewrites_course_file_urls():
    block = lecture(services={"replace_urls": ReplaceUrls()}, **FULL)
    assert block.student_view_data()["handouts"][0]["url"].startswith("/asset-v1:")


def test_student_view_data_never_carries_script():
    block = lecture(body="<script>x()</script><img src=x onerror=y()>", transcript="<script>z")
    serialised = json.dumps(block.student_view_data())
    assert "<script" not in serialised and "onerror" not in serialised
