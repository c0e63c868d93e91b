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
        if self.end < self.start:
            raise ValueError(f"Interval end {self.end!r} is before its start {self.start!r}")

    def isoformat(self) -> dict[str, str]:
        return {"start": self.start.isoformat(), "end": self.end.isoformat()}


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
        }
