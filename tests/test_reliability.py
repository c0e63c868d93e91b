"""Issue 16: nothing crashes a batch, nothing is overwritten that should not be, dates at the
edges of the calendar and zones beyond +/-14:00 are clear errors.

Every input is written here, and every date is fixed.
"""

from __future__ import annotations

import datetime as dt

import pytest

import timeline
from timeline.zones import CalendarRangeError, UnknownZoneError, get_zone

# --------------------------------------------------------------------------- zones and offsets


@pytest.mark.parametrize("name", ["UTC+15:00", "+14:30", "UTC-14:01", "GMT+20", "UTC+3:75"])
def test_an_offset_beyond_14_hours_is_an_error_naming_it(name: str) -> None:
    with pytest.raises(UnknownZoneError, match="beyond") as info:
        get_zone(name)
    assert repr(name) in str(info.value)


@pytest.mark.parametrize("name", ["UTC+14:00", "-14:00", "UTC-12", "+05:45"])
def test_offsets_within_14_hours_are_zones(name: str) -> None:
    assert get_zone(name).name.startswith("UTC")


@pytest.mark.parametrize("name", ["localtime", "LocalTime", "posixrules", "Factory"])
def test_the_hosts_clock_is_refused(name: str) -> None:
    with pytest.raises(UnknownZoneError, match="host"):
        get_zone(name)
    with pytest.raises(ValueError, match="host"):
        timeline.extract("The vote is at 5 pm.", published="2020-01-05", timezone=name)


@pytest.mark.parametrize("published", ["2020-01-05T09:00+15:00", "2020-01-05T09:00-14:30",
                                       dt.datetime(2020, 1, 5, 9, tzinfo=dt.timezone(dt.timedelta(hours=20)))])
def test_a_published_offset_beyond_14_hours_is_an_error_not_an_unknown_zone(published: object) -> None:
    with pytest.raises(ValueError, match=r"published=.*beyond \+/-14:00"):
        timeline.extract("The vote is at 5 pm.", published=published)  # type: ignore[arg-type]


def test_a_huge_published_string_is_not_echoed_whole() -> None:
    with pytest.raises(ValueError) as info:
        timeline.extract("Friday", published="1" * 100_000)
    assert len(str(info.value)) < 300


# --------------------------------------------------------------------------- edges of the calendar

EDGE_TEXTS = [
    "BAGHDAD (Reuters) - The minister resigned on Friday at 5 pm local time; talks resume at 09:00 GMT tomorrow.",
    "Talks end in 10 years; this week, next month, last century, in 3 days and 48 hours later.",
    "Protesters gave the government until Monday at 17:00 GMT to respond. The deadline expires in 24 hours.",
    "It happened yesterday, by the end of the year.",
]
EDGE_PUBLISHED: list[object] = [
    "9999-12-31", "0001-01-01", "9999-12-31T23:59:59", "0001-01-01T00:00", "9999-12-31T23:59+14:00",
    "0001-01-01T00:00-12:00", "9999-12-31T23:59-12:00", "0001-01-01T00:00+14:00",
    dt.datetime(9999, 12, 31, 23, 59, tzinfo=dt.timezone(dt.timedelta(hours=-12))),
]


@pytest.mark.parametrize("published", EDGE_PUBLISHED, ids=str)
@pytest.mark.parametrize("timezone", [None, "Pacific/Kiritimati", "Pacific/Pago_Pago", "UTC"])
def test_the_edges_of_the_calendar_give_a_result_or_a_clear_error(published: object, timezone: str | None) -> None:
    for text in EDGE_TEXTS:
        try:
            mentions = timeline.extract(text, published=published, timezone=timezone)  # type: ignore[arg-type]
        except CalendarRangeError as exc:
            assert "outside the years 1 to 9999" in str(exc)
        else:
            for m in mentions:
                if m.interval is not None:
                    assert m.interval.start <= m.interval.end


def test_a_clock_time_pushed_past_year_9999_names_the_expression() -> None:
    with pytest.raises(CalendarRangeError, match="'Friday at 5 pm'.*Pacific/Pago_Pago"):
        timeline.extract("The vote was on Friday at 5 pm.", published="9999-12-31", timezone="Pacific/Pago_Pago")


def test_in_zone_at_the_edge_is_a_clear_error() -> None:
    ms = timeline.extract("The vote is at 11 pm.", published="9999-12-31", timezone="UTC")
    with pytest.raises(CalendarRangeError):
        timeline.in_zone(ms, "Pacific/Kiritimati")
