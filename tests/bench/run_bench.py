"""`tox -e bench`: speed and size of the seminar's blocks, side by side with peers.

Every figure is measured in the same run and reported as a ratio against the workbench's
`helloworld_demo` (the floor) or as a distribution; nothing here asserts a time. Results
go to docs/benchmarks.md (between the BENCH markers).
"""

import os
import platform
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime

os.environ.setdefault("SEMINAR_VAR_DIR", tempfile.mkdtemp(prefix="seminar-bench-"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "xblocks.devserver.settings")

import django

django.setup()

from django.core.management import call_command  # noqa: E402
from django.test import Client  # noqa: E402

from tests.bench import workloads  # noqa: E402
from tests.bench.report import write_section  # noqa: E402

FLOOR = "helloworld_demo.0"
PEERS = {
    "xblock-poll": "poll.0",
    "xblock-drag-and-drop-v2": "drag-and-drop-v2.0",
    "xblock-accordion": "accordion.0",
}
RENDER_TARGET = 1.3
BYTES_TARGET = 20 * 1024
SAMPLES = int(os.environ.get("SEMINAR_BENCH_SAMPLES", "30"))


def ours():
    """Our blocks with seminar-sized content: a real lecture, the FAQ, the final quiz."""
    from workbench.scenarios import get_scenarios

    by_block = {}
    for name, scenario in sorted(get_scenarios().items()):
        if name.startswith("course."):
            for block_type in ("seminar_lecture", "seminar_faq", "seminar_quiz"):
                if f"<{block_type}" in scenario.xml and block_type not in by_block:
                    by_block[block_type] = name
    # The final assessment (largest quiz) stands for the quiz block.
    quizzes = [
        n
        for n, s in get_scenarios().items()
        if "<seminar_quiz" in s.xml and n.startswith("course.")
    ]
    by_block["seminar_quiz"] = max(quizzes, key=lambda n: len(get_scenarios()[n].xml))
    return by_block


def median_render_ms(client, scenario, samples=SAMPLES):
    for _ in range(3):  # warm caches (templates, Markdown) as a running server has them
        client.get(f"/scenario/{scenario}/")
    times = []
    for _ in range(samples):
        start = time.perf_counter()
        response = client.get(f"/scenario/{scenario}/")
        times.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200, (scenario, response.status_code)
    return statistics.median(times)


def render_table(scenarios):
    client = Client()
    floor = median_render_ms(client, FLOOR)
    rows = []
    for label, scenario in scenarios.items():
        median = median_render_ms(client, scenario)
        rows.append((label, scenario, median, median / floor))
    return floor, rows


def main():
    call_command("migrate", interactive=False, run_syncdb=True, verbosity=0)
    our_scenarios = {f"{block} (ours)": name for block, name in ours().items()}
    scenarios = {**our_scenarios, **{f"{peer} (peer)": name for peer, name in PEERS.items()}}
    floor_ms, renders = render_table(scenarios)
    page_bytes = workloads.page_bytes_in_chromium([FLOOR, *scenarios.values()])
    lines = [
        f"Measured {datetime.now(UTC):%Y-%m-%d %H:%M} UTC on {platform.node()} "
        f"({os.cpu_count()} cores, Python {platform.python_version()}, {platform.platform()}), "
        f"command `tox -e bench`, {SAMPLES} samples a figure.",
        "",
        "### Page render and size, against the workbench's floor block",
        "",
        f"Floor (`{FLOOR}`): median server render {floor_ms:.2f} ms, "
        f"{page_bytes[FLOOR]:,} bytes on the page.",
        "",
        "| block | scenario | median render | ratio to floor | target ≤ "
        f"{RENDER_TARGET}x | bytes added over floor | target ≤ {BYTES_TARGET // 1024} KB |",
        "|---|---|---|---|---|---|---|",
    ]
    for label, scenario, median, ratio in renders:
        added = page_bytes[scenario] - page_bytes[FLOOR]
        ours_row = "(ours)" in label
        lines.append(
            f"| {label} | `{scenario}` | {median:.2f} ms | {ratio:.2f}x | "
            f"{_verdict(ratio <= RENDER_TARGET) if ours_row else '—'} | {added:,} | "
            f"{_verdict(added <= BYTES_TARGET) if ours_row else '—'} |"
        )
    lines += ["", *workloads.extra_sections()]
    write_section("BENCH", "\n".join(lines))
    print("\n".join(lines))
    return 0


def _verdict(ok):
    return "met" if ok else "**missed**"


if __name__ == "__main__":
    sys.exit(main())
