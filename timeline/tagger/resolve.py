"""Anchoring: a `Spec` and its context -> TIMEX3 value, grain and interval.

This is the only place that sees the reference time. Context is the
publication time, the tense of the sentence, and the *story point*: the date
the text was last talking about, which "the next day" or "a year earlier"
count from.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Final

import attrs
from dateutil.easter import easter
from dateutil.relativedelta import relativedelta

from timeline._model import Interval
from timeline._reference import Reference
from timeline.tagger.context import Tense
from timeline.tagger.lexicon import MOVEABLE_FEASTS
from timeline.tagger.spec import Spec


# grains, fine to coarse
_ORDER = ("minute", "partofday", "day", "weekend", "week", "month", "season", "quarter", "half", "year",
          "decade", "century")
_RANK = {g: i for i, g in enumerate(_ORDER)}
_POD_HOURS = {"MO": (6, 12), "AF": (12, 18), "EV": (18, 22), "NI": (22, 30), "DT": (8, 18)}
_SEASON_START = {"SP": (3, 21), "SU": (6, 21), "FA": (9, 23), "WI": (12, 21)}
_SEASON_ORDER = ("WI", "SP", "SU", "FA")


@attrs.frozen
class Point:
    """A place on the calendar at a grain: what the story is talking about."""

    date: dt.date
    grain: str


@attrs.frozen
class Resolved:
    value: str
    grain: str | None = None
    interval: Interval | None = None
    point: Point | None = None


def _midnight(d: dt.date) -> dt.datetime:
    return dt.datetime(d.year, d.month, d.day)


def _shift(d: dt.date, unit: str, n: int) -> dt.date:
    if n == 0:
        return d
    if unit == "day":
        return d + dt.timedelta(days=n)
    if unit in ("week", "weekend"):
        return d + dt.timedelta(weeks=n)
    months = {"month": 1, "quarter": 3, "half": 6, "season": 3, "year": 12, "decade": 120, "century": 1200}.get(unit)
    if months is None:
        return d
    shifted: dt.date = d + relativedelta(months=months * n)
    return shifted


def _season_of(d: dt.date) -> tuple[int, str]:
    """The season a day is in, with the year it is named by (winter by the year it starts)."""
    md = (d.month, d.day)
    if md >= _SEASON_START["WI"]:
        return d.year, "WI"
    if md >= _SEASON_START["FA"]:
        return d.year, "FA"
    if md >= _SEASON_START["SU"]:
        return d.year, "SU"
    if md >= _SEASON_START["SP"]:
        return d.year, "SP"
    return d.year - 1, "WI"


def _month_after(first: dt.date, months: int) -> dt.date:
    """The first day of the month ``months`` after ``first`` (itself a first of the month)."""
    k = first.month - 1 + months
    y = first.year + k // 12
    return dt.date(y, k % 12 + 1, 1) if y <= 9999 else dt.date(9999, 12, 31)


def render(d: dt.date, grain: str, pod: str | None = None, hour: int = 0, minute: int = 0) -> Resolved:
    """The TIMEX3 value and interval of the ``grain``-sized period containing ``d``."""
    y = d.year
    if not 1 <= y <= 9999:
        raise ValueError("year out of range")
    if grain == "year":
        start, end = dt.date(y, 1, 1), dt.date(y + 1, 1, 1) if y < 9999 else dt.date(9999, 12, 31)
        value = f"{y:04d}"
    elif grain == "decade":
        y0 = y - y % 10
        start, end = dt.date(max(y0, 1), 1, 1), dt.date(min(y0 + 10, 9999), 1, 1)
        value = f"{y0 // 10:03d}"
    elif grain == "century":
        y0 = y - y % 100
        start, end = dt.date(max(y0, 1), 1, 1), dt.date(min(y0 + 100, 9999), 1, 1)
        value = f"{y0 // 100:02d}"
    elif grain == "quarter":
        q = (d.month - 1) // 3 + 1
        start = dt.date(y, 3 * q - 2, 1)
        end = _month_after(start, 3)
        value = f"{y:04d}-Q{q}"
    elif grain == "half":
        h = 1 if d.month <= 6 else 2
        start = dt.date(y, 6 * h - 5, 1)
        end = _month_after(start, 6)
        value = f"{y:04d}-H{h}"
    elif grain == "season":
        sy, s = _season_of(d)
        m0, d0 = _SEASON_START[s]
        start = dt.date(sy, m0, d0)
        nxt = _SEASON_ORDER[(_SEASON_ORDER.index(s) + 1) % 4]
        m1, d1 = _SEASON_START[nxt]
        end = dt.date(sy + 1 if s == "WI" else sy, m1, d1)
        value = f"{sy:04d}-{s}"
    elif grain == "month":
        start = dt.date(y, d.month, 1)
        end = _month_after(start, 1)
        value = f"{y:04d}-{d.month:02d}"
    elif grain in ("week", "weekend"):
        iy, iw, iwd = d.isocalendar()
        monday = d - dt.timedelta(days=iwd - 1)
        if grain == "week":
            start, end = monday, monday + dt.timedelta(days=7)
            value = f"{iy:04d}-W{iw:02d}"
        else:
            start, end = monday + dt.timedelta(days=5), monday + dt.timedelta(days=7)
            value = f"{iy:04d}-W{iw:02d}-WE"
    elif grain == "yearend":
        start, end = dt.date(y, 12, 31), dt.date(y, 12, 31) + dt.timedelta(days=1)
        return Resolved(start.isoformat(), "day", Interval(_midnight(start), _midnight(end)), Point(start, "day"))
    elif grain == "partofday":
        h0, h1 = _POD_HOURS[pod or "DT"]
        day0 = _midnight(d)
        iv = Interval(day0 + dt.timedelta(hours=h0), day0 + dt.timedelta(hours=h1))
        return Resolved(f"{d.isoformat()}T{pod}", "partofday", iv, Point(d, "partofday"))
    elif grain == "minute":
        at = _midnight(d) + dt.timedelta(hours=hour, minutes=minute)
        iv = Interval(at, at + dt.timedelta(minutes=1))
        return Resolved(f"{d.isoformat()}T{hour:02d}:{minute:02d}", "minute", iv,
                        Point(d, "minute"))
    else:  # day
        start, end = d, d + dt.timedelta(days=1)
        value = d.isoformat()
        grain = "day"
    return Resolved(value, grain, Interval(_midnight(start), _midnight(end)), Point(start, grain))


# A year before Christ is drawn on a stand-in calendar, the year 9000 + its astronomical number (1 BC is
# 9000, 490 BC is 8511), so that a history told in it counts days, seasons and years as any other; no
# time of our era that a text names comes near it. Its value is written back "BC0490", with no interval.
_BC_BASE: Final = 9000
# a year in a name ("Expo 2025") is the year of an edition this close to the publication
_EDITION_YEARS: Final = 2
_BC_FLOOR: Final = 5000


def real_year(d: dt.date) -> int:
    """The astronomical year of a point (0 is 1 BC, -489 is 490 BC)."""
    return d.year - _BC_BASE if d.year > _BC_FLOOR else d.year


def _before_christ(r: Resolved) -> Resolved:
    """A time resolved on the stand-in calendar, written as the TIMEX3 value of a year before Christ."""
    if r.point is None or r.point.date.year <= _BC_FLOOR:
        return r
    n = _BC_BASE + 1 - r.point.date.year
    if n < 1:
        raise ValueError("a year of our era counted from one before it")
    if r.grain == "decade":
        value = f"BC{n // 10:03d}"
    elif r.grain == "century":
        value = f"BC{n // 100:02d}"
    else:
        value = f"BC{n:04d}" + r.value[4:]
    return Resolved(value, r.grain, None, r.point)


def resolve(spec: Spec, ref: Reference, story: Point | None, tense: Tense,
            recent: Mapping[str, Point] | None = None, history: bool = False, told: bool = False,
            calendar: bool = True) -> Resolved:
    """Anchor one spec (`_resolve`); a year before Christ, or a time counted from one, is written as one.

    ``calendar``: in a history (``told``), whether times relative to the calendar count from the story
    too (not in news that turned to a history after naming recent times: only its months and seasons
    take the story's year)."""
    if spec.edition and spec.year is not None and abs(spec.year - ref.date.year) > _EDITION_YEARS:
        raise ValueError("a year in a name, far from the publication: part of the name")
    if spec.year is not None and spec.year < 1:
        if spec.year + _BC_BASE <= _BC_FLOOR:
            raise ValueError("year out of range")
        return _before_christ(_resolve(spec.with_(year=spec.year + _BC_BASE), ref, story, tense, recent, history,
                                       told, calendar))
    r = _resolve(spec, ref, story, tense, recent, history, told, calendar)
    if story is not None and story.date.year > _BC_FLOOR:
        return _before_christ(r)
    return r


def _resolve(spec: Spec, ref: Reference, story: Point | None, tense: Tense,
             recent: Mapping[str, Point] | None = None, history: bool = False, told: bool = False,
             calendar: bool = True) -> Resolved:
    """Anchor one spec. Raises ValueError when the calendar cannot hold it.

    ``story`` is the point the text last talked about; ``recent`` the last point
    named at a grain ("quarter": what "a year earlier" compares with in a results
    story; "day": what "the day before" counts from when the story has since
    moved to a week or a year). ``history`` says the text has named no time near
    the publication yet; ``told`` that the story is also years before it: a history
    is being told, a date without a year takes the story's year, and a time relative to
    the calendar ("this day", "next spring") counts from the story, not the publication.
    """
    recent = recent or {}
    if told and calendar and story is not None and not spec.deictic and (spec.anchor == "dct" or spec.direction is not None
                                                          or spec.weekday is not None):
        # the "now" of a history is the time it tells
        now = story.date
        last_day = recent.get("day")
        if _RANK.get(story.grain, 0) > _RANK["day"] and last_day is not None and last_day.date.year == now.year:
            now = last_day.date  # "this day" after "8 August 1918 ... that year": the day
        ref = Reference(dt.datetime(now.year, now.month, now.day), False)
    if spec.days_after:  # "a week from Monday": the day named, then so many days on
        named = _resolve(spec.with_(days_after=0), ref, story, tense, recent, history, told, calendar)
        if named.point is None or named.grain != "day":
            return named
        return render(named.point.date + dt.timedelta(days=spec.days_after), "day")
    if spec.value is not None:
        return Resolved(spec.value)
    dct = ref.date
    if spec.anchor is not None and spec.weekday is None:
        return _resolve_relative(spec, ref, story, tense, recent, history)
    direction = spec.direction or (None if tense == "present" else tense)
    if spec.weekday is not None and tense == "present" and not spec.direction:
        direction = "future"  # "the deadline is Friday": a weekday said in the present is ahead
    if spec.feast is not None:
        return _resolve_feast(spec.feast, spec.year, dct, direction)
    if spec.century is not None:
        return render(dt.date(max(spec.century * 100, 1), 1, 1), "century")
    if spec.decade is not None:
        return render(dt.date(max(spec.decade * 10, 1), 1, 1), "decade")
    y = spec.year
    if told and y is None and spec.direction is None and story is not None and spec.weekday is None \
            and (spec.month is not None or spec.season is not None or spec.quarter is not None or spec.half is not None):
        # a history told in the text: "In 1945 ... the capital fell on 2 May" is 1945, not this year
        y = story.date.year
        if spec.month is not None and story.grain in ("month", "day", "partofday", "minute") \
                and story.date.month - spec.month >= _ROLL_MONTHS:
            y += 1  # "in December 1941 ... in January": the story has moved on to the next year
    if spec.weekday is not None:
        if spec.anchor == "ref":  # "the previous Friday": the one before the day the story is on
            last_day = recent.get("day")
            return _resolve_weekday(spec, last_day.date if last_day is not None else dct, spec.direction)
        return _resolve_weekday(spec, dct, direction)
    if spec.day is not None and spec.month is None:  # "on the 16th": of this month, or the next or last one
        return _resolve_day_of_month(spec.day, dct, direction)
    if spec.month is not None and spec.day is not None:
        if y is None:
            y = _year_for(spec.month, spec.day, dct, direction)
            try:
                d = dt.date(y, spec.month, spec.day)
            except ValueError:
                return Resolved(f"XXXX-{spec.month:02d}-{spec.day:02d}")
            if spec.weekday_said is not None and d.isoweekday() != spec.weekday_said:
                # "Monday, July 5": the year next to it where July 5 is a Monday (none: the weekday is a slip)
                for other in (y + 1, y - 1) if direction == "future" else (y - 1, y + 1):
                    try:
                        if dt.date(other, spec.month, spec.day).isoweekday() == spec.weekday_said:
                            d = dt.date(other, spec.month, spec.day)
                            break
                    except ValueError:
                        continue
        else:
            try:
                d = dt.date(y, spec.month, spec.day)
            except ValueError:  # February 29, 2019: keep what is sure, not a guessed day
                return Resolved(f"{y:04d}-{spec.month:02d}-XX")
        if spec.hour is not None:
            return render(d, "minute", hour=spec.hour, minute=spec.minute or 0)
        if spec.pod is not None:
            return render(d, "partofday", pod=spec.pod)
        return render(d, "week" if spec.grain == "week" else "day")
    if spec.month is not None:
        if y is None:
            if direction == "same":
                y = dct.year
            elif spec.direction == "past":  # "last May": at least two months back
                y = dct.year if spec.month <= dct.month - 2 else dct.year - 1
            elif spec.direction == "future":  # "next May"
                y = dct.year if spec.month > dct.month else dct.year + 1
            else:
                y = _year_for(spec.month, None, dct, direction)
        return render(dt.date(y, spec.month, 1), "month")
    if spec.quarter is not None or spec.half is not None:
        size = 3 if spec.quarter is not None else 6
        k = spec.quarter if spec.quarter is not None else spec.half
        assert k is not None
        if y is None:
            y = dct.year
            start = dt.date(y, size * k - size + 1, 1)
            if tense == "past" and start > dct:
                y -= 1
        return render(dt.date(y, size * k - size + 1, 1), "quarter" if size == 3 else "half")
    if spec.season is not None:
        m0, d0 = _SEASON_START[spec.season]
        if y is None:
            y = dct.year
            if spec.season == "WI" and dct.month <= 3:
                y -= 1
            start = dt.date(y, m0, d0)
            cur_y, cur_s = _season_of(dct)
            if direction == "past" and (start > dct or (cur_y, cur_s) == (y, spec.season) and spec.direction):
                y -= 1
            elif direction == "future" and start <= dct:
                y += 1
        return render(dt.date(y, m0, d0), "season")
    if y is not None:
        return render(dt.date(y, 1, 1), "year")
    if spec.hour is not None:
        day = story.date if story is not None and story.grain in ("day", "partofday", "minute") else dct
        if tense == "past" and day > dct:
            day = dct  # "said at 11 a.m." after talk of tomorrow: the clock of the day it was said
        return render(day, "minute", hour=spec.hour, minute=spec.minute or 0)
    raise ValueError("nothing to resolve")


# a story this many years from the publication is a history: dates without a year take the story's
NARRATIVE_YEARS = 2
# in a history, a month this many months before the story's month is in the year after the story's
_ROLL_MONTHS = 6
_WHOLE_GRAINS = frozenset({"day", "week", "month", "quarter", "half", "year", "season", "decade", "century"})
# a past event in a later month than publication's ("rose in April" in March) is last year's; a
# past event on a day is last year's when the day is more than this many days after publication
# (a day or two ahead is a dateline in another zone or a slip, not a year back)
_PAST_FLIP_DAYS = 14


def _year_for(month: int, day: int | None, dct: dt.date, direction: str | None) -> int:
    """The year of a month (and day) written without one.

    The publication year, unless the tense points across the year boundary
    ("will pay on Jan. 2" in November, "passed on March 3" in January) or, with no
    tense, the date is seven months or more ahead or nine months or more behind.
    """
    y = dct.year
    here = (month, day or 1)
    now = (dct.month, dct.day if day else 1)
    if direction == "future" and here < now and dct.month - month >= 2:
        return y + 1
    if direction == "past" and here > now and (
            day is None or (dt.date(y, month, min(day, 28)) - dct).days > _PAST_FLIP_DAYS):
        return y - 1
    if direction is None and month - dct.month >= 7:
        return y - 1
    if direction is None and dct.month - month >= 9:
        return y + 1
    return y


def _resolve_day_of_month(day: int, dct: dt.date, direction: str | None) -> Resolved:
    y, m = dct.year, dct.month
    if direction == "future" and day < dct.day:
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    elif direction == "past" and day > dct.day:
        y, m = (y - 1, 12) if m == 1 else (y, m - 1)
    try:
        return render(dt.date(y, m, day), "day")
    except ValueError:  # "the 31st" of a 30-day month: keep what is sure
        return Resolved(f"XXXX-XX-{day:02d}")


def _feast_date(name: str, year: int) -> dt.date:
    base, days = MOVEABLE_FEASTS[name]
    if base == "easter":
        d: dt.date = easter(year)
    else:  # the fourth Thursday of November
        first = dt.date(year, 11, 1)
        d = first + dt.timedelta(days=(3 - first.weekday()) % 7 + 21)
    return d + dt.timedelta(days=days)


def _resolve_feast(name: str, year: int | None, dct: dt.date, direction: str | None) -> Resolved:
    """A moveable feast in the year given, or the year the tense and distance make likely."""
    if year is None:
        near = _feast_date(name, dct.year)
        year = _year_for(near.month, near.day, dct, direction)
    if not 1 <= year <= 9999:
        raise ValueError("year out of range")
    return render(_feast_date(name, year), "day")


def _resolve_weekday(spec: Spec, dct: dt.date, direction: str | None) -> Resolved:
    """The weekday nearest ``dct`` (the publication, or the story's day) the direction allows."""
    wd = spec.weekday
    assert wd is not None
    delta = wd - dct.isoweekday()
    if delta == 0 and not spec.direction:
        d = dct
    elif direction == "past":
        d = dct + dt.timedelta(days=delta if delta < 0 else delta - 7)
    elif direction == "future":
        d = dct + dt.timedelta(days=delta if delta > 0 else delta + 7)
    elif direction == "same":
        d = dct + dt.timedelta(days=delta)
    else:  # news reports: a weekday with no other cue is the last one
        d = dct + dt.timedelta(days=delta if delta < 0 else delta - 7)
    if spec.hour is not None:
        return render(d, "minute", hour=spec.hour, minute=spec.minute or 0)
    if spec.pod is not None:
        return render(d, "partofday", pod=spec.pod)
    return render(d, "week" if spec.grain == "week" else "day")


# the value of a date known only to its grain
_UNKNOWN_AT: Final = {"day": "XXXX-XX-XX", "week": "XXXX-WXX", "month": "XXXX-XX", "quarter": "XXXX-QX",
                      "year": "XXXX", "decade": "XXX", "century": "XX"}


def _resolve_relative(spec: Spec, ref: Reference, story: Point | None, tense: Tense,
                      recent: Mapping[str, Point], history: bool = False) -> Resolved:
    last_quarter = recent.get("quarter")
    reported = recent.get("reported")  # the last quarter named that had ended by publication
    if spec.grain == "story":  # "until then": the time the story is at, as precisely as it was named
        if story is None:
            return Resolved("PAST_REF")
        return render(story.date, story.grain if story.grain in _WHOLE_GRAINS else "day")
    unit = spec.unit or "day"
    grain = spec.grain
    n = spec.shift
    if spec.year is not None:  # "the 1988 period": the story's quarter in that year, or the year
        if story is not None and story.grain == "quarter":
            return render(dt.date(spec.year, story.date.month, 1), "quarter")
        if last_quarter is not None and spec.grain == "quarter":
            return render(dt.date(spec.year, last_quarter.date.month, 1), "quarter")
        return render(dt.date(spec.year, 1, 1), "year")
    if spec.anchor == "ref" and spec.grain == "quarter" and unit == "year" and (reported or last_quarter) is not None:
        # "the year-ago period": the last quarter reported on (not one forecast), a year before
        base, base_grain = (reported or last_quarter).date, "quarter"  # type: ignore[union-attr]
    elif spec.anchor == "ref" and story is not None:
        base, base_grain = story.date, story.grain
        if unit == "day" and _RANK.get(base_grain, 0) > _RANK["day"] and "day" in recent:
            base, base_grain = recent["day"].date, "day"  # "the day before" counts from a day
        elif unit in _RANK and _RANK.get(base_grain, 0) > _RANK[unit] and not history:
            # "the end of the month" after talk of 2019: the story names no month, the publication does
            base, base_grain = (recent["day"].date, "day") if "day" in recent else (ref.date, "day")
    else:
        if spec.anchor == "ref" and n > 0 and tense == "past" and spec.grain is None and unit in _UNKNOWN_AT:
            # "Nearly 40 years later, the case was reopened", nothing named before: later than an
            # event the text does not date, and in the past, so not publication + 40 years
            return Resolved(_UNKNOWN_AT[unit])
        base, base_grain = ref.date, "day"
    if unit in ("second", "minute", "hour"):
        if not ref.has_time:
            return render(ref.date, "day")
        when = ref.when + dt.timedelta(**{unit + "s": n})
        return render(when.date(), "minute", hour=when.hour, minute=when.minute)
    if grain is None and unit == "year" and n < 0:
        # "a year earlier" in a story about the third quarter means that quarter a year before
        if story is not None and story.grain == "quarter" and (reported is None or story.date <= ref.date):
            return render(_shift(story.date, "year", n), "quarter")
        if reported is not None and abs((reported.date - ref.date).days) < 366:
            return render(_shift(reported.date, "year", n), "quarter")
        if last_quarter is not None and abs((last_quarter.date - ref.date).days) < 366:
            return render(_shift(last_quarter.date, "year", n), "quarter")
    if grain is None:
        grain = unit
    if spec.quarter is not None and unit == "year":  # "next year's first quarter"
        y = _shift(base, "year", n).year
        return render(dt.date(y, 3 * spec.quarter - 2, 1), "quarter")
    if spec.half is not None and unit == "year":  # "the second half of next year"
        y = _shift(base, "year", n).year
        return render(dt.date(y, 6 * spec.half - 5, 1), "half")
    if spec.season is not None and unit == "year":  # "the spring of next year"
        y = _shift(base, "year", n).year
        m0, d0 = _SEASON_START[spec.season]
        return render(dt.date(y, m0, d0), "season")
    if spec.month is not None and spec.day is not None and unit == "year":  # "June 9 last year"
        y = _shift(base, "year", n).year
        try:
            return render(dt.date(y, spec.month, spec.day), "day")
        except ValueError:  # "February 29 last year" in a common year: keep what is sure
            return Resolved(f"{y:04d}-{spec.month:02d}-XX")
    if spec.month is not None and unit == "year":  # "June last year"
        y = _shift(base, "year", n).year
        return render(dt.date(y, spec.month, 1), "month")
    if grain == "weekend" and n == 0:  # "the weekend": the one just gone, unless the sentence looks ahead
        wd = base.isoweekday()
        if tense in ("future", "present") or (tense is None and wd in (4, 5)):
            # said in the present, or with no tense on a Thursday or a Friday: the weekend ahead
            d = base if wd <= 5 else base + dt.timedelta(days=7 if spec.direction == "future" else 0)
        else:
            d = base if wd >= 6 else base - dt.timedelta(days=7)
        return render(d, "weekend")
    if unit == "quarter" and n == 0 and spec.anchor == "ref" and (story is None or story.grain not in (
            "quarter", "month", "day")):
        # "the quarter" with nothing before it: the last quarter reported on
        base = _shift(ref.date, "quarter", -1)
    d = _shift(base, unit, n)
    if spec.hour is not None:
        return render(d, "minute", hour=spec.hour, minute=spec.minute or 0)
    if grain == "partofday":
        return render(d, "partofday", pod=spec.pod)
    return render(d, grain)
