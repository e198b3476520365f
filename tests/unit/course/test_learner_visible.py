"""Learners never see an internal name: the package name is in no file of the built course."""

import copy
import re

import pytest

from xblocks.course.booklet import booklet_html
from xblocks.course.olx import course_files
from xblocks.course.portable import portable_unit_blocks
from xblocks.course.sources import default_root, load_course

# The distribution name (pyproject.toml) and its import-style spelling.
PACKAGE_NAME = re.compile(r"seminar[-_]xblocks", re.IGNORECASE)
COURSE_TEAM = "Seminar course team"


@pytest.fixture(scope="module")
def course():
    return load_course(default_root())


def learner_visible_files(course):
    """{name: text} of everything a learner can be shown: both OLX builds and the booklet."""
    files = {}
    for build, built in (
        ("olx", course_files(course)),
        ("portable", course_files(course, portable_unit_blocks, advanced_modules=())),
    ):
        for name, data in built.items():
            if name.endswith((".xml", ".html", ".json")):
                files[f"{build}/{name}"] = data.decode("utf-8")
    files["booklet.html"] = booklet_html(course)
    return files


def package_name_hits(course):
    return sorted(
        name for name, text in learner_visible_files(course).items() if PACKAGE_NAME.search(text)
    )


def test_the_built_course_never_shows_the_package_name(course):
    assert package_name_hits(course) == []


def test_the_check_finds_the_package_name_in_a_speaker_block(course):
    broken = copy.deepcopy(course)
    broken.days[0].lectures[0].fields["speakers"][0]["organisation"] = "seminar-xblocks"
    hits = package_name_hits(broken)
    assert "olx/vertical/unit-d1-l1-ecosystem-lecture.xml" in hits
    assert "portable/html/d1-l1-ecosystem-lecture.html" in hits
    assert "booklet.html" in hits


def test_the_course_team_is_named_as_course_yaml_names_the_course(course):
    for lecture in course.lectures:
        for speaker in lecture.fields["speakers"]:
            if speaker["name"] == COURSE_TEAM:
                assert speaker["organisation"] == course.meta["org"], lecture.id
