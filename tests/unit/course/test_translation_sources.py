"""Translations beside the sources: `seminar check` refuses a translation whose structure or
figures differ from its source (file and line named), and notes translations older than it."""

import shutil

import pytest

from xblocks.cli import main
from xblocks.course.sources import SourcesInvalid, default_root, load_course
from xblocks.course.translations import LANGUAGE_DIR, SOURCE_DIRS, digit_runs

QUIZ = "quizzes/d1-l1-ecosystem.txt"
LECTURE = "courses/lectures/d1-l1-ecosystem.md"
FAQ = "courses/faq/cross-border-ecommerce.md"


def _sources_only(directory, names):
    return [name for name in names if LANGUAGE_DIR.match(name) and name not in SOURCE_DIRS]


def pseudo_french(text):
    """A stand-in translation: other words, the same structure and numbers."""
    return text.replace(" the ", " le ").replace(" and ", " et ").replace(" of ", " de ")


def copy_without_translations(target):
    """The seminar's sources in `target`, their translations left out."""
    for folder in ("courses", "quizzes"):
        shutil.copytree(default_root() / folder, target / folder, ignore=_sources_only)
    return target


@pytest.fixture
def root(tmp_path):
    return copy_without_translations(tmp_path)


def translate(root, source, language="fr", change=None):
    source_path = root / source
    parts = source.split("/")
    target = root.joinpath(*parts[:-1], language, parts[-1])
    if source.endswith(("glossary.md", "course.yaml")):
        target = root / "courses" / language / parts[-1]
    target.parent.mkdir(parents=True, exist_ok=True)
    text = source_path.read_text(encoding="utf-8")
    target.write_text(pseudo_french(change(text) if change else text), encoding="utf-8")
    return target


def problems(root):
    with pytest.raises(SourcesInvalid) as raised:
        load_course(root)
    return [str(error) for error in raised.value.errors]


def test_a_faithful_translation_is_loaded_as_texts_beside_its_source(root):
    for source in (QUIZ, LECTURE, FAQ, "courses/glossary.md"):
        translate(root, source)
    course = load_course(root)
    assert course.languages == ["fr"]
    quiz = next(q for q in course.quizzes if q.id == "d1-l1-ecosystem")
    texts = quiz.translations["fr"]
    first = quiz.fields["questions"][0]
    assert texts[f"questions.{first['id']}.prompt"] == pseudo_french(first["prompt"])
    assert not any(path.endswith((".correct", ".id")) for path in texts)  # texts only
    lecture = course.lectures[0]
    assert lecture.translations["fr"]["body"] == pseudo_french(lecture.fields["body"])
    faq_paths = course.faq_translations["fr"]
    assert "entries.what-is-cross-border-ecommerce.answer" in faq_paths
    assert len(course.glossary_translations["fr"]) == len(course.glossary)
    # A source without a translation (every other lecture) has none: it falls back.
    assert course.lectures[1].translations == {}


@pytest.mark.parametrize(
    ("source", "change", "said"),
    [
        (QUIZ, lambda t: t.replace("id: d1l1-parts", "id: d1l1-pieces"), "ids differ"),
        (
            QUIZ,
            lambda t: t.replace("[ ] A single world currency", "[x] A single world currency"),
            "a different correct marker",
        ),
        (
            QUIZ,
            lambda t: t.replace(
                "( ) The product was made from imported materials "
                "{{ Imported inputs do not make the online sale itself "
                "cross-border. }}\n",
                "",
            ),
            "ids differ",
        ),
        (QUIZ, lambda t: t.replace("max_attempts: 3", "max_attempts: 4"), "max_attempts"),
        (LECTURE, lambda t: t.replace("At the 2022 online", "At the 2023 online"), "2022"),
        (LECTURE, lambda t: t.replace("sdgs: [8, 9, 17]", "sdgs: [8, 9]"), "sdgs"),
        (FAQ, lambda t: t.replace("id: b2b-and-b2c", "id: b2b-et-b2c"), "ids differ"),
        (FAQ, lambda t: t.replace("tags: b2b, b2c", "tags: b2b"), "tags"),
    ],
)
def test_check_refuses_a_translation_whose_structure_or_numbers_differ(root, source, change, said):
    target = translate(root, source, change=change)
    found = problems(root)
    name = str(target.relative_to(root))
    assert any(error.startswith(name + ":") and said in error for error in found), found
    line = int(next(e for e in found if e.startswith(name)).split(":")[1])
    assert line > 1  # the line of the question, entry or key, not the top of the file


