"""A `Timeline` -> the entries every export writes: one per event or deadline.

Each entry says *how precisely* it is known, and the formats follow that:

* ``timed``: a clock time in a known zone (an aware start, an end or None for
  an instant such as "1:00 pm" or a deadline's due time);
* ``allday``: whole days (``start`` and the exclusive ``end`` are dates);
* ``approximate``: known only to a week, a month, a year or as a duration
  ("in 2014", "next week", "for three weeks"): the dates of the whole period;
* ``floating``: a clock time whose zone is not known (naive datetimes);
* ``recurring``: a SET ("every Friday"): ``rrule`` holds the recurrence;
* ``ordered``: an event the timeline orders without a date (``interval`` None: "in retaliation for
  the strike"): its ``start`` is the day of the dated entry it is told after (else before; else
  the publication), only to place it, and ``note`` says what it comes after or before. The
  calendar (ICS) leaves these out; the table, the HTML page and TimelineJS show them.

Events without a calendar position that the timeline does not order either (the ``unplaced``:
"a few hours after", a vague duration such as "for months" whose start would be made up) give
no entry.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Iterable, Mapping
from typing import Any, Literal

import attrs

from timeline._reference import as_reference

Timing = Literal["timed", "allday", "approximate", "floating", "recurring", "ordered"]
EntryKind = Literal["event", "deadline"]

UTC = dt.timezone.utc
_CLOCK_GRAINS = frozenset({"second", "minute", "hour", "partofday"})
_DAY_GRAINS = frozenset({"day"})
_PERIOD_WORD = {
    "week": "the week", "weekend": "the weekend", "month": "the month", "quarter": "the quarter",
    "season": "the season", "half": "the half year", "year": "the year", "decade": "the decade",
    "century": "the century", "millennium": "the millennium",
}
_SET_WEEKDAY = re.compile(r"^XXXX-WXX-([1-7])$")
_SET_PERIOD = re.compile(r"^P(\d+)([DWMY])$")
_SET_DAILY = re.compile(r"^XXXX-XX-XX(?:T(?:MO|AF|EV|NI|DT))?$")
_RATE = re.compile(r"\b(?:twice|thrice|times)\b", re.IGNORECASE)
_FREQ = {"D": "DAILY", "W": "WEEKLY", "M": "MONTHLY", "Y": "YEARLY"}
_WEEKDAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")


@attrs.frozen
class Recurrence:
    """A SET as an RFC 5545 recurrence: ``freq`` (DAILY, WEEKLY, ...), ``interval``,
    ``byday`` (``"FR"``) and ``until`` (the last day, inclusive), all optional but ``freq``."""

    freq: str
    interval: int = 1
    byday: str | None = None
    until: dt.date | None = None


@attrs.frozen
class Entry:
    """One event or deadline, ready to be written in any export format."""

    id: str  #: the event's id in the timeline (``e1``, ``e2``, ...)
    kind: EntryKind
    event_kind: str  #: occurred, expected, ongoing, deadline
    title: str  #: what the entry is ("Deadline: ..." for deadlines)
    description: str  #: the event's description (a deadline: what is due)
    trigger: str
    time_text: str  #: the time expression as written ("Sunday at 5:00 pm"), "" when none
    time_value: str  #: its TIMEX3 value
    sentence: str  #: the source sentence ("" when the text was not given)
    documents: tuple[str, ...]  #: the documents that tell it
    published: str  #: the publication of the first document, as given
    timing: Timing
    start: dt.datetime | dt.date
    end: dt.datetime | dt.date | None
    zone: str | None = None  #: the zone name of a timed entry ("Asia/Baghdad", "UTC+03:00")
    precision: str | None = None  #: the grain ("minute", "day", "year", ...)
    note: str = ""  #: what a reader should know about the time ("approximate: ...", "zone unknown")
    who: str | None = None  #: for deadlines: who demands it
    recurrence: Recurrence | None = None
    uid_key: str = ""  #: document, publication and trigger: what the calendar UID is derived from
    #: how many times the entry changed since it was first written (the calendar's SEQUENCE)
    sequence: int = 0
    #: "cancelled" for a deadline that no longer stands (called off, superseded), "met" for one
    #: done (a task's STATUS:COMPLETED); None otherwise
    status: str | None = None

    @property
    def is_deadline(self) -> bool:
        return self.kind == "deadline"

    @property
    def dated(self) -> bool:
        """Whether the entry has a date of its own (all but the ``ordered``)."""
        return self.timing != "ordered"

    @property
    def day(self) -> dt.date:
        """The calendar day the entry is shown under (its start's, on its own clock; for an entry
        only ordered, the day of the entry it is told after)."""
        return _day_of(self.start)

    @property
    def utc_start(self) -> dt.datetime | None:
        """The start in UTC, for timed entries only."""
        if self.timing == "timed" and isinstance(self.start, dt.datetime) and self.start.tzinfo is not None:
            return self.start.astimezone(UTC)
        return None

    def uid(self, what: str = "") -> str:
        """A calendar UID derived from the document and the event (never random)."""
        digest = hashlib.sha256(f"{what or self.kind}\x1f{self.uid_key}".encode()).hexdigest()[:24]
        return f"{digest}@timeline"

    def when_text(self) -> str:
        """The time as a person reads it: "2020-01-05 13:00 Asia/Baghdad", "2020-01-04", ..."""
        if self.timing == "recurring" and self.recurrence is not None:
            return f"{self.time_text} (from {_iso(self.start)})"
        if self.timing == "ordered":
            return "no date"
        if self.timing == "timed":
            assert isinstance(self.start, dt.datetime)
            text = f"{self.start:%Y-%m-%d %H:%M} {self.zone or ''}".rstrip()
            if self.end is not None and isinstance(self.end, dt.datetime):
                text += f" to {self.end:%Y-%m-%d %H:%M}"
            return text
        if self.timing == "floating":
            assert isinstance(self.start, dt.datetime)
            return f"{self.start:%Y-%m-%d %H:%M} (zone unknown)"
        last = _last_day(self.end) if self.end is not None else None
        first = _iso(self.start)
        return first if last is None or _iso(last) == first else f"{first} to {_iso(last)}"


def _iso(value: dt.date | dt.datetime | None) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.isoformat()
    return value.isoformat()


def _last_day(end: dt.date | dt.datetime) -> dt.date:
    day = end.date() if isinstance(end, dt.datetime) else end
    return day - dt.timedelta(days=1)


def _days(start: dt.datetime, end: dt.datetime) -> tuple[dt.date, dt.date]:
    """The whole days ``[first, last + 1)`` that the wall-clock interval meets."""
    first = start.date()
    last = end.date() if end.time() == dt.time(0) and end.date() > first else end.date() + dt.timedelta(days=1)
    return first, max(last, first + dt.timedelta(days=1))


def zone_name(tz: dt.tzinfo | None, when: dt.datetime) -> str | None:
    """The name of a zone: the IANA key, "UTC", or "UTC+03:00" for a fixed offset."""
    if tz is None:
        return None
    key = getattr(tz, "key", None)
    if isinstance(key, str):
        return key
    offset = when.utcoffset()
    if offset is None:
        return None
    minutes = int(offset.total_seconds() // 60)
    if minutes == 0:
        return "UTC"
    sign = "+" if minutes > 0 else "-"
    h, m = divmod(abs(minutes), 60)
    return f"UTC{sign}{h:02d}:{m:02d}"


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:] if text else text


def _sentence(texts: Mapping[str, str], event: Any) -> str:
    for source in event.sources:
        text = texts.get(source.document)
        if text is not None and 0 <= source.start <= source.end <= len(text):
            return " ".join(text[source.start : source.end].split())
    return ""


def recurrence_of(mention: Any) -> Recurrence | None:
    """The recurrence a SET mention means, or None when it names no calendar rule
    ("twice a week" says how often, not when)."""
    if mention is None or mention.type != "SET" or _RATE.search(mention.text):
        return None
    value = mention.value
    m = _SET_WEEKDAY.match(value)
    if m:
        return Recurrence("WEEKLY", byday=_WEEKDAYS[int(m.group(1)) - 1])
    m = _SET_PERIOD.match(value)
    if m:
        return Recurrence(_FREQ[m.group(2)], interval=max(1, int(m.group(1))))
    if _SET_DAILY.match(value):
        return Recurrence("DAILY")
    return None


def gives_a_day(rec: Recurrence) -> bool:
    """Whether every occurrence of ``rec`` is a day the text names: each day ("every day"), or a
    weekday ("every Friday"). "Every two weeks" or "every month" says how often, not on which day,
    and the first occurrence would be made up."""
    return rec.freq == "DAILY" or rec.byday is not None


def _first_on_or_after(day: dt.date, rec: Recurrence) -> dt.date:
    if rec.byday is None:
        return day
    want = _WEEKDAYS.index(rec.byday)
    return day + dt.timedelta(days=(want - day.weekday()) % 7)


def entries(timeline: Any, texts: Mapping[str, str] | None = None) -> list[Entry]:
    """The entries of a `timeline.events.Timeline`, in timeline order.

    ``texts`` maps document ids to their text, for the source sentence of each
    event. An event that is a deadline gives one entry of kind ``deadline`` at
    its due time; the others one entry of kind ``event``.
    """
    texts = texts or {}
    deadlines = {d.event.id: d for d in timeline.all_deadlines}
    out: list[Entry] = []
    ordered: list[int] = []  # positions of the entries only ordered, placed once all are made
    for event in timeline.events:
        entry = _entry(event, deadlines.get(event.id), texts)
        if entry is None and event.interval is None and (event.time is None or event.time.type != "SET"):
            entry = _ordered_entry(event, texts)
            ordered.append(len(out))
        if entry is not None:
            out.append(entry)
    for event in timeline.unplaced:
        entry = _entry(event, deadlines.get(event.id), texts)
        if entry is not None:
            out.append(entry)
    for n in ordered:
        out[n] = _place(out, n)
    return out


def _entry_status(status: object) -> str | None:
    """A deadline's status as the calendar writes it: cancelled or superseded -> "cancelled",
    met -> "met"; the statuses against a moment (upcoming, overdue, ...) -> None."""
    if status in ("cancelled", "superseded"):
        return "cancelled"
    return "met" if status == "met" else None


def _text_key(text: str | None) -> str:
    """What tells apart documents that share a name or have none ("stdin", the same file name
    in two folders, JSON Lines records without an id): a digest of the text, when it is given."""
    if text is None:
        return ""
    return "\x1f" + hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:32]


def _ordered_entry(event: Any, texts: Mapping[str, str]) -> Entry:
    """An event the timeline orders without a date; `_place` gives it its day and note."""
    source = event.sources[0] if event.sources else None
    published = "" if source is None else source.published
    document = "" if source is None else source.document
    try:
        day = as_reference(published).date if published else dt.date(1970, 1, 1)
    except (TypeError, ValueError):
        day = dt.date(1970, 1, 1)
    return Entry(
        id=event.id, kind="event", event_kind=event.kind, title=_capital(event.description.lstrip("-\u2013\u2014,;: ")),
        description=event.description, trigger=event.trigger.text, time_text="", time_value="",
        sentence=_sentence(texts, event), documents=tuple(dict.fromkeys(s.document for s in event.sources)),
        published=published, timing="ordered", start=day, end=None, precision=None,
        note="no date: ordered by the text",
        uid_key=f"{document}\x1f{published}\x1f{event.trigger.start}\x1f{event.trigger.end}\x1f{event.trigger.text}",
    )


def _day_of(value: dt.date | dt.datetime) -> dt.date:
    return value.date() if isinstance(value, dt.datetime) else value


def _place(items: list[Entry], n: int) -> Entry:
    """The entry only ordered at ``n``, on the day of the dated entry before it (else after it),
    its note naming that entry."""
    before = next((items[i] for i in range(n - 1, -1, -1) if items[i].timing not in ("ordered", "recurring")), None)
    after = next((items[i] for i in range(n + 1, len(items)) if items[i].timing not in ("ordered", "recurring")), None)
    if before is not None:
        note = f"no date: told after \u201c{before.title}\u201d"
        if after is not None:
            note += f" and before \u201c{after.title}\u201d"
        return attrs.evolve(items[n], start=_day_of(before.start), note=note)
    if after is not None:
        return attrs.evolve(items[n], start=_day_of(after.start), note=f"no date: told before \u201c{after.title}\u201d")
    return items[n]


def _entry(event: Any, deadline: Any, texts: Mapping[str, str]) -> Entry | None:
    mention = event.time
    source = event.sources[0] if event.sources else None
    document = "" if source is None else source.document
    published = "" if source is None else source.published
    base: dict[str, Any] = {
        "id": event.id,
        "kind": "deadline" if deadline is not None else "event",
        "event_kind": event.kind,
        "description": deadline.what if deadline is not None else event.description,
        "trigger": event.trigger.text,
        "time_text": "" if mention is None else mention.text,
        "time_value": "" if mention is None else mention.value,
        "sentence": (deadline.sentence.strip() if deadline is not None and deadline.sentence else "")
        or _sentence(texts, event),
        "documents": tuple(dict.fromkeys(s.document for s in event.sources)),
        "published": published,
        "precision": None if mention is None else mention.grain,
        "who": None if deadline is None else deadline.who,
        "status": _entry_status(getattr(deadline, "status", None)),
        "uid_key": f"{document}\x1f{published}\x1f{event.trigger.start}\x1f{event.trigger.end}\x1f{event.trigger.text}"
                   + _text_key(texts.get(document)),
    }
    base["title"] = ("Deadline: " if deadline is not None else "") + _capital(base["description"].lstrip("-\u2013\u2014,;: "))

    if mention is not None and mention.type == "SET":
        rec = recurrence_of(mention)
        if rec is None or not published or not gives_a_day(rec):
            return None  # "every two weeks", "every month": the text gives no day to start on
        first = _first_on_or_after(as_reference(published).date, rec)
        if event.interval is not None:  # a bounded SET: "every Friday in January"
            first = max(first, _first_on_or_after(event.interval.start.date(), rec))
            rec = attrs.evolve(rec, until=_last_day(event.interval.end))
            if rec.until is not None and first > rec.until:
                return None  # over before publication: DTSTART would be a day the text did not give
        return Entry(**base, timing="recurring", start=first, end=None, recurrence=rec,
                     note=f"recurring: {mention.text}")

    iv = event.interval
    if iv is None:
        return None
    grain = None if mention is None else mention.grain
    if deadline is not None:
        return _deadline_entry(base, deadline, grain)
    if mention is not None and mention.type == "DURATION":
        if "X" in mention.value:  # "for months": the start would be made up
            return None
        first, end = _days(iv.start, iv.end)
        return Entry(**base, timing="approximate", start=first, end=end,
                     note=f"approximate: {mention.text} (the whole period is shown)")
    if grain in _CLOCK_GRAINS:
        return _clock_entry(base, iv.start, iv.end if grain in ("partofday",) else None, grain)
    first, end = _days(iv.start, iv.end)
    if grain in _DAY_GRAINS or grain is None:
        return Entry(**base, timing="allday", start=first, end=end)
    period = _PERIOD_WORD.get(grain or "", "the period")
    return Entry(**base, timing="approximate", start=first, end=end,
                 note=f"approximate: known only to {period} ({mention.text if mention else ''}); "
                 "the whole period is shown")


def _clock_entry(base: dict[str, Any], start: dt.datetime, end: dt.datetime | None, grain: str | None) -> Entry:
    note = "approximate time (part of the day)" if grain == "partofday" else ""
    if start.tzinfo is None:
        return Entry(**base, timing="floating", start=start, end=end,
                     note=("time zone not known; " + note).rstrip("; "))
    return Entry(**base, timing="timed", start=start, end=end, zone=zone_name(start.tzinfo, start), note=note)


def _deadline_entry(base: dict[str, Any], deadline: Any, grain: str | None) -> Entry:
    due: dt.datetime = deadline.due
    end_of_day = bool(getattr(deadline, "end_of_day", False))
    if not end_of_day and (grain in _CLOCK_GRAINS or grain is None and (due.time() != dt.time(0))):
        return _clock_entry(base, due, None, None)
    # due at the end of a day or longer ("by Friday", "has 14 days to"): all-day on that day (due
    # at 23:59 of it; an older deadline due at the next midnight is shown on the day before)
    last = due.date() if end_of_day else (due - dt.timedelta(microseconds=1)).date()
    note = f"due by the end of {last.isoformat()}"
    if due.tzinfo is not None:
        note += f" ({due.isoformat()})"
    return Entry(**base, timing="allday", start=last, end=last + dt.timedelta(days=1), note=note)


def stamp_of(items: Iterable[Entry], default: dt.datetime | None = None) -> dt.datetime:
    """A reproducible timestamp: the latest publication among the entries, in UTC.

    A publication date without a time counts as midnight UTC; a naive datetime as UTC.
    """
    best: dt.datetime | None = None
    for e in items:
        if not e.published:
            continue
        try:
            ref = as_reference(e.published)
        except (TypeError, ValueError):
            continue
        when = ref.when if ref.when.tzinfo is not None else ref.when.replace(tzinfo=UTC)
        try:
            when = when.astimezone(UTC)
        except OverflowError:  # published at the edge of the calendar, in a zone that moves it past it
            continue
        best = when if best is None or when > best else best
    if best is None:
        best = default or dt.datetime(1970, 1, 1, tzinfo=UTC)
    return best.replace(microsecond=0)
