"""The samples: fresh learners viewing and submitting the same units in both builds, in turn.

Each sample is a new learner, enrolled in both courses, who first opens a warm-up unit in
each (a learner's first request in a course writes rows no unit causes: an anonymous id,
the session). Then, for each version of the unit in turn, the learner views the empty unit
of that version's course and the unit itself; all that twice (first view, then repeat
view). The order of the versions rotates from sample to sample. Quizzes are then submitted
with every answer correct: ours in one request, capa with one `problem_check` a problem.
A second learner, who has viewed the unit once, submits again with Celery's tasks queued.
"""

import contextlib
import itertools
from dataclasses import dataclass, field

from tests.bench.lms.course import FIXED_FINAL, FLOOR, UNITS, WARM_UP, learner
from tests.bench.lms.measure import (
    CeleryQueue,
    bundles_asked,
    capa_answers,
    check_capa,
    handler_floor,
    our_submission,
    page_bytes,
    render,
    submit_ours,
)

CUSTOM, PORTABLE = "custom", "portable"
CORE = "core"  # the portable build's version of a unit: html blocks, capa problems
VIEWS = ("first", "repeat")
MODES = ("eager", "queued")


@dataclass
class Kind:
    """A unit compared: {version: (build, unit name)}; the core version is named CORE."""

    label: str
    versions: dict
    quiz: bool = False


def _same(name, quiz=False):
    return {"ours": (CUSTOM, name), CORE: (PORTABLE, name)}


KINDS = [
    Kind("lecture", _same(UNITS["lecture"])),
    Kind("quiz", _same(UNITS["quiz"]), quiz=True),
    Kind(
        "final",
        {
            "ours": (CUSTOM, UNITS["final"]),
            "ours, the same 20 fixed": (CUSTOM, f"unit-{FIXED_FINAL}"),
            CORE: (PORTABLE, UNITS["final"]),
        },
        quiz=True,
    ),
    Kind("FAQ", _same(UNITS["faq"])),
]


@dataclass
class Results:
    """[kind][(version, view)] -> [Sample] for renders and their floors; submits by
    [kind][(version, mode)], with the handler floor measured before each; every
    `problem_check` alone; one sample's page bytes."""

    renders: dict = field(default_factory=dict)
    floors: dict = field(default_factory=dict)
    submits: dict = field(default_factory=dict)
    submit_floors: dict = field(default_factory=dict)  # the handler floor before each
    checks: dict = field(default_factory=dict)  # [mode] -> every problem_check alone
    problems: dict = field(default_factory=dict)  # [kind] -> capa problems in the unit
    pages: dict = field(default_factory=dict)  # [kind][version] -> PageBytes
    floor_pages: dict = field(default_factory=dict)  # [build] -> PageBytes


class Bench:
    def __init__(self, courses):
        from xmodule.modulestore.django import modulestore

        self.courses = courses
        self.store = modulestore()
        self.results = Results()
        self.names = (f"bench{n}" for n in itertools.count())
        self.queue = CeleryQueue()
        self.capa_forms = {}

    def unit(self, build, name):
        course = self.courses.custom if build == CUSTOM else self.courses.portable
        return self.courses.unit(course, name)

    def children(self, build, name):
        return self.store.get_item(self.unit(build, name)).children

    def new_learner(self):
        user, client = learner(next(self.names), self.courses)
        for build in (CUSTOM, PORTABLE):
            render(client, self.unit(build, WARM_UP))
        return user, client

    def warm(self, kind):
        """Every page once, unmeasured, as on a running LMS: the first render of a unit
        since start-up (templates, course caches) costs many times a later one."""
        user, client = self.new_learner()
        for build, name in kind.versions.values():
            render(client, self.unit(build, FLOOR))
            render(client, self.unit(build, name))
        if kind.quiz:
            for problem in self.children(*kind.versions[CORE]):
                self.capa_forms[problem] = capa_answers(user, problem)
            self.submit(kind, user, client, list(kind.versions), "eager", record=False)

    def sample(self, number, kind):
        versions = list(kind.versions)
        shift = number % len(versions)
        order = versions[shift:] + versions[:shift]
        user, client = self.new_learner()
        renders = self.results.renders.setdefault(kind.label, {})
        floors = self.results.floors.setdefault(kind.label, {})
        for view in VIEWS:
            for version in order:
                build, name = kind.versions[version]
                floor, _ = render(client, self.unit(build, FLOOR))
                with bundles_asked() as bundles:
                    block, page = render(client, self.unit(build, name))
                floors.setdefault((version, view), []).append(floor)
                renders.setdefault((version, view), []).append(block)
                if number == 0 and view == "first":
                    self.keep_page_bytes(kind, version, page, bundles, client)
        if kind.quiz:
            self.submit(kind, user, client, order, "eager")
            user, client = self.new_learner()
            for build, name in kind.versions.values():
                render(client, self.unit(build, name))
            self.submit(kind, user, client, order, "queued")

    def keep_page_bytes(self, kind, version, page, bundles, client):
        self.results.pages.setdefault(kind.label, {})[version] = page_bytes(page.content, bundles)
        build = kind.versions[version][0]
        if build not in self.results.floor_pages:
            with bundles_asked() as floor_bundles:
                _sample, floor = render(client, self.unit(build, FLOOR))
            self.results.floor_pages[build] = page_bytes(floor.content, floor_bundles)

    def check_graded(self, user, unit_key):
        """The grades app stored the subsection's grade: every point earned. (A grade
        task that failed would otherwise only be logged, and the timing be of a failure.)"""
        from lms.djangoapps.grades.models import PersistentSubsectionGrade

        subsection = self.store.get_parent_location(unit_key)
        grade = PersistentSubsectionGrade.objects.get(user_id=user.id, usage_key=subsection)
        assert grade.earned_all == grade.possible_all > 0, (unit_key, grade)

    def submit(self, kind, user, client, order, mode, record=True):
        queue = self.queue if mode == "queued" else None
        for version in order:
            build, name = kind.versions[version]
            with self.queue.queued() if queue else contextlib.nullcontext():
                floor = handler_floor(client, self.unit(build, name), queue)
                if version == CORE:
                    problems = self.children(build, name)
                    checks = [check_capa(client, p, self.capa_forms[p], queue) for p in problems]
                    sample = sum(checks[1:], checks[0])
                    if record:
                        self.results.checks.setdefault(mode, []).extend(checks)
                        self.results.problems[kind.label] = len(problems)
                else:
                    (quiz,) = self.children(build, name)
                    sample = submit_ours(client, quiz, our_submission(user, quiz), queue)
            if mode == "eager":
                self.check_graded(user, self.unit(build, name))
            if record:
                submits = self.results.submits.setdefault(kind.label, {})
                submits.setdefault((version, mode), []).append(sample)
                floors = self.results.submit_floors.setdefault(kind.label, {})
                floors.setdefault((version, mode), []).append(floor)
