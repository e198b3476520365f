"""The FAQ's content cache (search index, entry HTML): one build per key, bounded."""

import threading
import time

from xblocks.faq.content_cache import ContentCache


def test_concurrent_requests_for_a_missing_key_wait_for_one_build():
    cache, builds = ContentCache(size=4), []

    def build():
        builds.append(1)
        time.sleep(0.05)
        return "index"

    results = []
    threads = [
        threading.Thread(target=lambda: results.append(cache.get("k", build))) for _ in range(8)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert results == ["index"] * 8 and len(builds) == 1


def test_the_least_recently_used_value_goes_past_the_size():
    cache = ContentCache(size=2)
    cache.get("a", lambda: 1)
    cache.get("b", lambda: 2)
    cache.get("a", lambda: 0)  # "a" is used again: "b" is now the oldest
    cache.get("c", lambda: 3)
    assert "a" in cache and "c" in cache and "b" not in cache
    assert cache.get("a", lambda: 0) == 1
