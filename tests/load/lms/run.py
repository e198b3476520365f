"""`tox -e load`, platform section: 1,100 learners on the LMS, custom build against portable.

For each build in turn, in a process of its own, on a fresh throwaway MariaDB
(tests/load/mariadb.py): the LMS's tables, then the LMS of the platform copy under
gunicorn (tests/load/lms/wsgi.py imports the build and makes the learners in the master),
then every learner's journey over HTTP (tests/load/lms/journeys.py), then the stored
state read back from the database. Runs in the platform's environment; writes the
LMS_LOAD section of docs/benchmarks.md.
"""

import json
import logging
import os
import secrets
import statistics
import string
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime

import requests

from tests.liveserver import free_port
from tests.load.cpu import process_cpu_seconds, tree_cpu_seconds
from tests.load.lms.journeys import session_for
from tests.load.mariadb import installed, throwaway_mariadb

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.load.lms.settings")
LEARNERS = int(os.environ.get("SEMINAR_LOAD_LEARNERS", "1100"))
CONCURRENCY = int(os.environ.get("SEMINAR_LOAD_LMS_CONCURRENCY", "4"))
WORKERS = int(os.environ.get("SEMINAR_LOAD_WORKERS", "4"))
BUILDS = ("custom", "portable")
# Learners whose journeys go first, unmeasured: each worker's first requests compile
# templates and fill its caches, as a running LMS has them.
WARM_UP = 3 * WORKERS
COMPLETION = "completion.enable_completion_tracking"  # on, as a Tutor install has it


def main(argv):
    if argv[:1] == ["--build"]:  # one build, in this process
        result = run_build(argv[1])
        with open(argv[3], "w") as out:
            json.dump(result, out)
        return 0
    if not installed():
        sys.exit("tox -e load needs MariaDB's server: apt-get install -y mariadb-server")
    results = {}
    for build in BUILDS:
        out = tempfile.mktemp(prefix=f"seminar-load-{build}-", suffix=".json")
        command = [sys.executable, "-m", "tests.load.lms.run", "--build", build, "--out", out]
        subprocess.run(command, check=True)
        with open(out) as result:
            results[build] = json.load(result)
    from tests.bench.report import write_section

    text = report(results)
    write_section("LMS_LOAD", text)
    print(text)
    # The portable build's checks describe capa; only ours must pass them.
    failed = any(r["errors"] for r in results.values()) or any(results["custom"]["checks"].values())
    return 1 if failed else 0


def run_build(build):
    with throwaway_mariadb() as mariadb:
        os.environ["SEMINAR_LMS_DATABASES"] = json.dumps(mariadb.databases)
        import django

        django.setup()
        logging.disable(logging.ERROR)
        from tests.platform.course import make_tables

        make_tables()
        from django.core.management import call_command

        call_command("createcachetable", "seminar_claims")
        switch_on(COMPLETION)
        plan_file = tempfile.mktemp(prefix="seminar-load-plan-", suffix=".json")
        port = free_port()
        server = start_gunicorn(build, plan_file, port)
        try:
            with open(plan_file) as plan_json:
                plan = json.load(plan_json)
            sessions = [session_for(cookie, csrf_token()) for cookie in plan["cookies"]]
            warm_up = journeys_for(build, port, plan)
            with ThreadPoolExecutor(CONCURRENCY) as pool:
                numbers = range(LEARNERS, LEARNERS + WARM_UP)
                failures = [f for f in pool.map(safely(warm_up), numbers, sessions[LEARNERS:]) if f]
            assert not warm_up.errors and not failures, (warm_up.errors + failures)[:3]
            journeys = journeys_for(build, port, plan)
            statements_before = mariadb_statements(mariadb)
            server_cpu, db_cpu = tree_cpu_seconds(server.pid), mariadb.cpu_seconds()
            own_cpu = process_cpu_seconds(os.getpid())
            start = time.monotonic()
            with ThreadPoolExecutor(CONCURRENCY) as pool:
                for failure in pool.map(safely(journeys), range(LEARNERS), sessions[:LEARNERS]):
                    if failure:
                        journeys.errors.append(failure)
            elapsed = time.monotonic() - start
            usage = {
                "app server": tree_cpu_seconds(server.pid) - server_cpu,
                "MariaDB": mariadb.cpu_seconds() - db_cpu,
                "learners (this process)": process_cpu_seconds(os.getpid()) - own_cpu,
                "statements": mariadb_statements(mariadb) - statements_before,
            }
            checks = verify(build, plan, journeys)
        finally:
            server.terminate()
            server.wait(timeout=60)
    return {"latencies": journeys.latencies, "elapsed": elapsed, "usage": usage,
            "checks": checks, "errors": journeys.errors}  # fmt: skip


