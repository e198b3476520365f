"""`seminar build` puts every checked translation into the course's OLX, and the built
blocks read it in the learner's language."""

import tarfile
from html import escape

import pytest
from django.utils import translation
from lxml import etree

from tests.runtimes import workbench_block
from tests.unit.course.test_translation_sources import LECTURE, QUIZ, pseudo_french, translate
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
