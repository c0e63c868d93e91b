"""Entries -> an iCalendar (RFC 5545) calendar that phones and desktop clients accept.

The choices, and the client traps they avoid, are in docs/exports.md. In short:

* a clock time in a known zone: ``DTSTART;TZID=...`` with its ``VTIMEZONE``
  (icalendar's ``add_missing_timezones`` over the years the calendar covers);
  a fixed offset ("+03:00", "EST"), UTC, or a wall time daylight saving makes
  doubtful (repeated or skipped) is written in UTC instead;
* whole days: ``DTSTART;VALUE=DATE``; a week, month or year: all-day over the
  whole period, "approximate" in the title (or left out);
* a clock time with no known zone: all-day on its day (or in UTC), said in the
  description; never a floating date-time;
* a deadline: a ``VEVENT`` "Deadline: ..." at its due time (optionally a
  ``VTODO`` with ``DUE`` too, and a ``VALARM``);
* a SET ("every Friday"): an ``RRULE`` rendered by dateutil, ``UNTIL`` in UTC.

icalendar is imported here only, so ``import timeline`` does not load it.
"""

from __future__ import annotations

import datetime as dt
import zoneinfo
from collections.abc import Iterable, Sequence
from typing import Any, Literal

from timeline import __version__
from timeline.exports._entries import UTC, Entry, stamp_of
from timeline.zones.resolve import CalendarRangeError

PRODID = f"-//timeline//timeline {__version__}//EN"
Approximate = Literal["span", "omit"]
Floating = Literal["all-day", "utc"]


def _tz_ok(when: dt.datetime) -> bool:
    """Whether a wall time can be written with its TZID: an IANA zone, and not doubtful at a
    daylight-saving change (a time shown twice, or skipped, is written in UTC)."""
    tz = when.tzinfo
    if not isinstance(tz, zoneinfo.ZoneInfo):
        return False
    first, second = when.replace(fold=0), when.replace(fold=1)
    if first.utcoffset() != second.utcoffset():
        return False
    back = when.astimezone(UTC).astimezone(tz)
    return back.replace(tzinfo=None) == when.replace(tzinfo=None)


def _instant(when: dt.datetime, no_vtimezone: frozenset[str] = frozenset()) -> dt.datetime:
    """``when`` as it is written: in its own zone when a client can read it so, else in UTC."""
    key = getattr(when.tzinfo, "key", None)
    if _tz_ok(when) and key not in no_vtimezone and key not in ("UTC", "Etc/UTC"):
        return when
    return when.astimezone(UTC)


def _lines(*parts: str) -> str:
    return "\n".join(p for p in parts if p)


def _description(e: Entry, extra: str = "") -> str:
    said = f"\u201c{e.sentence}\u201d" if e.sentence else ""
    where = ", ".join(e.documents)
    source = f"Source: {where}" + (f" (published {e.published})" if e.published else "") if where else ""
    time_line = f"Time: {e.time_text} ({e.when_text()})" if e.time_text else f"Time: {e.when_text()}"
    who = f"Demanded by: {e.who}" if e.who else ""
    return _lines(said, time_line, e.note and f"Note: {e.note}", extra, who, source)


def _rrule_text(e: Entry) -> str:
    """The RRULE value, rendered by dateutil; UNTIL is a date for all-day entries, UTC otherwise."""
    from dateutil import rrule as du  # noqa: PLC0415

    rec = e.recurrence
    assert rec is not None
    freq = getattr(du, rec.freq)
    start = e.start if isinstance(e.start, dt.datetime) else dt.datetime.combine(e.start, dt.time(0))
    kwargs: dict[str, Any] = {"dtstart": start.replace(tzinfo=None), "interval": rec.interval}
    if rec.byday is not None:
        kwargs["byweekday"] = getattr(du, rec.byday)
    text = str(du.rrule(freq, **kwargs)).splitlines()[-1]
    assert text.startswith("RRULE:")
    value = text[len("RRULE:"):]
    if rec.until is not None:
        if isinstance(e.start, dt.datetime):
            # dateutil writes UNTIL as a local time without "Z"; RFC 5545 wants UTC with a TZID'd DTSTART
            last = dt.datetime.combine(rec.until, dt.time(23, 59, 59), tzinfo=e.start.tzinfo or UTC)
            until = last.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
        else:
            until = rec.until.strftime("%Y%m%d")
        value += f";UNTIL={until}"
    return value


