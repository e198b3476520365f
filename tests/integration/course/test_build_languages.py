"""The booklet and the portable course run per language: the whole of it in that language,
what has no translation whole in its source (marked so), and the same grading keys."""

import json
import re
import tarfile

import pytest
from lxml import etree, html

from tests.unit.course.test_translation_sources import LECTURE, pseudo_french, translate
from tests.unit.course.test_translation_sources import root as root
from xblocks.cli import main
from xblocks.course.booklet import booklet_html
from xblocks.course.sources import load_course

ARABIC = re.compile(r"[\u0600-\u06ff]")


@pytest.fixture(scope="module")
def course():
    return load_course()


def test_the_arabic_booklet_is_right_to_left_and_arabic_throughout(course):
    page = html.fromstring(booklet_html(course, "ar"))
    assert (page.get("lang"), page.get("dir")) == ("ar", "rtl")
    assert page.findtext(".//h1") == course.course_translations["ar"]["title"]
    assert page.findtext(".//nav/h2") == "المحتويات"
    assert [h.text for h in page.findall(".//section/h2")][-2:] == [
        "الأسئلة الشائعة",
        "مسرد المصطلحات",
    ]
    assert page.text_content().count("ترجم فريق المقرر هذا النص") == 1
    body = page.find(".//main").text_content()
    assert len(ARABIC.findall(body)) > 0.6 * len(re.findall(r"[^\W\d_]", body))
    # Every lecture and FAQ entry is translated: none is marked as another language.
    assert not page.xpath('//main//*[@lang and @lang != "ar"]')


def test_the_booklet_says_once_that_the_course_team_translated_it(course):
    french = html.fromstring(booklet_html(course, "fr")).text_content()
    assert french.count("L'équipe pédagogique a traduit ce texte") == 1
    assert "translated" not in html.fromstring(booklet_html(course)).text_content()


def test_an_untranslated_lecture_is_shown_whole_in_its_source_marked_english(root, tmp_path):
    translate(root, LECTURE)
    main(["booklet", "--sources", str(root), "--lang", "fr", "-o", str(tmp_path)])
    page = html.fromstring((tmp_path / "booklet-fr.html").read_text(encoding="utf-8"))
    assert page.get("lang") == "fr"
    translated, untranslated = (
        page.get_element_by_id("d1-l1-ecosystem"),
        page.get_element_by_id("d1-l2-operation-payment"),
    )
    assert translated.get("lang") == "fr" and untranslated.get("lang") == "en"
    assert untranslated.get("dir") == "ltr"
    assert page.findtext(".//nav/h2") == "Table des matières"
    headings = [h.text_content() for h in untranslated.iter("h4")]
    assert "Points clés à retenir" in headings  # the booklet's own words stay French
    source = load_course(root).lectures[0].fields["display_name"]
    assert translated.findtext("h3") == pseudo_french(source)


def test_booklet_lang_all_writes_one_file_per_language(root, tmp_path, capsys):
    translate(root, LECTURE)
    main(["booklet", "--sources", str(root), "--lang", "all", "-o", str(tmp_path)])
    assert sorted(p.name for p in tmp_path.glob("*.html")) == ["booklet-fr.html", "booklet.html"]
    with pytest.raises(SystemExit, match="--lang de: the course is in en, fr"):
        main(["booklet", "--sources", str(root), "--lang", "de", "-o", str(tmp_path)])


def _portable(tmp_path, *options):
    out = tmp_path / "-".join(options or ("source",))
    main(["build", "--portable", *options, "-o", str(out)])
    (tarball,) = out.glob("*.tar.gz")
    with tarfile.open(tarball) as archive:
        archive.extractall(out / "x", filter="data")
    return tarball, out / "x" / "course"


def _problems(folder):
    return {
        problem.get("url_name"): problem
        for path in sorted((folder / "vertical").glob("*.xml"))
        for problem in etree.parse(str(path)).getroot().iter("problem")
    }


def _keys(problem):
    """What capa grades: correct markers, numbers and tolerances (not the texts)."""
    marks = [c.get("correct") for c in problem.iter("choice")]
    numbers = [(n.get("answer"), n.find("responseparam").get("default")) for n in problem.iter(
        "numericalresponse"
    )]  # fmt: skip
    return marks, numbers, problem.get("weight"), problem.get("max_attempts")


@pytest.fixture(scope="module")
def portable(tmp_path_factory):
    tmp_path = tmp_path_factory.mktemp("portable")
    return _portable(tmp_path), _portable(tmp_path, "--lang", "fr")


def test_the_french_portable_run_is_its_own_course_run_in_french(portable, course):
    (_tarball, _source), (tarball, french) = portable
    assert tarball.name == "SSCeCommerce-ECOM101-2026-fr-portable.tar.gz"
    assert etree.parse(str(french / "course.xml")).getroot().get("url_name") == "2026-fr"
    policy = json.loads((french / "policies" / "2026-fr" / "policy.json").read_text())
    settings = policy["course/2026-fr"]
    assert settings["language"] == "fr"
    assert settings["display_name"] == course.course_translations["fr"]["title"]
    chapter = etree.parse(str(french / "chapter" / "day-1.xml")).getroot()
    assert chapter.get("display_name") == course.course_translations["fr"]["days.0.title"]
    final = etree.parse(str(french / "chapter" / "final-assessment.xml")).getroot()
    assert final.get("display_name") == "Évaluation finale"
    overview = (french / "about" / "overview.html").read_text(encoding="utf-8")
    assert "À propos de ce séminaire" in overview and "Ce que vous apprendrez" in overview
    assert overview.count("L&#x27;équipe pédagogique a traduit ce texte") == 1
    lecture = (french / "html" / "d1-l1-ecosystem-lecture.html").read_text(encoding="utf-8")
    assert "Objectifs d&#x27;apprentissage" in lecture or "Objectifs d'apprentissage" in lecture
    assert 'lang="fr"' in lecture


def test_the_french_problems_are_french_and_grade_the_same_keys(portable):
    (_t, source), (_tarball, french) = portable
    english, translated = _problems(source), _problems(french)
    assert english.keys() == translated.keys()
    assert all(_keys(english[name]) == _keys(translated[name]) for name in english)
    prompts = [p.findtext(".//label") for p in translated.values()]
    changed = [n for n in english if english[n].findtext(".//label") != translated[n].findtext(
        ".//label"
    )]  # fmt: skip
    assert len(changed) == len(english) and all(prompts)
    hints = [h.text for p in translated.values() for h in p.iter("hint", "choicehint")]
    english_hints = {h.text for p in english.values() for h in p.iter("hint", "choicehint")}
    assert hints and not set(hints) & english_hints
    name = "d1-l2-operation-payment-quiz-d1l2-escrow-name"
    text, source_text = translated[name].find(".//stringresponse"), english[name].find(
        ".//stringresponse"
    )  # fmt: skip
    accepted = [text.get("answer"), *(a.get("answer") for a in text.iter("additional_answer"))]
    assert accepted[0] == "séquestre"
    source_answers = [source_text.get("answer")]
    source_answers += [a.get("answer") for a in source_text.iter("additional_answer")]
    assert set(source_answers) <= set(accepted)  # an English answer is still right


def test_lang_goes_with_portable_and_names_a_language_of_the_course(tmp_path):
    with pytest.raises(SystemExit, match="--lang goes with --portable"):
        main(["build", "--lang", "fr", "-o", str(tmp_path)])
    with pytest.raises(SystemExit, match="--lang xx"):
        main(["build", "--portable", "--lang", "xx", "-o", str(tmp_path)])
