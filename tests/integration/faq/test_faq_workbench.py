"""The FAQ block through the real workbench runtime: OLX, views, votes, questions, staff."""

from types import SimpleNamespace

import pytest
from lxml import etree

from tests.runtimes import as_user, call_handler, workbench_block
from tests.unit.faq.helpers import course_entries, demo_entries, many_entries
from xblocks.common.learner_states import iter_learner_states
from xblocks.faq.scenarios import SCENARIOS, scenario_xml

pytestmark = pytest.mark.usefixtures("workbench_db")


def demo(user="student_1"):
    return workbench_block(SCENARIOS[0][1], user)


def test_scenarios_load_and_render():
    for _description, xml in SCENARIOS:
        block = workbench_block(xml)
        assert block.entries == demo_entries()
        html = block.runtime.render(block, "student_view").content
        assert "data-block-type='seminar_faq'" in html
        assert "Ask a question" in html


def test_olx_exported_by_the_workbench_block_imports_back_exactly():
    block = workbench_block(scenario_xml("Seminar FAQ", course_entries()))
    node = etree.Element("seminar_faq")
    block.add_xml_to_node(node)
    again = workbench_block(etree.tostring(node, encoding="unicode"))
    assert again.entries == block.entries == course_entries()
    assert again.display_name == "Seminar FAQ"


def test_votes_of_several_learners_are_counted_for_staff():
    block = demo("learner_a")
    votes = {"learner_a": "yes", "learner_b": "yes", "learner_c": "no"}
    for user, vote in votes.items():
        status, _body = call_handler(
            as_user(block, user), "vote", {"entry_id": "what-is-escrow", "vote": vote}
        )
        assert status == 200
    call_handler(as_user(block, "learner_c"), "vote", {"entry_id": "what-is-escrow", "vote": "yes"})
    status, report = call_handler(as_user(block, "staff_1"), "staff_report", {})
    assert status == 200 and report["available"] is True
    assert report["counts"]["what-is-escrow"] == {"yes": 3, "no": 0}
    assert report["counts"]["how-do-payments-work"] == {"yes": 0, "no": 0}
    assert report["voters"] == 3


def test_a_learner_cannot_read_counts_or_act_as_staff():
    block = demo("learner_x")
    for handler in ("staff_report", "publish_question", "dismiss_question"):
        status, body = call_handler(block, handler, {"question_id": "x", "entry": {}})
        assert status == 403 and body["error"] == "Only course staff can do this."


def test_question_is_answered_and_published_as_a_new_entry():
    block = demo("asker")
    status, asked = call_handler(block, "ask", {"question": "Can I sell handicrafts to Brazil?"})
    assert status == 200
    question_id = asked["question"]["id"]
    staff = as_user(block, "staff_1")
    report = call_handler(staff, "staff_report", {})[1]
    assert [q["id"] for q in report["queue"]] == [question_id]
    assert "Can I sell handicrafts to Brazil?" in report["queue_html"]

    entry = {
        "question": "Can I sell handicrafts abroad?",
        "answer": "Yes: start with a marketplace.",
        "category": "Cross-border e-commerce",
        "tags": "msmes, sdg-8",
        "related": "",
    }
    status, body = call_handler(
        staff, "publish_question", {"question_id": question_id, "entry": entry}
    )
    assert status == 200 and body["entry"]["id"] == "can-i-sell-handicrafts-abroad"

    learner = as_user(block, "asker")
    mine = call_handler(learner, "student_view_user_state", {}, method="GET")[1]["questions"]
    assert (
        mine[0]["status"] == "published" and mine[0]["entry_id"] == "can-i-sell-handicrafts-abroad"
    )
    html = learner.runtime.render(learner, "student_view").content
    assert 'id="entry-can-i-sell-handicrafts-abroad"' in html
    other = as_user(block, "someone_else")
    assert call_handler(other, "search", {"id": "can-i-sell-handicrafts-abroad"})[0] == 200
    assert (
        call_handler(other, "vote", {"entry_id": "can-i-sell-handicrafts-abroad", "vote": "yes"})[0]
        == 200
    )

    report = call_handler(staff, "staff_report", {})[1]
    assert report["queue"] == []
    assert report["published_text"].startswith(
        "# Cross-border e-commerce\n\n## Can I sell handicrafts"
    )
    again = call_handler(staff, "publish_question", {"question_id": question_id, "entry": entry})
    assert again[0] == 404


def test_publishing_validates_the_entry_before_deciding_anything():
    block = demo("asker2")
    question_id = call_handler(block, "ask", {"question": "What is a single window?"})[1][
        "question"
    ]["id"]
    staff = as_user(block, "staff_2")
    bad = {"question": "What is a single window?", "answer": "", "category": "Customs"}
    status, body = call_handler(
        staff, "publish_question", {"question_id": question_id, "entry": bad}
    )
    assert status == 400 and "answer" in body["error"]
    clash = {**bad, "answer": "A portal.", "id": "what-is-escrow"}
    status, body = call_handler(
        staff, "publish_question", {"question_id": question_id, "entry": clash}
    )
    assert status == 400 and "already used" in body["error"]
    assert as_user(block, "staff_2").staff_answers == {}


def test_question_can_be_dismissed():
    block = demo("asker3")
    question_id = call_handler(block, "ask", {"question": "Is this course free of charge?"})[1][
        "question"
    ]["id"]
    staff = as_user(block, "staff_3")
    assert call_handler(staff, "dismiss_question", {"question_id": question_id}) == (
        200,
        {"question_id": question_id, "status": "dismissed"},
    )
    mine = call_handler(as_user(block, "asker3"), "student_view_user_state", {}, method="GET")[1]
    assert mine["questions"][0]["status"] == "dismissed"
    assert call_handler(staff, "dismiss_question", {"question_id": "unknown"})[0] == 404


def test_report_from_the_learner_states():
    block = demo("reporter")
    call_handler(block, "vote", {"entry_id": "what-is-escrow", "vote": "no"})
    call_handler(block, "ask", {"question": "Where can I learn more about customs?"})
    states = [
        SimpleNamespace(username=user, state=state) for user, state in iter_learner_states(block)
    ]
    rows = list(block.generate_report_data(iter(states)))
    assert (
        "reporter",
        {
            "Type": "vote",
            "Entry ID": "what-is-escrow",
            "Question": "What is escrow, and why does it build trust?",
            "Answer": "no",
        },
    ) in rows
    assert any(
        user == "reporter" and row["Type"] == "question" and row["Answer"] == "pending"
        for user, row in rows
    )


def test_large_faq_is_searched_on_the_server():
    block = workbench_block(scenario_xml("Big FAQ", many_entries(320)), "searcher")
    fragment = block.runtime.render(block, "student_view")
    assert 'class="faq-entry"' not in fragment.content
    status, body = call_handler(block, "search", {"q": "escrow"})
    assert status == 200 and body["ids"][0].startswith("what-is-escrow")
    assert body["total"] <= 320 and 'class="faq-entry"' in body["html"]
