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
from typing import Literal

from timeline._model import Interval

#: where a deadline stands at a given moment
Status = Literal["upcoming", "due-soon", "overdue"]


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
