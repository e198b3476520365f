"""`seminar serve --sources DIR` serves an author's own course folder, after checking it."""

import os

import pytest

from tests.unit.course.test_translation_sources import copy_without_translations
from xblocks.cli import main
from xblocks.devserver.course_scenarios import add_course_scenarios

pytestmark = pytest.mark.usefixtures("workbench_db")


def test_serve_refuses_broken_sources_saying_what_to_fix(tmp_path, capsys, monkeypatch):
    monkeypatch.delenv("SEMINAR_SOURCES", raising=False)
    root = copy_without_translations(tmp_path)
    (root / "courses" / "course.yaml").write_text("title: [unclosed\n", encoding="utf-8")
    with pytest.raises(SystemExit) as stopped:
        main(["serve", "--sources", str(root), "--port", "1"])
    assert "nothing was served" in str(stopped.value)
    assert "courses/course.yaml:" in capsys.readouterr().err
    assert "SEMINAR_SOURCES" not in os.environ


def test_the_workbench_serves_the_course_in_the_folder_named(tmp_path, monkeypatch):
    from workbench import scenarios

    root = copy_without_translations(tmp_path)
    lecture = root / "courses" / "lectures" / "d1-l1-ecosystem.md"
    text = lecture.read_text(encoding="utf-8")
    lecture.write_text(text.replace("title: The cross-border", "title: An author's own", 1))
    monkeypatch.setenv("SEMINAR_SOURCES", str(root))
    monkeypatch.setattr(scenarios, "SCENARIOS", {})  # the built-in course's stay as they are
    add_course_scenarios()
    assert "An author's own e-commerce ecosystem" in scenarios.SCENARIOS["course.01.01"].xml
    assert "<translation" not in scenarios.SCENARIOS["course.01.01"].xml  # none in that folder
