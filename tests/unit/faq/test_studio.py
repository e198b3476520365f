"""The Studio editor: a form with validation, preview, and bulk text import/export."""

import json

import pytest

from tests.runtimes import call_handler
from tests.unit.faq.helpers import demo_entries, faq
from xblocks.faq.textformat import write_faq


def author(**fields):
    return faq(staff=True, **fields)


def save_data(**changes):
    return {"display_name": "FAQ", "search_mode": "auto", "entries": demo_entries(), **changes}


def test_studio_view_is_a_labelled_form_with_save_and_cancel():
    fragment = author().studio_view()
    html = fragment.content
    assert 'class="save-button"' in html and 'class="cancel-button"' in html
    assert "<legend>FAQ settings</legend>" in html and "<legend>Search</legend>" in html
    assert 'for="faq-' in html and "data-entry-template" in html
    data = html.split('type="application/json">')[1].split("</script>")[0]
    assert json.loads(data) == demo_entries()


def test_author_text_cannot_close_the_studio_data_script():
    entries = demo_entries()
    entries[0]["answer"] = "</script><script>alert(1)</script>"
    html = author(entries=entries).studio_view().content
    assert "</script><script>alert(1)" not in html


def test_valid_save_stores_normalised_entries_and_makes_missing_ids():
    block = author()
    entries = [
        *demo_entries(),
        {
            "id": "",
            "question": "What is a bonded warehouse?",
            "answer": "A warehouse under customs control.",
            "category": "Payment and logistics",
            "tags": "customs, logistics",
            "related": "",
        },
    ]
    status, body = call_handler(
        block, "studio_save", save_data(entries=entries, search_mode="server")
    )
    assert status == 200
    assert block.entries[-1]["id"] == "what-is-a-bonded-warehouse"
    assert block.entries[-1]["tags"] == ["customs", "logistics"]
    assert block.search_mode == "server" and block.display_name == "FAQ"
    assert body["entries"] == block.entries


def test_invalid_save_marks_each_field_and_saves_nothing():
    block = author()
    before = list(block.entries)
    entries = demo_entries()
    entries[1]["answer"] = ""
    entries[2]["tags"] = "Not OK"
    entries[3]["related"] = "missing-entry"
    status, body = call_handler(
        block, "studio_save", save_data(display_name=" ", search_mode="x", entries=entries)
    )
    assert status == 400
    assert body["error"] == "Nothing was saved: correct the marked fields."
    assert set(body["field_errors"]) == {
        "display_name",
        "search_mode",
        "entries.1.answer",
        "entries.2.tags",
        "entries.3.related",
    }
    assert block.entries == before and block.display_name == "Frequently asked questions"


def test_learners_cannot_save():
    block = faq()
    status, body = call_handler(block, "studio_save", save_data(entries=[]))
    assert status == 403 and "authors" in body["error"]
    assert len(block.entries) == 6


def test_preview_renders_sanitised_markdown():
    status, body = call_handler(author(), "preview", {"answer": "**Hi** <script>x()</script>"})
    assert status == 200 and body["html"] == "<p><strong>Hi</strong> </p>"
    assert call_handler(author(), "preview", {"answer": 3})[0] == 400


def test_import_text_gives_entries_or_line_errors_without_saving():
    block = author()
    status, body = call_handler(block, "import_text", {"text": write_faq(demo_entries())})
    assert status == 200 and body["entries"] == demo_entries()
    status, body = call_handler(block, "import_text", {"text": "# C\n\n## Q?\n\nA.\n"})
    assert status == 400 and body["line_errors"] == [[3, "the entry 'Q?' has no 'id:' line"]]
    assert len(block.entries) == 6


def test_import_checks_related_ids_across_the_whole_text():
    text = "# C\n\n## Q?\nid: q\nrelated: elsewhere\n\nA.\n"
    status, body = call_handler(author(), "import_text", {"text": text})
    assert status == 400 and "'elsewhere' matches no entry" in body["error"]


def test_export_text_is_the_courses_faq_format():
    status, body = call_handler(author(), "export_text", {"entries": demo_entries()})
    assert status == 200 and body["text"] == write_faq(demo_entries())
    bad = demo_entries()
    bad[0]["question"] = ""
    assert call_handler(author(), "export_text", {"entries": bad})[0] == 400


@pytest.mark.parametrize("handler", ["import_text", "export_text", "studio_save"])
def test_studio_handlers_refuse_non_objects(handler):
    assert call_handler(author(), handler, [1, 2])[0] == 400
