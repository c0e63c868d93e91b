"""Where an event lies in time: its kind, its relation to publication and its interval, from the
time that dates it, how it stands to that time, and the tense of its verb group.

This stage reads what the earlier ones decided (the time's value, the link's relation, the
event word's tense) and decides nothing about words.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Final, Literal

from dateutil.relativedelta import relativedelta

from timeline._model import Interval, Mention
from timeline.events.model import Kind, Relation, T0Relation

#: the tense of a verb group as the timeline needs it (from TimeML tense and aspect)
Tense = Literal["past", "perfect", "present", "future", "none"]

_DUR_RE: Final = re.compile(r"^P(?:T(?P<tn>\d+|X)(?P<tu>[HMS])|(?P<n>\d+(?:\.\d+)?|X)(?P<u>[YMWD]))$")
_UNIT: Final = {"Y": "years", "M": "months", "W": "weeks", "D": "days"}
_TUNIT: Final = {"H": 3600.0, "M": 60.0, "S": 1.0}
_LOOKING_BACK: Final = ("the past", "the last", "past", "last")


def duration_of(value: str) -> relativedelta | None:
    """A TIMEX3 duration value as a calendar step (an unknown count "X" as 2, the least a plural says).

    >>> duration_of("P3W")
    relativedelta(days=+21)
    >>> duration_of("PT48H")
    relativedelta(days=+2)
    """
    m = _DUR_RE.match(value)
    if m is None:
        return None
    if m.group("tu"):
        n = 2.0 if m.group("tn") == "X" else float(m.group("tn"))
        return relativedelta(seconds=int(n * _TUNIT[m.group("tu")])).normalized()
    n = 2.0 if m.group("n") == "X" else float(m.group("n"))
    unit = _UNIT[m.group("u")]
    if n != int(n):
        days = {"years": 365.25, "months": 30.44, "weeks": 7.0, "days": 1.0}[unit] * n
        return relativedelta(days=round(days))
    k = int(n)
    if unit == "years":
        return relativedelta(years=k)
    if unit == "months":
        return relativedelta(months=k)
    return relativedelta(weeks=k) if unit == "weeks" else relativedelta(days=k)


def narrow(m: Mention) -> Interval | None:
    """The mention's interval, narrowed by its mod: the last third for "late", the first for
    "early", the middle one for "mid". A third of a week or longer is cut at midnight."""
    iv = m.interval
    if iv is None:
        return None
    if m.mod in ("END", "START", "MID") and iv.end - iv.start >= dt.timedelta(hours=2):
        third = (iv.end - iv.start) / 3
        lo, hi = iv.start + third, iv.end - third
        if iv.end - iv.start >= dt.timedelta(days=3):
            lo, hi = _to_midnight(lo), _to_midnight(hi)
        if m.mod == "END":
            return Interval(hi, iv.end)
        if m.mod == "START":
            return Interval(iv.start, lo)
        return Interval(lo, hi)
    return iv


def _to_midnight(d: dt.datetime) -> dt.datetime:
    """The midnight nearest to ``d``."""
    day = d.replace(hour=0, minute=0, second=0, microsecond=0)
    return day + dt.timedelta(days=1) if d - day >= dt.timedelta(hours=12) else day


def event_interval(m: Mention, kind: Kind, relation: Relation | None, published: dt.datetime) -> Interval | None:
    """Where the event lies: the mention's interval (narrowed); for an ongoing state over a
    duration, the duration up to publication; for "within 48 hours", publication plus the duration;
    else, for a duration, None (it counts from an event of the story, not from publication)."""
    if m.type != "DURATION":
        return narrow(m)
    span = duration_of(m.value)
    if span is None:
        return None
    try:
        if kind == "ongoing" or (relation == "during" and kind == "occurred"
                                 and m.text.lower().startswith(_LOOKING_BACK)):
            return Interval(published - span, published)
        if kind in ("expected", "deadline") and (relation == "by" or m.text.lower().startswith("within")):
            return Interval(published, published + span)
    except (ValueError, OverflowError):  # a duration that leaves the calendar
        return None
    return None


def naive_like(d: dt.datetime, ref: dt.datetime) -> dt.datetime:
    """``d`` comparable with ``ref``: its zone dropped or ``ref``'s put on, as ``ref`` has one."""
    if d.tzinfo is not None and ref.tzinfo is None:
        return d.replace(tzinfo=None)
    if d.tzinfo is None and ref.tzinfo is not None:
        return d.replace(tzinfo=ref.tzinfo)
    return d


def kind_and_t0(tense: Tense, relation: Relation | None, m: Mention | None, iv: Interval | None,
                published: dt.datetime, pub_end: dt.datetime) -> tuple[Kind, T0Relation]:
    """The kind of the event and its TimeML relation to publication. A time after publication
    puts a present-tense event ahead ("the vote is on Friday"), one before it behind; the tense
    decides where it says more ("had planned to vote on Friday" is past)."""
    after = before = contains = False
    if iv is not None:
        start, end = naive_like(iv.start, published), naive_like(iv.end, published)
        after = start >= pub_end
        before = end <= published
        contains = not after and not before
    if m is not None and m.type == "DURATION" and relation == "during" and tense in ("perfect", "present"):
        return "ongoing", "INCLUDES"
    if relation == "starting" and tense == "perfect":
        return "ongoing", "INCLUDES"
    if tense == "future":
        return "expected", "AFTER"
    if tense in ("past", "perfect"):
        return "occurred", "BEFORE"
    if after:
        return "expected", "AFTER"
    if before:
        return "occurred", "BEFORE"
    if contains:
        return ("ongoing", "IS_INCLUDED") if tense == "present" else ("occurred", "BEFORE")
    return ("ongoing", "INCLUDES") if tense == "present" else ("occurred", "BEFORE")
