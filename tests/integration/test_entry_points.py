"""The installed distribution exposes the three block types Open edX loads."""

from importlib.metadata import entry_points

from xblock.core import XBlock

EXPECTED = {"seminar_lecture", "seminar_faq", "seminar_quiz"}


def test_block_types_are_registered_once_each():
    names = [ep.name for ep in entry_points(group="xblock.v1") if ep.name.startswith("seminar_")]
    assert sorted(names) == sorted(EXPECTED)


def test_each_entry_point_loads_an_xblock_class():
    for name in EXPECTED:
        cls = XBlock.load_class(name)
        assert issubclass(cls, XBlock)
        assert cls.service_declaration("i18n") == "need"
