"""Zones as tzinfo: reading zone names, attaching them to clock times, converting.

Local times are made aware with `zoneinfo` (PEP 495), and checked against the
zone's daylight-saving transitions:

* a wall time the clocks skip (2:30 a.m. on the night US clocks spring forward)
  is *nonexistent*: it is kept as written, with the offset in force before the
  change (``fold=0``), and the mention says ``zone_note="nonexistent"``;
* a wall time the clocks show twice (1:30 a.m. on the night they fall back) is
  *ambiguous*: the first occurrence is used (``fold=0``, the offset before the
  change), and the mention says ``zone_note="ambiguous"``.
"""

from __future__ import annotations

import datetime as dt
import re
import zoneinfo
from collections.abc import Iterable
from typing import Final

import attrs

from timeline._model import Interval, Mention
from timeline.zones.data import zone_name_rows

__all__ = ["CalendarRangeError", "Zone", "UnknownZoneError", "get_zone", "written_zone", "attach", "localize", "in_zone"]

UTC = dt.timezone.utc
_OFFSET = re.compile(r"(?:UTC|GMT|Z)?\s*([+\-\u2212])\s*(\d{1,2})(?:(?::|\.)?(\d{2}))?", re.IGNORECASE)
_TIME_WORD = re.compile(r"\s+time$", re.IGNORECASE)


#: tz database names that stand for the host's own clock, whatever it is: refused
_HOST_DEPENDENT: Final = frozenset({"localtime", "posixrules", "factory"})


class UnknownZoneError(ValueError):
    """A time zone name that is neither an IANA zone nor a UTC offset."""


@attrs.frozen
class Zone:
    """A zone a clock time is read in: ``name`` is an IANA name, ``"UTC"`` or ``"UTC+03:00"``."""

    name: str
    tzinfo: dt.tzinfo = attrs.field(eq=False, repr=False)


def _fixed(minutes: int) -> Zone:
    if minutes == 0:
        return Zone("UTC", UTC)
    sign = "+" if minutes > 0 else "-"
    h, m = divmod(abs(minutes), 60)
    return Zone(f"UTC{sign}{h:02d}:{m:02d}", dt.timezone(dt.timedelta(minutes=minutes)))


def _offset(text: str) -> Zone | None:
    m = _OFFSET.fullmatch(text.strip())
    if m is None:
        return None
    hours, minutes = int(m.group(2)), int(m.group(3) or 0)
    total = hours * 60 + minutes
    if minutes > 59 or total > 14 * 60:  # no zone is ahead of UTC+14:00 or behind UTC-12:00
        return None
    return _fixed(-total if m.group(1) != "+" else total)


def get_zone(name: str) -> Zone:
    """A zone from its name: an IANA name ("Asia/Baghdad"), "UTC", or an offset ("UTC+3", "+03:00").

    Raises `UnknownZoneError` (a `ValueError`) naming anything else.

    >>> get_zone("Asia/Baghdad").name, get_zone("utc").name, get_zone("UTC+3").name, get_zone("-04:30").name
    ('Asia/Baghdad', 'UTC', 'UTC+03:00', 'UTC-04:30')
    >>> get_zone("Mars/Olympus")
    Traceback (most recent call last):
    ...
    timeline.zones.resolve.UnknownZoneError: unknown time zone 'Mars/Olympus': give an IANA name such as 'Asia/Baghdad' or an offset such as 'UTC+03:00'
    """
    if not isinstance(name, str):
        raise TypeError(f"a time zone name must be a str, not {type(name).__name__}")
    text = name.strip()
    if text.upper() in ("UTC", "Z", "GMT", "ETC/UTC"):
        return _fixed(0)
    fixed = _offset(text)
    if fixed is not None:
        return fixed
    if _OFFSET.fullmatch(text):
        raise UnknownZoneError(
            f"time zone offset {name!r} is beyond +/-14:00 or has more than 59 minutes: no place keeps such a clock"
        )
    if text.lower() in _HOST_DEPENDENT:
        raise UnknownZoneError(
            f"time zone {name!r} is the clock of the machine running the code, so results would depend on the "
            "host: give an IANA name such as 'Asia/Baghdad' or an offset such as 'UTC+03:00'"
        )
    try:
        if text and not text.startswith(("/", ".")):
            return Zone(text, zoneinfo.ZoneInfo(text))
    except (zoneinfo.ZoneInfoNotFoundError, ValueError, OSError):
        pass
    raise UnknownZoneError(
        f"unknown time zone {name!r}: give an IANA name such as 'Asia/Baghdad' or an offset such as 'UTC+03:00'"
    )


