"""Per-learner order and pools: stable for a learner, different across learners."""

from tests.unit.quiz.data import questions
from xblocks.quiz.selection import drawn_ids, presented_questions

POOL = [{**q, "id": f"q{i}"} for i, q in enumerate(questions() * 4)]


def order(seed, items=None, **options):
    return [q["id"] for q in presented_questions(items or POOL, seed, **options)]


def test_no_shuffle_no_draw_keeps_the_authored_order():
    assert order("learner-1") == [q["id"] for q in POOL]


def test_shuffle_is_stable_for_a_learner_and_differs_across_learners():
    first = order("learner-1", shuffle=True)
    assert first == order("learner-1", shuffle=True)
    assert sorted(first) == sorted(q["id"] for q in POOL)
    others = {tuple(order(f"learner-{n}", shuffle=True)) for n in range(2, 8)}
    assert len(others | {tuple(first)}) > 1


def test_choices_are_shuffled_per_learner_but_true_false_keeps_its_order():
    seeds = [f"learner-{n}" for n in range(12)]
    single_orders, tf_orders = set(), set()
    for seed in seeds:
        for question in presented_questions(POOL, seed, shuffle=True):
            ids = tuple(c["id"] for c in question["choices"])
            if question["id"] == "q0":
                single_orders.add(ids)
            if question["type"] == "true_false":
                tf_orders.add(ids)
    assert len(single_orders) > 1
    assert tf_orders == {("a", "b")}


def test_a_draw_is_stable_the_right_size_and_differs_across_learners():
    drawn = drawn_ids(POOL, "learner-1", 5)
    assert len(drawn) == 5 and drawn == drawn_ids(POOL, "learner-1", 5)
    assert len({tuple(drawn_ids(POOL, f"learner-{n}", 5)) for n in range(10)}) > 1


def test_adding_to_the_pool_moves_a_draw_by_at_most_one_question():
    before = set(drawn_ids(POOL, "learner-1", 5))
    bigger = [*POOL, {**POOL[0], "id": "new-question"}]
    after = set(drawn_ids(bigger, "learner-1", 5))
    assert len(before - after) <= 1


def test_kept_ids_win_and_deleted_ones_are_replaced():
    kept = ["q3", "q7", "q11"]
    assert drawn_ids(POOL, "learner-1", 3, kept=kept) == kept
    smaller = [q for q in POOL if q["id"] != "q7"]
    drawn = drawn_ids(smaller, "learner-1", 3, kept=kept)
    assert len(drawn) == 3 and {"q3", "q11"} <= set(drawn) and "q7" not in drawn


def test_draw_larger_than_the_pool_gives_everything():
    assert drawn_ids(POOL[:3], "learner-1", 10) == ["q0", "q1", "q2"]
