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


def _alarm(before: dt.timedelta, title: str, *, related_end: bool = False) -> Any:
    """A display alarm ``before`` the start; with ``related_end``, before the end (a VTODO's
    DUE: RFC 5545 3.8.6.3, ``TRIGGER;RELATED=END``, since a task may have no DTSTART)."""
    import icalendar  # noqa: PLC0415

    alarm = icalendar.Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("description", title)
    if related_end:
        alarm.add("trigger", -before, parameters={"RELATED": "END"})
    else:
        alarm.add("trigger", -before)
    return alarm


def _revision(comp: Any, e: Entry) -> None:
    """SEQUENCE (when the entry changed since first written) and STATUS:CANCELLED."""
    if e.sequence:
        comp.add("sequence", e.sequence)
    if e.status == "cancelled":
        comp.add("status", "CANCELLED")


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
    _revision(ev, e)
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
    if e.sequence:
        todo.add("sequence", e.sequence)
    todo.add("status", {"cancelled": "CANCELLED", "met": "COMPLETED"}.get(e.status or "", "NEEDS-ACTION"))
    todo.add("description", _description(e, extra))
    if alarm is not None:
        todo.add_component(_alarm(alarm, e.title, related_end=True))
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


#: how many years an RRULE derived for a zone's daylight-saving changes is checked against the
#: tz database before it is written
_RULE_CHECK_YEARS = 30
#: an endless timed recurrence in a zone whose changes follow no RRULE: its VTIMEZONE lists them
#: one by one this many years on
_EXPLICIT_YEARS = 80


def _changes(tz: zoneinfo.ZoneInfo, year: int) -> list[tuple[dt.datetime, dt.timedelta, dt.timedelta, str]]:
    """The offset changes of ``tz`` in ``year``: (local wall time of the change, on the clock
    before it; offset before; offset after; the name after)."""
    out = []
    start = dt.datetime(year, 1, 1, tzinfo=UTC)
    hours = (dt.datetime(year + 1, 1, 1, tzinfo=UTC) - start) // dt.timedelta(hours=1)
    before = start.astimezone(tz).utcoffset()
    for h in range(1, hours + 1):
        when = (start + dt.timedelta(hours=h)).astimezone(tz)
        after = when.utcoffset()
        if after != before and before is not None and after is not None:
            local = (when.astimezone(UTC) + before).replace(tzinfo=None)
            out.append((local, before, after, when.tzname() or ""))
        before = after
    return out


def _nth_weekday(day: dt.date) -> int:
    """Which weekday of its month ``day`` is: 1 to 4 counted from the start, -1 for the last."""
    following = day + dt.timedelta(days=7)
    return -1 if following.month != day.month else (day.day - 1) // 7 + 1


def _endless_rules(calendar: Any, zones: set[str], year: int) -> None:
    """Give the VTIMEZONEs of endless timed recurrences their daylight-saving changes from
    ``year`` on, for ever: one STANDARD / DAYLIGHT with an RRULE per change (checked against the
    tz database over `_RULE_CHECK_YEARS`); a zone whose changes follow no such rule gets them
    listed one by one over `_EXPLICIT_YEARS`."""
    import icalendar  # noqa: PLC0415

    for vtz in calendar.walk("VTIMEZONE"):
        key = str(vtz["TZID"])
        if key not in zones:
            continue
        tz = zoneinfo.ZoneInfo(key)
        changes = _changes(tz, year)
        if not changes:
            continue  # no daylight saving: the last observance holds on
        rules = [(c[0].month, _nth_weekday(c[0].date()), c[0].weekday(), c[0].time()) for c in changes]

        def follows(y: int) -> bool:
            seen = [(c[0].month, _nth_weekday(c[0].date()), c[0].weekday(), c[0].time()) for c in _changes(tz, y)]
            return seen == rules

        regular = all(follows(y) for y in range(year + 1, year + _RULE_CHECK_YEARS))
        years = [year] if regular else list(range(year, year + _EXPLICIT_YEARS))
        for y in years:
            for local, before, after, name in (changes if y == year else _changes(tz, y)):
                sub = icalendar.TimezoneDaylight() if after > before else icalendar.TimezoneStandard()
                sub.add("dtstart", local)
                sub.add("tzname", name)
                sub.add("tzoffsetfrom", before)
                sub.add("tzoffsetto", after)
                if regular:
                    day = _WEEKDAYS[local.weekday()]
                    sub.add("rrule", {"FREQ": "YEARLY", "BYMONTH": local.month,
                                      "BYDAY": f"{_nth_weekday(local.date())}{day}"})
                vtz.add_component(sub)


_WEEKDAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")


def _no_comments(calendar: Any) -> None:
    """No COMMENT in a VTIMEZONE: icalendar writes "This timezone only works from ... to ...",
    which RFC 5545 does not allow there and libical refuses."""
    for tz in calendar.walk("VTIMEZONE"):
        while "COMMENT" in tz:
            del tz["COMMENT"]


def _sort_timezones(calendar: Any) -> None:
    zones = [c for c in calendar.subcomponents if c.name == "VTIMEZONE"]
    rest = [c for c in calendar.subcomponents if c.name != "VTIMEZONE"]
    zones.sort(key=lambda z: str(z.get("TZID")))
    calendar.subcomponents[:] = [*zones, *rest]


def _span_years(events: Sequence[Entry]) -> tuple[dt.date, dt.date]:
    """The years the VTIMEZONEs must cover: those of the clock times (dates need no zone), and
    of a timed recurrence up to its UNTIL (an endless one is covered by `_endless_rules`)."""
    days: list[dt.date] = []
    for e in events:
        for value in (e.start, e.end):
            if isinstance(value, dt.datetime):
                days.append(value.date())
        if e.timing == "recurring" and isinstance(e.start, dt.datetime) and e.recurrence is not None \
                and e.recurrence.until is not None:
            days.append(e.recurrence.until + dt.timedelta(days=1))
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
        _no_comments(cal)
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
    endless = {key for e in chosen if e.timing == "recurring" and isinstance(e.start, dt.datetime)
               and e.recurrence is not None and e.recurrence.until is None
               and isinstance(key := getattr(e.start.tzinfo, "key", None), str)}
    if endless and last.year < dt.MAXYEAR - _EXPLICIT_YEARS:
        _endless_rules(cal, endless, last.year)
    return cal
