"""The seminar's content meets the course's promises, and every figure has a source."""

import re
from collections import Counter
from pathlib import Path

import pytest

from xblocks.common.markdown import plain_text, render_markdown
from xblocks.course.sources import default_root, load_course

ROOT = default_root()
NUMBER = re.compile(r"(?<![\w.,])\d(?:[\d,]*\d)?(?:\.\d+)?(?![\w])")


@pytest.fixture(scope="module")
def course():
    return load_course(ROOT)


def words(markdown_text):
    return len(plain_text(render_markdown(markdown_text)).split())


def test_five_days_of_three_lectures(course):
    assert [len(day.lectures) for day in course.days] == [3, 3, 3, 3, 3]


def test_each_lecture_has_at_least_1000_words_and_its_framing(course):
    for lecture in course.lectures:
        fields = lecture.fields
        assert words(fields["body"]) >= 1000, lecture.id
        assert fields["objectives"] and fields["takeaways"] and fields["sdgs"], lecture.id
        assert all(s["name"] for s in fields["speakers"]), lecture.id


def test_each_lecture_quiz_has_eight_mixed_questions_with_explanations(course):
    for quiz in course.quizzes:
        questions = quiz.fields["questions"]
        kinds = Counter(q["type"] for q in questions)
        assert len(questions) >= 8, quiz.id
        assert len(kinds) >= 3, (quiz.id, kinds)
        assert all(q["explanation"].strip() for q in questions), quiz.id


def test_final_assessment_draws_20_from_at_least_60(course):
    assert course.final.fields["draw"] == 20
    assert len(course.final.fields["questions"]) >= 60


def test_faq_has_60_categorised_tagged_entries(course):
    entries = course.faq_entries
    assert len(entries) >= 60
    assert {e["category"] for e in entries} >= {
        "South-South cooperation",
        "Cross-border e-commerce",
        "Sustainable Development Goals",
    }
    assert all(e["tags"] for e in entries)


def _prose(course):
    """(where, text) for every piece of learner-facing text in the content."""
    for lecture in course.lectures:
        f = lecture.fields
        yield (
            lecture.path,
            "\n".join(
                [f["display_name"], f["body"], f["transcript"], *f["objectives"], *f["takeaways"]]
            ),
        )
    for quiz in [*course.quizzes, course.final]:
        for q in quiz.fields["questions"]:
            parts = [q["prompt"], q["explanation"], *q["hints"]]
            parts += [c["text"] + " " + c["feedback"] for c in q["choices"]]
            if q["type"] == "numeric":
                parts.append(str(q["answer"]["value"]).removesuffix(".0"))
            yield f"{quiz.path} ({q['id']})", "\n".join(parts)
    for entry in course.faq_entries:
        yield f"FAQ {entry['id']}", entry["question"] + "\n" + entry["answer"]
    for term, definition in course.glossary:
        yield f"glossary {term}", definition


def test_every_figure_in_the_content_is_in_sources_md(course):
    sources = (Path(ROOT) / "courses" / "SOURCES.md").read_text(encoding="utf-8")
    missing = []
    for where, text in _prose(course):
        text = re.sub(r"\[\^[\w-]+\]", "", text)  # footnote labels are not figures
        for token in NUMBER.findall(text):
            value = float(token.replace(",", ""))
            if value <= 17 and "." not in token:
                continue  # SDG numbers and small counts
            if token not in sources:
                missing.append(f"{where}: {token}")
    assert missing == [], "figures without a source in courses/SOURCES.md:\n" + "\n".join(missing)
