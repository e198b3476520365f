"""A 10,000-entry FAQ searches on the server, and its index is built once per content.

How fast lives in the bench (tests/bench/workloads.py, `tox -e bench`): a timed assertion
here would fail on a busy CI machine and prove nothing about the code.
"""

from tests.unit.faq.helpers import many_entries
from xblocks.faq.search import SearchIndex, cached_index

QUERIES = ["payments", "pay", "e-commerce", "customs clearance", "how do I receive money abroad"]


def test_ten_thousand_entries_index_and_answer_every_query():
    index = SearchIndex.from_entries(many_entries(10_000))
    for query in QUERIES:
        assert index.rank(query), query


def test_a_large_faq_index_is_built_once_and_then_reused():
    entries = many_entries(10_000)
    first = cached_index(entries)
    assert cached_index(entries) is first
    assert cached_index(many_entries(10_001)) is not first  # other content, other index
