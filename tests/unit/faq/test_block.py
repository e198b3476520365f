"""The FAQ block on a light runtime: views, learner handlers, tracking, reports."""

import json
import re
from types import SimpleNamespace

import pytest

from tests.runtimes import call_handler
from tests.unit.faq.helpers import course_entries, faq, many_entries
from xblocks.faq.search import SERVER_SEARCH_THRESHOLD


def init_args(fragment):
    return fragment.json_init_args


def test_student_view_groups_entries_by_category_with_disclosures():
    block = faq()
    html = block.student_view().content
    assert html.index("Cross-border e-commerce</h3>") < html.index("Payment and logistics</h3>")
    assert 'id="entry-what-is-escrow"' in html
    assert 'aria-expanded="false" aria-controls="faq-' in html
    assert html.count('class="faq-a" id="faq-') == 6
    # Questions first: every answer follows from the `answers` handler (slow connections).
    assert html.count(" hidden data-faq-pending></div>") == 6
    answers = call_handler(block, "answers", {})[1]["answers"]
    assert sorted(answers) == sorted(entry["id"] for entry in block.entries)
    assert "SDG 8: Decent work and economic growth" in answers["what-is-cross-border-ecommerce"]
    assert '<a href="#entry-how-do-payments-work" dir="auto">How do payments work' in "".join(
        answers.values()
    )


def test_the_page_carries_the_questions_and_the_answers_come_after():
    block = faq(course_entries())
    html = block.student_view().content
    answers = block.deferred_answers()
    assert len(html.encode()) < 40_000 < len("".join(answers.values()).encode())
    assert all(f'id="entry-{entry_id}"' in html for entry_id in answers)
    assert any(url.endswith("faq_answers.js") for url in fragment_urls(block.student_view()))
    assert call_handler(block, "answers", {"more": 1})[0] == 400


def test_markdown_answers_are_rendered_and_sanitised():
    entries = [
        {
            "id": "x",
            "question": "Q?",
            "category": "C",
            "tags": [],
            "related": [],
            "answer": "**Bold** <script>alert(1)</script> <a href='javascript:x'>l</a>",
        }
    ]
    html = faq(entries).deferred_answers()["x"]
    assert "<strong>Bold</strong>" in html
    assert "alert(1)" not in html and "javascript:" not in html


def test_small_faq_ships_no_index_but_the_text_the_browser_indexes():
    fragment = faq().student_view()
    args = init_args(fragment)
    assert args["mode"] == "client"
    assert "index" not in args  # faq_search.js builds it from the page (search.py)
    assert re.search(r'data-tags="[a-z0-9 -]*\bsdg-8 ', fragment.content)
    assert any(url.endswith("faq_search.js") for url in fragment_urls(fragment))
    assert not any(url.endswith("faq_server.js") for url in fragment_urls(fragment))


def fragment_urls(fragment):
    """The fragment's file URLs, without their version (`?v=`)."""
    return [r.data.split("?")[0] for r in fragment.resources if r.kind == "url"]


def test_large_faq_searches_on_the_server_and_renders_no_entries():
    fragment = faq(many_entries(SERVER_SEARCH_THRESHOLD + 1)).student_view()
    assert init_args(fragment) == {"mode": "server", "staff": False, "votes": {}, "lang": ""}
    assert 'class="faq-entry"' not in fragment.content
    assert "301 questions: search them, or choose a category." in fragment.content
    assert any(url.endswith("faq_server.js") for url in fragment_urls(fragment))


def test_search_mode_can_be_forced():
    assert init_args(faq(search_mode="server").student_view())["mode"] == "server"
    assert (
        init_args(faq(many_entries(400), search_mode="browser").student_view())["mode"] == "client"
    )


def test_staff_get_the_staff_panel_and_script():
    fragment = faq(staff=True).student_view()
    assert "data-faq-staff" in fragment.content
    assert any(url.endswith("faq_staff.js") for url in fragment_urls(fragment))
    assert "data-faq-staff" not in faq().student_view().content


# Votes ------------------------------------------------------------------------------------


def test_vote_is_one_per_learner_and_changeable():
    block = faq()
    assert call_handler(block, "vote", {"entry_id": "what-is-escrow", "vote": "yes"}) == (
        200,
        {"entry_id": "what-is-escrow", "vote": "yes"},
    )
    call_handler(block, "vote", {"entry_id": "what-is-escrow", "vote": "no"})
    assert block.votes == {"what-is-escrow": "no"}
    call_handler(block, "vote", {"entry_id": "what-is-escrow", "vote": None})
    assert block.votes == {}
    assert block.runtime.events[-1] == (
        "seminar.faq.voted",
        {"entry_id": "what-is-escrow", "vote": None, "previous": "no"},
    )


@pytest.mark.parametrize(
    "data",
    [
        {"entry_id": "nope", "vote": "yes"},
        {"entry_id": "what-is-escrow", "vote": "maybe"},
        {"entry_id": ["what-is-escrow"], "vote": "yes"},
        {"vote": "yes"},
    ],
)
def test_bad_votes_are_refused_and_change_nothing(data):
    block = faq()
    block.votes = {"how-do-payments-work": "yes"}
    status, body = call_handler(block, "vote", data)
    assert status == 400 and body["error"]
    assert block.votes == {"how-do-payments-work": "yes"}
    assert block.runtime.events == []


