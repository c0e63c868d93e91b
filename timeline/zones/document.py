"""The zone of a whole document, and where it came from.

In this order: the caller's ``timezone`` argument; the dateline ("Baghdad:",
"BAGHDAD, Jan 5 (AFP) -", "WASHINGTON \u2014", "PARIS (Reuters) -", "Paris, Texas (AP) -")
at the start of one of the first three non-empty lines; a place named in the
sentence of a clock time written with "local time"; the offset a local clock time
with a GMT or UTC twin gives ("7:00 pm (1600 GMT)"); otherwise none (floating).
"""

from __future__ import annotations

import datetime as dt

import re
from collections.abc import Sequence
from typing import Literal

import attrs

from timeline._model import Mention
from timeline.zones.resolve import _beyond_calendar, get_zone

__all__ = ["DocumentZone", "ZoneSource", "document_zone", "dateline_place"]

ZoneSource = Literal["argument", "dateline", "local-time", "twin", "published"]

_WORD = r"[A-Z][\w.'\u2019&-]*"
_PLACE = rf"{_WORD}(?: {_WORD}){{0,3}}"
_DATE = r"[A-Z][a-z]{2,8}\.? \d{1,2}|\d{1,2} [A-Z][a-z]{2,8}"
_DATELINE = re.compile(
    rf"[ \t]*(?P<place>{_PLACE})(?:, ?(?P<qual>{_PLACE}))?(?:, ?(?:{_DATE})(?:, \d{{4}})?)?"
    r"[ \t]*(?:\([^()\n]{1,40}\))?[ \t]*(?::|\u2014|\u2013|--?|_)(?=\s)"
)
#: "WASHINGTON--Lawmakers ...", "BOSTON\u2014The ...": a place in capitals and a dash with no space
_TIGHT_DATELINE = re.compile(
    rf"[ \t]*(?P<place>[A-Z][A-Z.'\u2019&-]*(?: [A-Z][A-Z.'\u2019&-]*){{0,3}})(?:, ?(?P<qual>{_PLACE}))?"
    r"(?:--|\u2014|\u2013)(?=[A-Z\"\u201c])"
)
_RUN = re.compile(r"\b[A-Z][\w'\u2019.-]*(?: (?:[A-Z][\w'\u2019.-]*|al-\w+|de|of|el))*")
_SENTENCE_END = re.compile(r"[.!?][\"'\u201d\u2019)]*\s+(?=[\"'\u201c(]*[A-Z0-9])|\n\s*\n")
_SKIP_WORDS = frozenset(
    "the a an in on at by for from of to and but or as said says local time gmt utc".split()
    + "monday tuesday wednesday thursday friday saturday sunday".split()
    + "january february march april may june july august september october november december".split()
)


@attrs.frozen
class DocumentZone:
    """The zone a document's clock times are read in, when it is known."""

    name: str  #: IANA name ("Asia/Baghdad"), "UTC" or a fixed offset ("UTC+03:00")
    source: ZoneSource  #: where it came from
    place: str | None = None  #: the place the text names, for "dateline" and "local-time"

    def as_dict(self) -> dict[str, str | None]:
        return {"name": self.name, "source": self.source, "place": self.place}


def dateline_place(text: str) -> tuple[str, str | None, str] | None:
    """The dateline of ``text``: (place, qualifier, IANA zone), or None.

    >>> dateline_place("BAGHDAD, Jan 5 (AFP) - Rockets hit the base.")
    ('BAGHDAD', None, 'Asia/Baghdad')
    >>> dateline_place("Late Saturday, rockets hit the base.") is None
    True
    """
    from timeline.zones.datelines import dateline_zone  # noqa: PLC0415
    from timeline.zones.places import lookup  # noqa: PLC0415

    seen = 0
    pos = 0
    n = len(text)
    while seen < 3 and pos < n:
        end = text.find("\n", pos)
        end = n if end < 0 else end
        line = text[pos:end]
        pos = end + 1
        if not line.strip():
            continue
        seen += 1
        m = _DATELINE.match(line) or _TIGHT_DATELINE.match(line)
        if m is None:
            continue
        place, qual = m.group("place").rstrip(".,"), m.group("qual")
        zone = (dateline_zone(place) if qual is None else None) or lookup(place, qual)
        if zone is not None:
            return place, qual, zone
    return None


def _sentence(text: str, start: int, end: int) -> tuple[int, int]:
    a = 0
    for m in _SENTENCE_END.finditer(text, max(0, start - 600), start):
        a = m.end()
    after = _SENTENCE_END.search(text, end)
    return a, (after.start() + 1 if after else len(text))


def _candidates(text: str, a: int, b: int, near: int) -> list[str]:
    """Capitalized runs of words in ``text[a:b]``, nearest to ``near`` first."""
    found: list[tuple[int, str]] = []
    for m in _RUN.finditer(text, a, b):
        words = m.group().rstrip(".,").split(" ")
        while words and words[0].casefold() in _SKIP_WORDS:
            words.pop(0)
        while words and words[-1].casefold() in _SKIP_WORDS:
            words.pop()
        if not words:
            continue
        run = " ".join(words)
        for suffix in ("'s", "\u2019s"):
            run = run.removesuffix(suffix)
        found.append((min(abs(m.start() - near), abs(m.end() - near)), run))
    found.sort(key=lambda f: f[0])
    return [run for _, run in found]


