"""What the Open edX platform reads from every block, tested as the platform reads it."""

import pickle
from importlib.resources import files

import pytest
from xblock.core import XBlock
from xblock.exceptions import DisallowedFileError

from tests.runtimes import make_block

BLOCK_TYPES = ("seminar_lecture", "seminar_faq", "seminar_quiz")
# Names the LMS's block-structure transformers collect from every block and pickle with
# the course's structure (grades, course blocks API, reports all read it).
COLLECTED_NAMES = (
    "title", "due", "start", "graded", "format", "weight", "has_score", "display_name",
    "visible_to_staff_only", "group_access", "show_correctness", "hide_after_due",
    "completion_mode", "days_early_for_beta", "self_paced", "course_version",
)  # fmt: skip
BLOCK_TYPE_OF = {XBlock.load_class(name): name for name in BLOCK_TYPES}


@pytest.fixture(params=BLOCK_TYPES)
def block(request):
    return make_block(XBlock.load_class(request.param))


def test_student_view_is_mobile_ready_where_the_platform_looks(block):
    # The course blocks API asks the view, not the class.
    assert block.has_support(block.student_view, "multi_device")


def test_collected_names_pickle(block):
    for name in COLLECTED_NAMES:
        value = getattr(block, name, None)
        pickle.dumps(value)
        assert not callable(value), f"{name} is a method: the block structure cannot pickle it"


def test_every_linked_file_is_served_and_collectable(block):
    cls = XBlock.load_class(BLOCK_TYPE_OF[type(block).unmixed_class])
    urls = [r.data for r in block.render("student_view", {}).resources if r.kind == "url"]
    assert urls
    collected = files("xblocks").joinpath(cls.get_resources_dir())
    for url in urls:
        uri = url.split(f"/resource/{block.scope_ids.block_type}/", 1)[1].split("?v=")[0]
        with cls.open_local_resource(uri) as handle:  # the workbench and LMS debug view
            assert handle.read(1)
        # collectstatic's finder: <package minus one part>/<resources dir>/<uri>
        assert collected.joinpath(uri).is_file()
    assert not any(path.suffix not in (".css", ".js") for path in _walk(collected))


@pytest.mark.parametrize(
    "uri", ["static/css/x.css", "../block.py", "css/../../block.py", "templates/student_view.html"]
)
def test_only_public_files_can_be_opened(block, uri):
    with pytest.raises(DisallowedFileError):
        type(block).open_local_resource(uri)


def _walk(folder):
    for item in folder.iterdir():
        if item.is_dir():
            yield from _walk(item)
        else:
            yield item