def test_the_learner_gets_their_votes_and_one_vote_template():
    block = faq()
    block.votes = {"what-is-escrow": "no"}
    fragment = block.student_view()
    assert init_args(fragment)["votes"] == {"what-is-escrow": "no"}
    assert fragment.content.count("data-faq-vote-template") == 1
    assert fragment.content.count('data-vote="yes"') == 1  # not one copy per entry


def test_entry_html_is_rendered_once_for_every_learner(monkeypatch):
    block = faq()
    first = block.student_view().content
    calls = []
    monkeypatch.setattr(type(block), "answer_html", lambda self, entry: calls.append(entry))
    other = faq()
    other.votes = {"what-is-escrow": "yes"}
    assert other.student_view().content == first
    assert calls == []


# Questions --------------------------------------------------------------------------------


def test_ask_stores_a_sanitised_question_and_tracks_its_length_only():
    block = faq()
    status, body = call_handler(
        block, "ask", {"question": "How do I <b>pay</b> & ship <script>x</script>?"}
    )
    assert status == 200
    assert body["question"]["text"] == "How do I pay & ship ?"
    assert body["question"]["status"] == "pending"
    assert "How do I pay &amp; ship ?" in body["questions_html"]
    assert block.questions == [{k: body["question"][k] for k in ("id", "text", "submitted")}]
    event, data = block.runtime.events[-1]
    assert event == "seminar.faq.question_submitted"
    assert data == {"question_id": body["question"]["id"], "length": len("How do I pay & ship ?")}


@pytest.mark.parametrize(("text", "status"), [("short", 400), ("x" * 501, 400), (42, 400)])
def test_ask_refuses_bad_questions(text, status):
    block = faq()
    code, body = call_handler(block, "ask", {"question": text})
    assert code == status and body["error"]
    assert block.questions == []


def test_a_learner_cannot_flood_the_queue():
    block = faq()
    for number in range(5):
        assert call_handler(block, "ask", {"question": f"Question number {number}?"})[0] == 200
    status, body = call_handler(block, "ask", {"question": "One question too many?"})
    assert status == 429 and "waiting for an answer" in body["error"]
    assert len(block.questions) == 5


def test_learners_see_the_status_of_their_questions():
    block = faq()
    block.questions = [
        {"id": "q1", "text": "First?", "submitted": "2024-01-01T00:00:00+00:00"},
        {"id": "q2", "text": "Second?", "submitted": "2024-01-02T00:00:00+00:00"},
        {"id": "q3", "text": "Third?", "submitted": "2024-01-03T00:00:00+00:00"},
    ]
    published = {
        "id": "new-entry",
        "question": "First, answered?",
        "answer": "Yes.",
        "category": "Payment and logistics",
        "tags": [],
        "related": [],
    }
    block.staff_answers = {
        "q1": {"status": "published", "entry": published, "decided": "2024-02-01T00:00:00+00:00"},
        "q2": {"status": "dismissed", "decided": "2024-02-01T00:00:00+00:00"},
    }
    status, body = call_handler(block, "student_view_user_state", {}, method="GET")
    assert status == 200
    assert [(q["id"], q["status"], q.get("entry_id")) for q in body["questions"]] == [
        ("q3", "pending", None),
        ("q2", "dismissed", None),
        ("q1", "published", "new-entry"),
    ]
    html = block.student_view().content
    assert "Waiting for an answer" in html and "Closed without an answer" in html
    assert '<a href="#entry-new-entry">Read the answer: First, answered?</a>' in html
    assert 'id="entry-new-entry"' in html  # the published entry is part of the FAQ


def test_an_authored_entry_wins_an_id_clash_with_a_published_one():
    block = faq()
    clash = {
        "id": "what-is-escrow",
        "question": "Other?",
        "answer": "x",
        "category": "C",
        "tags": [],
        "related": [],
    }
    block.staff_answers = {"q": {"status": "published", "entry": clash, "decided": "x"}}
    questions = [entry["question"] for entry in block.all_entries()]
    assert "Other?" not in questions and len(questions) == 6


# Search on the server and tracking -------------------------------------------------------


def test_server_search_ranks_pages_and_filters():
    block = faq(many_entries(150))
    status, body = call_handler(block, "search", {"q": "payments"})
    assert status == 200 and body["offset"] == 0
    assert len(body["ids"]) == 20 and body["total"] > 20
    assert 'class="faq-entry"' in body["html"]
    page2 = call_handler(block, "search", {"q": "payments", "offset": 20})[1]
    assert not set(page2["ids"]) & set(body["ids"])
    category = block.entries[0]["category"]
    browse = call_handler(block, "search", {"q": "", "category": category})[1]
    assert all(e["category"] == category for e in block.entries if e["id"] in browse["ids"])
    assert call_handler(block, "search", {"q": ""})[1] == {
        "total": 0,
        "offset": 0,
        "ids": [],
        "html": "",
        "foreign": False,
    }


