"""Every unit renders in the LMS for an enrolled learner; every file it links is collected."""

import re

import pytest
from django.urls import reverse

from tests.platform.course import OURS, client_for
from xblocks.common.resources import file_version

from .conftest import lms_block


def units_with_our_blocks(blocks):
    from xmodule.modulestore.django import modulestore

    store = modulestore()
    return sorted({store.get_parent_location(key) for keys in blocks.values() for key in keys})


def test_every_unit_renders_for_an_enrolled_learner(blocks, learner):
    client = client_for(learner)
    units = units_with_our_blocks(blocks)
    assert len(units) == 32
    for unit in units:
        response = client.get(reverse("render_xblock", kwargs={"usage_key_string": str(unit)}))
        assert response.status_code == 200, unit
        page = response.content.decode()
        assert "xblock-student_view-seminar_" in page, unit
        assert "render-error" not in page and "ErrorBlock" not in page


def collected_paths():
    """What collectstatic copies for our package: the platform's finder, as collectstatic
    runs it (list, then open each file), over our package's storages only (the platform's
    own blocks need a frontend build this machine does not have)."""
    from openedx.core.lib.xblock_pipeline.finder import XBlockPipelineFinder

    finder = XBlockPipelineFinder()
    storages = finder.package_storages
    finder.package_storages = [s for s in storages if s.module.startswith("xblocks.")]
    collected = set()
    for path, storage in finder.list(ignore_patterns=[]):
        with storage.open(path) as handle:
            assert handle.read(1), path
        collected.add(f"{storage.prefix}/{path}")
    return collected


def test_every_linked_file_is_collected_and_nothing_else_of_ours(blocks, learner):
    ours = collected_paths()
    linked = set()
    for block_type in OURS:
        block = lms_block(learner, blocks[block_type][0])
        for resource in block.render("student_view", {}).resources:
            if resource.kind == "url":
                # Each link carries its content's version, which the file's path ignores.
                path, version = re.fullmatch(r".*?/static/(.*)\?v=(\w+)", resource.data).groups()
                assert version == file_version(type(block), re.sub(r".*?/xblocks\.\w+/", "", path))
                linked.add(path)
    assert linked, "the fragments link their CSS and JS"
    assert linked <= ours, linked - ours
    # Nothing but the blocks' CSS and JS: no course source, quiz key, template or module.
    public = re.compile(r"xblock/resources/xblocks\.\w+/(css|js)/[\w-]+\.(css|js)")
    assert all(public.fullmatch(path) for path in ours), ours


def editor_payload(block):
    """A valid save from each block's own editor, with the block's current values."""
    from xblocks.lecture.validation import EDITABLE_FIELDS

    if block.scope_ids.block_type == "seminar_lecture":
        return "studio_submit", {name: getattr(block, name) for name in EDITABLE_FIELDS}
    if block.scope_ids.block_type == "seminar_faq":
        fields = {"display_name": "FAQ", "search_mode": "auto", "entries": block.entries}
        return "studio_save", fields
    return "studio_submit", {"fields": {"showanswer": "always", "max_attempts": None}}


@pytest.mark.parametrize("block_type", OURS)
def test_studio_save_in_the_lms_is_refused_before_any_write(blocks, staff, learner, block_type):
    """Content and settings are read-only in the LMS: a save there is a 4xx, never a 500."""
    from openedx.core.lib.url_utils import quote_slashes

    key = blocks[block_type][0]
    before = lms_block(staff, key)
    handler, payload = editor_payload(before)
    url = reverse("xblock_handler", kwargs={
        "course_id": str(key.course_key), "usage_id": quote_slashes(str(key)), "handler": handler,
    })  # fmt: skip
    for user in (staff, learner):
        response = client_for(user).post(url, data=payload, content_type="application/json")
        assert 400 <= response.status_code < 500, response.content[:300]
        assert "error" in response.json()
    after = lms_block(staff, key)
    assert (after.display_name, after.showanswer) == (before.display_name, before.showanswer)
