"""Which questions a learner gets, in which order: stable per learner, different across them.

Each question and choice gets a rank from a hash of (learner seed, id). Drawing N of a
pool takes the N lowest ranks, so adding a question to the pool moves a learner's draw
only if the new question ranks among their N; shuffling sorts by another rank. No state
is needed for either, and the learner sees the same quiz on every reload and device.
After the first submission the drawn ids are kept in user state, so later edits to the
pool never change the questions a learner is graded on.
"""

import hashlib


def rank(seed, *parts):
    text = "\x1f".join((seed, *parts)).encode("utf-8")
    return hashlib.sha256(text).hexdigest()


def drawn_ids(questions, seed, draw, kept=None):
    """Ids of the questions this learner answers, in authored order.

    `kept` (ids stored at the first submission) wins while those questions exist; a
    deleted question is replaced by the next-ranked one from the pool.
    """
    all_ids = [question["id"] for question in questions]
    size = min(draw, len(all_ids)) if draw else len(all_ids)
    if size == len(all_ids):
        return all_ids
    chosen = [qid for qid in (kept or []) if qid in all_ids][:size]
    by_rank = sorted(all_ids, key=lambda qid: rank(seed, "draw", qid))
    for qid in by_rank:
        if len(chosen) >= size:
            break
        if qid not in chosen:
            chosen.append(qid)
    chosen = set(chosen)
    return [qid for qid in all_ids if qid in chosen]


def presented_questions(questions, seed, draw=0, shuffle=False, kept=None):
    """The learner's questions in their order, each with its choices in their order."""
    ids = drawn_ids(questions, seed, draw, kept)
    by_id = {question["id"]: question for question in questions}
    if shuffle:
        ids = sorted(ids, key=lambda qid: rank(seed, "order", qid))
    presented = []
    for qid in ids:
        question = by_id[qid]
        choices = question["choices"]
        # True/false keeps its authored order: a shuffled "False, True" only confuses.
        if shuffle and question["type"] in ("single", "multiple"):
            choices = sorted(choices, key=lambda c: rank(seed, "choice", qid, c["id"]))
        presented.append({**question, "choices": list(choices)})
    return presented
