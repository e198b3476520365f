"""Votes stay exact when many learners vote at the same moment (xblocks/faq/learner_state.py).

Each thread is a different learner with their own WorkbenchRuntime, calling the real
`vote` handler; a barrier releases them together. The control test runs the same harness
on a naive shared tally and shows it loses votes: the harness can fail.
"""

import threading

import pytest
from django.db import connection
from xblock.core import XBlock
from xblock.fields import Integer, Scope

from tests.runtimes import as_user, call_handler, workbench_block
from xblocks.common.base import SeminarBlock
from xblocks.common.handlers import json_api
from xblocks.faq.scenarios import SCENARIOS

pytestmark = pytest.mark.usefixtures("workbench_db")

LEARNERS = 24


def run_together(count, action):
    """Run action(i) in `count` threads released at once; re-raise the first failure."""
    barrier = threading.Barrier(count)
    failures = []

    def worker(number):
        try:
            barrier.wait(timeout=30)
            action(number)
        except Exception as exc:  # reported below, in the test's thread
            failures.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert not failures, failures


def voting_unit(user):
    """The demo FAQ, viewed once as learners do before voting (the first view is what
    test_devserver_concurrency.py races; here the race is between votes only)."""
    block = workbench_block(SCENARIOS[0][1], user)
    block.runtime.render(block, "student_view")
    return block


def staff_counts(block, entry_id):
    status, report = call_handler(as_user(block, "staff_counter"), "staff_report", {})
    assert status == 200
    return report["counts"][entry_id]


def test_concurrent_votes_are_all_counted():
    block = voting_unit("voter_setup")
    learners = [as_user(block, f"concurrent_voter_{i}") for i in range(LEARNERS)]
    statuses = []

    def vote(number):
        status, _body = call_handler(
            learners[number], "vote", {"entry_id": "what-is-escrow", "vote": "yes"}
        )
        statuses.append(status)

    run_together(LEARNERS, vote)
    assert statuses == [200] * LEARNERS
    assert staff_counts(block, "what-is-escrow") == {"yes": LEARNERS, "no": 0}


def test_concurrent_changed_votes_are_counted_once_each():
    block = voting_unit("changer_setup")
    users = [f"changing_voter_{i}" for i in range(LEARNERS)]
    for user in users:
        call_handler(
            as_user(block, user), "vote", {"entry_id": "how-do-payments-work", "vote": "no"}
        )
    learners = [as_user(block, user) for user in users]

    def change(number):
        vote = "yes" if number % 2 else None  # half change their vote, half withdraw it
        call_handler(learners[number], "vote", {"entry_id": "how-do-payments-work", "vote": vote})

    run_together(LEARNERS, change)
    assert staff_counts(block, "how-do-payments-work") == {"yes": LEARNERS // 2, "no": 0}


class SharedTallyBlock(SeminarBlock):
    """The design we avoid: a read-modify-write of one user_state_summary counter."""

    yes = Integer(default=0, scope=Scope.user_state_summary)
    barrier = None

    @json_api()
    def vote(self, data, suffix=""):
        current = self.yes  # every learner reads...
        self.barrier.wait(timeout=30)  # ...before anyone writes: the race, made certain
        self.yes = current + 1
        return {}


@XBlock.register_temp_plugin(SharedTallyBlock, "shared_tally_demo")
def test_control_a_shared_tally_loses_votes_under_the_same_harness():
    block = workbench_block("<shared_tally_demo/>", "tally_setup")
    block.yes = 0
    block.save()  # the shared row exists before the race, as for the FAQ above
    SharedTallyBlock.barrier = threading.Barrier(LEARNERS)
    learners = [as_user(block, f"tally_voter_{i}") for i in range(LEARNERS)]
    run_together(LEARNERS, lambda number: call_handler(learners[number], "vote", {}))
    assert as_user(block, "tally_reader").yes < LEARNERS
