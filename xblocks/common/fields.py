"""The field types of the settings Open edX passes down to a graded block: `due`, `graceperiod`.

XBlock has `Date` and `Timedelta` from 5.3 on; Teak and Ulmo pin 5.2.0. There, the two below
read and write the same strings as the platform's own fields ("2030-05-01T17:00:00Z",
"2 days 3 hours"), so inherited values and exported OLX are the same on every release.
"""

import datetime
import re

from xblock import fields

DURATION = re.compile(
    r"\s*(?:(?P<days>\d+) days?)?\s*(?:(?P<hours>\d+) hours?)?"
    r"\s*(?:(?P<minutes>\d+) minutes?)?\s*(?:(?P<seconds>\d+) seconds?)?\s*"
)
UNITS = ("days", "hours", "minutes", "seconds")


class _Date(fields.DateTime):
    """An aware UTC datetime, written as the platform writes dates."""

    MUTABLE = False

    def to_json(self, value):
        if isinstance(value, datetime.datetime) and not value.utcoffset():
            return value.strftime("%Y-%m-%dT%H:%M:%SZ")
        return value.isoformat() if isinstance(value, datetime.datetime) else value

    def enforce_type(self, value):
        return self.from_json(value)


class _Timedelta(fields.JSONField):
    """A duration stored as the platform stores grace periods: "1 days 2 hours"."""

    MUTABLE = False

    def from_json(self, value):
        if value is None or isinstance(value, datetime.timedelta):
            return value
        match = DURATION.fullmatch(str(value))
        if not match or not any(match.groupdict().values()):
            return None  # as the platform's field: an unreadable duration is no grace period
        return datetime.timedelta(**{k: int(v) for k, v in match.groupdict().items() if v})

    def to_json(self, value):
        if value is None:
            return None
        hours, rest = divmod(value.seconds, 3600)
        amounts = (value.days, hours, *divmod(rest, 60))
        return " ".join(f"{n} {unit}" for n, unit in zip(amounts, UNITS, strict=True) if n > 0)

    def enforce_type(self, value):
        return self.from_json(value)


Date = getattr(fields, "Date", _Date)
Timedelta = getattr(fields, "Timedelta", _Timedelta)
