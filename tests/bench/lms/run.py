"""`tox -e bench`, platform section: our blocks against the core blocks, on the LMS's runtime.

Runs in the platform's environment (tests/platform/install.py), with the LMS's settings
(tests/bench/lms/settings.py). Imports both builds of the seminar, then measures the same
units side by side (tests/bench/lms/sampling.py) and writes the tables between the
PLATFORM markers of docs/benchmarks.md. Ratios and counts only; nothing here is a test.
"""

import logging
import os
import platform
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.bench.lms.settings")
SAMPLES = int(os.environ.get("SEMINAR_BENCH_SAMPLES", "10"))
# The html block adds a few milliseconds to its page, so the lecture's and the FAQ's
# figure above the floor needs more samples; they cost little (no submission).
RENDER_ONLY_FACTOR = 4
RENDER_TARGET = 0.2  # quiz and final against capa, plain ratio
ADDED_TARGET = 1.0  # lecture and FAQ against html, above the floor
SUBMIT_TARGET = 0.05
REPEAT_BYTES_TARGET = 1024


def main():
    started = time.monotonic()
    import django

    django.setup()
    # The platform logs a warning or an error for many things a test client does (a
    # login's cookie, toggles read outside a request); failures here raise instead.
    logging.disable(logging.ERROR)
    load_before = os.getloadavg()[0]
    from tests.bench.lms.course import import_both
    from tests.bench.lms.profile import profile_section
    from tests.bench.lms.sampling import KINDS, Bench
    from tests.bench.report import write_section

    courses = import_both(Path(tempfile.mkdtemp(prefix="seminar-bench-lms-")))
    bench = Bench(courses)
    for kind in KINDS:
        bench.warm(kind)
    for number in range(SAMPLES * RENDER_ONLY_FACTOR):
        for kind in KINDS:
            if number < SAMPLES or not kind.quiz:
                bench.sample(number, kind)
    results = bench.results
    lines = [
        f"Measured {datetime.now(UTC):%Y-%m-%d %H:%M} UTC on {platform.node()} "
        f"({os.cpu_count()} cores, Python {platform.python_version()}), command "
        f"`tox -e bench`, {SAMPLES} samples a figure ({SAMPLES * RENDER_ONLY_FACTOR} for "
        "the lecture's and the FAQ's renders), on the Teak-era platform copy "
        f"(../shared/platform/). Load average {load_before:.1f} at the start, "
        f"{os.getloadavg()[0]:.1f} at the end: other processes slow the wall clock more "
        "than the CPU time reported.",
        "",
        *render_table(results),
        *submit_table(results),
        *sql_table(results),
        *bytes_table(results),
        *profile_section(bench),
        f"The platform section took {time.monotonic() - started:.0f} s.",
    ]
    write_section("PLATFORM", "\n".join(lines))
    print("\n".join(lines))
    return 0


def median(samples, measure="ms"):
    return statistics.median(getattr(sample, measure) for sample in samples)


def ours_versions(kind):
    from tests.bench.lms.sampling import CORE

    return [version for version in kind.versions if version != CORE]