def _alarm(before: dt.timedelta, title: str) -> Any:
    import icalendar  # noqa: PLC0415

    alarm = icalendar.Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("description", title)
    alarm.add("trigger", -before)
    return alarm


def _vevent(e: Entry, stamp: dt.datetime, *, floating: Floating, alarm: dt.timedelta | None,
            no_vtimezone: frozenset[str]) -> Any | None:
    import icalendar  # noqa: PLC0415

    ev = icalendar.Event()
    ev.add("uid", e.uid())
    ev.add("dtstamp", stamp)
    title = e.title
    extra = ""
    if e.timing == "timed":
        assert isinstance(e.start, dt.datetime)
        start = _instant(e.start, no_vtimezone)
        if start.tzinfo is UTC and e.zone not in (None, "UTC"):
            extra = f"Written in UTC; the text gives {e.start.isoformat()} ({e.zone})."
        ev.add("dtstart", start)
        if isinstance(e.end, dt.datetime) and e.end > e.start:
            ev.add("dtend", _instant(e.end, no_vtimezone))
    elif e.timing == "floating":
        assert isinstance(e.start, dt.datetime)
        if floating == "utc":
            ev.add("dtstart", e.start.replace(tzinfo=UTC))
            if isinstance(e.end, dt.datetime) and e.end > e.start:
                ev.add("dtend", e.end.replace(tzinfo=UTC))
            extra = f"The time zone is not known: {e.start:%H:%M} on the document's clock is written as UTC."
        else:
            day = e.start.date()
            ev.add("dtstart", day)
            ev.add("dtend", day + dt.timedelta(days=1))
            title += f" ({e.start:%H:%M}, zone unknown)"
            extra = f"The time zone is not known: {e.start:%H:%M} on the document's clock; shown as all day."
    elif e.timing == "recurring" and isinstance(e.start, dt.datetime):
        ev.add("dtstart", _instant(e.start, no_vtimezone) if e.start.tzinfo else e.start.replace(tzinfo=UTC))
        ev.add("rrule", icalendar.vRecur.from_ical(_rrule_text(e)))
    elif e.timing in ("allday", "approximate", "recurring"):
        assert not isinstance(e.start, dt.datetime)
        ev.add("dtstart", e.start)
        end = e.end if e.end is not None else e.start + dt.timedelta(days=1)
        ev.add("dtend", end)
        if e.timing == "approximate":
            title += f" (approximate: {e.time_text})" if e.time_text else " (approximate)"
        if e.timing == "recurring":
            ev.add("rrule", icalendar.vRecur.from_ical(_rrule_text(e)))
    else:  # pragma: no cover - every timing is handled above
        return None
    ev.add("summary", title)
    ev.add("description", _description(e, extra))
    ev.add("transp", "TRANSPARENT")  # news, not the reader's own appointments: never "busy"
    ev.add("categories", ["Deadline" if e.is_deadline else e.event_kind.capitalize()])
    if e.is_deadline and alarm is not None:
        ev.add_component(_alarm(alarm, title))
    return ev


def _vtodo(e: Entry, stamp: dt.datetime, *, floating: Floating, alarm: dt.timedelta | None,
           no_vtimezone: frozenset[str]) -> Any:
    import icalendar  # noqa: PLC0415

    todo = icalendar.Todo()
    todo.add("uid", e.uid("todo"))
    todo.add("dtstamp", stamp)
    todo.add("summary", e.title)
    extra = ""
    if e.timing == "timed" and isinstance(e.start, dt.datetime):
        todo.add("due", _instant(e.start, no_vtimezone))
    elif e.timing == "floating" and isinstance(e.start, dt.datetime):
        if floating == "utc":
            todo.add("due", e.start.replace(tzinfo=UTC))
            extra = f"The time zone is not known: {e.start:%H:%M} on the document's clock is written as UTC."
        else:
            todo.add("due", e.start.date())
            extra = f"The time zone is not known: due at {e.start:%H:%M} on the document's clock."
    else:
        todo.add("due", e.start)
    todo.add("status", "NEEDS-ACTION")
    todo.add("description", _description(e, extra))
    if alarm is not None:
        todo.add_component(_alarm(alarm, e.title))
    return todo


