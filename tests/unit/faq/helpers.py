"""Shared FAQ test data: the seminar's real FAQ sources, the demo entries, big FAQs."""

from functools import cache
from pathlib import Path

from xblock.fields import ScopeIds

from tests.runtimes import UnitRuntime
from xblocks.faq.block import FaqBlock
from xblocks.faq.scenarios import DEMO_ENTRIES
from xblocks.faq.textformat import parse_faq

FAQ_DIR = Path(__file__).resolve().parents[3] / "courses" / "faq"


def faq_files(lang=""):
    return sorted((FAQ_DIR / lang).glob("*.md"))


@cache
def _course_entries(lang=""):
    entries = []
    for path in faq_files(lang):
        entries.extend(parse_faq(path.read_text(encoding="utf-8"), source=path.name))
    return tuple(entries)


def course_entries(lang=""):
    """The seminar's FAQ entries from courses/faq/, or its translation in courses/faq/<lang>/
    (fresh copies)."""
    return [
        {**entry, "tags": list(entry["tags"]), "related": list(entry["related"])}
        for entry in _course_entries(lang)
    ]


def demo_entries():
    return [
        {**entry, "tags": list(entry["tags"]), "related": list(entry["related"])}
        for entry in DEMO_ENTRIES
    ]


def many_entries(count):
    """`count` distinct entries built from the real ones (ids and questions numbered)."""
    real = _course_entries()
    return [
        {
            **real[i % len(real)],
            "id": f"{real[i % len(real)]['id']}-{i}",
            "question": f"{real[i % len(real)]['question']} ({i})",
            "related": [],
        }
        for i in range(count)
    ]


def faq(entries=None, user_id="student_1", staff=False, runtime=None, **fields):
    """A seminar_faq block on the unit runtime with the demo entries (or `entries`)."""
    runtime = runtime or UnitRuntime(user_id=user_id, staff=staff)
    keys = ScopeIds(user_id, "seminar_faq", "def-faq", "usage-faq")
    block = runtime.construct_xblock_from_class(FaqBlock, keys)
    block.entries = demo_entries() if entries is None else entries
    for name, value in fields.items():
        setattr(block, name, value)
    return block
