"""The field types of the settings Open edX passes down to a graded block: `due`, `graceperiod`.

XBlock has `Date` and `Timedelta` from 5.3 on; Teak and Ulmo pin 5.2.0. There, `DateTime`
reads the same ISO strings into aware datetimes, and `Timedelta` below reads the platform's
"2 days 3 hours" strings, so inherited values mean the same on every release.
"""

import datetime
import re

from xblock import fields

DURATION = re.compile(
    r"\s*(?:(?P<days>\d+) days?)?\s*(?:(?P<hours>\d+) hours?)?"
    r"\s*(?:(?P<minutes>\d+) minutes?)?\s*(?:(?P<seconds>\d+) seconds?)?\s*"
)
UNITS = ("days", "hours", "minutes", "seconds")


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


Date = getattr(fields, "Date", fields.DateTime)
Timedelta = getattr(fields, "Timedelta", _Timedelta)