def csrf_token():
    """A token as Django makes them (32 letters and digits): the browser's CSRF cookie."""
    alphabet = string.ascii_letters + string.digits
    return "".join(secrets.choice(alphabet) for _ in range(32))


def switch_on(name):
    from waffle.models import Switch

    Switch.objects.update_or_create(name=name, defaults={"active": True})


def start_gunicorn(build, plan_file, port):
    env = {
        **os.environ,
        "SEMINAR_LOAD_BUILD": build,
        "SEMINAR_LOAD_PLAN": plan_file,
        "SEMINAR_LOAD_LEARNERS": str(LEARNERS + WARM_UP),
        "PYTHONWARNINGS": "ignore",  # the platform's, in every worker
    }
    command = [
        sys.executable, "-m", "gunicorn", "--bind", f"127.0.0.1:{port}",
        "--workers", str(WORKERS), "--threads", "1", "--preload", "--timeout", "300",
        "--log-level", "warning", "tests.load.lms.wsgi:application",
    ]  # fmt: skip
    process = subprocess.Popen(command, env=env)
    for _ in range(3000):  # the master imports the course and makes the learners first
        if process.poll() is not None:
            raise RuntimeError("gunicorn stopped")
        try:
            if os.path.exists(plan_file):
                requests.get(f"http://127.0.0.1:{port}/heartbeat", timeout=60)
                return process
        except requests.RequestException:
            pass
        time.sleep(0.2)
    process.kill()
    raise RuntimeError("gunicorn did not start")


def journeys_for(build, port, plan):
    from tests.load.lms.journeys import LmsJourneys
    from xblocks.course.sources import load_course

    course = load_course()
    entry_ids = [entry["id"] for entry in course.faq_entries]
    return LmsJourneys(f"http://127.0.0.1:{port}", plan, build, course.quizzes[0].fields, entry_ids)


def safely(journeys):
    def run(number, session):
        try:
            journeys.learner(number, session)
        except Exception as error:  # reported; the run goes on
            return f"learner {number}: {type(error).__name__}: {error}"[:300]
        return None

    return run


def mariadb_statements(mariadb):
    """Statements the server has run (its `Questions` counter, less this query)."""
    return int(mariadb.sql("SHOW GLOBAL STATUS LIKE 'Questions'").split()[1])


