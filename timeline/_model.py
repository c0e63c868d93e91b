"""The data model: what `timeline.extract` returns."""

from __future__ import annotations

import datetime as dt
from typing import Literal

import attrs

TimexType = Literal["DATE", "TIME", "DURATION", "SET"]
Grain = Literal[
    "millennium", "century", "decade", "year", "half", "quarter", "season",
    "month", "week", "weekend", "day", "partofday", "hour", "minute", "second",
]


@attrs.frozen
class Interval:
    """A half-open span of time ``[start, end)``.

    ``start`` and ``end`` are naive datetimes on the document's clock unless the
    zone is known, in which case both are aware.
    """

    start: dt.datetime
    end: dt.datetime

    def __attrs_post_init__(self) -> None:
        start, end = self.start, self.end
        if start.tzinfo is not None and end.tzinfo is not None:  # compare instants, not wall times
            start, end = start.astimezone(dt.timezone.utc), end.astimezone(dt.timezone.utc)
        if end < start:
            raise ValueError(f"Interval end {self.end!r} is before its start {self.start!r}")

    def isoformat(self) -> dict[str, str | None]:
        """``start`` and ``end`` as written; ``start_utc`` and ``end_utc`` when aware (else None)."""
        aware = self.start.tzinfo is not None and self.end.tzinfo is not None
        return {
            "start": self.start.isoformat(),
            "end": self.end.isoformat(),
            "start_utc": _utc(self.start) if aware else None,
            "end_utc": _utc(self.end) if aware else None,
        }


def _utc(when: dt.datetime) -> str:
    return when.astimezone(dt.timezone.utc).isoformat().replace("+00:00", "Z")


@attrs.frozen
class Mention:
    """One time expression found in the text.

    ``text[m.start:m.end] == m.text`` always holds for the text it came from.
    ``type``, ``value`` and ``mod`` follow TimeML 1.2.1 TIMEX3. ``interval`` and
    ``grain`` are set for DATE and TIME mentions whose value is a calendar
    point or period (not for ``PRESENT_REF``, ``XXXX-01-05`` and the like).
    ``rule`` names the rule that matched, for debugging; ``zone`` is the zone the
    text writes next to a clock time, if any.
    """

    start: int
    end: int
    text: str
    type: TimexType
    value: str
    mod: str | None = None
    grain: Grain | None = None
    interval: Interval | None = None
    rule: str = ""
    #: the zone written with a clock time, as written ("GMT", "EST", "Moscow time") or "local"
    #: for "local time"; None when the text names none
    zone: str | None = None
    #: the zone the interval is in (TIME mentions only): an IANA name ("Asia/Baghdad"), "UTC" or a
    #: fixed offset ("UTC-05:00"); None for floating times and for DATE mentions (see docs/zones.md)
    tz: str | None = None
    #: "nonexistent" (a wall time the clocks skip), "ambiguous" (one they show twice: the first is
    #: used) or "unknown-zone" (the written zone is not known); None otherwise
    zone_note: str | None = None

    def as_dict(self) -> dict[str, object]:
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "type": self.type,
            "value": self.value,
            "mod": self.mod,
            "grain": self.grain,
            "interval": None if self.interval is None else self.interval.isoformat(),
            "tz": self.tz,
            "zone_note": self.zone_note,
        }
