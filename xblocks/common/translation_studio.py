"""Studio's translation editor, the same in the three blocks: one language at a time.

The editor shows the source language and each translation the block has; "Add a
language" offers the course's languages (COURSE_LANGUAGES). In a translation it shows
every source text (read-only) beside its translation and saves only that language's
`translations` entry, checked as `seminar build` checks a translation file
(course/translations.py: every source text translated, the same numbers) and as OLX
import checks a <translation> (common/olx.py: known paths, bounded texts). A translation
holds texts only, so ids, choices, correct marks and numeric keys stay the source's.

Out of date: each save records, per language, a hash of the source texts the translation
was made from (`translation_sources`); a translation whose source texts hash otherwise
now is out of date.
"""

import hashlib
import json
import re

from django.utils.safestring import mark_safe
from xblock.fields import Dict, Scope

from .authoring import can_edit_content, require_editable
from .handlers import json_api, json_response, require
from .i18n import content_attributes, current_language, gettext_noop
from .l10n import language_name
from .resources import BlockResources, shared_script
from .translations import ALTERNATIVES, _items, overlay, texts_at, translation_problems

_ = gettext_noop
resources = BlockResources("xblocks.common")
# The languages a course team adds in Studio: the UN's six official languages and
# Portuguese (the languages the seminar's learners read), the ones the package's catalog has.
COURSE_LANGUAGES = ("ar", "en", "es", "fr", "pt-BR", "ru", "zh-Hans")
SAVE_MAX_BYTES = 3 * 1024 * 1024
# An HTML tag or comment; Markdown autolinks (<https://...>) are text, not markup.
TAG = re.compile(r"<!--|</?(?!https?:|mailto:)[A-Za-z][^>]*>")
# What the editor calls each segment of a text path ({n}: the record's place, or its id).
SEGMENT_LABELS = {
    "display_name": _("Title"),
    "body": _("Lecture text (Markdown)"),
    "transcript": _("Transcript"),
    "objectives": _("Objective {n}"),
    "takeaways": _("Key takeaway {n}"),
    "speakers": _("Speaker {n}"),
    "name": _("Name"),
    "role": _("Role"),
    "organisation": _("Organisation"),
    "handouts": _("Handout {n}"),
    "title": _("Title"),
    "questions": _("Question {n}"),
    "prompt": _("Prompt"),
    "explanation": _("Explanation"),
    "hints": _("Hint {n}"),
    "choices": _("Choice {n}"),
    "text": _("Text"),
    "feedback": _("Feedback"),
    "entries": _("Entry {n}"),
    "category": _("Category"),
    "question": _("Question"),
    "answer": _("Answer"),
}


def source_hash(texts) -> str:
    """The hash of a block's source texts ({path: text}) a translation was made from."""
    data = json.dumps(texts, sort_keys=True, ensure_ascii=False).encode("utf-8")
    return hashlib.sha256(data).hexdigest()


def markup_problem(text, source_text):
    """The first HTML tag of `text` that its source text does not have, or None."""
    allowed = set(TAG.findall(source_text or ""))
    return next((tag for tag in TAG.findall(text) if tag not in allowed), None)


