"""The lecture's JSON handlers: the learner's completion; the Studio editor's save and preview."""

from xblocks.common.authoring import can_edit_content, require_editable
from xblocks.common.handlers import error, json_api, json_response, require

from .content import reading_minutes
from .validation import EDITABLE_FIELDS, MAX_TEXT, clean_values

# An editor's request carries the whole lecture: allow a long body and transcript.
EDITOR_MAX_BYTES = 3 * MAX_TEXT


class LectureHandlers:
    """Handlers mixed into LectureBlock; each validates everything before it writes."""

    @json_api()
    def complete(self, data, suffix=""):
        """Mark the lecture complete (end of text reached, or the button). Idempotent."""
        _ = self.gettext
        require(not data, _("This request takes no fields; send {}."))
        if not self.completed:
            self.emit_completion(1.0)  # first: if publishing fails, nothing is recorded
            self.completed = True
        return {"completed": True}

    @json_api(methods=("GET", "POST"))
    def student_view_user_state(self, data, suffix=""):
        """The learner's state for the mobile apps (see docs/native-api.md)."""
        return {"completed": self.completed}

    @json_api(max_bytes=EDITOR_MAX_BYTES)
    def studio_submit(self, data, suffix=""):
        """Save the editor's values: all valid, or nothing saved and each problem named."""
        _ = self.gettext
        require_editable(self, EDITABLE_FIELDS, _("Only the course team can edit this lecture."))
        missing = [name for name in EDITABLE_FIELDS if name not in data]
        values, errors = clean_values(data, self.gettext, require_title=True)
        for name in missing:
            errors[name] = _("This field is missing from the request.")
        if errors:
            count = len(errors)
            summary = self.ngettext(
                "The lecture was not saved: correct the problem shown below.",
                "The lecture was not saved: correct the {count} problems shown below.",
                count,
            ).format(count=count)
            return json_response({"error": summary, "field_errors": errors}, status=400)
        for name, value in values.items():
            setattr(self, name, value)
        return {"saved": True}

    @json_api(max_bytes=EDITOR_MAX_BYTES)
    def preview(self, data, suffix=""):
        """The learner's rendering of a draft body, through the same sanitiser."""
        _ = self.gettext
        require(can_edit_content(self), _("Only the course team can preview this lecture."), 403)
        require(set(data) == {"body"}, _("Send exactly one field: body."))
        values, errors = clean_values(data, self.gettext)
        if errors:
            return error(400, errors["body"])
        html, _toc = self.page(values["body"], self.anchor_prefix)
        minutes = reading_minutes(values["body"])
        return {
            "html": self.replace_static(html),
            "reading_time": self.reading_time_label(minutes),
        }
