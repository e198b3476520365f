"""The dev server's store (xblocks/devserver/storage.py) with real threads on its SQLite
database: one row per key, no lost field, and an older database's duplicates repaired."""

import threading

import pytest
from django.db import IntegrityError, connection, transaction
from workbench import runtime
from workbench.models import XBlockState
from xblock.fields import Scope
from xblock.runtime import KeyValueStore

from xblocks.devserver.storage import ClassroomKeyValueStore, ensure_one_row_per_key

pytestmark = pytest.mark.usefixtures("workbench_db")


def key(field, user="racer", usage="storage-test.seminar_quiz.d0.u0"):
    return KeyValueStore.Key(Scope.user_state, user, usage, field)


def together(count, action):
    barrier = threading.Barrier(count)
    failures = []

    def run(number):
        try:
            barrier.wait(timeout=30)
            action(number)
        except Exception as exc:  # reported in the test's thread
            failures.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(i,)) for i in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert failures == []


def test_the_workbench_runtime_uses_the_classroom_store():
    assert isinstance(runtime.WORKBENCH_KVS, ClassroomKeyValueStore)


def test_writers_of_different_fields_of_one_row_lose_nothing():
    store = ClassroomKeyValueStore()
    together(24, lambda n: store.set(key(f"field_{n}", user="writers"), n))
    assert {n: store.get(key(f"field_{n}", user="writers")) for n in range(24)} == {
        n: n for n in range(24)
    }
    assert XBlockState.objects.filter(user_id="writers").count() == 1


def test_reads_create_no_rows():
    store = ClassroomKeyValueStore()
    assert store.has(key("never_set", user="reader")) is False
    with pytest.raises(KeyError):
        store.get(key("never_set", user="reader"))
    assert not XBlockState.objects.filter(user_id="reader").exists()


def test_a_second_row_for_one_key_is_impossible():
    row = {"scope": "usage", "scope_id": "a.b.c", "user_id": None, "scenario": "a", "tag": "b"}
    XBlockState.objects.create(**row)
    with pytest.raises(IntegrityError), transaction.atomic():
        XBlockState.objects.create(**row)


def test_duplicate_rows_of_an_older_database_are_merged():
    with connection.cursor() as cursor:
        cursor.execute("DROP INDEX seminar_xblockstate_one_row")
    row = {"scope": "usage", "scope_id": "old.x.d0.u0", "user_id": "old", "scenario": "old"}
    XBlockState.objects.create(**row, tag="x", state='{"attempts": 1, "done": false}')
    XBlockState.objects.create(**row, tag="x", state='{"done": true}')
    ensure_one_row_per_key()
    store = ClassroomKeyValueStore()
    merged = key("attempts", user="old", usage="old.x.d0.u0")
    assert store.get(merged) == 1
    assert store.get(merged._replace(field_name="done")) is True
    assert XBlockState.objects.filter(user_id="old").count() == 1
