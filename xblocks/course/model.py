"""The course model: what the sources say, validated, ready for the emitters."""

from dataclasses import dataclass, field


@dataclass(frozen=True)
class SourceError:
    """A problem in a source file, with what to fix."""

    path: str
    line: int
    message: str

    def __str__(self):
        return f"{self.path}:{self.line}: {self.message}"


@dataclass
class Lecture:
    id: str
    fields: dict  # LectureBlock field values
    path: str
    translations: dict = field(default_factory=dict)  # {lang: {path: text}} (common/translations)
    current: set = field(default_factory=set)  # languages accepted for this very source

    @property
    def title(self):
        return self.fields["display_name"]


@dataclass
class Quiz:
    id: str
    fields: dict  # QuizBlock field values
    path: str
    translations: dict = field(default_factory=dict)  # {lang: {path: text}}
    current: set = field(default_factory=set)  # languages accepted for this very source


@dataclass
class Day:
    title: str
    lectures: list
    quizzes: list


@dataclass
class Course:
    meta: dict  # course.yaml without `days`
    days: list
    final: Quiz
    faq_entries: list
    glossary: list = field(default_factory=list)  # [(term, definition Markdown)]
    languages: list = field(default_factory=list)  # the translations' languages
    faq_translations: dict = field(default_factory=dict)  # {lang: {path: text}}
    faq_current: set = field(default_factory=set)  # languages accepted for every FAQ file
    glossary_translations: dict = field(default_factory=dict)  # {lang: [(term, definition)]}
    course_translations: dict = field(default_factory=dict)  # {lang: {"title", "days.N.title"}}
    notes: list = field(default_factory=list)  # SourceErrors that do not stop a build

    @property
    def lectures(self):
        return [lecture for day in self.days for lecture in day.lectures]

    @property
    def quizzes(self):
        return [quiz for day in self.days for quiz in day.quizzes]
