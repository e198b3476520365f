"""Write a section of docs/benchmarks.md between <!-- NAME:start --> and <!-- NAME:end -->."""

from pathlib import Path

REPORT = Path(__file__).resolve().parents[2] / "docs" / "benchmarks.md"
HEADER = (
    "# Benchmarks\n\n"
    "Written by `tox -e bench` and `tox -e load`; figures are ratios against peers measured\n"
    "in the same run, never absolute times asserted in tests.\n"
)


def write_section(name, body):
    text = REPORT.read_text(encoding="utf-8") if REPORT.exists() else HEADER
    start, end = f"<!-- {name}:start -->", f"<!-- {name}:end -->"
    section = f"{start}\n{body.strip()}\n{end}"
    if start in text and end in text:
        before, rest = text.split(start, 1)
        text = before + section + rest.split(end, 1)[1]
    else:
        text = text.rstrip() + f"\n\n## {name.title()}\n\n" + section + "\n"
    REPORT.write_text(text, encoding="utf-8")