def render_table(results):
    from tests.bench.lms.sampling import CORE, KINDS, VIEWS

    lines = [
        "### Unit render (`render_xblock`), ours against the core blocks",
        "",
        "Median server time (CPU) of the page the Learning MFE's iframe loads, for a "
        "learner; the last column is the same ratio by the wall clock. "
        "*Floor*: the empty unit of the same course, viewed just before by the same learner. "
        "*Above the floor*: (ours - floor) / (core - floor), each the median of the "
        "differences between a unit and the floor viewed before it: what a block adds to "
        "the LMS's own page. Targets: quiz and final at most "
        f"{RENDER_TARGET}x capa's time; lecture and FAQ add at most {ADDED_TARGET}x what "
        "the html block adds.",
        "",
        "| unit | view | ours | core | floor (ours / core) | ratio | above the floor | target "
        "| ratio, wall clock |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for kind in KINDS:
        renders, floors = results.renders[kind.label], results.floors[kind.label]
        for version in ours_versions(kind):
            for view in VIEWS:
                ours, core = median(renders[(version, view)]), median(renders[(CORE, view)])
                floor_ours = median(floors[(version, view)])
                floor_core = median(floors[(CORE, view)])
                ratio = ours / core
                added = _added(renders, floors, version, view) / _added(renders, floors, CORE, view)
                met = ratio <= RENDER_TARGET if kind.quiz else added <= ADDED_TARGET
                wall = _wall_ratio(renders[(version, view)], renders[(CORE, view)])
                lines.append(
                    f"| {_unit(kind.label, version)} | {view} | {ours:.1f} ms | {core:.1f} ms "
                    f"| {floor_ours:.1f} / {floor_core:.1f} ms | {ratio:.2f}x | {added:.2f}x "
                    f"| {_verdict(met)} | {wall:.2f}x |"
                )
    return [*lines, ""]


def submit_table(results):
    from tests.bench.lms.sampling import CORE, KINDS, MODES

    checks = results.checks
    lines = [
        "### Quiz submission, ours against capa's `problem_check`",
        "",
        "Every answer correct, CPU time as above. Ours is one request; capa is one "
        "`problem_check` a problem, summed: what a learner's answers to the whole unit "
        "cost. *eager*: Celery's tasks run inside the request, as the platform's test "
        "settings have it (a grade change recalculates the subsection and course grades "
        "before the response goes); *queued*: the tasks go to a broker, as in production, "
        "and the worker's time is not counted. *One check*: ours against capa's median "
        f"single `problem_check` ({median(checks['eager']):.1f} ms eager, "
        f"{median(checks['queued']):.1f} ms queued). *Above the floor*: the floor is a "
        "handler request that does no work (the unit's `publish_completion`, which with "
        "completion tracking off answers a JSON 404 at once), made just before; "
        "(ours - floor) / (capa - one floor a problem), each the median of the samples' "
        "differences. Target: at most "
        f"{SUBMIT_TARGET}x the summed checks.",
        "",
        "| quiz | Celery | ours | capa, summed | ratio | target | ratio, wall clock "
        "| against one check | handler floor | above the floor | SQL ours / capa "
        "| SQL writes ours / capa | tasks ours / capa |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for kind in [kind for kind in KINDS if kind.quiz]:
        submits, floors = results.submits[kind.label], results.submit_floors[kind.label]
        problems = results.problems[kind.label]
        for version in ours_versions(kind):
            for mode in MODES:
                ours, core = submits[(version, mode)], submits[(CORE, mode)]
                ratio = median(ours) / median(core)
                floor = floors[(CORE, mode)]
                added = _beyond(ours, floors[(version, mode)], 1) / _beyond(core, floor, problems)
                lines.append(
                    f"| {_unit(kind.label, version)} | {mode} | {median(ours):.1f} ms "
                    f"| {median(core):.1f} ms | {ratio:.3f}x | {_verdict(ratio <= SUBMIT_TARGET)} "
                    f"| {_wall_ratio(ours, core):.3f}x "
                    f"| {median(ours) / median(checks[mode]):.2f}x "
                    f"| {median(floor):.1f} ms | {added:.3f}x "
                    f"| {median(ours, 'queries'):g} / {median(core, 'queries'):g} "
                    f"| {_writes(ours):g} / {_writes(core):g} "
                    f"| {_tasks(ours):g} / {_tasks(core):g} |"
                )
    return [*lines, ""]


def sql_table(results):
    from tests.bench.lms.sampling import CORE, KINDS

    lines = [
        "### SQL a unit render runs",
        "",
        "Median statements a request, on both databases (`default` and the courseware "
        "history); writes are INSERT, UPDATE and DELETE statements, with the tables they "
        "write. Target: no writes on a view beyond what the core version writes.",
        "",
        "| unit | version | first view | writes | repeat view | writes | target |",
        "|---|---|---|---|---|---|---|",
    ]
    for kind in KINDS:
        renders = results.renders[kind.label]
        core_writes = _writes(renders[(CORE, "first")])
        for version in [*ours_versions(kind), CORE]:
            first, repeat = renders[(version, "first")], renders[(version, "repeat")]
            met = "" if version == CORE else _verdict(_writes(first) <= core_writes)
            lines.append(
                f"| {kind.label} | {version} | {median(first, 'queries'):g} | {_write_list(first)} "
                f"| {median(repeat, 'queries'):g} | {_write_list(repeat)} | {met} |"
            )
    return [*lines, ""]


def bytes_table(results):
    from tests.bench.lms.measure import bundle_sources
    from tests.bench.lms.sampling import CORE, CUSTOM, KINDS

    floor = results.floor_pages[CUSTOM]
    lines = [
        "### Page bytes, as the MFE's iframe loads them",
        "",
        "The `render_xblock` page and every script and stylesheet it links, read where "
        "collectstatic takes them from (first view), and the page alone, its files cached "
        "(repeat view); decoded, and gzip-compressed (level 6) as a server that compresses "
        "text sends them. Files this copy has no build of are on every page alike and "
        f"left out ({', '.join(f'`{url}`' for url in floor.unbuilt)}). The empty unit's "
        f"page loads {floor.first[0]:,} bytes ({floor.first[1]:,} gzip) on a first view, "
        f"{floor.repeat[0]:,} ({floor.repeat[1]:,} gzip) on a repeat view. Targets: a "
        "first view no larger than the core version's; a repeat view at most "
        f"{REPEAT_BYTES_TARGET:,} bytes larger.",
        "",
        "| unit | view | ours | core | ratio | ours - core | target | gzip: ours | core "
        "| ours - core | target |",
        "|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for kind in KINDS:
        pages = results.pages[kind.label]
        for version in ours_versions(kind):
            for view, limit in (("first", 0), ("repeat", REPEAT_BYTES_TARGET)):
                ours, core = getattr(pages[version], view), getattr(pages[CORE], view)
                lines.append(
                    f"| {_unit(kind.label, version)} | {view} | {ours[0]:,} | {core[0]:,} "
                    f"| {ours[0] / core[0]:.2f}x | {ours[0] - core[0]:+,} "
                    f"| {_verdict(ours[0] - core[0] <= limit)} | {ours[1]:,} | {core[1]:,} "
                    f"| {ours[1] - core[1]:+,} | {_verdict(ours[1] - core[1] <= limit)} |"
                )
    sources = bundle_sources()
    extra = sorted(
        {b for pages in results.pages.values() for b in pages[CORE].bundles} - set(floor.bundles)
    )
    lines += [
        "",
        "Not counted: the webpack bundles that the core versions' pages ask for beyond the "
        "empty unit's (none is built in this copy, so the page links none): "
        + ", ".join(f"`{name}` ({_source_size(sources, name)})" for name in extra)
        + ". Built and minified they are smaller than their sources, but not nothing: "
        "the core versions' first views are larger than counted here. Ours ask for none.",
        "",
    ]
    return lines


def _added(renders, floors, version, view):
    """Median of what the unit took beyond the empty unit viewed just before it."""
    pairs = zip(renders[(version, view)], floors[(version, view)], strict=True)
    return statistics.median(block.ms - floor.ms for block, floor in pairs)


def _beyond(samples, floors, requests):
    """Median of what `requests` requests took beyond a handler floor each."""
    pairs = zip(samples, floors, strict=True)
    return statistics.median(sample.ms - requests * floor.ms for sample, floor in pairs)


def _wall_ratio(ours, core):
    return median(ours, "wall_ms") / median(core, "wall_ms")


def _source_size(sources, name):
    if name not in sources:
        return "no entry sources found"
    decoded, zipped = sources[name]
    return f"entry sources {decoded:,} bytes, {zipped:,} gzip"


def _unit(kind, version):
    return kind if version == "ours" else f"{kind} ({version.removeprefix('ours, ')})"


def _writes(samples):
    return statistics.median(len(sample.writes) for sample in samples)


def _tasks(samples):
    return statistics.median(len(sample.tasks) for sample in samples)


def _write_list(samples):
    """The median count, and the tables of the sample with that many writes."""
    count = _writes(samples)
    typical = min(samples, key=lambda sample: abs(len(sample.writes) - count))
    tables = sorted(set(typical.writes))
    return f"{count:g}" + (f" ({', '.join(f'`{t}`' for t in tables)})" if tables else "")


def _verdict(met):
    return "met" if met else "**missed**"


if __name__ == "__main__":
    sys.exit(main())
