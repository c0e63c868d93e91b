"""Steps after matching that apply to every rule alike.

* Modifiers written before an expression widen it and set its TIMEX3 ``mod``:
  "late Saturday" (END), "mid-November" (MID), "the end of 1990" (END),
  "earlier this year" (START), "about two weeks" (APPROX), "more than a year".
* Neighbours that are one expression join (`JOINS`, data with examples): a day and
  a clock time ("Sunday at 5:00 pm", "5 p.m. Sunday"), a weekday in front of its date
  ("Friday, Jan. 3"), "the morning of June 6", "the week of Jan. 13", "the second half
  of next year", "the year-ago third quarter", "the last half of the '80s".
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from typing import Final

import attrs

from timeline.tagger.spec import Spec
from timeline.tagger.tokens import Tokens


@attrs.define
class Candidate:
    first: int  # first token
    last: int  # last token (inclusive)
    spec: Spec
    rule: str


# (token words before the expression, mod); longest first. Only for calendar expressions.
POSITION_PREFIXES: Final[tuple[tuple[tuple[str, ...], str], ...]] = (
    (("the", "end", "of", "the"), "END"), (("the", "beginning", "of", "the"), "START"),
    (("the", "start", "of", "the"), "START"), (("the", "middle", "of", "the"), "MID"),
    (("the", "end", "of"), "END"), (("the", "beginning", "of"), "START"), (("the", "start", "of"), "START"),
    (("the", "middle", "of"), "MID"), (("the", "close", "of"), "END"), (("end", "of"), "END"),
    (("the", "early"), "START"), (("the", "late"), "END"), (("the", "mid", "-"), "MID"), (("the", "mid"), "MID"),
    (("around",), "APPROX"), (("about",), "APPROX"), (("approximately",), "APPROX"),
    (("earlier", "in"), "START"), (("later", "in"), "END"),
    (("early", "in"), "START"), (("late", "in"), "END"), (("earlier",), "START"), (("later",), "END"),
    (("mid", "-"), "MID"), (("early", "-"), "START"), (("late", "-"), "END"), (("end", "-"), "END"),
    (("early",), "START"), (("late",), "END"), (("mid",), "MID"),
)
# before a duration (or "two weeks ago")
QUANTITY_PREFIXES: Final[tuple[tuple[tuple[str, ...], str], ...]] = (
    (("no", "more", "than"), "EQUAL_OR_LESS"), (("more", "than"), "MORE_THAN"), (("less", "than"), "LESS_THAN"), (("fewer", "than"), "LESS_THAN"),
    (("at", "least"), "EQUAL_OR_MORE"), (("at", "most"), "EQUAL_OR_LESS"), (("up", "to"), "EQUAL_OR_LESS"),
    (("nearly",), "LESS_THAN"), (("almost",), "LESS_THAN"),
    (("about",), "APPROX"), (("around",), "APPROX"), (("approximately",), "APPROX"), (("roughly",), "APPROX"),
    (("some",), "APPROX"),
)
_JOIN_DAY_TIME: Final = ((), ("at",), (",",), (",", "at"), ("on",), (",", "on"))
_DAY_FIELDS: Final = ("weekday", "day")


def _is_calendar(spec: Spec) -> bool:
    return spec.type in ("DATE", "TIME") and (spec.value is None or spec.value.endswith("_REF"))


def _is_day(spec: Spec) -> bool:
    """A whole day with no clock time: "Sunday", "Jan. 5", "tomorrow"."""
    if spec.type != "DATE" or spec.value is not None or spec.hour is not None or spec.pod is not None:
        return False
    if spec.anchor is not None:
        return spec.unit == "day" and spec.grain == "day"
    return spec.weekday is not None or spec.day is not None


def _is_story_pod(spec: Spec) -> bool:
    """"the morning", "the night": a part of the day the story is on."""
    return spec.type == "TIME" and spec.pod is not None and spec.anchor == "ref" and spec.shift == 0 \
        and spec.hour is None


def _is_story_week(spec: Spec) -> bool:
    """"the week": the week the story is in."""
    return spec.anchor == "ref" and spec.unit == "week" and spec.shift == 0 and spec.grain == "week"


def _is_bare_clock(spec: Spec) -> bool:
    return spec.type == "TIME" and spec.hour is not None and spec.day is None and spec.weekday is None \
        and spec.anchor is None


_POSITION = dict(POSITION_PREFIXES)
_QUANTITY = dict(QUANTITY_PREFIXES)
_LONGEST = max(len(w) for w, _ in POSITION_PREFIXES + QUANTITY_PREFIXES)
# the last word of every prefix: a candidate whose previous token is none of these has no modifier
_LAST_WORDS = frozenset(w[-1] for w, _ in POSITION_PREFIXES + QUANTITY_PREFIXES)


def _possessive(toks: Tokens, last: int) -> bool:
    """Whether the time ending at token ``last`` is a possessive ("Wednesday's ruling")."""
    return last + 2 < len(toks) and toks.lower(last + 1) == "'" and toks.lower(last + 2) == "s"


def apply_modifiers(toks: Tokens, cands: list[Candidate]) -> None:
    """Widen candidates over the modifier words just before them (in place)."""
    prev_end = -1  # a modifier may not reach into the candidate before
    for c in cands:
        first = c.first
        ref = c.spec.value is not None and c.spec.value.endswith("_REF")  # "talk about the future": no modifier
        if c.spec.type == "SET" or ref or first == 0 or toks.lower(first - 1) not in _LAST_WORDS \
                or _possessive(toks, c.last):
            # "get around Wednesday's ruling": "around" goes with the verb, not with the day of the ruling
            prev_end = c.last
            continue
        # a count of units from an anchor ("two weeks ago": the shift leaves the grain open)
        # takes quantity modifiers ("about two weeks ago"), other dates position ones
        counted = c.spec.anchor is not None and c.spec.grain is None
        table = _POSITION if _is_calendar(c.spec) and not counted else _QUANTITY
        lo = max(prev_end + 1, first - _LONGEST)
        before = tuple(toks.lower(i) for i in range(lo, first))
        for k in range(len(before), 0, -1):
            mod = table.get(before[-k:])
            if mod is not None:
                c.first -= k
                c.spec = c.spec.with_(mod=mod)
                break
        prev_end = c.last


def quarter_ended(toks: Tokens, cands: list[Candidate]) -> None:
    """'the quarter ended July 31': the quarter is the one that date closes (in place)."""
    for a, b in zip(cands, cands[1:]):
        # a quarter named without its number ("the quarter", "the latest period"), then a closing date
        if a.spec.unit != "quarter" or a.spec.anchor is None or b.spec.month is None or b.spec.day is None:
            continue
        if b.first - a.last == 2 and toks.lower(a.last + 1) in ("ended", "ending"):
            # the calendar quarter holding most of the three months before the closing date
            month = b.spec.month - 1 if b.spec.day < 15 else b.spec.month
            q = ((month - 2) % 12) // 3 + 1  # the middle month of the three
            a.spec = Spec(quarter=q, year=b.spec.year, mod=a.spec.mod)


_PAREN_TO_DAY: Final = frozenset({(")",), (")", "on"), (")", ",", "on"), (")", ",")})


def clocks_before_a_day(toks: Tokens, cands: list[Candidate]) -> None:
    """'at 7 p.m. (1600 GMT) on Sunday': both clock times are on the day after them (in place).

    Wire copy gives a clock time with its GMT twin in brackets, then the day; the day
    cannot join the first clock across the brackets, so the first takes it here, and the
    twin the same day or the one next to it, as the zone offset between them says
    ("2 a.m. (2300 GMT) Tuesday": 2300 on Monday)."""
    for a, b, c in zip(cands, cands[1:], cands[2:]):
        if not (_is_bare_clock(a.spec) and _is_bare_clock(b.spec) and _is_day(c.spec)):
            continue
        if b.first != a.last + 2 or toks.lower(a.last + 1) != "(":
            continue
        if tuple(toks.lower(k) for k in range(b.last + 1, c.first)) not in _PAREN_TO_DAY:
            continue
        a.spec = _day_at_clock(c.spec, a.spec)
        ha, hb = a.spec.hour or 0, b.spec.hour or 0
        # local = twin + offset, the offset within UTC-12..UTC+14: which day the twin is on
        delta = next((d for d in (0, -1, 1) if -12 <= ha - hb - 24 * d <= 14), None)
        if delta is not None:
            b.spec = b.spec.with_(anchor="ref", unit="day", shift=delta, grain="minute", moves_story=False)


# ------------------------------------------------------------ joins of two neighbours

@attrs.frozen
class Join:
    """Two neighbouring candidates that are one expression, as data (examples run in tests/test_rules.py).

    ``between``: the words allowed between them; ``fits(a, b)``: whether their specs go
    together; ``spec(a, b)``: the spec of the whole; ``article``: whether a "the" just
    before ``a`` belongs to the whole ("the year-ago third quarter").
    """

    name: str
    between: frozenset[tuple[str, ...]]
    fits: Callable[[Spec, Spec], bool]
    spec: Callable[[Spec, Spec], Spec]
    examples: Mapping[str, Sequence[str]]
    article: bool = False


def _is_year_ago(spec: Spec) -> bool:
    """"year-ago", "year-earlier" used as an adjective: a year before, no grain of its own."""
    return spec.anchor == "ref" and spec.unit == "year" and spec.shift == -1 and spec.grain is None \
        and not spec.moves_story


def _a_day_and_a_clock(a: Spec, b: Spec) -> bool:
    return (_is_day(a) and _is_bare_clock(b)) or (_is_bare_clock(a) and _is_day(b))


def _is_day_part(spec: Spec) -> bool:
    """A part of a named day: "this afternoon", "tonight", "Friday night"."""
    return spec.type == "TIME" and spec.pod is not None and spec.hour is None and spec.value is None and (
        (spec.anchor is not None and spec.unit == "day") or spec.weekday is not None or spec.day is not None)


def _a_day_part_and_a_clock(a: Spec, b: Spec) -> bool:
    return (_is_day_part(a) and _is_bare_clock(b)) or (_is_bare_clock(a) and _is_day_part(b))


def _day_part_at_clock(a: Spec, b: Spec) -> Spec:
    """"3:30 this afternoon" is 15:30: a clock time under twelve in the afternoon, the evening or
    (from six to twelve) the night is after noon."""
    part, clock = (a, b) if _is_day_part(a) else (b, a)
    hour = clock.hour or 0
    if (part.pod in ("AF", "EV") and hour < 12) or (part.pod == "NI" and 6 <= hour <= 12):
        hour += 12  # "12 tonight" is midnight, T24:00
    return part.with_(type="TIME", hour=hour, minute=clock.minute, zone=clock.zone, pod=None,
                      grain="minute" if part.anchor is not None else None)


def _day_at_clock(a: Spec, b: Spec) -> Spec:
    day, clock = (a, b) if _is_day(a) else (b, a)
    return day.with_(type="TIME", hour=clock.hour, minute=clock.minute, zone=clock.zone,
                     grain="minute" if day.anchor is not None else None)


_DAYS_COUNT = re.compile(r"P(\d+)([DW])")


def _days_from(a: Spec, b: Spec) -> bool:
    """A count of days or weeks, then a day: "a week from Monday", "ten days from today"."""
    return a.type == "DURATION" and a.mod is None and a.value is not None \
        and _DAYS_COUNT.fullmatch(a.value) is not None and _is_day(b)


def _days_after(a: Spec, b: Spec) -> Spec:
    m = _DAYS_COUNT.fullmatch(a.value or "")
    assert m is not None
    return b.with_(days_after=int(m.group(1)) * (7 if m.group(2) == "W" else 1))


def _part_and_year(a: Spec, b: Spec) -> bool:
    """A quarter or half with no year and a bare year, in either order ("fiscal 2020's first quarter")."""
    part, year = (a, b) if a.quarter is not None or a.half is not None else (b, a)
    return (part.quarter is not None or part.half is not None) and part.year is None and part.anchor is None \
        and year.year is not None and year.month is None and year.quarter is None and year.half is None \
        and year.anchor is None and year.value is None and year.weekday is None


def _part_of_year(a: Spec, b: Spec) -> Spec:
    part, year = (a, b) if a.quarter is not None or a.half is not None else (b, a)
    return part.with_(year=year.year)


_OF = frozenset({("of",)})
_NOTHING = frozenset({()})

JOINS: Final[tuple[Join, ...]] = (
    Join("pod-of-day", _OF, lambda a, b: _is_story_pod(a) and _is_day(b) and b.anchor is None,
         lambda a, b: b.with_(type="TIME", pod=a.pod),
         {"1944-06-06TMO": ["the morning of June 6, 1944"], "2020-01-03TNI": ["the night of Friday"]}),
    Join("week-of-day", frozenset({("of",), ("ending",), ("ended",)}),
         lambda a, b: _is_story_week(a) and _is_day(b) and b.anchor is None,
         lambda a, b: b.with_(grain="week"), {"2020-W03": ["the week of Jan. 13"], "2020-W02": ["the week ending Jan. 9"]}),
    Join("part-of-relative-year", _OF,
         lambda a, b: (a.quarter is not None or a.half is not None) and a.year is None and a.anchor is None
         and b.anchor == "dct" and b.unit == "year" and b.grain == "year" and b.mod is None,
         lambda a, b: b.with_(quarter=a.quarter, half=a.half, mod=a.mod),
         {"2021-H2": ["the second half of next year"], "2019-Q1": ["the first quarter of last year"]}),
    Join("season-of-relative-year", _OF,
         lambda a, b: a.season not in (None, "WI") and a.year is None and a.anchor is None and a.direction is None
         and b.anchor == "dct" and b.unit == "year" and b.grain == "year" and b.mod is None,
         lambda a, b: b.with_(season=a.season, mod=a.mod),
         # not winter: which year names it ("the winter of last year" in March) is a guess
         {"2021-SP": ["the spring of next year"], "2019-SU": ["the summer of last year"]}),
    Join("unit-of", _OF, lambda a, b: a.anchor == "ref" and a.shift == 0 and a.grain in ("month", "year")
         and b.anchor is None and b.value is None and b.day is None and b.weekday is None
         and (b.month is not None if a.grain == "month" else b.year is not None and b.month is None
              and b.quarter is None and b.half is None),
         lambda a, b: b, {"2020-03": ["the month of March"], "1999": ["the year of 1999"]}),
    Join("part-of-year", frozenset({("of",), ("'", "s")}), _part_and_year, _part_of_year,
         {"2019-Q4": ["the fourth quarter of fiscal 2019"], "2020-Q1": ["fiscal 2020's first quarter"]}),
    Join("year-ago-quarter", _NOTHING,
         lambda a, b: _is_year_ago(a) and b.quarter is not None and b.year is None and b.anchor is None,
         lambda a, b: Spec(anchor="dct", unit="year", shift=-1, quarter=b.quarter, grain="quarter", moves_story=False),
         {"2019-Q3": ["the year-ago third quarter", "the year-earlier third quarter"]}, article=True),
    Join("year-ago-span", _NOTHING,
         lambda a, b: _is_year_ago(a) and b.type == "DURATION" and b.value is not None,
         lambda a, b: b.with_(trim=0), {"P9M": ["the year-earlier nine months"]}, article=True),
    Join("pod-day", _NOTHING, lambda a, b: _is_story_pod(a) and _is_day(b),
         lambda a, b: b.with_(type="TIME", pod=a.pod, mod=a.mod, grain="partofday" if b.anchor is not None else b.grain),
         {"2020-01-04TAF": ["mid-afternoon yesterday"]}),
    Join("half-of-decade", frozenset({("of",), ("of", "the")}),
         lambda a, b: a.half is not None and a.year is None and a.anchor is None
         and (b.decade is not None or b.century is not None or (b.anchor == "ref" and b.unit == "decade")),
         lambda a, b: b.with_(mod="START" if a.half == 1 else "END"),
         {"198": ["the last half of the '80s"], "19": ["the first half of the 20th century"],
          "202": ["the first half of the decade"]}),
    Join("count-from-day", frozenset({("from",)}), _days_from, _days_after,
         {"2020-01-12": ["a week from today"], "2020-01-16": ["ten days from tomorrow"]}),
    Join("day-part-and-clock", frozenset(_JOIN_DAY_TIME), _a_day_part_and_a_clock, _day_part_at_clock,
         {"2020-01-05T15:30": ["3:30 this afternoon"], "2020-01-05T23:00": ["11pm tonight"],
          "2020-01-03T23:00": ["11pm on Friday night"], "2020-01-05T09:00": ["this morning at 9"]}),
    Join("day-and-clock", frozenset(_JOIN_DAY_TIME), _a_day_and_a_clock, _day_at_clock,
         {"2020-01-05T17:00": ["Sunday at 5:00 pm", "5 p.m. Sunday"], "2020-01-06T12:00": ["tomorrow at noon"]}),
    Join("weekday-date", frozenset(_JOIN_DAY_TIME),
         lambda a, b: a.weekday is not None and a.type == "DATE" and b.day is not None and b.month is not None
         and b.weekday is None,
         lambda a, b: b.with_(weekday_said=a.weekday), {"2020-01-03": ["Friday, Jan. 3"]}),
)


def join_adjacent(toks: Tokens, cands: list[Candidate]) -> list[Candidate]:
    """Merge neighbours that are one expression (`JOINS`): "Sunday at 5:00 pm", "the week of Jan. 13"."""
    if len(cands) < 2:
        return cands
    out: list[Candidate] = []
    i, n = 0, len(cands)
    while i < n:
        a = cands[i]
        if i + 1 < n and cands[i + 1].first - a.last <= 3:  # at most two words between
            b = cands[i + 1]
            between = tuple(toks.lower(k) for k in range(a.last + 1, b.first))
            for join in JOINS:
                if between in join.between and join.fits(a.spec, b.spec):
                    first = a.first
                    if join.article and first > 0 and toks.lower(first - 1) == "the":
                        first -= 1
                    rule = b.rule if join.name == "weekday-date" else f"{a.rule}+{b.rule}"
                    out.append(Candidate(first, b.last, join.spec(a.spec, b.spec), rule))
                    i += 2
                    break
            else:
                out.append(a)
                i += 1
            continue
        out.append(a)
        i += 1
    return out
