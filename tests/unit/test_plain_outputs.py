"""What the search index and the mobile apps get is plain text or sanitised HTML, never
author markup: edx-search shows excerpts as HTML, and a native client may render a text
field as HTML.

In the index every string is plain text, HTML-escaped (as HtmlBlock's). In
`student_view_data` every field a client may show is plain text (markup removed) or, named
`*_html`, sanitised HTML (docs/native-api.md lists which).
"""

import pytest
from django.core.cache import caches

from tests.runtimes import make_block
from tests.unit.quiz.data import quiz_fields
from xblocks.faq.block import FaqBlock
from xblocks.lecture.block import LectureBlock
from xblocks.quiz.block import QuizBlock

MARKUP = "<script>alert('x')</script><b>Bold</b> <img src=x onerror=alert(2)> 5 < 6 & co"
KEPT = ("Bold", "5", "6", "co")


def hostile_lecture():
    return make_block(
        LectureBlock,
        display_name=MARKUP,
        body=f"## {MARKUP}\n\n{MARKUP}",
        objectives=[MARKUP],
        takeaways=[MARKUP],
        speakers=[{"name": MARKUP, "role": MARKUP, "organisation": MARKUP}],
        handouts=[{"title": MARKUP, "url": "/static/x.pdf"}],
        transcript=MARKUP,
    )


def hostile_faq():
    entry = {
        "id": "markup",
        "question": MARKUP,
        "answer": f"{MARKUP}\n\nSecond paragraph.",
        "category": MARKUP,
        "tags": ["payment"],
        "related": [],
    }
    return make_block(FaqBlock, display_name=MARKUP, entries=[entry])


def hostile_quiz():
    caches["default"].clear()
    fields = quiz_fields(display_name=MARKUP)
    for question in fields["questions"]:
        question["prompt"] = MARKUP
        for choice in question["choices"]:
            if question["type"] != "true_false":
                choice["text"] = MARKUP
    return make_block(QuizBlock, **fields)


BLOCKS = (hostile_lecture, hostile_faq, hostile_quiz)


def strings(value, path=""):
    """(path, string) for every string in a JSON-like value."""
    if isinstance(value, dict):
        for key, item in value.items():
            yield from strings(item, f"{path}.{key}")
    elif isinstance(value, list | tuple):
        for index, item in enumerate(value):
            yield from strings(item, f"{path}[{index}]")
    elif isinstance(value, str):
        yield path, value


@pytest.mark.parametrize("make", BLOCKS, ids=lambda make: make.__name__)
def test_the_search_index_holds_escaped_plain_text(make):
    content = make().index_dictionary()["content"]
    assert "display_name" in content
    found = dict(strings(content))
    for path, text in found.items():
        assert "<" not in text and "alert" not in text, (path, text)
    assert "Bold 5 &lt; 6 &amp; co" in found[".display_name"]


@pytest.mark.parametrize("make", BLOCKS, ids=lambda make: make.__name__)
def test_mobile_data_is_plain_text_or_sanitised_html(make):
    data = make().student_view_data()
    for path, text in strings(data):
        if path.rsplit(".", 1)[-1].endswith("_html"):
            assert "<script" not in text and "onerror" not in text, (path, text)
        elif path.rsplit(".", 1)[-1] not in ("id", "url", "youtube_id"):
            assert "<" not in text.replace("5 < 6", ""), (path, text)
            assert "alert" not in text, (path, text)
    assert data["display_name"] == "Bold 5 < 6 & co"


def test_quiz_choices_come_as_text_and_as_html():
    choice = hostile_quiz().student_view_data()["questions"][0]["choices"][0]
    assert choice["text"] == "Bold 5 < 6 & co"
    assert choice["text_html"].startswith("<b>Bold</b>")


def test_faq_answers_are_text_with_their_paragraphs_and_html():
    entry = hostile_faq().student_view_data()["entries"][0]
    assert entry["answer"] == "Bold 5 < 6 & co\nSecond paragraph."  # a line a paragraph
    assert "<p>Second paragraph.</p>" in entry["answer_html"]
