"""Votes and learner questions: stored per learner, counted by reading every learner's state.

Why not a tally field? `Scope.user_state_summary` is one shared value per block that a
handler reads, changes and writes back. Two learners voting at the same moment both read
"3 yes" and both write "4 yes": a vote is lost, and nothing notices. The poll XBlock
counts that way; we do not.

The design:
- A learner's vote lives in that learner's own `Scope.user_state` (`votes`, a dict
  entry id -> "yes" / "no"). In Open edX that is the learner's own StudentModule row; in
  the workbench, the learner's own XBlockState row. No two learners ever write the same
  row, so concurrent votes cannot overwrite each other, and a learner changing a vote
  replaces it instead of adding one.
- A learner's questions live in their own `questions` list, for the same reason.
- Counts and the staff queue are derived, when staff ask for them, by reading every
  learner's state of this block (xblocks.common.learner_states): exact by construction.
  - Open edX: the LMS's own user-state client,
    `DjangoXBlockUserStateClient().iter_all_for_block(usage_key)`, the same store the
    instructor's reports read (one query a page of learners, staff only).
  - The xblock-sdk workbench (`seminar serve`, integration tests): its XBlockState
    table, one row per learner and block.
  - Any other runtime: not available; staff see "counts are not available here" and
    `generate_report_data` still reports every vote.
- Staff decisions on questions (published as an entry, or dismissed) are written by
  staff only, to `staff_answers` (`Scope.user_state_summary`: the LMS cannot write
  `Scope.content`). Learners never write it. Two staff members deciding in the same
  instant could still overwrite each other; the lost decision then shows again in the
  queue, where it can be repeated, so nothing is lost silently.
"""

VOTE_VALUES = ("yes", "no")


def summarise(states, entry_ids, decisions):
    """One pass over learner states: vote counts per entry and the pending question queue.

    `states` yields (learner key, state); `decisions` is the staff_answers dict.
    """
    counts = {entry_id: {"yes": 0, "no": 0} for entry_id in entry_ids}
    queue, learners, voters = [], 0, 0
    for _learner, state in states:
        learners += 1
        votes = state.get("votes") or {}
        voters += bool(votes)
        for entry_id, vote in votes.items():
            if entry_id in counts and vote in VOTE_VALUES:
                counts[entry_id][vote] += 1
        for question in state.get("questions") or []:
            if question.get("id") not in decisions:
                queue.append(
                    {
                        "id": question["id"],
                        "text": question["text"],
                        "submitted": question["submitted"],
                    }
                )
    queue.sort(key=lambda question: question["submitted"])
    return {"counts": counts, "queue": queue, "learners": learners, "voters": voters}


def question_status(question, decisions):
    """A learner's question as they see it: pending, published (with the entry) or dismissed."""
    decision = decisions.get(question["id"]) or {}
    status = decision.get("status", "pending")
    result = {**question, "status": status}
    if status == "published":
        result["entry_id"] = decision["entry"]["id"]
    return result


def report_rows(block, user_state_iterator, limit_responses=None):
    """(username, row) for each vote and each question, for the instructor's report."""
    questions = {entry["id"]: entry["question"] for entry in block.all_entries()}
    decisions = block.staff_answers or {}
    count = 0
    for user_state in user_state_iterator:
        state = user_state.state or {}
        rows = [
            {
                "Type": "vote",
                "Entry ID": entry_id,
                "Question": questions.get(entry_id, entry_id),
                "Answer": vote,
            }
            for entry_id, vote in sorted((state.get("votes") or {}).items())
        ]
        for question in state.get("questions") or []:
            status = question_status(question, decisions)
            rows.append(
                {
                    "Type": "question",
                    "Entry ID": status.get("entry_id", ""),
                    "Question": question["text"],
                    "Answer": status["status"],
                    "Submitted": question["submitted"],
                }
            )
        for row in rows:
            if limit_responses is not None and count >= limit_responses:
                return
            count += 1
            yield user_state.username, row
