"""The measuring tools of `tox -e bench` and `tox -e load` measure what they say they do."""

import os
import time

import pytest
from django.test import Client

from tests.bench.field_data import StorageMeter, installed_store, read_once_per_request
from tests.bench.journey import OTHER, shares_by_area
from tests.load.cpu import process_cpu_seconds, tree_cpu_seconds

FLOOR, LECTURE = "helloworld_demo.0", "course.01.01"


def storage_of(scenario):
    client = Client()
    client.get(f"/scenario/{scenario}/")  # first render creates the block's rows
    meter = StorageMeter()
    with meter.measuring():
        assert client.get(f"/scenario/{scenario}/").status_code == 200
    (measured,) = meter.requests
    return measured


def test_the_storage_meter_counts_a_query_for_every_field_a_lecture_reads(workbench_db):
    floor_queries, _ms = storage_of(FLOOR)
    lecture_queries, lecture_ms = storage_of(LECTURE)
    # Ten content fields and the learner's `completed`: a query or two each.
    assert lecture_queries >= floor_queries + 11
    assert lecture_ms > 0


def test_fields_read_once_cost_one_query_per_scope(workbench_db):
    with read_once_per_request():
        queries, _ms = storage_of(LECTURE)
    # The lecture's content, its settings and the learner's state: one row each.
    assert queries <= 4


def test_the_storage_meter_restores_the_workbench_store(workbench_db):
    Store = installed_store()
    before = Store.get, Store.has, Store.set, Store.set_many, Store.delete
    with StorageMeter().measuring():
        assert Store.get is not before[0]
    assert (Store.get, Store.has, Store.set, Store.set_many, Store.delete) == before


def function(filename, name):
    return (filename, 1, name)


def test_time_in_a_builtin_counts_for_the_code_that_called_it():
    ours = function("/site/xblocks/quiz/block.py", "student_view")
    orm = function("/site/django/db/models/query.py", "get")
    builtin = function("~", "<built-in method builtins.getattr>")
    helper = function("/usr/lib/python3.12/copy.py", "deepcopy")
    stats = {
        ours: (1, 1, 0.5, 3.0, {}),
        orm: (1, 1, 1.0, 2.0, {ours: (1, 1, 1.0, 2.0)}),
        # getattr: 0.75 s called from our code, 0.25 s from the ORM.
        builtin: (2, 2, 1.0, 1.0, {ours: (1, 1, 0.75, 0.75), orm: (1, 1, 0.25, 0.25)}),
        helper: (1, 1, 0.5, 0.5, {ours: (1, 1, 0.5, 0.5)}),
    }
    shares = shares_by_area(stats)
    assert shares["seminar-xblocks (ours)"] == pytest.approx(1.25)
    assert shares["Django ORM"] == pytest.approx(1.25)
    assert shares["deep copies (XBlock's mutable fields)"] == pytest.approx(0.5)
    assert OTHER not in shares


def busy(seconds):
    end = time.process_time() + seconds
    while time.process_time() < end:
        pass


def test_cpu_seconds_grow_with_the_work_a_process_does():
    before = process_cpu_seconds(os.getpid())
    busy(0.3)
    after = process_cpu_seconds(os.getpid())
    assert after - before >= 0.2
    assert tree_cpu_seconds(os.getpid()) >= after
