"""The course's structure as Open edX sees it: chapters, subsections and units.

Both OLX builds share it; they differ only in the blocks inside each unit.
"""

from dataclasses import dataclass, field

from xblocks.common.i18n import gettext_noop as _
from xblocks.common.i18n import translation_for

# Assignment types (the grading policy's keys): never translated.
LECTURE_QUIZ = "Lecture quiz"
FINAL_ASSESSMENT = "Final assessment"


@dataclass
class Unit:
    url_name: str
    title: str
    kind: str  # "lecture", "quiz", "faq"
    source: object  # the Lecture, Quiz, or list of FAQ entries
    translations: dict = field(default_factory=dict)  # the FAQ's (lectures and quizzes hold theirs)
    language: str = ""  # the sources' language (course.yaml)
    current: set = field(default_factory=set)  # the FAQ's languages accepted for its sources


@dataclass
class Subsection:
    url_name: str
    title: str
    grading_format: str | None
    units: list = field(default_factory=list)


@dataclass
class Chapter:
    url_name: str
    title: str
    subsections: list = field(default_factory=list)


def course_outline(course):
    """Days with a subsection a lecture (text + quiz), then the FAQ and the final; the
    outline's own names in the course's language."""
    words = translation_for(str(course.meta.get("language") or "en")).gettext
    chapters = []
    for day_number, day in enumerate(course.days, start=1):
        chapter = Chapter(f"day-{day_number}", day.title)
        for lecture, quiz in zip(day.lectures, day.quizzes, strict=True):
            chapter.subsections.append(
                Subsection(
                    lecture.id,
                    lecture.title,
                    LECTURE_QUIZ,
                    [
                        Unit(f"{lecture.id}-lecture", lecture.title, "lecture", lecture),
                        Unit(f"{lecture.id}-quiz", quiz.fields["display_name"], "quiz", quiz),
                    ],
                )
            )
        chapters.append(chapter)
    faq = Chapter("knowledge-product", words(_("Knowledge product: frequently asked questions")))
    faq.subsections.append(
        Subsection(
            "faq-section",
            words(_("Questions and answers")),
            None,
            [
                Unit(
                    "faq",
                    words("Frequently asked questions"),
                    "faq",
                    course.faq_entries,
                    course.faq_translations,
                    current=course.faq_current,
                )
            ],
        )
    )
    final = Chapter("final-assessment", words(_("Final assessment")))
    final.subsections.append(
        Subsection(
            "final-section",
            course.final.fields["display_name"],
            FINAL_ASSESSMENT,
            [Unit("final-quiz", course.final.fields["display_name"], "quiz", course.final)],
        )
    )
    chapters = [*chapters, faq, final]
    for chapter in chapters:
        for subsection in chapter.subsections:
            for unit in subsection.units:
                unit.language = str(course.meta.get("language") or "")
    return chapters


def grading_policy(course):
    """Lecture quizzes and the final assessment weighted as course.yaml says, with a pass mark."""
    weights = course.meta["weights"]
    return {
        "GRADER": [
            {
                "type": LECTURE_QUIZ,
                "short_label": "Quiz",
                "min_count": len(course.quizzes),
                "drop_count": 0,
                "weight": weights["lecture_quizzes"],
            },
            {
                "type": FINAL_ASSESSMENT,
                "short_label": "Final",
                "min_count": 1,
                "drop_count": 0,
                "weight": weights["final_assessment"],
            },
        ],
        "GRADE_CUTOFFS": {"Pass": course.meta["pass_mark"]},
    }
