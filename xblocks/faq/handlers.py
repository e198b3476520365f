"""The FAQ's JSON handlers: votes, questions, server search, search tracking and staff work.

Every handler validates all its input before it writes anything, so a 4xx changes nothing.
"""

import secrets
from datetime import UTC, datetime

from xblocks.common.handlers import json_api, require
from xblocks.common.learner_states import iter_learner_states
from xblocks.common.services import anonymous_user_id

from .entries import ENTRY_ID, check_entries, clean_text
from .learner_state import VOTE_VALUES, summarise
from .search import PAGE_SIZE, cached_index
from .textformat import write_faq
from .views import MAX_QUESTION_LENGTH, MIN_QUESTION_LENGTH

MAX_PENDING_QUESTIONS = 5
MAX_STORED_QUESTIONS = 50
MAX_QUERY = 200


def now_iso():
    return datetime.now(UTC).replace(microsecond=0).isoformat()


class FaqHandlersMixin:
    """Handlers used by static/js/faq.js, faq_staff.js and the mobile apps."""

    def _entry_ids(self):
        return {entry["id"] for entry in self.all_entries()}

    @json_api(max_bytes=1024)
    def vote(self, data, suffix=""):
        """{"entry_id": id, "vote": "yes" | "no" | null}: this learner's one, changeable vote."""
        _ = self.gettext
        entry_id, vote = data.get("entry_id"), data.get("vote")
        require(
            isinstance(entry_id, str) and entry_id in self._entry_ids(),
            _("entry_id must be the id of an entry of this FAQ."),
        )
        require(vote is None or vote in VOTE_VALUES, _('vote must be "yes", "no" or null.'))
        votes = dict(self.votes or {})
        previous = votes.get(entry_id)
        if vote is None:
            votes.pop(entry_id, None)
        else:
            votes[entry_id] = vote
        self.votes = votes
        self.runtime.publish(
            self, "seminar.faq.voted", {"entry_id": entry_id, "vote": vote, "previous": previous}
        )
        return {"entry_id": entry_id, "vote": vote}

    @json_api(max_bytes=8 * 1024)
    def ask(self, data, suffix=""):
        """{"question": text}: a learner's question for the staff queue."""
        _ = self.gettext
        text = data.get("question")
        require(isinstance(text, str), _("question must be text."))
        text = clean_text(text[: MAX_QUESTION_LENGTH * 4])
        ngettext = self.ngettext
        require(
            len(text) >= MIN_QUESTION_LENGTH,
            ngettext(
                "Write your question in at least {count} character.",
                "Write your question in at least {count} characters.",
                MIN_QUESTION_LENGTH,
            ).format(count=MIN_QUESTION_LENGTH),
        )
        require(
            len(text) <= MAX_QUESTION_LENGTH,
            ngettext(
                "Keep your question under {count} character.",
                "Keep your question under {count} characters.",
                MAX_QUESTION_LENGTH,
            ).format(count=MAX_QUESTION_LENGTH),
        )
        questions = list(self.questions or [])
        decisions = self.staff_answers or {}
        pending = [q for q in questions if q["id"] not in decisions]
        require(
            len(pending) < MAX_PENDING_QUESTIONS,
            _(
                "You have {count} questions waiting for an answer: please wait for "
                "staff to answer them before you ask more."
            ).format(count=len(pending)),
            status=429,
        )
        require(
            len(questions) < MAX_STORED_QUESTIONS,
            _("You have asked the most questions this FAQ accepts from one learner."),
            status=429,
        )
        question = {"id": secrets.token_hex(8), "text": text, "submitted": now_iso()}
        self.questions = [*questions, question]
        self.runtime.publish(
            self,
            "seminar.faq.question_submitted",
            {"question_id": question["id"], "length": len(text)},
        )
        return {
            "question": {**question, "status": "pending"},
            "questions": self.my_questions(),
            "questions_html": self.render_my_questions(),
        }

    @json_api(max_bytes=2048)
    def search(self, data, suffix=""):
        """Server-side search for large FAQs: {"q", "category", "offset"} or {"id"}."""
        _ = self.gettext
        entries = self.all_entries()
        query, category = data.get("q", ""), data.get("category", "")
        offset, entry_id = data.get("offset", 0), data.get("id")
        require(
            isinstance(query, str) and len(query) <= MAX_QUERY,
            _("q must be text of at most {count} characters.").format(count=MAX_QUERY),
        )
        require(isinstance(category, str), _("category must be text."))
        require(
            isinstance(offset, int) and not isinstance(offset, bool) and offset >= 0,
            _("offset must be a whole number, 0 or more."),
        )
        require(
            entry_id is None or (isinstance(entry_id, str) and ENTRY_ID.match(entry_id)),
            _("id must be an entry id."),
        )
        if entry_id is not None:
            found = [entry for entry in entries if entry["id"] == entry_id]
            require(found, _("No entry has the id '{id}'.").format(id=entry_id), status=404)
            return self._results(found, entries, total=1, offset=0)
        in_category = (lambda e: e["category"] == category) if category else (lambda e: True)
        foreign = False
        if query.strip():
            index = cached_index(entries, self.content_language_tag())
            ranked = [entries[position] for position, _n, _s in index.rank(query)]
            matches = [entry for entry in ranked if in_category(entry)]
            foreign = not ranked and index.is_foreign(query)
        elif category:
            matches = [entry for entry in entries if in_category(entry)]
        else:
            matches = []
        page = matches[offset : offset + PAGE_SIZE]
        return {
            **self._results(page, entries, total=len(matches), offset=offset),
            "foreign": foreign,
        }

    def _results(self, page, entries, total, offset):
        return {
            "total": total,
            "offset": offset,
            "ids": [entry["id"] for entry in page],
            "html": self.render_entries(page, entries) if page else "",
        }

    @json_api(max_bytes=1024)
    def answers(self, data, suffix=""):
        """{}: the answers the page left out to show sooner, {"answers": {id: HTML}}."""
        require(not data, self.gettext("This request takes no fields; send {}."))
        return {"answers": self.deferred_answers()}

    @json_api(max_bytes=512)
    def log_search(self, data, suffix=""):
        """{"query_length", "result_count"}: a settled search, tracked without its text."""
        _ = self.gettext
        length, count = data.get("query_length"), data.get("result_count")
        checks = ((length, "query_length", MAX_QUERY), (count, "result_count", None))
        for value, name, top in checks:
            require(
                isinstance(value, int)
                and not isinstance(value, bool)
                and value >= 0
                and (top is None or value <= top),
                _("{name} must be a whole number in range.").format(name=name),
            )
        mode = "server" if self.server_search() else "browser"
        self.runtime.publish(
            self,
            "seminar.faq.searched",
            {"query_length": length, "result_count": count, "mode": mode},
        )
        return {}

    @json_api(methods=("GET", "POST"))
    def student_view_user_state(self, data, suffix=""):
        """This learner's votes and questions (docs/native-api.md)."""
        return {"votes": dict(self.votes or {}), "questions": self.my_questions()}

    # Staff -------------------------------------------------------------------------------

    def _summary(self):
        states = iter_learner_states(self)
        if states is None:
            return None
        ids = [entry["id"] for entry in self.all_entries()]
        return summarise(states, ids, self.staff_answers or {})

    @json_api(staff_only=True)
    def staff_report(self, data, suffix=""):
        """Vote counts, the pending questions and the published answers as FAQ text."""
        summary = self._summary()
        available = summary is not None
        summary = summary or {"counts": {}, "queue": [], "learners": 0, "voters": 0}
        published = self.published_entries()
        return {
            **summary,
            "available": available,
            "queue_html": self.render_queue(summary["queue"]),
            "published_text": write_faq(published) if published else "",
        }

    def _pending_question(self, question_id):
        _ = self.gettext
        require(
            isinstance(question_id, str) and len(question_id) <= 64,
            _("question_id must be the id of a learner question."),
        )
        summary = self._summary()
        require(summary is not None, _("This runtime cannot read learners' questions."), status=501)
        found = [q for q in summary["queue"] if q["id"] == question_id]
        require(
            found,
            _("No pending question has this id: it may have been answered or dismissed already."),
            status=404,
        )
        return found[0]

    @json_api(staff_only=True, max_bytes=32 * 1024)
    def publish_question(self, data, suffix=""):
        """{"question_id", "entry": {...}}: answer a learner question as a new entry."""
        _ = self.gettext
        raw = data.get("entry")
        require(isinstance(raw, dict), _("entry must be an object."))
        taken = self._entry_ids()
        entries, errors = check_entries(
            [raw], gettext=_, generate_ids=True, taken=taken, check_related=False
        )
        require(not errors, "; ".join(f"{field}: {message}" for _i, field, message in errors))
        for other in entries[0]["related"]:
            require(other in taken, _("The related id '{id}' matches no entry.").format(id=other))
        question = self._pending_question(data.get("question_id"))
        entry = entries[0]
        self.staff_answers = {
            **(self.staff_answers or {}),
            question["id"]: {
                "status": "published",
                "entry": entry,
                "decided": now_iso(),
                "by": anonymous_user_id(self),
            },
        }
        self.runtime.publish(
            self,
            "seminar.faq.question_published",
            {"question_id": question["id"], "entry_id": entry["id"]},
        )
        return {"entry": entry}

    @json_api(staff_only=True, max_bytes=1024)
    def dismiss_question(self, data, suffix=""):
        """{"question_id"}: remove a learner question from the queue without an answer."""
        question = self._pending_question(data.get("question_id"))
        self.staff_answers = {
            **(self.staff_answers or {}),
            question["id"]: {
                "status": "dismissed",
                "decided": now_iso(),
                "by": anonymous_user_id(self),
            },
        }
        self.runtime.publish(
            self, "seminar.faq.question_dismissed", {"question_id": question["id"]}
        )
        return {"question_id": question["id"], "status": "dismissed"}
