"""Field data read once a request, as the LMS reads it, for a second set of render figures.

The workbench's key-value store queries the database and parses a scope's whole JSON row
for every field a block reads (two queries for a field that is set). The LMS does not:
its FieldDataCache loads a block's user state in one query per request, and content and
settings come from the modulestore already in memory. Measuring both ways shows what the
block itself costs apart from the workbench's storage.
"""

import json
from contextlib import contextmanager

from django.core.signals import request_started


@contextmanager
def read_once_per_request():
    from workbench.models import XBlockState
    from workbench.runtime import WorkbenchDjangoKeyValueStore as Store

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

    def clear(**_kwargs):
        rows.clear()

    saved = Store.get, Store.has, Store.set, Store.delete
    Store.get = lambda self, key: row(key)[1][key.field_name]
    Store.has = lambda self, key: key.field_name in row(key)[1]
    Store.set, Store.delete = forget(saved[2]), forget(saved[3])
    request_started.connect(clear)
    try:
        yield
    finally:
        request_started.disconnect(clear)
        Store.get, Store.has, Store.set, Store.delete = saved
