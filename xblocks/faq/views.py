"""What learners, staff, mobile apps and the course search see of the FAQ."""

import hashlib
import re
from datetime import datetime
from html import escape

from xblock.core import XBlock

from xblocks.common.i18n import current_language
from xblocks.common.l10n import format_datetime, language_name
from xblocks.common.markdown import index_text, line_text, markdown_text, render_markdown
from xblocks.common.resources import BlockResources
from xblocks.common.sdgs import SDG_NAMES
from xblocks.common.services import replace_static_urls, user_is_staff

from .content_cache import ContentCache
from .entries import group_by_category
from .learner_state import question_status
from .search import client_rules, content_key, unspaced, use_server_search, warm_index

resources = BlockResources(__name__)
LEARNER_JS = ("js/faq.js", "js/faq_search.js")
DEFERRED_JS = ("js/faq_answers.js",)
SERVER_JS = ("js/faq_server.js",)
UNSPACED_JS = ("js/faq_cjk.js",)  # after faq_search.js, whose functions it extends
STAFF_JS = ("js/faq_staff.js",)
MAX_QUESTION_LENGTH = 500
MIN_QUESTION_LENGTH = 10
SDG_TAG = re.compile(r"^sdg-(\d+)$")


# Entry HTML is the same for every learner (votes are applied in the browser): rendered
# once per block, language and content, not on every page view.
RENDERED = ContentCache(size=64)


