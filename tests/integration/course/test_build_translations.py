"""`seminar build` puts every checked translation into the course's OLX, and the built
blocks read it in the learner's language."""

import tarfile
from html import escape

import pytest
from django.utils import translation
from lxml import etree

from tests.runtimes import workbench_block
from tests.unit.course.test_translation_sources import (
    FAQ,
    LECTURE,
    QUIZ,
    pseudo_french,
    translate,
)
from tests.unit.course.test_translation_sources import root as root
from xblocks.cli import main

pytestmark = pytest.mark.usefixtures("workbench_db")


def test_build_carries_translations_and_the_blocks_read_them(root, tmp_path):
    translate(root, LECTURE)
    translate(root, QUIZ)
    main(["build", "--sources", str(root), "-o", str(tmp_path / "out")])
    with tarfile.open(next((tmp_path / "out").glob("*.tar.gz"))) as archive:
        archive.extractall(tmp_path / "x", filter="data")
    units = tmp_path / "x" / "course" / "vertical"
    lecture = etree.parse(str(units / "unit-d1-l1-ecosystem-lecture.xml")).getroot()[0]
    assert [t.get("lang") for t in lecture.iter("translation")] == ["fr"]
    untranslated = etree.parse(str(units / "unit-d1-l2-operation-payment-lecture.xml")).getroot()
    assert not list(untranslated.iter("translation"))
    quiz = etree.parse(str(units / "unit-d1-l1-ecosystem-quiz.xml")).getroot()[0]
    block = workbench_block(etree.tostring(quiz, encoding="unicode"))
    changed = [q["prompt"] for q in block.questions if pseudo_french(q["prompt"]) != q["prompt"]]
    with translation.override("fr"):
        html = block.render("student_view", {}).body_html()
    assert changed and all(escape(pseudo_french(p), quote=False) in html for p in changed)
    assert not any(escape(p, quote=False) in html for p in changed)
    assert "data-seminar-language" in html
    overview = (tmp_path / "x" / "course" / "about" / "overview.html").read_text()
    assert "The course team translated the content from English into French" in overview


def built_block(out, unit):
    with tarfile.open(next(out.glob("*.tar.gz"))) as archive:
        archive.extractall(out / "x", filter="data")
    node = etree.parse(str(out / "x" / "course" / "vertical" / f"unit-{unit}.xml")).getroot()[0]
    return workbench_block(etree.tostring(node, encoding="unicode"))


def states(block):
    return {item["code"]: item["state"] for item in block.translation_states()}


def test_studio_shows_accepted_translations_of_a_build_as_up_to_date(root, tmp_path):
    # Accepted translations are "current" in Studio, as if saved there; one never accepted
    # is "unknown"; one accepted before its source changed is not called up to date.
    for source in (LECTURE, QUIZ):
        translate(root, source)
    main(["accept-translations", "fr", f"courses/lectures/fr/{LECTURE.split('/')[-1]}",
          "--sources", str(root)])  # fmt: skip
    main(["build", "--sources", str(root), "-o", str(tmp_path / "a")])
    assert states(built_block(tmp_path / "a", "d1-l1-ecosystem-lecture"))["fr"] == "current"
    assert states(built_block(tmp_path / "a", "d1-l1-ecosystem-quiz"))["fr"] == "unknown"

    source = root / LECTURE
    source.write_text(source.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    main(["build", "--sources", str(root), "-o", str(tmp_path / "b")])
    assert states(built_block(tmp_path / "b", "d1-l1-ecosystem-lecture"))["fr"] == "unknown"


def test_the_faq_is_up_to_date_only_when_every_faq_file_is_accepted(root, tmp_path):
    translate(root, FAQ)
    main(["accept-translations", "fr", "--sources", str(root)])
    main(["build", "--sources", str(root), "-o", str(tmp_path / "a")])
    assert states(built_block(tmp_path / "a", "faq"))["fr"] == "unknown"  # one file of several
    for source in sorted((root / "courses" / "faq").glob("*.md")):
        translate(root, str(source.relative_to(root)))
    main(["accept-translations", "fr", "--sources", str(root)])
    main(["build", "--sources", str(root), "-o", str(tmp_path / "b")])
    assert states(built_block(tmp_path / "b", "faq"))["fr"] == "current"


def test_the_seminar_built_as_it_ships_has_every_translation_up_to_date(tmp_path):
    main(["build", "-o", str(tmp_path)])
    for unit in ("d1-l1-ecosystem-lecture", "d1-l1-ecosystem-quiz", "faq", "final-quiz"):
        found = states(built_block(tmp_path, unit))
        assert set(found) == {"en", "fr", "es", "ar", "pt-br", "ru", "zh-hans"}, unit
        assert set(found.values()) == {"source", "current"}, (unit, found)