def verify(build, plan, journeys):
    """Read back every learner's stored state: attempts, grades, votes, completions."""
    from completion.models import BlockCompletion
    from lms.djangoapps.courseware.models import StudentModule
    from opaque_keys.edx.keys import UsageKey

    def rows(block):
        key = UsageKey.from_string(block)
        return {
            row.student.username: (row, json.loads(row.state or "{}"))
            for row in StudentModule.objects.filter(module_state_key=key).select_related("student")
        }

    learners = [f"learner{n:04d}" for n in range(LEARNERS)]
    blocks = plan["blocks"]
    completed = set(
        BlockCompletion.objects.filter(
            block_key=UsageKey.from_string(blocks["lecture"][0])
        ).values_list("user__username", flat=True)
    )
    checks = {"lecture completions lost": sum(1 for name in learners if name not in completed)}
    # Two windows send the last answer at once: exactly one may be accepted (ours answers
    # the other 409); both accepted is counted however the stored state ends.
    checks["racing double submissions both accepted"] = sum(
        1 for statuses in journeys.races.values() if statuses == [200, 200]
    )
    quizzes = [rows(block) for block in blocks["quiz"]]
    lost = double = ungraded = 0
    for name in learners:
        for quiz in quizzes:
            row, state = quiz.get(name, (None, {}))
            if not state.get("attempts"):
                lost += 1
            elif state["attempts"] > 1 or state.get("submission_count", 0) > 1:
                double += 1
            if row is None or row.grade is None:
                ungraded += 1
    unit = "submissions" if build == "custom" else "problem checks"
    checks[f"quiz {unit} lost"] = lost
    checks[f"quiz {unit} double-counted"] = double
    checks[f"quiz {unit} stored without a grade"] = ungraded
    if build == "custom":
        faq = rows(blocks["faq"][0])
        stored = {
            n: faq.get(f"learner{n:04d}", (None, {}))[1].get("votes", {}) for n in range(LEARNERS)
        }
        expected = journeys.expected_votes.items()
        checks["votes lost"] = sum(
            1 for n, (entry, vote) in expected if stored[n].get(entry) != vote
        )
        checks["votes double-counted"] = sum(max(0, len(votes) - 1) for votes in stored.values())
    return checks


def percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def report(results):
    lines = [
        f"Measured {datetime.now(UTC):%Y-%m-%d %H:%M} UTC, {os.cpu_count()} cores, command "
        f"`tox -e load`: {LEARNERS} learners a build, {CONCURRENCY} at a time, the LMS of the "
        f"platform copy under gunicorn with {WORKERS} workers of one thread (the modulestore "
        "is mongomock, in each worker's memory), on MariaDB (loopback, throwaway data "
        "directory); completion tracking on; Celery's tasks sent, not run.",
        "",
        "| | " + " | ".join(BUILDS) + " |",
        "|---|" + "---|" * len(BUILDS),
    ]
    rows = {
        "requests": lambda r: f"{sum(map(len, r['latencies'].values())):,}",
        "time": lambda r: f"{r['elapsed']:.0f} s",
        "requests/s": lambda r: f"{_count(r) / r['elapsed']:.1f}",
        "learners/s": lambda r: f"{LEARNERS / r['elapsed']:.2f}",
        "errors": lambda r: f"{len(r['errors'])}",
        "p50 / p95, every request": lambda r: "{} / {} ms".format(*_pcts(_every(r))),
        "app server CPU a learner": lambda r: _per_learner(r, "app server"),
        "MariaDB CPU a learner": lambda r: _per_learner(r, "MariaDB"),
        "SQL statements a learner": lambda r: f"{r['usage']['statements'] / LEARNERS:.0f}",
    }
    for label, cell in rows.items():
        lines.append(f"| {label} | " + " | ".join(cell(results[b]) for b in BUILDS) + " |")
    lines += ["", "| request | build | count | p50 | p95 | p99 |", "|---|---|---|---|---|---|"]
    for build in BUILDS:
        for label, values in sorted(results[build]["latencies"].items()):
            p50, p95, p99 = (round(percentile(values, s)) for s in (0.5, 0.95, 0.99))
            lines.append(f"| {label} | {build} | {len(values)} | {p50} ms | {p95} ms | {p99} ms |")
    lines += ["", "Stored state read back from the database after each run:", ""]
    for build in BUILDS:
        for label, count in results[build]["checks"].items():
            lines.append(f"- {build}: {label}: {count}")
    for build in BUILDS:
        if results[build]["errors"]:
            lines += ["", f"First errors ({build}):", ""]
            lines += [f"- {error}" for error in results[build]["errors"][:10]]
    return "\n".join(lines)


def _per_learner(result, name):
    return f"{result['usage'][name] * 1000 / LEARNERS:.0f} ms"


def _count(result):
    return sum(map(len, result["latencies"].values()))


def _every(result):
    return [ms for values in result["latencies"].values() for ms in values]


def _pcts(values):
    return round(statistics.median(values)), round(percentile(values, 0.95))


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