class FaqViewsMixin:
    """student_view, student_view_data and index_dictionary."""

    # Not `title`: the LMS's block-structure transformers collect a field of that name from
    # every block and pickle it, and a bound method does not pickle (the course breaks).
    def heading(self):
        default = self.fields["display_name"].default
        return self.gettext(default) if self.display_name == default else self.display_name

    def dom_id(self):
        """A short id, unique per block, for ids inside the block's HTML."""
        digest = hashlib.sha1(str(self.scope_ids.usage_id).encode(), usedforsecurity=False)
        return "faq-" + digest.hexdigest()[:8]

    def server_search(self, entries=None):
        count = len(entries if entries is not None else self.all_entries())
        return use_server_search(count, self.search_mode)

    @XBlock.supports("multi_device")
    def student_view(self, context=None):
        entries = self.all_entries()
        server = self.server_search(entries)
        staff = user_is_staff(self)
        # Questions only: the answers (collapsed until a learner opens one) follow from the
        # `answers` handler once the page is shown, so the first screen does not wait for
        # the full text on a slow connection (the seminar's 74 entries: 170 KB of HTML).
        groups = (
            []
            if server
            else RENDERED.get(
                self.rendered_key(entries),
                lambda: [
                    {
                        "category": category,
                        "slug": f"{self.dom_id()}-c{number}",
                        "html": self._render_entries(items, entries, deferred=True),
                    }
                    for number, (category, items) in enumerate(group_by_category(entries))
                ],
            )
        )
        context = {
            "title": self.heading(),
            "own_title": self.display_name != self.fields["display_name"].default,
            "uid": self.dom_id(),
            "server": server,
            "groups": groups,
            "categories": list(dict.fromkeys(entry["category"] for entry in entries)),
            "entry_count": len(entries),
            "my_questions_html": self.render_my_questions(entries),
            "max_question": MAX_QUESTION_LENGTH,
            "min_question": MIN_QUESTION_LENGTH,
            "foreign_message": self.foreign_query_message(),
            "staff": staff,
        }
        # The browser builds its search index from the page's text (see search.py), in the
        # language the content is read in.
        lang = self.content_language_tag()
        mode = "server" if server else "client"
        args = {"mode": mode, "staff": staff, "votes": self.votes, "lang": lang}
        if client_rules(lang):  # the page is sent its own language's rules only
            args["rules"] = client_rules(lang)
        if server:
            warm_index(entries, lang)
        return resources.fragment(
            self,
            "templates/student_view.html",
            context,
            css=("css/faq.css",),
            js=LEARNER_JS
            + (UNSPACED_JS if unspaced(lang) else ())
            + (SERVER_JS if server else ())
            + (DEFERRED_JS if groups else ())
            + (STAFF_JS if staff else ()),
            init="SeminarFaqBlock",
            args=args,
        )

    def render_entries(self, items, entries=None):
        """HTML of entry articles (one template for the page and for server results)."""
        entries = entries if entries is not None else self.all_entries()
        key = (*self.rendered_key(entries), tuple(entry["id"] for entry in items))
        return RENDERED.get(key, lambda: self._render_entries(items, entries))

    def rendered_key(self, entries):
        """What entry HTML depends on: the block, the learner's language, the content and
        the language it is written in."""
        return (
            self.dom_id(),
            current_language(),
            self.content_language_tag(),
            content_key(entries),
        )

    def deferred_answers(self, entries=None):
        """{entry id: HTML inside its .faq-a}: what the page defers (see student_view)."""
        entries = entries if entries is not None else self.all_entries()
        return RENDERED.get(
            (*self.rendered_key(entries), "deferred"),
            lambda: self._entry_bodies(entries, entries),
        )

    def _entry_views(self, items, entries):
        position = {entry["id"]: index for index, entry in enumerate(entries)}
        questions = {entry["id"]: entry["question"] for entry in entries}
        return [
            {
                "id": entry["id"],
                "index": position.get(entry["id"], 0),
                "question": entry["question"],
                "answer_html": self.answer_html(entry),
                "tags": [self.tag_view(tag) for tag in entry["tags"]],
                "related": [
                    {"id": other, "question": questions[other]}
                    for other in entry["related"]
                    if other in questions
                ],
            }
            for entry in items
        ]

    def _entry_bodies(self, items, entries):
        """{entry id: the HTML inside its .faq-a}: answer, tags and related questions."""
        return {
            view["id"]: resources.render(
                self, "templates/entry_body.html", {"e": view, "uid": self.dom_id()}
            )
            for view in self._entry_views(items, entries)
        }

    def _render_entries(self, items, entries, deferred=False):
        bodies = {} if deferred else self._entry_bodies(items, entries)
        prepared = [
            {**view, "deferred": deferred, "body_html": bodies.get(view["id"], "")}
            for view in self._entry_views(items, entries)
        ]
        return resources.render(
            self, "templates/entries.html", {"entries": prepared, "uid": self.dom_id()}
        )

    def answer_html(self, entry):
        """Sanitised answer HTML; wide tables scroll in a focusable, labelled region."""
        html = replace_static_urls(self, render_markdown(entry["answer"]))
        if "<table>" in html:
            label = escape(self.gettext("Table (scrolls sideways)"))
            html = html.replace(
                "<table>",
                f'<div class="faq-table" tabindex="0" role="region" aria-label="{label}"><table>',
            ).replace("</table>", "</table></div>")
        return html

    def foreign_query_message(self):
        """What the page says to a search in a language the FAQ is not written in."""
        name = language_name(self.content_language_tag(), current_language())
        if not name:
            return self.gettext("No question matches: the FAQ may be written in another language.")
        return self.gettext(
            "No question matches: the questions and answers are in {language}. "
            "Try your search in {language}."
        ).format(language=name)

    def tag_view(self, tag):
        """(tag, label, whether the label is in the learner's language: an SDG's name)."""
        label = self.tag_label(tag)
        return tag, label, label != tag

    def tag_label(self, tag):
        sdg = SDG_TAG.match(tag)
        if sdg and int(sdg.group(1)) in SDG_NAMES:
            number = int(sdg.group(1))
            return self.gettext("SDG {number}: {name}").format(
                number=number, name=self.gettext(SDG_NAMES[number])
            )
        return tag

    def my_questions(self, entries=None):
        """This learner's questions with their status, newest first."""
        entries = entries if entries is not None else self.all_entries()
        questions = {entry["id"]: entry["question"] for entry in entries}
        decisions = self.staff_answers or {}
        result = []
        for question in reversed(self.questions or []):
            status = question_status(question, decisions)
            if status.get("entry_id") in questions:
                status["entry_question"] = questions[status["entry_id"]]
            result.append(status)
        return result

    def render_my_questions(self, entries=None):
        return resources.render(
            self, "templates/my_questions.html", {"questions": self.my_questions(entries)}
        )

    def render_queue(self, queue):
        language = current_language()
        queue = [
            # In UTC, as the locale writes dates (Django has no Arabic date-and-time format).
            {
                **question,
                "submitted_text": format_datetime(
                    datetime.fromisoformat(question["submitted"]), language
                ),
            }
            for question in queue
        ]
        return resources.render(
            self, "templates/staff_queue.html", {"queue": queue, "uid": self.dom_id()}
        )

    def student_view_data(self, context=None):
        """Learner-independent JSON for the mobile apps (docs/native-api.md): `answer_html`
        is sanitised HTML, every other text plain text (markup removed). In the source
        language, or in `context["lang"]` where the FAQ has it."""
        language = self.reading_language((context or {}).get("lang", ""), learner=False)
        entries = self.all_entries(language)
        return {
            "display_name": line_text(self.heading()),
            **self.language_data(language),
            "entries": [
                {
                    **entry,
                    "question": line_text(entry["question"]),
                    "category": line_text(entry["category"]),
                    "answer": markdown_text(entry["answer"]),
                    "answer_html": self.answer_html(entry),
                }
                for entry in entries
            ],
            "categories": list(dict.fromkeys(line_text(entry["category"]) for entry in entries)),
            "search": "server" if self.server_search(entries) else "browser",
            "question_length": {"min": MIN_QUESTION_LENGTH, "max": MAX_QUESTION_LENGTH},
        }

    def index_dictionary(self):
        """Course search: every entry's question, category, tags and answer as plain text,
        HTML-escaped (see `index_text`); each translation's as `text_<lang>`."""
        source, *translated = self.offered_languages()
        return {
            "content": {
                "display_name": index_text(line_text(self.heading())),
                "entries": index_text(*self.index_texts(source)),
                **{f"text_{code}": index_text(*self.index_texts(code)) for code in translated},
            },
            "content_type": "FAQ",
        }

    def index_texts(self, language):
        parts = []
        for entry in self.all_entries(language):
            parts.extend(map(line_text, (entry["question"], entry["category"])))
            parts.extend([*entry["tags"], markdown_text(entry["answer"])])
        return parts
