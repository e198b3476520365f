"""The lecture in the real workbench runtime: OLX in, views out, handlers with real requests."""

import pytest
from lxml import etree
from lxml import html as lxml_html

from tests.runtimes import as_user, call_handler, workbench_block
from tests.unit.lecture.test_xss import assert_inert
from xblocks.course.blocks import block_olx
from xblocks.lecture.scenarios import DEMO, EDITABLE, HOSTILE, SCENARIOS
from xblocks.lecture.validation import EDITABLE_FIELDS

pytestmark = pytest.mark.usefixtures("workbench_db")


def field_values(block):
    return {name: getattr(block, name) for name in EDITABLE_FIELDS}


def export(block):
    node = etree.Element("x")
    block.add_xml_to_node(node)
    return etree.tostring(node, encoding="unicode")


def test_scenarios_load_and_render_in_the_workbench():
    for _description, xml in SCENARIOS:
        block = workbench_block(xml)
        frag = block.runtime.render(block, "student_view")
        assert 'class="seminar-lecture"' in frag.content
        assert block.runtime.render(block, "studio_view").content


def test_demo_is_a_complete_lecture():
    block = workbench_block(DEMO)
    assert block.scope_ids.block_type == "seminar_lecture"
    assert block.validate().messages == []
    assert len(block.objectives) == 3 and block.sdgs == [8, 9, 17]


def test_export_and_reimport_through_the_workbench_is_exact():
    block = workbench_block(DEMO)
    xml = export(block)
    assert xml.startswith('<seminar_lecture xblock-family="xblock.v1" display_name=')
    again = workbench_block(xml)
    assert field_values(again) == field_values(block)


def test_every_seminar_lecture_round_trips_through_the_course_build():
    from xblocks.course.sources import load_course

    lectures = load_course().lectures
    assert len(lectures) == 15
    for lecture in lectures:
        node = block_olx("seminar_lecture", lecture.id, lecture.fields)
        block = workbench_block(etree.tostring(node, encoding="unicode"))
        assert field_values(block) == lecture.fields, lecture.id
        assert block.validate().messages == [], lecture.id


def test_hostile_olx_imports_and_renders_inert():
    block = workbench_block(HOSTILE)
    content = block.runtime.render(block, "student_view").content
    assert_inert(
        content, allowed_buttons=1
    )  # no dangerous element, no on* attribute, no script URL
    # The one script element is the runtime's JSON init args, written unescaped by XBlock's
    # default runtime: no author text may reach it (it could close the element).
    scripts = lxml_html.fromstring(content).xpath("//script")
    assert [script.get("type") for script in scripts] == ["json/xblock-args"]
    assert "<" not in scripts[0].text and "alert" not in scripts[0].text


def test_invalid_olx_is_refused_by_the_runtime():
    with pytest.raises(ValueError, match="must start with https://"):
        workbench_block('<seminar_lecture video_url="javascript:alert(1)"/>')


def test_completion_survives_reload_and_belongs_to_one_learner():
    block = workbench_block(EDITABLE, user_id="learner_a")
    assert call_handler(block, "complete", {}) == (200, {"completed": True})
    reloaded = as_user(block, "learner_a")
    assert reloaded.completed is True
    assert (
        "You have completed this lecture."
        in reloaded.runtime.render(reloaded, "student_view").content
    )
    other = as_user(block, "learner_b")
    assert other.completed is False
    assert call_handler(other, "student_view_user_state", b"", method="GET") == (
        200,
        {"completed": False},
    )
    assert call_handler(reloaded, "complete", {}) == (200, {"completed": True})


def test_staff_edit_through_the_workbench_and_learners_cannot():
    block = workbench_block(EDITABLE, user_id="staff_1")
    payload = {**field_values(block), "display_name": "Edited title", "sdgs": [17, 8]}
    assert call_handler(block, "studio_submit", payload) == (200, {"saved": True})
    learner = as_user(block, "student_9")
    assert learner.display_name == "Edited title" and learner.sdgs == [17, 8]
    status, body = call_handler(learner, "studio_submit", {**payload, "display_name": "No"})
    assert status == 403 and body["error"]
    assert as_user(block, "staff_1").display_name == "Edited title"


def test_bad_edit_changes_nothing_in_storage():
    block = workbench_block(EDITABLE, user_id="staff_1")
    before = field_values(block)
    payload = {**before, "display_name": "Changed", "video_url": "http://insecure.example/v.mp4"}
    status, body = call_handler(block, "studio_submit", payload)
    assert status == 400 and "video_url" in body["field_errors"]
    assert field_values(as_user(block, "staff_1")) == before


def test_handler_urls_resolve_in_the_workbench():
    block = workbench_block(EDITABLE, user_id="student_1")
    for handler in ("complete", "student_view_user_state", "studio_submit", "preview"):
        assert f"/{handler}/" in block.runtime.handler_url(block, handler)