def test_server_search_finds_one_entry_by_id():
    status, body = call_handler(faq(), "search", {"id": "what-is-escrow"})
    assert status == 200 and body["ids"] == ["what-is-escrow"] and body["total"] == 1
    assert call_handler(faq(), "search", {"id": "missing"})[0] == 404


@pytest.mark.parametrize(
    "data",
    [
        {"q": 3},
        {"q": "x" * 201},
        {"offset": -1},
        {"offset": True},
        {"id": "Bad Id"},
        {"category": 5},
    ],
)
def test_server_search_refuses_bad_input(data):
    assert call_handler(faq(), "search", data)[0] == 400


def test_search_tracking_never_sees_the_query_text():
    block = faq()
    assert call_handler(block, "log_search", {"query_length": 8, "result_count": 3}) == (200, {})
    assert block.runtime.events == [
        ("seminar.faq.searched", {"query_length": 8, "result_count": 3, "mode": "browser"})
    ]
    for bad in [
        {"query_length": "8", "result_count": 3},
        {"query_length": 500, "result_count": 1},
        {"query_length": 2, "result_count": -1},
        {"q": "secret"},
    ]:
        assert call_handler(block, "log_search", bad)[0] == 400
    assert len(block.runtime.events) == 1


# Staff, mobile, search engine, reports ---------------------------------------------------


@pytest.mark.parametrize("handler", ["staff_report", "publish_question", "dismiss_question"])
def test_staff_handlers_refuse_learners_with_a_reason(handler):
    block = faq()
    status, body = call_handler(block, handler, {"question_id": "q", "entry": {}})
    assert status == 403 and "staff" in body["error"]
    assert block.staff_answers == {}


def test_staff_report_says_when_the_runtime_cannot_count():
    status, body = call_handler(faq(staff=True), "staff_report", {})
    assert status == 200 and body["available"] is False
    assert "No learner question is waiting." in body["queue_html"]


def test_student_view_data_is_learner_independent():
    block = faq()
    block.votes = {"what-is-escrow": "yes"}
    data = block.student_view_data()
    assert set(data) == {
        *("display_name", "entries", "categories", "search", "question_length"),
        *("language", "languages"),
    }
    assert data["entries"][0]["answer_html"].startswith("<p>Trade in which")
    assert data["categories"] == [
        "Cross-border e-commerce",
        "Payment and logistics",
        "Sustainable Development Goals",
    ]
    assert "yes" not in json.dumps(data)


def test_index_dictionary_has_every_entry_as_plain_text():
    index = faq(course_entries()).index_dictionary()
    text = index["content"]["entries"]
    assert index["content_type"] == "FAQ"
    assert "What is escrow, and why does it build trust?" in text
    assert "trusted third party" in text and "<p>" not in text and "**" not in text


def test_report_has_a_row_per_vote_and_question():
    block = faq()
    states = [
        SimpleNamespace(
            username="ana",
            state={
                "votes": {"what-is-escrow": "yes"},
                "questions": [
                    {"id": "q1", "text": "Why?", "submitted": "2024-01-01T00:00:00+00:00"}
                ],
            },
        ),
        SimpleNamespace(
            username="bo", state={"votes": {"how-do-payments-work": "no", "what-is-escrow": "no"}}
        ),
    ]
    rows = list(block.generate_report_data(iter(states)))
    assert rows == [
        (
            "ana",
            {
                "Type": "vote",
                "Entry ID": "what-is-escrow",
                "Question": "What is escrow, and why does it build trust?",
                "Answer": "yes",
            },
        ),
        (
            "ana",
            {
                "Type": "question",
                "Entry ID": "",
                "Question": "Why?",
                "Answer": "pending",
                "Submitted": "2024-01-01T00:00:00+00:00",
            },
        ),
        (
            "bo",
            {
                "Type": "vote",
                "Entry ID": "how-do-payments-work",
                "Question": "How do payments work across borders?",
                "Answer": "no",
            },
        ),
        (
            "bo",
            {
                "Type": "vote",
                "Entry ID": "what-is-escrow",
                "Question": "What is escrow, and why does it build trust?",
                "Answer": "no",
            },
        ),
    ]
    assert len(list(block.generate_report_data(iter(states), limit_responses=3))) == 3


def test_validate_field_data_reports_bad_entries():
    from xblock.validation import Validation

    block = faq()
    block.entries = [*block.entries, {**block.entries[0]}]
    validation = Validation("usage-faq")
    block.validate_field_data(validation, block)
    assert not validation.empty
    assert "also used by entry 1" in validation.messages[0].text


def test_the_student_view_supports_mobile_apps():
    block = faq()
    assert block.has_support(block.student_view, "multi_device")


def test_the_staff_queue_shows_when_a_question_was_asked_in_utc():
    html = faq(staff=True).render_queue(
        [{"id": "a", "text": "Why?", "submitted": "2024-05-01T09:43:00+00:00"}]
    )
    assert "Asked on May 1, 2024, 9:43\u202fAM (UTC)" in html
