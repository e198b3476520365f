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
from datetime import UTC, datetime

os.environ.setdefault("SEMINAR_VAR_DIR", tempfile.mkdtemp(prefix="seminar-bench-"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "xblocks.devserver.settings")

import django

django.setup()

from django.core.management import call_command  # noqa: E402
from django.test import Client  # noqa: E402

from tests.bench import workloads  # noqa: E402
from tests.bench.field_data import StorageMeter, read_once_per_request  # noqa: E402
from tests.bench.report import write_section  # noqa: E402
from tests.bench.translations import translations_section  # noqa: E402
from tests.bench.workloads import render_ms  # noqa: E402

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


def bare(scenarios):
    """Render every block alone, as the floor is: a demo that wraps one block in a
    `vertical_demo` is registered again without it (the wrapper costs its own render)."""
    from lxml import etree
    from workbench.scenarios import add_xml_scenario, get_scenarios

    result = {}
    for label, name in scenarios.items():
        root = etree.fromstring(get_scenarios()[name].xml)
        if root.tag == "vertical_demo" and len(root) == 1:
            add_xml_scenario(f"bare.{name}", f"{name} without its wrapper", etree.tostring(root[0]))
            name = f"bare.{name}"
        result[label] = name
    return result


def paired_medians(client, scenario, samples=SAMPLES):
    """Median render of the floor and of `scenario`, requests interleaved so that a busy
    moment on the machine slows both alike (the ratio is what is reported), and the
    block's median queries and milliseconds in storage a render."""
    for _ in range(3):  # warm caches (templates, Markdown) as a running server has them
        render_ms(client, FLOOR), render_ms(client, scenario)
    floor, block, storage = [], [], []
    meter = StorageMeter()
    for _ in range(samples):
        with meter.measuring():  # both, so that both pay the meter's small overhead
            floor.append(render_ms(client, FLOOR))
            block.append(render_ms(client, scenario))
        storage.append(meter.requests[-1])
    queries = statistics.median(q for q, _ms in storage)
    return (
        statistics.median(floor),
        statistics.median(block),
        (queries, statistics.median(ms for _q, ms in storage)),
    )


def render_table(scenarios):
    """Per block: median render and its ratio to the floor measured alongside, with the
    workbench's storage as it is and with field data read once a request (field_data.py),
    and what storage costs the block each way."""
    client = Client()
    rows = []
    for label, scenario in scenarios.items():
        floor, median, storage = paired_medians(client, scenario)
        with read_once_per_request():
            lms_floor, lms, lms_storage = paired_medians(client, scenario)
        rows.append(
            {
                "label": label,
                "scenario": scenario,
                "floor": floor,
                "median": median,
                "ratio": median / floor,
                "storage": storage,
                "lms_ratio": lms / lms_floor,
                "lms_storage": lms_storage,
            }
        )
    return rows


def main():
    call_command("migrate", interactive=False, run_syncdb=True, verbosity=0)
    our_scenarios = {f"{block} (ours)": name for block, name in ours().items()}
    scenarios = {**our_scenarios, **{f"{peer} (peer)": name for peer, name in PEERS.items()}}
    renders = render_table(bare(scenarios))
    floors = [row["floor"] for row in renders]
    page_bytes = workloads.page_bytes_in_chromium([FLOOR, *scenarios.values()])
    floor_bytes = page_bytes[FLOOR]
    lines = [
        f"Measured {datetime.now(UTC):%Y-%m-%d %H:%M} UTC on {platform.node()} "
        f"({os.cpu_count()} cores, Python {platform.python_version()}, {platform.platform()}), "
        f"command `tox -e bench`, {SAMPLES} samples a figure.",
        "",
        "### Page render, against the workbench's floor block",
        "",
        f"Floor (`{FLOOR}`): median server render {min(floors):.2f} to {max(floors):.2f} ms "
        "(measured beside each block, requests interleaved).",
        "",
        "Each block is rendered alone, as the floor is. The workbench's storage costs a "
        "database query and a JSON parse for every field a block reads; the LMS reads a "
        "block's state once a request, so the second ratio (tests/bench/field_data.py) is "
        "what the block itself costs. *Storage* is the block's median per render: queries, "
        "and milliseconds in the key-value store (ORM and JSON included).",
        "",
        f"| block | scenario | median render | ratio to floor | target ≤ {RENDER_TARGET}x "
        f"| storage | ratio, fields read once | target ≤ {RENDER_TARGET}x | storage, read once |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for row in renders:
        ours_row = "(ours)" in row["label"]
        lines.append(
            f"| {row['label']} | `{row['scenario']}` | {row['median']:.2f} ms "
            f"| {row['ratio']:.2f}x | {_verdict(ours_row, row['ratio'] <= RENDER_TARGET)} "
            f"| {_storage(row['storage'])} | {row['lms_ratio']:.2f}x "
            f"| {_verdict(ours_row, row['lms_ratio'] <= RENDER_TARGET)} "
            f"| {_storage(row['lms_storage'])} |"
        )
    lines += [
        "",
        "### Page size, against the floor's page",
        "",
        f"The floor's page loads {floor_bytes.first[0]:,} bytes ({floor_bytes.first[1]:,} "
        "gzip-compressed). Bytes added are a block's page minus the floor's page, decoded "
        "and as sent gzip-compressed (as a server that compresses text sends them; see "
        "docs/admin.md). A *first view* loads everything (HTML, JS, CSS, inline scripts "
        "and translations); a *repeat view* loads the page alone, the block's JS and CSS "
        "files being cached (in production the LMS serves them as static files). *Text* "
        "is the UTF-8 size of the block's own text: what a learner reads, without markup, "
        "code or styles.",
        "",
        f"| block | first view | target ≤ {BYTES_TARGET // 1024} KB | gzip "
        f"| target ≤ {BYTES_TARGET // 1024} KB | repeat view | gzip | of which text |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for label, scenario in scenarios.items():
        measured = page_bytes[scenario]
        first, first_gzip = _added(measured.first, floor_bytes.first)
        repeat, repeat_gzip = _added(measured.repeat, floor_bytes.repeat)
        ours_row = "(ours)" in label
        lines.append(
            f"| {label} | {first:,} | {_verdict(ours_row, first <= BYTES_TARGET)} "
            f"| {first_gzip:,} | {_verdict(ours_row, first_gzip <= BYTES_TARGET)} "
            f"| {repeat:,} | {repeat_gzip:,} | {measured.text:,} |"
        )
    lines += ["", *translations_section(bare(our_scenarios), SAMPLES)]
    lines += workloads.extra_sections()
    write_section("BENCH", "\n".join(lines))
    print("\n".join(lines))
    return 0


def _added(sizes, floor_sizes):
    """(decoded, gzip) bytes a page loads beyond the floor's page."""
    return tuple(size - floor for size, floor in zip(sizes, floor_sizes, strict=True))


def _storage(measured):
    queries, ms = measured
    return f"{queries:g} queries, {ms:.2f} ms"


def _verdict(ours_row, ok):
    if not ours_row:
        return "—"  # targets are ours; peers are the yardstick
    return "met" if ok else "**missed**"


if __name__ == "__main__":
    sys.exit(main())
