"""Init args are data, never author or learner text: every view of every block.

Runtimes differ in how they escape init args: the workbench writes them unescaped inside
<script type="json/xblock-args">, where "</script>" in any text ends the element and runs
what follows. Text reaches the browser in the rendered template instead (escaped by
Django, JSON through json_script), and the fragment builder refuses any "<" in init args.
"""

import json
import re

import pytest
from django.core.cache import caches

from tests.runtimes import call_handler, make_block
from tests.unit.quiz.data import quiz_fields
from xblocks.common.resources import InitArgsError
from xblocks.faq.block import FaqBlock
from xblocks.lecture.block import LectureBlock
from xblocks.lecture.block import resources as lecture_resources
from xblocks.quiz.block import QuizBlock

BREAKOUT = "</script><script>alert('breakout')</script>"


def hostile_lecture(staff=False):
    return make_block(
        LectureBlock,
        staff=staff,
        display_name=BREAKOUT,
        body=f"## {BREAKOUT}\n\n{BREAKOUT}",
        objectives=[BREAKOUT],
        takeaways=[BREAKOUT],
        speakers=[{"name": BREAKOUT, "role": BREAKOUT, "organisation": BREAKOUT}],
        handouts=[{"title": BREAKOUT, "url": "/static/x.pdf"}],
        transcript=BREAKOUT,
    )


def hostile_faq(staff=False):
    entry = {
        "id": "hostile-entry",
        "question": BREAKOUT,
        "answer": BREAKOUT,
        "category": BREAKOUT,
        "tags": [],
        "related": [],
    }
    block = make_block(FaqBlock, staff=staff, display_name=BREAKOUT, entries=[entry])
    call_handler(block, "vote", {"entry_id": "hostile-entry", "vote": "yes"})
    call_handler(block, "ask", {"question": BREAKOUT + " a learner's question"})
    return block


def hostile_quiz(staff=False):
    fields = quiz_fields(display_name=BREAKOUT, showanswer="always")
    for question in fields["questions"]:
        question["prompt"] = BREAKOUT
        question["explanation"] = BREAKOUT
        question["hints"] = [BREAKOUT]
        for choice in question["choices"]:
            choice["feedback"] = BREAKOUT
            if question["type"] != "true_false":
                choice["text"] = BREAKOUT
        if question["type"] == "text":
            question["answer"]["alternatives"] = [BREAKOUT]
    caches["default"].clear()  # attempt claims of earlier tests on the same usage id
    block = make_block(QuizBlock, staff=staff, **fields)
    call_handler(block, "hint", {"question": "single"})
    answers = {"text": BREAKOUT, "numeric": "12"}
    assert call_handler(block, "submit", {"answers": answers, "attempt": 0})[0] == 200
    return block


VIEWS = [
    (make, view, staff)
    for make in (hostile_lecture, hostile_faq, hostile_quiz)
    for view in ("student_view", "author_view", "studio_view")
    for staff in (False, True)
]


@pytest.mark.parametrize(
    ("make", "view", "staff"),
    VIEWS,
    ids=[f"{m.__name__}-{v}-{'staff' if s else 'learner'}" for m, v, s in VIEWS],
)
def test_no_text_reaches_init_args_and_the_page_holds_it_escaped(make, view, staff):
    block = make(staff=staff)
    fragment = getattr(block, view, block.student_view)()  # Studio's fallback for author_view
    args = json.dumps(fragment.json_init_args)
    assert "<" not in args and "breakout" not in args
    assert BREAKOUT not in fragment.content
    # The only script elements are JSON data (json_script), which cannot hold "<".
    for opening, data in re.findall(r"<script([^>]*)>(.*?)</script>", fragment.content, re.S):
        assert 'type="application/json"' in opening
        assert "<" not in data
        json.loads(data)


def test_the_fragment_builder_refuses_markup_in_init_args():
    block = make_block(LectureBlock)
    with pytest.raises(InitArgsError, match="<"):
        lecture_resources.fragment(
            block,
            "templates/student_view.html",
            block.view_context(),
            init="SeminarLectureBlock",
            args={"strings": {"title": "<b>"}},
        )
