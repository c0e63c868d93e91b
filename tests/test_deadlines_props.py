"""Invariants of the due instant and the status (Hypothesis), on texts of our own."""

from __future__ import annotations

import datetime as dt
import json
import zoneinfo

from hypothesis import given, settings
from hypothesis import strategies as st

import timeline

PUB = dt.date(2016, 2, 10)
ZONES = ("America/New_York", "Europe/London", "Asia/Kolkata", "Australia/Sydney", "America/Los_Angeles")
TEMPLATES = ("Applications must be received by {d}.", "Registration closes on {d}.",
             "The deadline for entries is {d}.", "Bidders have until {d} to file their offers.",
             "Payment is due on {d}.")
_MONTHS = ("Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec.")


def _written(day: dt.date) -> str:
    return f"{_MONTHS[day.month - 1]} {day.day}, {day.year}"


days = st.dates(min_value=PUB + dt.timedelta(days=1), max_value=dt.date(2018, 12, 31))


@settings(max_examples=25)
@given(day=days, template=st.sampled_from(TEMPLATES), zone=st.sampled_from(ZONES))
def test_a_day_deadline_is_due_at_the_end_of_that_day_in_the_documents_zone(day: dt.date, template: str,
                                                                             zone: str) -> None:
    text = template.format(d=_written(day))
    [d] = timeline.build(text, published=PUB, timezone=zone).deadlines()
    assert d.due == dt.datetime.combine(day, dt.time(23, 59), tzinfo=zoneinfo.ZoneInfo(zone))
    assert d.end_of_day and d.zone == zone
    assert d.when_text().startswith(f"{day:%a} {day.day} {day:%b %Y}, end of day")
    json.dumps(d.as_dict())  # every field is JSON
    # not yet overdue at 23:59 of that day; overdue at the next midnight
    last = dt.datetime.combine(day, dt.time(23, 59, 30), tzinfo=zoneinfo.ZoneInfo(zone))
    assert d.status_at(last) == "upcoming"
    assert d.status_at(last + dt.timedelta(seconds=30)) == "overdue"


@settings(max_examples=20)
@given(day=days, hour=st.integers(1, 11), zone=st.sampled_from(("EST", "GMT", "CET")))
def test_a_clock_time_keeps_the_zone_written_with_it(day: dt.date, hour: int, zone: str) -> None:
    text = f"Bids are due {_written(day)} at {hour} p.m. {zone}."
    [d] = timeline.build(text, published=PUB, timezone="Asia/Tokyo").deadlines()
    offset = {"EST": -5, "GMT": 0, "CET": 1}[zone]
    assert d.due == dt.datetime.combine(day, dt.time(hour + 12), tzinfo=dt.timezone(dt.timedelta(hours=offset)))
    assert not d.end_of_day


@settings(max_examples=20)
@given(n=st.integers(1, 120), zone=st.sampled_from(ZONES))
def test_n_days_to_act_count_from_the_day_of_publication(n: int, zone: str) -> None:
    [d] = timeline.build(f"The company has {n} days to respond.", published=PUB, timezone=zone).deadlines()
    assert d.due == dt.datetime.combine(PUB + dt.timedelta(days=n), dt.time(23, 59), tzinfo=zoneinfo.ZoneInfo(zone))


@settings(max_examples=20)
@given(day=days, moments=st.lists(st.datetimes(min_value=dt.datetime(2016, 2, 10), max_value=dt.datetime(2019, 1, 2)),
                                  min_size=2, max_size=6))
def test_status_never_goes_back_as_now_moves_on(day: dt.date, moments: list[dt.datetime]) -> None:
    [d] = timeline.build(f"Registration closes on {_written(day)}.", published=PUB).deadlines()
    order = {"upcoming": 0, "due-soon": 1, "overdue": 2}
    seen = [order[d.status_at(m, window=dt.timedelta(days=2))] for m in sorted(moments)]
    assert seen == sorted(seen)