def _local_time_place(text: str, mentions: Sequence[Mention]) -> tuple[str, str] | None:
    from timeline.zones.places import lookup  # noqa: PLC0415

    for m in mentions:
        if m.zone is None or m.zone.lower() != "local":
            continue
        a, b = _sentence(text, m.start, m.end)
        for run in _candidates(text, a, b, m.start):
            zone = lookup(run)
            if zone is not None:
                return run, zone
    return None


#: the words between a local clock time and its UTC twin: "7:00 pm (1600 GMT)", "7 p.m., or 1600 GMT"
_TWIN_GAP = re.compile(r"\s*(?:\(|,|\u2014|-|/)?\s*(?:or\s+)?$")


def gmt_twin_offset(text: str, mentions: Sequence[Mention]) -> str | None:
    """The offset a local clock time with a UTC or GMT twin gives ("7:00 pm (1600 GMT)":
    "UTC+03:00"), or None. The first such pair decides; an offset that is not a whole quarter
    hour, or beyond +/-14:00, is none.

    >>> from timeline import extract
    >>> t = "The talks begin at 7:00 pm (1600 GMT) on Friday."
    >>> gmt_twin_offset(t, extract(t, published="2015-12-01"))
    'UTC+03:00'
    """
    times = [m for m in mentions if m.type == "TIME" and m.interval is not None]
    for a, b in zip(times, times[1:]):
        if a.zone is not None or (b.zone or "").upper() not in ("GMT", "UTC", "Z"):
            continue
        if not _TWIN_GAP.match(text[a.end : b.start]) or b.start - a.end > 6:
            continue
        local, utc = a.interval.start.replace(tzinfo=None), b.interval.start.replace(tzinfo=None)  # type: ignore[union-attr]
        minutes = round((local - utc).total_seconds() / 60)
        if minutes > 12 * 60:  # "1:00 am (2200 GMT)": the twin is on the day before
            minutes -= 24 * 60
        elif minutes < -12 * 60:
            minutes += 24 * 60
        if minutes % 15 or abs(minutes) > 14 * 60:
            continue
        sign = "-" if minutes < 0 else "+"
        return f"UTC{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"
    return None


def document_zone(text: str, mentions: Sequence[Mention] = (), *, timezone: str | None = None,
                  published: dt.datetime | None = None) -> DocumentZone | None:
    """The zone of a document and its source, or None when it is not known (floating times).

    ``mentions`` (from the tagger) are used for the "local time" source. An aware
    ``published`` datetime gives its offset when nothing else does (the clock of
    the newsroom is the best guess left; a fixed offset, no daylight saving).
    An unknown ``timezone`` raises `UnknownZoneError` naming it; an unknown place
    is simply not a source.

    >>> document_zone("Baghdad: The vote is at 1:00 pm.")
    DocumentZone(name='Asia/Baghdad', source='dateline', place='Baghdad')
    >>> document_zone("The vote is at noon.", timezone="UTC+3")
    DocumentZone(name='UTC+03:00', source='argument', place=None)
    >>> document_zone("The vote is at noon.") is None
    True
    """
    zone = _document_zone(text, mentions, timezone, published)
    if zone is not None:
        _within_calendar(mentions, zone.name, published)
    return zone


def _within_calendar(mentions: Sequence[Mention], zone: str, published: dt.datetime | None) -> None:
    """A `CalendarRangeError` when a mention in the first or last year of the calendar (1 or
    9999), or the day or time of publication (which date the events the text dates no other way,
    and end the spans before it), put in ``zone``, leaves the years 1 to 9999 in UTC: Python's
    dates cannot hold it."""
    spans = [(m.text, m.interval.start, m.interval.end) for m in mentions
             if m.interval is not None and m.interval.start.tzinfo is None]
    if published is not None and published.tzinfo is None:
        day = dt.datetime(published.year, published.month, published.day)
        spans.append(("the day of publication", day, day + dt.timedelta(days=1) if day.year < 9999 else day))
        spans.append(("the time of publication", published, published))  # "in the last 3 days" ends there
    tzinfo = None
    for text, start, end in spans:
        if start.year > 1 and end.year < 9999:
            continue
        tzinfo = tzinfo or get_zone(zone).tzinfo
        for when in (start, end):
            try:
                when.replace(tzinfo=tzinfo).astimezone(dt.timezone.utc)
            except OverflowError:
                raise _beyond_calendar(text, when, zone) from None


def _document_zone(text: str, mentions: Sequence[Mention], timezone: str | None,
                   published: dt.datetime | None) -> DocumentZone | None:
    if timezone is not None:
        return DocumentZone(get_zone(timezone).name, "argument")
    found = dateline_place(text)
    if found is not None:
        return DocumentZone(get_zone(found[2]).name, "dateline", found[0] if found[1] is None else f"{found[0]}, {found[1]}")
    local = _local_time_place(text, mentions)
    if local is not None:
        return DocumentZone(get_zone(local[1]).name, "local-time", local[0])
    twin = gmt_twin_offset(text, mentions)
    if twin is not None:
        return DocumentZone(get_zone(twin).name, "twin")
    if published is not None and published.utcoffset() is not None:
        offset = published.utcoffset()
        assert offset is not None
        minutes = int(offset.total_seconds() // 60)
        sign = "-" if minutes < 0 else "+"
        return DocumentZone(get_zone(f"UTC{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}").name, "published")
    return None
