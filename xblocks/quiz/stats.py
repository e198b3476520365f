"""The Problem Responses report and the staff statistics, read from each learner's state.

Why no running tally: `Scope.user_state_summary` is one value per block that every
request reads, changes and writes back, so two learners submitting at once lose one of
the updates (xblock-poll's known flaw). Here nothing is aggregated when a learner submits.
Each learner's responses live in their own user_state row, which only that learner's
requests write (and the attempt claim serialises those), and statistics are computed by
reading the rows: the iteration Open edX hands `generate_report_data`, and which the
workbench keeps in its own table. Exact by construction, and they follow rescores,
resets and state deletions; the cost is one read of the block's rows per staff request,
capped at MAX_LEARNERS (the report task has no cap).
"""

from itertools import islice

from xblocks.common.handlers import json_api
from xblocks.common.learner_states import iter_learner_states

from .responses import is_blank, score_response, status_of

MAX_LEARNERS = 20000


def learner_answers(questions_by_id, state):
    """[(question, response, score)] for the questions a learner was graded on."""
    answers = state.get("answers") or {}
    rows = []
    for question_id in state.get("presented") or []:
        question = questions_by_id.get(question_id)
        if question is not None:
            response = answers.get(question_id)
            rows.append((question, response, score_response(question, response)))
    return rows


def response_text(question, response):
    if is_blank(response):
        return ""
    if question["choices"]:
        chosen = response if isinstance(response, list) else [response]
        texts = {choice["id"]: choice["text"] for choice in question["choices"]}
        return "; ".join(texts.get(choice_id, choice_id) for choice_id in chosen)
    return str(response)


def correct_text(question):
    if question["choices"]:
        return "; ".join(c["text"] for c in question["choices"] if c["correct"])
    answer = question["answer"]
    if question["type"] == "numeric":
        return f"{answer['value']:g} ± {answer['tolerance']:g}"
    return " / ".join(
        answer["alternatives"] + ([f"/{answer['regex']}/"] if answer["regex"] else [])
    )


def question_statistics(questions, states, limit=MAX_LEARNERS):
    """Learners, submissions, average score and, per question, answers and choice counts."""
    by_id = {question["id"]: question for question in questions}
    per_question = {
        q["id"]: {
            "id": q["id"],
            "prompt": q["prompt"],
            "type": q["type"],
            "learners": 0,
            "answered": 0,
            "correct": 0,
            "partial": 0,
            "percent_correct": None,
            "choices": [
                {"id": c["id"], "text": c["text"], "correct": c["correct"], "count": 0}
                for c in q["choices"]
            ],
        }
        for q in questions
    }
    learners = submissions = read = 0
    percent_sum = 0.0
    for _username, state in islice(states, limit + 1):
        read += 1
        if read > limit or not state.get("presented"):
            continue
        learners += 1
        submissions += int(state.get("submission_count") or state.get("attempts") or 0)
        if state.get("raw_possible"):
            percent_sum += 100.0 * (state.get("raw_earned") or 0) / state["raw_possible"]
        for question, response, score in learner_answers(by_id, state):
            entry = per_question[question["id"]]
            entry["learners"] += 1
            if is_blank(response):
                continue
            entry["answered"] += 1
            status = status_of(score)
            if status in ("correct", "partial"):
                entry[status] += 1
            chosen = response if isinstance(response, list) else [response]
            for choice in entry["choices"]:
                choice["count"] += choice["id"] in chosen
    for entry in per_question.values():
        if entry["answered"]:
            entry["percent_correct"] = round(100.0 * entry["correct"] / entry["answered"], 1)
    return {
        "learners": learners,
        "submissions": submissions,
        "average_percent": round(percent_sum / learners, 1) if learners else None,
        "truncated": read > limit,
        "questions": [per_question[q["id"]] for q in questions],
    }


class ReportsMixin:
    """generate_report_data and the staff-only statistics handler (needs QuizFields)."""

    def generate_report_data(self, user_state_iterator, limit_responses=None):
        """One row per learner per question: answer, correct answer, correctness, score."""
        _ = self.gettext
        by_id = {question["id"]: question for question in self.questions}
        count = 0
        for user_state in user_state_iterator:
            state = user_state.state or {}
            for question, response, score in learner_answers(by_id, state):
                if limit_responses is not None and count >= limit_responses:
                    return
                count += 1
                yield (
                    user_state.username,
                    {
                        _("Question ID"): question["id"],
                        _("Question"): question["prompt"],
                        _("Answer"): response_text(question, response),
                        _("Correct Answer"): correct_text(question),
                        _("Correct"): status_of(score) if not is_blank(response) else "",
                        _("Score"): score,
                        _("Attempts"): state.get("attempts", 0),
                    },
                )

    @json_api(staff_only=True, methods=("GET", "POST"), max_bytes=1024)
    def statistics(self, data, suffix=""):
        """Per-question statistics and the item analysis, for course staff."""
        states = iter_learner_states(self)
        if states is None:
            return {
                "available": False,
                "message": self.gettext(
                    "This platform cannot list learners' answers here: use the Problem "
                    "Responses report."
                ),
            }
        states = list(islice(states, MAX_LEARNERS + 1))  # read once, for both parts
        analysis = self.item_analysis(states, MAX_LEARNERS)
        return {
            "available": True,
            **question_statistics(self.questions, iter(states)),
            "analysis": analysis,
            "analysis_labels": self.analysis_labels(analysis),
            "analysis_csv": self.runtime.handler_url(self, "item_analysis_csv"),
        }