def written_zone(written: str, region: str | None = None) -> Zone | None:
    """The zone a text writes next to a clock time, or None when it is not known.

    ``region`` is the ISO 3166 country of the document's zone; it decides the
    abbreviations that mean different zones in different places (see `data`).
    "local" is not handled here (it is the document's zone).

    >>> [written_zone(w).name for w in ("EST", "ET", "17:00 GMT"[6:], "UTC+3", "Moscow time", "Pacific")]
    ['UTC-05:00', 'America/New_York', 'UTC', 'UTC+03:00', 'Europe/Moscow', 'America/Los_Angeles']
    >>> written_zone("IST").name, written_zone("IST", region="IL").name, written_zone("Eastern Standard Time").name
    ('UTC+05:30', 'UTC+02:00', 'UTC-05:00')
    """
    text = " ".join(written.split())
    if not text:
        return None
    rows = zone_name_rows(text)
    stem = _TIME_WORD.sub("", text)
    if not rows and stem != text:
        rows = zone_name_rows(stem)
    words = stem.split()
    if not rows and len(words) > 1 and all(w[:1].isupper() for w in words):
        rows = zone_name_rows("".join(w[0] for w in words) + "T")  # "Central European" -> CET
    if rows:
        row = next((r for r in rows if region in r.countries), rows[-1])
        return get_zone(row.zone)
    fixed = _offset(stem)
    if fixed is not None:
        return fixed
    from timeline.zones.places import lookup  # noqa: PLC0415

    zone = lookup(stem)
    return None if zone is None else get_zone(zone)


def attach(local: dt.datetime, zone: Zone) -> tuple[dt.datetime, str | None]:
    """Make a naive wall time aware in ``zone``; say "nonexistent" or "ambiguous" when it is.

    >>> ny = get_zone("America/New_York")
    >>> attach(dt.datetime(2019, 3, 10, 2, 30), ny)[0].isoformat(), attach(dt.datetime(2019, 3, 10, 2, 30), ny)[1]
    ('2019-03-10T02:30:00-05:00', 'nonexistent')
    >>> attach(dt.datetime(2019, 11, 3, 1, 30), ny)[0].isoformat(), attach(dt.datetime(2019, 11, 3, 1, 30), ny)[1]
    ('2019-11-03T01:30:00-04:00', 'ambiguous')
    """
    aware = local.replace(tzinfo=zone.tzinfo, fold=0)
    if isinstance(zone.tzinfo, dt.timezone):
        return aware, None
    if aware.utcoffset() == aware.replace(fold=1).utcoffset():
        return aware, None
    back = aware.astimezone(UTC).astimezone(zone.tzinfo)
    return aware, "nonexistent" if back.replace(tzinfo=None) != local else "ambiguous"


def _localized(m: Mention, zone: Zone) -> Mention:
    iv = m.interval
    note = None
    if iv is not None and iv.start.tzinfo is None:
        start, note = attach(iv.start, zone)
        end, _ = attach(iv.end, zone)
        try:
            iv = Interval(start, end)
        except OverflowError:
            raise _beyond_calendar(m.text, iv.start, zone.name) from None
    return attrs.evolve(m, interval=iv, tz=zone.name, zone_note=note)