def test_the_line_named_holds_the_changed_figure(root):
    target = translate(root, LECTURE, change=lambda t: t.replace("At the 2022", "At the 2023"))
    error = next(e for e in problems(root) if "2023" in e)
    line = int(error.split(":")[1])
    assert "2023" in target.read_text(encoding="utf-8").splitlines()[line - 1]
    assert "missing from the source: 2022" in error and "not in the source: 2023" in error


def test_numbers_written_another_way_are_the_same_numbers(root):
    assert digit_runs("1,100+ from 90 countries, 2.5%") == digit_runs("1 100+ de 90 pays, 2,5 %")
    assert digit_runs("٢٠٢٢") == digit_runs("2022")
    assert digit_runs("2.05") != digit_runs("2.5")
    translate(root, LECTURE, change=lambda t: t.replace("At the 2022 online", "En ٢٠٢٢ online"))
    assert "fr" in load_course(root).lectures[0].translations


def test_chinese_amounts_in_wan_and_yi_are_the_source_figures():
    assert digit_runs("20 million yuan, 6.1 million, 100 million") == digit_runs(
        "2000万元、610万、1亿"
    )
    assert digit_runs("50,000 learners") == digit_runs("5万名学员")
    assert digit_runs("20 million") != digit_runs("200万")  # 2 million: a changed figure
    assert digit_runs("on 25 March 2022") == digit_runs("于2022年3月25日")
    assert digit_runs("for 3 months") == digit_runs("为期3个月")  # a duration is a figure


def test_a_translation_without_a_source_or_with_a_text_missing_is_refused(root):
    translate(root, LECTURE)
    orphan = root / "courses" / "lectures" / "fr" / "d9-l9-nothing.md"
    orphan.write_text("---\ntitle: x\n---\n", encoding="utf-8")
    translate(
        root,
        QUIZ,
        change=lambda t: t.replace(
            "||Think about what the order says, what was paid and what was shipped.||\n", ""
        ),
    )
    found = problems(root)
    assert any(
        "d9-l9-nothing.md:1:" in e and "courses/lectures/d9-l9-nothing.md" in e for e in found
    )
    assert any("quizzes/fr/d1-l1-ecosystem.txt" in e and "hints" in e for e in found)


def test_text_answers_may_have_the_translations_own_alternatives(root):
    source = "quizzes/d3-l1-rural-ecommerce.txt"
    translate(
        root,
        source,
        change=lambda t: t.replace("s= micro-business", "s= micro-entreprise\nor= microentreprise"),
    )
    quiz = next(q for q in load_course(root).quizzes if q.id == "d3-l1-rural-ecommerce")
    alternatives = [v for p, v in quiz.translations["fr"].items() if ".alternatives." in p]
    assert alternatives[:2] == ["micro-entreprise", "microentreprise"]


def test_check_notes_translations_older_than_their_source_and_accept_records_them(root, capsys):
    target = translate(root, LECTURE)
    name = str(target.relative_to(root))
    main(["check", "--sources", str(root)])
    assert f"note: {name}:1: never accepted" in capsys.readouterr().out
    main(["accept-translations", "fr", "--sources", str(root)])
    manifest = (root / "courses" / "fr" / "sources.sha256").read_text(encoding="utf-8")
    assert manifest.endswith(f"  {LECTURE}\n") and len(manifest.split()[0]) == 64
    main(["check", "--sources", str(root)])
    assert "note:" not in capsys.readouterr().out
    source = root / LECTURE
    source.write_text(source.read_text(encoding="utf-8") + "\nOne more line.\n", encoding="utf-8")
    main(["check", "--sources", str(root)])
    assert f"note: {name}:1: older than its source: {LECTURE} changed" in capsys.readouterr().out


def test_accept_refuses_a_translation_that_does_not_check_and_records_nothing(root):
    translate(root, QUIZ, change=lambda t: t.replace("(x)", "( )", 1))
    with pytest.raises(SystemExit):
        main(["accept-translations", "fr", "--sources", str(root)])
    assert not (root / "courses" / "fr" / "sources.sha256").exists()


def test_a_translated_course_yaml_holds_only_titles(root):
    target = root / "courses" / "fr" / "course.yaml"
    target.parent.mkdir(parents=True)
    target.write_text("title: Séminaire\norg: X\n", encoding="utf-8")
    assert any("only 'title:' and 'days:'" in e for e in problems(root))
    days = "".join(f"  - title: Jour {n}\n" for n in range(1, 6))
    target.write_text(f"title: Séminaire\ndays:\n{days}", encoding="utf-8")
    course = load_course(root)
    assert course.course_translations["fr"]["days.0.title"] == "Jour 1"
