"""Where a render and a submission spend their time on the LMS, by the code that spent it.

cProfile over a few repeat views of each version of each unit, and over a few queued
submissions (Celery's tasks sent, not run: the handler's own work), for fresh learners.
Each function's own time counts for the code it belongs to (tests/bench/journey.py's
split). The profiler slows small functions most: read the milliseconds as rough.
"""

import cProfile
import pstats
import statistics
from functools import partial

from tests.bench.journey import CLIENT, shares_by_area
from tests.bench.lms.measure import check_capa, our_submission, render, submit_ours
from tests.bench.lms.sampling import CORE, KINDS

REQUESTS = 7  # profiled requests of each version
SUBMITTERS = 5
SHOWN = 0.04  # areas under this share of both versions' time go under "other"
OTHER_AREAS = "other"

AREAS = [
    ("/django/test/", CLIENT),
    ("/tests/", CLIENT),
    ("/xblocks/", "seminar-xblocks (ours)"),
    ("/xmodule/capa", "capa (the problem block)"),
    ("/xmodule/html_block", "html block"),
    ("/lms/djangoapps/grades/", "LMS grades"),
    ("/lms/djangoapps/courseware/", "LMS courseware (block runtime, user state)"),
    ("/xmodule/modulestore/", "modulestore"),
    ("/xmodule/", "xmodule (runtime, vertical)"),
    ("/mongomock/", "mongomock (MongoDB stand-in)"),
    ("/bson/", "mongomock (MongoDB stand-in)"),
    ("/django/db/", "Django ORM"),
    ("sqlite", "SQLite"),
    ("/mako/", "Mako templates"),
    ("/django/template/", "Django templates"),
    ("/xblock/", "XBlock"),
    ("/edx_toggles/", "feature toggles"),
    ("/waffle/", "feature toggles"),
    ("/static_replace/", "LMS: static URLs rewritten in the fragment"),
    ("/lms/", "LMS, other"),
    ("/openedx/", "LMS, other"),
    ("/common/djangoapps/", "LMS, other"),
    ("/django/", "Django, other"),
    ("/lxml/", "lxml"),
    ("/copy.py", "deep copies"),
    ("/json/", "JSON"),
]


def profiled(calls):
    """Milliseconds by area of each call (one or more requests), the median over `calls`:
    each call is profiled alone, so that a moment when another process had the CPU
    inflates one call's figure, not the result."""
    by_call = []
    for call in calls:
        profile = cProfile.Profile()
        profile.enable()
        call()
        profile.disable()
        shares = shares_by_area(pstats.Stats(profile).stats, AREAS)
        shares.pop(CLIENT, None)
        by_call.append(shares)
    areas = {area for shares in by_call for area in shares}
    return {
        area: statistics.median(shares.get(area, 0.0) * 1000 for shares in by_call)
        for area in areas
    }


def render_profiles(bench, kind):
    """{version: ms by area} for a repeat view."""
    _user, client = bench.new_learner()
    by_version = {}
    for version, (build, name) in kind.versions.items():
        unit = bench.unit(build, name)
        render(client, unit)
        by_version[version] = profiled([partial(render, client, unit)] * REQUESTS)
    return by_version


def check_every_problem(client, problems, forms, queue):
    for problem in problems:
        check_capa(client, problem, forms[problem], queue)


def submit_profiles(bench, kind):
    """{version: ms by area} for a submission of every answer, tasks queued."""
    calls = {version: [] for version in kind.versions}
    for _ in range(SUBMITTERS):
        user, client = bench.new_learner()
        for version, (build, name) in kind.versions.items():
            render(client, bench.unit(build, name))
            if version == CORE:
                problems = bench.children(build, name)
                call = partial(check_every_problem, client, problems, bench.capa_forms, bench.queue)
            else:
                (quiz,) = bench.children(build, name)
                call = partial(submit_ours, client, quiz, our_submission(user, quiz), bench.queue)
            calls[version].append(call)
    with bench.queue.queued():
        return {version: profiled(version_calls) for version, version_calls in calls.items()}


def profile_table(title, by_version):
    """Areas by their largest figure; `all` is the sum of the areas' medians."""
    versions = list(by_version)
    totals = {version: sum(by_version[version].values()) for version in versions}
    areas = sorted(
        {a for v in versions for a, ms in by_version[v].items() if ms >= SHOWN * totals[v]},
        key=lambda area: -max(by_version[v].get(area, 0) for v in versions),
    )
    lines = [f"**{title}**, ms a request under the profiler:", ""]
    lines += ["| code | " + " | ".join(versions) + " |", "|---|" + "---|" * len(versions)]
    for area in [*areas, OTHER_AREAS]:
        if area == OTHER_AREAS:
            cells = [totals[v] - sum(by_version[v].get(a, 0) for a in areas) for v in versions]
        else:
            cells = [by_version[v].get(area, 0) for v in versions]
        lines.append(f"| {area} | " + " | ".join(f"{ms:.1f}" for ms in cells) + " |")
    lines.append("| all | " + " | ".join(f"{totals[v]:.1f}" for v in versions) + " |")
    return [*lines, ""]


def profile_section(bench):
    lines = [
        "### Where the time goes (cProfile)",
        "",
        f"Each function's own time, by the code it belongs to: {REQUESTS} repeat views of "
        f"each version, and {SUBMITTERS} submissions each with Celery's tasks queued (the "
        "handlers' own work), each profiled alone; each area's figure is its median over "
        "them. The test client's own time is left out. The profiler times by the wall "
        "clock and slows small functions most: the figures are rough, and larger than the "
        "CPU medians above.",
        "",
    ]
    for kind in KINDS:
        lines += profile_table(f"{kind.label}, repeat view", render_profiles(bench, kind))
        if kind.quiz:
            lines += profile_table(f"{kind.label}, submission", submit_profiles(bench, kind))
    return lines
