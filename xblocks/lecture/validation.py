"""The rules a lecture's authored values follow, wherever they come from.

Studio's save handler, OLX import and `validate()` all go through `clean_values`, so an
editor, a hand-edited OLX file and the course build meet the same rules and messages.
"""

import re
from urllib.parse import parse_qs, urlsplit

YOUTUBE_ID = re.compile(r"^[A-Za-z0-9_-]{11}$")
YOUTUBE_HOSTS = {
    "youtube.com",
    "www.youtube.com",
    "m.youtube.com",
    "youtube-nocookie.com",
    "www.youtube-nocookie.com",
    "youtu.be",
}
# XML 1.0 cannot carry C0 control characters other than tab, newline and carriage return.
CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")

MAX_TITLE = 255
MAX_TEXT = 200_000  # body or transcript: a long lecture is about 20,000 characters
MAX_LINE = 1_000  # one objective, takeaway, name, role, title or address
MAX_ITEMS = 50  # entries in one list

TEXT_FIELDS = ("display_name", "body", "video_url", "video_youtube_id", "transcript")
LIST_FIELDS = ("objectives", "takeaways", "speakers", "handouts", "sdgs")
EDITABLE_FIELDS = TEXT_FIELDS + LIST_FIELDS
SPEAKER_KEYS = ("name", "role", "organisation")
HANDOUT_KEYS = ("title", "url")


class Invalid(ValueError):
    """One field's value breaks a rule; the message says which and how to fix it."""


def clean_values(data: dict, gettext, *, require_title=False):
    """Check and normalise editable values: return (values, {field: message}).

    Only the fields present in `data` are checked and returned. Strings are stripped of
    control characters; list entries are trimmed and empty ones dropped.
    """
    _ = gettext
    values, errors = {}, {}
    for name in data:
        if name not in EDITABLE_FIELDS:
            errors[name] = _("'{field}' is not a lecture field.").format(field=name)
    checks = {
        "display_name": lambda v: _title(v, _, require_title),
        "body": lambda v: _text(v, _, MAX_TEXT),
        "transcript": lambda v: _text(v, _, MAX_TEXT),
        "video_url": lambda v: _video_url(v, _),
        "video_youtube_id": lambda v: _youtube_id(v, _),
        "objectives": lambda v: _lines(v, _),
        "takeaways": lambda v: _lines(v, _),
        "speakers": lambda v: _records(v, _, SPEAKER_KEYS, _speaker),
        "handouts": lambda v: _records(v, _, HANDOUT_KEYS, _handout),
        "sdgs": lambda v: _sdgs(v, _),
    }
    for name, check in checks.items():
        if name not in data:
            continue
        try:
            values[name] = check(data[name])
        except Invalid as problem:
            errors[name] = str(problem)
    return values, errors


def _string(value, _, limit, what=None):
    if not isinstance(value, str):
        raise Invalid(_("This must be text."))
    value = CONTROL_CHARS.sub("", value)
    if len(value) > limit:
        raise Invalid(
            _("{what} is too long: at most {limit} characters.").format(
                what=what or _("This text"), limit=limit
            )
        )
    return value


def _title(value, _, required):
    value = _string(value, _, MAX_TITLE, _("The title")).strip()
    if required and not value:
        raise Invalid(_("Give the lecture a title."))
    return value


def _text(value, _, limit):
    # Body and transcript are kept exactly as written (Markdown cares about spacing).
    return _string(value, _, limit)


def _video_url(value, _):
    value = _string(value, _, MAX_LINE, _("The video address")).strip()
    if value and not is_https_url(value):
        raise Invalid(_("The video address must start with https:// and name a server."))
    return value


def _youtube_id(value, _):
    value = _string(value, _, MAX_LINE, _("The YouTube video")).strip()
    if not value:
        return value
    video_id = youtube_id_from(value)
    if video_id is None:
        raise Invalid(
            _("Give the 11-character YouTube video id (e.g. aBcDeFgHiJk) or the video's address.")
        )
    return video_id


def _lines(value, _):
    if not isinstance(value, list):
        raise Invalid(_("This must be a list of lines of text."))
    lines = [_string(item, _, MAX_LINE, _("A line")).strip() for item in value]
    lines = [line for line in lines if line]
    if len(lines) > MAX_ITEMS:
        raise Invalid(_("At most {limit} entries.").format(limit=MAX_ITEMS))
    return lines


def _records(value, _, keys, check):
    if not isinstance(value, list):
        raise Invalid(_("This must be a list."))
    records = []
    for position, item in enumerate(value, start=1):
        if not isinstance(item, dict) or set(item) - set(keys):
            raise Invalid(
                _("Entry {n} must have only these parts: {keys}.").format(
                    n=position, keys=", ".join(keys)
                )
            )
        record = {key: _string(item.get(key, ""), _, MAX_LINE).strip() for key in keys}
        if any(record.values()):  # an empty row of the editor is not an entry
            check(record, position, _)
            records.append(record)
    if len(records) > MAX_ITEMS:
        raise Invalid(_("At most {limit} entries.").format(limit=MAX_ITEMS))
    return records


def _speaker(record, position, _):
    if not record["name"]:
        raise Invalid(_("Speaker {n} needs a name.").format(n=position))


def _handout(record, position, _):
    if not record["title"]:
        raise Invalid(_("Handout {n} needs a title.").format(n=position))
    if not is_handout_url(record["url"]):
        raise Invalid(
            _(
                "Handout {n}: the address must start with https:// or be a course file "
                "such as /static/slides.pdf."
            ).format(n=position)
        )


def _sdgs(value, _):
    if not isinstance(value, list) or not all(
        isinstance(n, int) and not isinstance(n, bool) for n in value
    ):
        raise Invalid(_("SDGs must be whole numbers from 1 to 17."))
    wrong = [n for n in value if not 1 <= n <= 17]
    if wrong:
        raise Invalid(
            _("{numbers}: SDGs are numbered from 1 to 17.").format(
                numbers=", ".join(str(n) for n in wrong)
            )
        )
    return list(dict.fromkeys(value))


def is_https_url(value: str) -> bool:
    parts = urlsplit(value)
    return parts.scheme == "https" and bool(parts.hostname) and not re.search(r"\s", value)


def is_handout_url(value: str) -> bool:
    if value.startswith("/static/"):
        path = value[len("/static/") :]
        return bool(path) and ".." not in path.split("/") and not re.search(r"[\s\"'<>]", path)
    return is_https_url(value)


def youtube_id_from(value: str):
    """An 11-character id, from the id itself or a YouTube address; None if neither."""
    if YOUTUBE_ID.match(value):
        return value
    if not is_https_url(value):
        return None
    parts = urlsplit(value)
    if parts.hostname not in YOUTUBE_HOSTS:
        return None
    if parts.hostname == "youtu.be":
        candidate = parts.path.strip("/")
    elif parts.path == "/watch":
        candidate = parse_qs(parts.query).get("v", [""])[0]
    else:
        segments = parts.path.strip("/").split("/")
        candidate = segments[1] if len(segments) == 2 and segments[0] in ("embed", "shorts") else ""
    return candidate if YOUTUBE_ID.match(candidate) else None
