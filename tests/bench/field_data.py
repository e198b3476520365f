"""The workbench's field storage in the bench: read once a request, and measured.

`read_once_per_request` reads field data as the LMS reads it, for a second set of render
figures; `StorageMeter` measures what a render spends in storage either way.

The workbench's key-value store queries the database and parses a scope's whole JSON row
for every field a block reads (two queries for a field that is set). The LMS does not:
its FieldDataCache loads a block's user state in one query per request, and content and
settings come from the modulestore already in memory. Measuring both ways shows what the
block itself costs apart from the workbench's storage.
"""

import json
import time
from contextlib import contextmanager
from unittest import mock

from django.core.signals import request_started

# The workbench key-value store's methods that reach the database.
STORE_METHODS = ("get", "has", "set", "set_many", "delete")


def installed_store():
    """The class of the store the workbench runtime uses (the dev server installs its own,
    xblocks/devserver/storage.py)."""
    from workbench import runtime

    return type(runtime.WORKBENCH_KVS)


@contextmanager
def read_once_per_request():
    from workbench.models import XBlockState

    Store = installed_store()
    rows = {}

    def row(key):
        ident = (key.scope, key.block_scope_id, key.user_id)
        if ident not in rows:
            rows[ident] = json.loads(XBlockState.get_for_key(key).state)
        return ident, rows[ident]

    def forget(writer):
        def write(self, key, *value):
            rows.pop(row(key)[0], None)
            return writer(self, key, *value)

        return write

    def forget_all(writer):
        def write(self, values):
            rows.clear()
            return writer(self, values)

        return write

    def clear(**_kwargs):
        rows.clear()

    request_started.connect(clear)
    try:
        with mock.patch.multiple(
            Store,
            get=lambda self, key: row(key)[1][key.field_name],
            has=lambda self, key: key.field_name in row(key)[1],
            set=forget(Store.set),
            set_many=forget_all(Store.set_many),
            delete=forget(Store.delete),
        ):
            yield
    finally:
        request_started.disconnect(clear)


class StorageMeter:
    """Per request: the queries a render runs and the milliseconds spent in the workbench's
    key-value store (ORM and JSON included), whichever storage is installed at the time.
    Shows how much of a block's render is storage rather than the block's own work."""

    def __init__(self):
        self.requests = []  # (queries, ms) for each finished request, in order

    @contextmanager
    def measuring(self):
        from django.core.signals import request_finished
        from django.db import connection

        Store = installed_store()
        current = [0, 0.0]

        def count(run, sql, params, many, context):
            current[0] += 1
            return run(sql, params, many, context)

        def timed(method):
            def call(self, *args):
                start = time.perf_counter()
                try:
                    return method(self, *args)
                finally:
                    current[1] += (time.perf_counter() - start) * 1000

            return call

        def start(**_kwargs):
            current[:] = [0, 0.0]

        def finish(**_kwargs):
            self.requests.append(tuple(current))

        request_started.connect(start)
        request_finished.connect(finish)
        try:
            with (
                mock.patch.multiple(
                    Store, **{name: timed(getattr(Store, name)) for name in STORE_METHODS}
                ),
                connection.execute_wrapper(count),
            ):
                yield self
        finally:
            request_started.disconnect(start)
            request_finished.disconnect(finish)
