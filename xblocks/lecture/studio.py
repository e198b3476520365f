"""The lecture's Studio side: the editor form, and validation Studio shows on the unit page."""

from xblock.validation import ValidationMessage

from xblocks.common.resources import BlockResources
from xblocks.common.sdgs import SDG_NAMES

from .validation import EDITABLE_FIELDS, clean_values

resources = BlockResources(__name__)


class LectureStudio:
    """studio_view, validate() and validate_field_data() for LectureBlock."""

    def studio_view(self, context=None):
        _ = self.gettext
        prefix = self.anchor_prefix
        frag = resources.fragment(
            self,
            "templates/studio_view.html",
            {
                "uid": prefix,
                "translations_editor": self.translations_editor(),
                "display_name": self.display_name,
                "body": self.body,
                "objectives": "\n".join(self.objectives),
                "takeaways": "\n".join(self.takeaways),
                "speakers": [s for s in self.speakers if isinstance(s, dict)],
                "handouts": [h for h in self.handouts if isinstance(h, dict)],
                "sdg_choices": [
                    {"number": n, "name": _(name), "checked": n in self.sdgs}
                    for n, name in SDG_NAMES.items()
                ],
                "video_url": self.video_url,
                "video_youtube_id": self.video_youtube_id,
                "transcript": self.transcript,
                "preview_html": self.replace_static(self.page(self.body, prefix)[0]),
                "reading_time": self.reading_time_label(
                    self.estimated_minutes(self.translatable_values())
                ),
            },
            css=("css/lecture.css", "css/lecture-studio.css"),
            js=("js/lecture-studio.js",),
            init="SeminarLectureStudio",
            args={
                "strings": {
                    "saveFailed": _("The lecture could not be saved."),
                    "network": _("The server could not be reached. Check your connection."),
                    "previewFailed": _("The preview could not be updated."),
                }
            },
        )
        return self.add_translation_editor(frag)

    def validate_field_data(self, validation, data):
        """Studio's hook: an error message for each value that breaks a rule."""
        values = {name: getattr(data, name) for name in EDITABLE_FIELDS if hasattr(data, name)}
        _values, errors = clean_values(values, self.gettext)
        for name, message in sorted(errors.items()):
            validation.add(ValidationMessage(ValidationMessage.ERROR, f"{name}: {message}"))

    def validate(self):
        """Errors for invalid values, warnings for what a lecture should have and lacks."""
        validation = super().validate()
        self.validate_field_data(validation, self)
        for warning in self.missing_parts():
            validation.add(ValidationMessage(ValidationMessage.WARNING, warning))
        return validation

    def missing_parts(self):
        _ = self.gettext
        missing = []
        if not self.body.strip():
            missing.append(_("The lecture has no text yet."))
        if not self.objectives:
            missing.append(_("The lecture has no learning objectives."))
        if not self.takeaways:
            missing.append(_("The lecture has no key takeaways."))
        return missing

    def authoring_warnings(self):
        """What staff see above the lecture: invalid values and missing parts."""
        return [message.text for message in self.validate().messages]
