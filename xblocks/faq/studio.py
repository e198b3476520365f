"""The Studio editor: entries form with preview and validation, bulk text import/export."""

from xblocks.common.authoring import require_editable
from xblocks.common.handlers import json_api, json_response, require
from xblocks.common.markdown import render_markdown

from .entries import MAX_ANSWER, check_entries, one_line
from .search import SERVER_SEARCH_THRESHOLD
from .textformat import FaqFormatError, parse_faq, write_faq
from .views import resources

MAX_EDIT_BYTES = 4 * 1024 * 1024


class FaqStudioMixin:
    """studio_view and its handlers."""

    def studio_view(self, context=None):
        modes = [
            {"value": choice["value"], "label": self.gettext(choice["display_name"])}
            for choice in self.fields["search_mode"].values
        ]
        context = {
            "uid": self.dom_id(),
            "translations_editor": self.translations_editor(),
            "display_name": self.display_name,
            "search_mode": self.search_mode,
            "modes": modes,
            "threshold": SERVER_SEARCH_THRESHOLD,
            "categories": list(dict.fromkeys(entry["category"] for entry in self.entries)),
            # Through json_script, not JS init args: some runtimes do not escape "</script>"
            # in init args, and answers are author text.
            "entries": list(self.entries),
            "entries_id": f"{self.dom_id()}-entries",
            "fields": [
                ("question", self.gettext("Question"), "input"),
                (
                    "id",
                    self.gettext("Id (for links; leave empty to make one from the question)"),
                    "input",
                ),
                ("category", self.gettext("Category"), "input"),
                ("tags", self.gettext("Tags (separated by commas, e.g. payment, sdg-8)"), "input"),
                ("related", self.gettext("Related entry ids (separated by commas)"), "input"),
                ("answer", self.gettext("Answer (Markdown)"), "textarea"),
            ],
        }
        frag = resources.fragment(
            self,
            "templates/studio_view.html",
            context,
            css=("css/faq_studio.css",),
            js=("js/faq_studio.js",),
            init="SeminarFaqStudio",
        )
        return self.add_translation_editor(frag)

    def _check_edit_rights(self, saves=()):
        """A 403 for anyone but the course's authors, and for a save the runtime cannot store."""
        require_editable(self, saves, self.gettext("Only the course's authors can edit it."))

    @json_api(max_bytes=MAX_EDIT_BYTES)
    def studio_save(self, data, suffix=""):
        """{"display_name", "search_mode", "entries"}: saved only when everything is valid."""
        _ = self.gettext
        self._check_edit_rights(saves=("display_name", "search_mode", "entries"))
        field_errors = {}
        display_name = one_line(data.get("display_name"), 200)
        if not display_name:
            field_errors["display_name"] = _("Give the FAQ a name.")
        search_mode = data.get("search_mode", "auto")
        if search_mode not in [choice["value"] for choice in self.fields["search_mode"].values]:
            field_errors["search_mode"] = _("Choose where search runs.")
        entries, errors = check_entries(data.get("entries"), gettext=_, generate_ids=True)
        for index, field, message in errors:
            key = f"entries.{index}.{field}" if index is not None else "entries"
            field_errors.setdefault(key, message)
        if field_errors:
            return json_response(
                {
                    "error": _("Nothing was saved: correct the marked fields."),
                    "field_errors": field_errors,
                },
                status=400,
            )
        self.display_name, self.search_mode, self.entries = display_name, search_mode, entries
        return {"entries": entries}

    @json_api(max_bytes=MAX_ANSWER * 4)
    def preview(self, data, suffix=""):
        """{"answer": markdown}: the sanitised HTML learners will see."""
        self._check_edit_rights()
        answer = data.get("answer")
        require(isinstance(answer, str), self.gettext("answer must be text."))
        return {"html": render_markdown(answer)}

    @json_api(max_bytes=MAX_EDIT_BYTES)
    def import_text(self, data, suffix=""):
        """{"text"}: entries parsed from FAQ text (not saved), or the errors by line."""
        _ = self.gettext
        self._check_edit_rights()
        text = data.get("text")
        require(isinstance(text, str), _("text must be text."))
        try:
            entries = parse_faq(text, source="import")
        except FaqFormatError as exc:
            return json_response(
                {
                    "error": _("The text has {count} problem(s); nothing was imported.").format(
                        count=len(exc.errors)
                    ),
                    "line_errors": [[line, message] for line, message in exc.errors[:50]],
                },
                status=400,
            )
        _entries, errors = check_entries(entries, gettext=_)
        require(not errors, "; ".join(message for _i, _f, message in errors[:5]))
        return {"entries": entries}

    @json_api(max_bytes=MAX_EDIT_BYTES)
    def export_text(self, data, suffix=""):
        """{"entries"}: the entries being edited as FAQ text (courses/faq/ format)."""
        _ = self.gettext
        self._check_edit_rights()
        entries, errors = check_entries(data.get("entries"), gettext=_, generate_ids=True)
        require(not errors, _("Correct the marked fields before exporting."))
        return {"text": write_faq(entries)}
