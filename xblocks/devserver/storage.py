"""The dev server's block storage, safe for a classroom of learners at once.

The workbench keeps each (scope, scope id, user) in one row of JSON. Its store creates a
row on first read with get_or_create, and the table has no unique key: two simultaneous
first requests of a learner made two rows, and every later request of that learner failed
(MultipleObjectsReturned). It writes by reading the row, changing one field and saving,
outside any transaction, so two writers to one row lost a field.

Here a unique index makes a second row impossible, reads never create rows, and each save
is one transaction that starts by writing: on SQLite that takes the database's write lock
before anything is read (a read first would make SQLite refuse the later write with
"database is locked" instead of waiting), and on PostgreSQL the row is locked for update.
The writes of all threads are so serialised by the database, and SQLite's busy timeout
(settings.py) makes a writer wait its turn. WAL lets readers go on meanwhile.
"""

import json
from collections import defaultdict

from django.db import connections, transaction
from django.db.models import Count
from workbench.models import XBlockState, shorten_scope_name
from workbench.runtime import WorkbenchDjangoKeyValueStore
from xblock.fields import Scope

UNIQUE_INDEX = "seminar_xblockstate_one_row"


def row_of(key):
    """The XBlockState fields that name a key's row, as the workbench names them."""
    if key.scope in (Scope.parent, Scope.children):
        scope = shorten_scope_name(key.scope.attr_name)
    else:
        scope = shorten_scope_name(key.scope.block.attr_name)
    if scope in ("type", "all"):  # not tied to a scenario (see workbench.models)
        scenario, tag = None, key.block_scope_id
    if key.block_scope_id is None:  # Scope.user_info: '' so that the unique index holds
        return {"scope": scope, "scope_id": "", "user_id": key.user_id, "scenario": None, "tag": ""}
    else:
        scenario, tag, _rest = key.block_scope_id.split(".", 2)
    return {
        "scope": scope,
        "scope_id": key.block_scope_id,
        "user_id": key.user_id,
        "scenario": scenario,
        "tag": tag,
    }


def _lookup(row):
    return {name: row[name] for name in ("scope", "scope_id", "user_id")}


class ClassroomKeyValueStore(WorkbenchDjangoKeyValueStore):
    """The workbench's store with one row per key and serialised read-modify-writes."""

    def _state(self, key):
        row = row_of(key)
        found = XBlockState.objects.filter(**_lookup(row)).values_list("state", flat=True)
        return json.loads(found.first() or "{}")

    def get(self, key):
        return self._state(key)[key.field_name]  # KeyError when unset, as KVSs do

    def has(self, key):
        return key.field_name in self._state(key)

    def set(self, key, value):
        self._change({key: value})

    def delete(self, key):
        self._change({key: None}, delete=True)

    def set_many(self, update_dict):
        self._change(update_dict)

    def _change(self, values, delete=False):
        rows = defaultdict(dict)
        for key, value in values.items():
            rows[tuple(row_of(key).items())][key.field_name] = value
        with transaction.atomic():
            for row_items, fields in rows.items():
                row = dict(row_items)
                # A write first: it takes SQLite's write lock, and makes the row if missing.
                XBlockState.objects.bulk_create([XBlockState(**row)], ignore_conflicts=True)
                record = XBlockState.objects.select_for_update().get(**_lookup(row))
                state = json.loads(record.state)
                for name, value in fields.items():
                    if delete:
                        del state[name]
                    else:
                        state[name] = value
                record.state = self._to_json_str(state)
                record.save(update_fields=["state"])


def ensure_one_row_per_key(using="default", **_signal):
    """Merge any duplicate rows (an older database's), then add the unique index."""
    states = XBlockState.objects.using(using)
    with transaction.atomic(using=using):
        duplicated = (
            states.values("scope", "scope_id", "user_id")
            .annotate(rows=Count("id"))
            .filter(rows__gt=1)
        )
        for name in duplicated:
            first, *others = states.filter(**_lookup(name)).order_by("id")
            state = json.loads(first.state)
            for other in others:  # the later write of a field wins
                state.update(json.loads(other.state))
            first.state = ClassroomKeyValueStore._to_json_str(state)
            first.save(update_fields=["state"])
            states.filter(id__in=[other.id for other in others]).delete()
        with connections[using].cursor() as cursor:
            cursor.execute(
                f"CREATE UNIQUE INDEX IF NOT EXISTS {UNIQUE_INDEX} ON "
                f"{XBlockState._meta.db_table} (scope, scope_id, (COALESCE(user_id, '')))"
            )


def tune_sqlite(connection, **_signal):
    """WAL: readers never wait for a writer, nor a writer for readers."""
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA journal_mode=WAL")