def _split_rdates(calendar: Any) -> None:
    """One RDATE a line, the first onset repeated as an RDATE (Mozilla ical.js reads only the
    first value of an RDATE line, and ignores DTSTART once a component has RDATEs)."""
    import icalendar  # noqa: PLC0415

    for tz in calendar.walk("VTIMEZONE"):
        for sub in tz.subcomponents:
            raw = sub.get("RDATE")
            if raw is None:
                continue
            lists = raw if isinstance(raw, list) else [raw]
            onsets: list[dt.datetime] = [sub.decoded("DTSTART")]
            for item in lists:
                onsets.extend(p.dt for p in item.dts)
            del sub["RDATE"]
            for when in sorted(set(onsets)):
                sub.add("rdate", icalendar.vDDDTypes(when))


def _sort_timezones(calendar: Any) -> None:
    zones = [c for c in calendar.subcomponents if c.name == "VTIMEZONE"]
    rest = [c for c in calendar.subcomponents if c.name != "VTIMEZONE"]
    zones.sort(key=lambda z: str(z.get("TZID")))
    calendar.subcomponents[:] = [*zones, *rest]


def _span_years(events: Sequence[Entry]) -> tuple[dt.date, dt.date]:
    """The years the VTIMEZONEs must cover: those of the clock times (dates need no zone)."""
    days: list[dt.date] = []
    for e in events:
        for value in (e.start, e.end):
            if isinstance(value, dt.datetime):
                days.append(value.date())
    if not days:
        return dt.date(1970, 1, 1), dt.date(1971, 1, 1)
    last = max(days).year
    return dt.date(min(days).year, 1, 1), dt.date(last + 1, 1, 1) if last < dt.MAXYEAR else dt.date.max


def to_ics(
    items: Iterable[Entry],
    *,
    name: str = "timeline",
    approximate: Approximate = "span",
    floating: Floating = "all-day",
    todos: bool = False,
    alarm: dt.timedelta | None = None,
    stamp: dt.datetime | None = None,
) -> bytes:
    """The entries as an iCalendar file (bytes, CRLF line ends), the same bytes on every run.

    Only what has a date goes in: an entry only ordered (timing ``ordered``) is left out.
    ``approximate="omit"`` leaves out events known only to a week, a month or a
    year; ``floating="utc"`` writes a clock time with no known zone as UTC
    rather than all day; ``todos`` adds a VTODO with DUE for every deadline;
    ``alarm`` adds a VALARM that long before each deadline. ``stamp`` (the
    DTSTAMP) defaults to the latest publication among the entries.

    An entry whose zone or whose day after moves it outside the years 1 to 9999 (a story
    published on the last day of the calendar) cannot be written: `CalendarRangeError` (a
    `ValueError`) says so, never an `OverflowError`.
    """
    chosen = [e for e in items if e.timing != "ordered" and not (approximate == "omit" and e.timing == "approximate")]
    try:
        dtstamp = (stamp or stamp_of(chosen)).astimezone(UTC)
        cal = _calendar(chosen, name, dtstamp, floating, todos, alarm, frozenset())
        missing = frozenset(str(z) for z in cal.get_missing_tzids())
        if missing:  # a TZID without its VTIMEZONE is read as local time: write those in UTC
            cal = _calendar(chosen, name, dtstamp, floating, todos, alarm, missing)
        _split_rdates(cal)
        _sort_timezones(cal)
        data: bytes = cal.to_ical()
    except OverflowError as exc:  # the zone tables or a day's end beyond the year 9999 (or before 1)
        raise CalendarRangeError(f"the calendar cannot hold these entries: a date falls outside the years 1 to "
                                 f"9999 once put in its zone or in UTC ({exc})") from None
    return data


def _calendar(chosen: Sequence[Entry], name: str, dtstamp: dt.datetime, floating: Floating, todos: bool,
              alarm: dt.timedelta | None, no_vtimezone: frozenset[str]) -> Any:
    import icalendar  # noqa: PLC0415

    cal = icalendar.Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", name)
    for e in chosen:
        ev = _vevent(e, dtstamp, floating=floating, alarm=alarm, no_vtimezone=no_vtimezone)
        if ev is not None:
            cal.add_component(ev)
        if todos and e.is_deadline:
            cal.add_component(_vtodo(e, dtstamp, floating=floating, alarm=alarm, no_vtimezone=no_vtimezone))
    first, last = _span_years(chosen)
    cal.add_missing_timezones(first_date=first, last_date=last)
    return cal