class TranslationStudioMixin:
    """The language picker, the translation form and its save (needs SeminarBlock)."""

    translation_sources = Dict(
        display_name=_("Translation sources"),
        help=_("Per language, the hash of the source texts its translation was made from."),
        scope=Scope.content,
        default={},
    )

    def editor_id(self) -> str:
        """A prefix for the translation editor's element ids, unique per block on a page."""
        digest = hashlib.sha1(str(self.scope_ids.usage_id).encode(), usedforsecurity=False)
        return "tr-" + digest.hexdigest()[:8]

    def source_texts(self) -> dict:
        return texts_at(self.translatable_values(), self.translatable)

    def translation_states(self) -> list:
        """[{code, name, state}] for the source and each translation: "source",
        "current", "outdated" (source changed since the save) or "unknown" (not saved here)."""
        source, current = self.source_language_tag(), source_hash(self.source_texts())
        states = [{"code": source, "state": "source"}]
        for code in sorted(self.translations or {}):
            recorded = (self.translation_sources or {}).get(code)
            state = "unknown" if not recorded else "current" if recorded == current else "outdated"
            states.append({"code": code, "state": state})
        for item in states:
            item["name"] = language_name(item["code"], current_language()) or item["code"]
        return states

    def addable_languages(self) -> list:
        taken = {code.lower() for code in [self.source_language_tag(), *(self.translations or {})]}
        return [
            {"code": code, "name": language_name(code, current_language()) or code}
            for code in COURSE_LANGUAGES
            if code.lower() not in taken
        ]

    def translations_editor(self):
        """The language picker and list above a block's editor (a template's context)."""
        return mark_safe(  # rendered by Django's escaping template
            resources.render(
                self,
                "templates/translations_picker.html",
                {
                    "tuid": self.editor_id(),
                    "states": self.translation_states(),
                    "addable": self.addable_languages(),
                },
            )
        )

    def add_translation_editor(self, frag):
        """The editor's code, inline in the Studio fragment only (never the learner's)."""
        frag.add_javascript(shared_script("seminar_translations_studio.js"))
        return frag

    def _checked_language(self, data):
        _ = self.gettext
        language = data.get("language")
        source = self.source_language_tag().lower()
        offered = {code.lower(): code for code in [*COURSE_LANGUAGES, *(self.translations or {})]}
        require(
            isinstance(language, str)
            and language.lower() in offered
            and language.lower() != source,
            _("Choose one of the languages offered: this one cannot be edited as a translation."),
        )
        return offered[language.lower()]

    @json_api()
    def translation_form(self, data, suffix=""):
        """The form for one language's texts, each beside its source text."""
        _ = self.gettext
        require(can_edit_content(self), _("Only the course team can edit translations."), 403)
        language = self._checked_language(data)
        texts = (self.translations or {}).get(language, {})
        values = self.translatable_values()
        items, groups = [], {}
        for number, (path, source) in enumerate(self.source_texts().items()):
            if ALTERNATIVES in path:
                prefix = path.rsplit(".", 1)[0]
                if prefix not in groups:
                    groups[prefix] = {"path": prefix, "lines": True, "source": [], "n": number}
                    groups[prefix]["label"] = self.text_label(values, prefix)
                    items.append(groups[prefix])
                groups[prefix]["source"].append(source)
                continue
            items.append(
                {
                    "path": path,
                    "n": number,
                    "label": self.text_label(values, path),
                    "source": source,
                    "text": texts.get(path, ""),
                    "long": "\n" in source or len(source) > 120,
                }
            )
        for prefix, group in groups.items():
            group["source"] = "\n".join(group["source"])
            mine = [t for p, t in sorted(texts.items()) if p.startswith(prefix + ".")]
            group["text"] = "\n".join(mine)
        html = resources.render(
            self,
            "templates/translation_form.html",
            {
                "tuid": self.editor_id() + "f",
                "language": language,
                "language_name": language_name(language, current_language()) or language,
                "items": items,
                "source_attrs": mark_safe(content_attributes(self.source_language_tag())),
                "target_attrs": mark_safe(content_attributes(language)),
            },
        )
        return {"html": html, "language": language}

    def text_label(self, values, path):
        """ "Question 3 · Choice 2 · Feedback": each segment of `path` in the author's words."""
        _ = self.gettext
        parts, node = [], values
        for segment in path.split("."):
            if isinstance(node, list):  # a record: its place, counted from 1, in the label
                keys = [key for key, _item in _items(node)]
                place = keys.index(segment) if segment in keys else len(node)
                if parts:
                    parts[-1] = parts[-1].replace("{n}", str(place + 1))
                node = node[place] if place < len(node) else None
                continue
            if segment == "alternatives":
                parts.append(_("Accepted answers (one per line)"))
            elif segment in SEGMENT_LABELS:
                parts.append(_(SEGMENT_LABELS[segment]))
            node = node.get(segment) if isinstance(node, dict) else None
        return " · ".join(parts)

    @json_api(max_bytes=SAVE_MAX_BYTES)
    def save_translation(self, data, suffix=""):
        """Save one language's texts: all valid, or nothing saved and each problem named."""
        _ = self.gettext
        require_editable(
            self,
            ("translations", "translation_sources"),
            _("Only the course team can edit translations."),
        )
        language = self._checked_language(data)
        texts = data.get("texts")
        require(
            isinstance(texts, dict) and all(isinstance(t, str) for t in texts.values()),
            _("Send the texts as an object of text paths and texts."),
        )
        errors = self.translation_errors(language, texts)
        if errors:
            summary = self.ngettext(
                "The translation was not saved: correct the problem shown below.",
                "The translation was not saved: correct the {count} problems shown below.",
                len(errors),
            ).format(count=len(errors))
            return json_response({"error": summary, "field_errors": errors}, status=400)
        self.translations = {**(self.translations or {}), language: dict(texts)}
        self.translation_sources = {
            **(self.translation_sources or {}),
            language: source_hash(self.source_texts()),
        }
        return {"saved": True, "language": language, "picker": str(self.translations_editor())}

    def translation_errors(self, language, texts) -> dict:
        """{text path (or ""): what is wrong} for a translation sent from the editor."""
        from xblocks.course.translations import compare

        _ = self.gettext
        source = self.source_texts()
        lists = {path.rsplit(".", 1)[0] for path in source if ALTERNATIVES in path}
        errors = {
            path: _("Translate this text: a translation has every text of its source.")
            for path in source
            if ALTERNATIVES not in path and not texts.get(path, "").strip()
        }
        for path, text in texts.items():
            own = path.rsplit(".", 1)
            if path not in source and not (own[0] in lists and own[-1].isdigit()):
                errors[""] = _("'{path}' names no text of this block.").format(path=path)
            elif len(text) > max(4 * len(source.get(path, "")), 2000):
                errors[path] = _("This text is much longer than its source text.")
            elif tag := markup_problem(text, source.get(path, "")):
                errors[path] = _("Remove the markup {tag}: the source text has none.").format(
                    tag=tag
                )
        for problem in translation_problems({language: texts}, self.translatable):
            errors.setdefault("", problem)
        if errors:
            return errors
        problems, values = [], self.translatable_values()
        plain = {path: texts[path] for path in source if ALTERNATIVES not in path}
        compare(values, overlay(values, plain), self.translatable, ("editor", ""), problems)
        for problem in problems:
            where, _sep, message = problem.message.partition(": ")
            inside = [p for p in source if p == where or p.startswith(where + ".")]
            errors.setdefault(inside[0] if inside else "", message)
        return errors