def localize(mentions: Iterable[Mention], zone: Zone | None) -> list[Mention]:
    """Give every TIME mention its zone: the one written next to it, else ``zone`` (the document's).

    DATE mentions (whole days) stay naive. A TIME mention without a written zone
    stays naive (floating) when ``zone`` is None; one whose written zone is not
    known stays naive and says ``zone_note="unknown-zone"``.
    """
    out: list[Mention] = []
    region: str | None = None
    region_known = False
    for m in mentions:
        if m.type != "TIME":
            out.append(m)
            continue
        written = m.zone
        if written is None or written.lower() == "local":
            out.append(m if zone is None else _localized(m, zone))
            continue
        if not region_known and zone is not None:
            from timeline.zones.places import country_of  # noqa: PLC0415

            region, region_known = country_of(zone.name), True
        z = written_zone(written, region)
        if z is None:
            out.append(attrs.evolve(m, zone_note="unknown-zone"))
            continue
        found = _localized(m, z)
        if found.zone_note is None and _off_season(written, found):
            found = attrs.evolve(found, zone_note="off-season")
        out.append(found)
    return out


# North American abbreviations that name one half of the year: (the region's zone, daylight time or not)
_SEASONAL: Final = {
    "EST": ("America/New_York", False), "EDT": ("America/New_York", True),
    "CST": ("America/Chicago", False), "CDT": ("America/Chicago", True),
    "MST": ("America/Denver", False), "MDT": ("America/Denver", True),
    "PST": ("America/Los_Angeles", False), "PDT": ("America/Los_Angeles", True),
    "AKST": ("America/Anchorage", False), "AKDT": ("America/Anchorage", True),
}


def _off_season(written: str, m: Mention) -> bool:
    """"9 a.m. EST" on a July day: the East keeps EDT then; the time is kept at face value, flagged."""
    season = _SEASONAL.get(written.upper())
    if season is None or m.interval is None or m.interval.start.tzinfo is None:
        return False
    region = get_zone(season[0]).tzinfo
    start = m.interval.start
    standard = dt.datetime(start.year, 1, 15, tzinfo=region).utcoffset()
    assert standard is not None
    if start.utcoffset() != standard + dt.timedelta(hours=1 if season[1] else 0):
        return False  # "CST" read as China Standard Time: not the North American one
    in_dst = bool(start.replace(tzinfo=region).dst())
    return in_dst != season[1]


def in_zone(mentions: Iterable[Mention], zone: str) -> list[Mention]:
    """The mentions with their aware intervals converted to ``zone`` (a reader's zone).

    Only mentions whose interval carries an offset move; their ``tz`` becomes
    ``zone``. Floating times and DATE mentions are returned as they are, and
    ``value`` (the TIMEX3 value, as the text means it) never changes.
    Raises `UnknownZoneError` naming an unknown zone.

    >>> import timeline
    >>> ms = timeline.extract("BAGHDAD (AFP) - The session opens at 1:00 pm.", published="2020-01-05")
    >>> [(m.value, m.tz, m.interval.start.isoformat()) for m in timeline.in_zone(ms, "Europe/Paris")]
    [('2020-01-05T13:00', 'Europe/Paris', '2020-01-05T11:00:00+01:00')]
    """
    z = get_zone(zone)
    out: list[Mention] = []
    for m in mentions:
        iv = m.interval
        if iv is None or iv.start.tzinfo is None or iv.end.tzinfo is None:
            out.append(m)
            continue
        try:
            moved = Interval(iv.start.astimezone(z.tzinfo), iv.end.astimezone(z.tzinfo))
        except OverflowError:
            raise _beyond_calendar(m.text, iv.start, z.name) from None
        out.append(attrs.evolve(m, interval=moved, tz=z.name))
    return out


class CalendarRangeError(ValueError):
    """A clock time whose zone moves it outside the years 1 to 9999 that Python's dates hold."""


def _beyond_calendar(text: str, when: dt.datetime, zone: str) -> CalendarRangeError:
    shown = text if len(text) <= 60 else text[:60] + "..."
    return CalendarRangeError(
        f"the expression {shown!r} ({when.replace(tzinfo=None).isoformat()}) in {zone} falls outside the years "
        "1 to 9999 once converted to UTC; Python's dates cannot hold it"
    )
