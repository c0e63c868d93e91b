"""When a deadline is due, and whether it is upcoming, due soon or overdue at a given moment.

The due instant of a deadline dated by a clock time ("starting on Sunday at
5:00 pm", "expires at midnight") is that minute; by a day or longer ("by
Friday", "no later than March") the end of it; "within 48 hours" counts from
publication.

Zones are never mixed silently: a ``now`` that is a naive datetime cannot be
compared with an aware due instant, nor an aware ``now`` with a naive one
(`ValueError`). A ``now`` given as a bare `datetime.date` means the start of
that day on the deadline's own clock.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from attrs import frozen as dataclass_frozen

from timeline._model import Interval, Mention

#: where a deadline stands at a given moment
Status = Literal["upcoming", "due-soon", "overdue", "met", "cancelled", "superseded"]
#: where a deadline stands whatever the moment: closed by a later statement of the text
Closed = Literal["met", "cancelled", "superseded"]


def due_instant(interval: Interval, grain: str | None, relation: str | None) -> dt.datetime:
    """When a deadline with this interval falls due."""
    if relation == "starting" or grain in ("minute", "second", "hour"):
        return interval.start
    return interval.end


def as_now(now: dt.datetime | dt.date | str, like: dt.datetime) -> dt.datetime:
    """``now`` as a datetime comparable with ``like``; `ValueError` when zones would be mixed."""
    if isinstance(now, str):
        s = now.strip()
        try:
            if len(s) == 10:
                now = dt.date.fromisoformat(s)
            else:
                now = dt.datetime.fromisoformat(s.replace("Z", "+00:00"))
        except ValueError:
            raise ValueError(f"now={now!r} is not an ISO 8601 date or datetime (e.g. 2020-01-06T09:00+03:00)") from None
    if isinstance(now, dt.datetime):
        if (now.tzinfo is None) != (like.tzinfo is None):
            if now.tzinfo is None:
                raise ValueError(
                    f"now={now.isoformat()} has no zone but the deadline ({like.isoformat()}) has one; "
                    "give now with an offset, e.g. 2020-01-05T12:00+03:00"
                )
            raise ValueError(
                f"now={now.isoformat()} has a zone but the deadline ({like.isoformat()}) is on the "
                "document's clock with no zone; give now without an offset, or a timezone to build()"
            )
        return now
    if isinstance(now, dt.date):
        return dt.datetime(now.year, now.month, now.day, tzinfo=like.tzinfo)
    raise TypeError(f"now must be a datetime, a date or an ISO 8601 string, not {type(now).__name__}")


def status(due: dt.datetime, now: dt.datetime | dt.date | str, *, window: dt.timedelta | None = None) -> Status:
    """``overdue`` when ``now >= due``, ``due-soon`` when ``due - now < window`` (never without a
    window), else ``upcoming``.

    >>> import datetime as dt
    >>> status(dt.datetime(2020, 1, 5, 17), "2020-01-06")
    'overdue'
    >>> status(dt.datetime(2020, 1, 5, 17), "2020-01-05T09:00", window=dt.timedelta(hours=12))
    'due-soon'
    """
    moment = as_now(now, due)
    if moment >= due:
        return "overdue"
    if window is not None and due - moment < window:
        return "due-soon"
    return "upcoming"


# ------------------------------------------------------------------ the exact due instant (0.3.0)

_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
             "mon.", "tue.", "tues.", "wed.", "thu.", "thur.", "thurs.", "fri.", "sat.", "sun.")
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
#: the last minute of a day: a day deadline is due then, "end of day"
END_OF_DAY = dt.time(23, 59)


@dataclass_frozen
class Instant:
    """When a deadline falls due: ``due`` (to the minute), whether it is the end of a day
    (``end_of_day``: due at 23:59 of that day, shown as the day), and whether the weekday it
    names was read forward from publication (``moved_ahead``)."""

    due: dt.datetime
    end_of_day: bool = False
    moved_ahead: bool = False


def _bare_weekday(text: str) -> bool:
    """"Sunday", "11:59 p.m. Sunday", "midnight Friday": a weekday with no month, no "last"."""
    words = text.lower().replace(",", " ").split()
    return any(w in _WEEKDAYS or w.rstrip(".") + "." in _WEEKDAYS for w in words) and not any(
        w.startswith(_MONTHS) for w in words) and not any(w in ("last", "past", "previous") for w in words)


def _no_year(text: str) -> bool:
    """"Dec. 18", "March 1 at noon": a month and day, with no year written."""
    words = text.lower().replace(",", " ").split()
    return any(w.startswith(_MONTHS) for w in words) and not any(w.isdigit() and len(w) == 4 for w in words)


def due_of(m: Mention, published: dt.datetime, *, count: str | None = None, ahead: bool = True,
           zone: dt.tzinfo | None = None, has_time: bool = True) -> Instant | None:
    """The due instant of a deadline dated by the time expression ``m``: a clock time is that
    minute in its own zone ("2 p.m. EST"); "midnight Friday" is the end of Friday; a day, a week,
    a month is due at the end of its last day (23:59) in the document's ``zone``; a length ("has
    14 days to", "within 48 hours") counts from publication (days: the end of the last day;
    hours: to the minute; from a publication with no time of day, the end of the day the hours
    end on), and from nothing when ``count`` is "event" (None: no instant). With
    ``ahead``, a bare weekday that the tagger read back before publication ("set a deadline of
    Sunday" in a Tuesday paper) is the next one."""
    if m.type == "DURATION":
        if count == "event" or "X" in (m.value or ""):
            return None
        step = _duration(m.value)
        if step is None:
            return None
        try:
            if m.value.startswith("PT") and has_time:
                due = published + step
                return Instant(_with_zone(due, zone))
            day = (published + step).date()
        except (OverflowError, ValueError):
            return None
        return Instant(_with_zone(dt.datetime.combine(day, END_OF_DAY), zone), end_of_day=True)
    iv = m.interval
    if iv is None:
        return None
    moved = False
    shift: Any = dt.timedelta(0)
    pub_day = published.replace(tzinfo=None).date()
    midnight = m.type == "TIME" and "midnight" in m.text.lower() and (m.value or "").endswith("T24:00")
    over = (iv.start - dt.timedelta(minutes=1)) if midnight else iv.end
    if ahead and over.replace(tzinfo=None) <= dt.datetime.combine(pub_day, dt.time()):
        if _bare_weekday(m.text):
            shift, moved = dt.timedelta(days=7), True
        elif _no_year(m.text):
            from dateutil.relativedelta import relativedelta  # noqa: PLC0415

            shift, moved = relativedelta(years=1), True
    try:
        if m.type == "TIME" and m.grain in ("minute", "second", "hour"):
            start = iv.start + shift
            if midnight:
                # "midnight Friday": the end of Friday, not Saturday
                return Instant(_with_zone(start - dt.timedelta(minutes=1), zone), end_of_day=True, moved_ahead=moved)
            return Instant(_with_zone(start, zone), moved_ahead=moved)
        last = (iv.end + shift - dt.timedelta(microseconds=1))
        if "TNI" in (m.value or "") or "TEV" in (m.value or ""):
            last = iv.start + shift  # "by Friday night": the end of Friday, not the next morning
        due = last.replace(hour=END_OF_DAY.hour, minute=END_OF_DAY.minute, second=0, microsecond=0)
    except OverflowError:
        return None
    return Instant(_with_zone(due, zone), end_of_day=True, moved_ahead=moved)


def _with_zone(d: dt.datetime, zone: dt.tzinfo | None) -> dt.datetime:
    return d if d.tzinfo is not None or zone is None else d.replace(tzinfo=zone)


def _duration(value: str) -> Any:
    from timeline.events.place import duration_of  # noqa: PLC0415

    return duration_of(value)


def closes_at(due: dt.datetime, end_of_day: bool) -> dt.datetime:
    """The instant from which a deadline is overdue: its due minute, or the next midnight for
    one due at the end of a day."""
    return due + dt.timedelta(minutes=1) if end_of_day else due


def due_after(length: Mention, start: Mention, *, zone: dt.tzinfo | None = None) -> Instant | None:
    """The due instant of a length counted from a dated event ("within 14 days of the Dec. 1
    ruling"): hours to the minute from a clock time, days (and longer) to the end of the last
    day counted from the event's day."""
    step = _duration(length.value) if length.type == "DURATION" and "X" not in (length.value or "") else None
    iv = start.interval
    if step is None or iv is None:
        return None
    try:
        if length.value.startswith("PT") and start.type == "TIME":
            return Instant(_with_zone(iv.start + step, zone))
        day = (dt.datetime.combine(iv.start.date(), dt.time()) + step).date()
    except (OverflowError, ValueError):
        return None
    return Instant(_with_zone(dt.datetime.combine(day, END_OF_DAY), zone), end_of_day=True)
