"""The date and duration fields read and write what the platform's own fields do."""

from datetime import UTC, datetime, timedelta

import pytest

from xblocks.common.fields import _Date, _Timedelta


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("2 days 3 hours", timedelta(days=2, hours=3)),
        ("1 day 5 minutes 7 seconds", timedelta(days=1, minutes=5, seconds=7)),
        ("90 minutes", timedelta(minutes=90)),
    ],
)
def test_durations_read_as_the_platform_writes_them(text, value):
    assert _Timedelta().from_json(text) == value


def test_a_duration_writes_back_in_the_same_form():
    field = _Timedelta()
    assert field.to_json(timedelta(days=2, hours=3, seconds=4)) == "2 days 3 hours 4 seconds"
    assert field.from_json(field.to_json(timedelta(hours=26))) == timedelta(hours=26)
    assert field.to_json(None) is None and field.from_json(None) is None


def test_an_unreadable_duration_is_no_grace_period():
    assert _Timedelta().from_json("soon") is None
    assert _Timedelta().from_json("") is None


def test_dates_are_aware_utc_and_written_with_z():
    field = _Date()
    value = field.from_json("2030-05-01T17:00:00+02:00")
    assert value == datetime(2030, 5, 1, 15, 0, tzinfo=UTC)
    assert field.to_json(value) == "2030-05-01T15:00:00Z"
    assert field.from_json("") is None


def test_where_xblock_has_the_fields_ours_agree_with_them():
    xblock_fields = pytest.importorskip("xblock.fields")
    if not hasattr(xblock_fields, "Timedelta"):
        pytest.skip("XBlock < 5.3: only our fields exist")
    for text in ("2 days 3 hours", "45 minutes"):
        assert _Timedelta().from_json(text) == xblock_fields.Timedelta().from_json(text)
    value = datetime(2030, 5, 1, 17, 0, tzinfo=UTC)
    assert _Date().to_json(value) == xblock_fields.Date().to_json(value)
