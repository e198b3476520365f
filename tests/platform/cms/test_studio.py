"""A course author works in Studio: import, editors, saves, publish, export, search."""

import collections
import copy
import json

import pytest
from django.urls import reverse
from lxml import etree

OURS = ("seminar_lecture", "seminar_faq", "seminar_quiz")


def store():
    from xmodule.modulestore.django import modulestore

    return modulestore()


def test_import_brings_every_block_with_no_error(studio_import):
    course_key, _root, logged = studio_import
    counts = collections.Counter(item.location.block_type for item in store().get_items(course_key))
    assert {t: counts[t] for t in OURS} == {
        "seminar_lecture": 15, "seminar_quiz": 16, "seminar_faq": 1,
    }  # fmt: skip
    problems = [
        r.getMessage() for r in logged if r.levelno >= 40 or "Unable to load" in r.getMessage()
    ]
    assert problems == []


def view(client, key, view_name):
    url = reverse(
        "xblock_view_handler", kwargs={"usage_key_string": str(key), "view_name": view_name}
    )
    return client.get(url, HTTP_ACCEPT="application/json")


@pytest.mark.parametrize("block_type", OURS)
@pytest.mark.parametrize("view_name", ["studio_view", "author_view"])
def test_editor_and_preview_open_for_a_course_author(ours, author, block_type, view_name):
    response = view(author, ours[block_type], view_name)
    assert response.status_code == 200, response.content[:300]
    html = response.json()["html"]
    assert "xblock-render-error" not in html and "render-error" not in html
    assert f"xblock-{view_name}-{block_type}" in html or "data-block-type" in html
    if view_name == "studio_view":
        assert "save-button" in html and "cancel-button" in html


@pytest.mark.parametrize("block_type", OURS)
def test_a_user_with_no_course_role_cannot_open_the_editor(ours, outsider, block_type):
    assert view(outsider, ours[block_type], "studio_view").status_code == 403


def handler(client, key, name, payload):
    url = reverse(
        "component_handler", kwargs={"usage_key_string": str(key), "handler": name, "suffix": ""}
    )
    return client.post(url, data=json.dumps(payload), content_type="application/json")


def lecture_payload(block, body):
    from xblocks.lecture.validation import EDITABLE_FIELDS

    payload = {name: copy.deepcopy(getattr(block, name)) for name in EDITABLE_FIELDS}
    payload["body"] = body
    return payload


def quiz_payload(block, prompt):
    questions = copy.deepcopy(block.questions)
    questions[0]["prompt"] = prompt
    return {"fields": {"questions": questions}}


def faq_payload(block, answer):
    entries = copy.deepcopy(block.entries)
    entries[0]["answer"] = answer
    return {
        "display_name": block.display_name,
        "search_mode": block.search_mode,
        "entries": entries,
    }


EDITS = {
    "seminar_lecture": ("studio_submit", lecture_payload, lambda b: b.body),
    "seminar_quiz": ("studio_submit", quiz_payload, lambda b: b.questions[0]["prompt"]),
    "seminar_faq": ("studio_save", faq_payload, lambda b: b.entries[0]["answer"]),
}


@pytest.mark.parametrize("block_type", OURS)
def test_saves_work_for_the_author_and_are_refused_for_a_user_with_no_role(
    ours, author, outsider, block_type
):
    name, payload_for, read = EDITS[block_type]
    key = ours[block_type]
    original = read(store().get_item(key))
    refused = handler(
        outsider, key, name, payload_for(store().get_item(key), original + " OUTSIDER")
    )
    assert refused.status_code == 403, refused.content[:300]
    assert read(store().get_item(key)) == original
    edited = original + " Edited by the author."
    saved = handler(author, key, name, payload_for(store().get_item(key), edited))
    assert saved.status_code == 200, saved.content[:300]
    assert read(store().get_item(key)) == edited


def publish_unit_of(author, key):
    """Publish the unit holding `key` as an author does, with Studio's own view."""
    unit = store().get_parent_location(key)
    url = reverse("xblock_handler", kwargs={"usage_key_string": str(unit)})
    response = author.post(
        url, data=json.dumps({"publish": "make_public"}), content_type="application/json",
        HTTP_ACCEPT="application/json",
    )  # fmt: skip
    assert response.status_code == 200, response.content[:300]


def olx_of(folder, block_type):
    """{url_name: canonical XML} of every block of `block_type` in an OLX folder."""
    found = {}
    for path in (folder / "course").rglob("*.xml"):
        for element in etree.parse(str(path)).iter(block_type):
            element.attrib.pop("xblock-family", None)
            found[element.get("url_name") or path.stem] = etree.tostring(element, method="c14n")
    return found


def test_publish_then_export_gives_back_the_imported_olx_but_for_the_edits(
    studio_import, ours, author, tmp_path
):
    from xmodule.contentstore.django import contentstore
    from xmodule.modulestore import ModuleStoreEnum
    from xmodule.modulestore.xml_exporter import export_course_to_xml

    course_key, root, _ = studio_import
    for block_type, key in ours.items():
        publish_unit_of(author, key)
        with store().branch_setting(ModuleStoreEnum.Branch.published_only, course_key):
            published = store().get_item(key)
        assert EDITS[block_type][2](published) == EDITS[block_type][2](store().get_item(key))
    export_course_to_xml(store(), contentstore(), course_key, str(tmp_path), "course")
    for block_type in OURS:
        before, after = olx_of(root, block_type), olx_of(tmp_path, block_type)
        assert len(after) == len(before)
        changed = [name for name in before if before[name] != after.get(name)]
        edited = ours[block_type].block_id
        assert changed in ([], [edited]), changed  # only the block the author edited


def test_the_courseware_search_indexer_indexes_our_blocks_as_plain_text(course_key):
    from cms.djangoapps.contentstore.courseware_index import CoursewareSearchIndexer
    from search.search_engine_base import SearchEngine

    CoursewareSearchIndexer.index(store(), course_key)
    searcher = SearchEngine.get_search_engine(CoursewareSearchIndexer.INDEX_NAME)
    results = searcher.search(field_dictionary={"course": str(course_key)}, size=1000)["results"]
    docs = [r["data"] for r in results if "seminar_" in r["data"].get("id", "")]
    kinds = collections.Counter(d["id"].split("type@")[1].split("+")[0] for d in docs)
    assert kinds == {"seminar_lecture": 15, "seminar_quiz": 16, "seminar_faq": 1}
    text = json.dumps([d.get("content") for d in docs])
    assert "<script" not in text and '"correct"' not in text
    hits = searcher.search(query_string="escrow", field_dictionary={"course": str(course_key)})
    assert hits["total"] > 0


def test_a_translation_saved_in_studio_is_stored_and_published(
    studio_import, ours, author, outsider
):
    from xmodule.modulestore import ModuleStoreEnum

    course_key = studio_import[0]
    key = ours["seminar_lecture"]
    block = store().get_item(key)
    texts = {path: f"{text} (fr)" for path, text in block.source_texts().items()}
    payload = {"language": "fr", "texts": texts}
    assert handler(outsider, key, "save_translation", payload).status_code == 403
    saved = handler(author, key, "save_translation", payload)
    assert saved.status_code == 200, saved.content[:300]
    stored = store().get_item(key)
    assert stored.translations["fr"] == texts
    assert [s["state"] for s in stored.translation_states() if s["code"] == "fr"] == ["current"]
    publish_unit_of(author, key)
    with store().branch_setting(ModuleStoreEnum.Branch.published_only, course_key):
        published = store().get_item(key)
    assert published.translations["fr"] == texts
    assert "fr" in published.offered_languages()
