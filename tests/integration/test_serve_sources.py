"""`seminar serve --sources DIR` serves an author's own course folder, after checking it."""

import os

import pytest

from tests.unit.course.test_translation_sources import copy_without_translations
from xblocks.cli import main
from xblocks.devserver import course_scenarios
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
    # The built-in course's scenarios and titles stay as they are for the tests after this.
    monkeypatch.setattr(scenarios, "SCENARIOS", {})
    monkeypatch.setattr(course_scenarios, "TITLES", {})
    add_course_scenarios()
    assert "An author's own e-commerce ecosystem" in scenarios.SCENARIOS["course.01.01"].xml
    assert "<translation" not in scenarios.SCENARIOS["course.01.01"].xml  # none in that folder


def test_the_workbench_titles_each_unit_in_the_learner_s_language():
    from html import escape

    from django.test import Client
    from workbench.scenarios import get_scenarios

    get_scenarios()
    client = Client()
    french = "Jour 1\u00a0: comment fonctionne le commerce électronique transfrontière · "
    french += "L'écosystème du commerce électronique transfrontière"
    index = client.get("/", {"lang": "fr"}).content.decode()
    assert escape(french) in index and "Day 1: How cross-border" not in index
    arabic = "اليوم 1: كيف تعمل التجارة الإلكترونية العابرة للحدود · "
    arabic += "منظومة التجارة الإلكترونية العابرة للحدود"
    page = client.get("/scenario/course.01.01/", {"lang": "ar"}).content.decode()
    assert f"<h1>{arabic}</h1>" in page and f"<title>{arabic} · seminar-xblocks" in page
    # The outline's own names too (the FAQ's chapter), in the source for English.
    faq = next(
        n for n, s in get_scenarios().items() if n.startswith("course.") and "<seminar_faq" in s.xml
    )
    assert "Knowledge product" in client.get(f"/scenario/{faq}/", {"lang": "en"}).content.decode()
    assert (
        "Knowledge product" not in client.get(f"/scenario/{faq}/", {"lang": "es"}).content.decode()
    )
