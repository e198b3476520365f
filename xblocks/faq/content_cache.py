"""A small per-process cache of what is built from FAQ content: the server's search index,
the entries' HTML.

Keys say what a value was built from, so a changed FAQ simply misses; past `size` the
least recently used value goes. Concurrent requests for a missing key wait for one build
instead of each starting their own (a 10,000-entry index takes about a second).
"""

import threading
from collections import OrderedDict


class ContentCache:
    def __init__(self, size):
        self.size = size
        self.items = OrderedDict()
        self.building = {}
        self.lock = threading.Lock()

    def __contains__(self, key):
        with self.lock:
            return key in self.items

    def get(self, key, build):
        """The value for `key`, from `build()` the first time."""
        with self.lock:
            if key in self.items:
                self.items.move_to_end(key)
                return self.items[key]
            done = self.building.get(key)
            builder = done is None
            if builder:
                done = self.building[key] = threading.Event()
        if not builder:
            done.wait()
            with self.lock:
                found = self.items.get(key)
            return found if found is not None else build()  # the builder failed
        try:
            value = build()
            with self.lock:
                self.items[key] = value
                while len(self.items) > self.size:
                    self.items.popitem(last=False)
        finally:
            with self.lock:
                self.building.pop(key).set()
        return value
