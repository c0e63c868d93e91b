"""Steps after matching that apply to every rule alike.

* Modifiers written before an expression widen it and set its TIMEX3 ``mod``:
  "late Saturday" (END), "mid-November" (MID), "the end of 1990" (END),
  "earlier this year" (START), "about two weeks" (APPROX), "more than a year".
* A day and a clock time written together become one TIME:
  "Sunday at 5:00 pm", "5 p.m. Sunday", "tomorrow at noon".
* A weekday in front of a date joins it: "Friday, Jan. 3".
"""

from __future__ import annotations

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
    (("mid", "-"), "MID"), (("early", "-"), "START"), (("late", "-"), "END"),
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


def apply_modifiers(toks: Tokens, cands: list[Candidate]) -> None:
    """Widen candidates over the modifier words just before them (in place)."""
    prev_end = -1  # a modifier may not reach into the candidate before
    for c in cands:
        first = c.first
        ref = c.spec.value is not None and c.spec.value.endswith("_REF")  # "talk about the future": no modifier
        if c.spec.type == "SET" or ref or first == 0 or toks.lower(first - 1) not in _LAST_WORDS:
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


def join_day_and_time(toks: Tokens, cands: list[Candidate]) -> list[Candidate]:
    """Merge "Sunday at 5:00 pm" and "5 p.m. Sunday" into one TIME candidate."""
    if len(cands) < 2:
        return cands
    out: list[Candidate] = []
    i = 0
    while i < len(cands):
        a = cands[i]
        if i + 1 < len(cands) and cands[i + 1].first - a.last <= 3:  # at most two words between
            b = cands[i + 1]
            between = tuple(toks.lower(k) for k in range(a.last + 1, b.first))
            if between == ("of",) and _is_story_pod(a.spec) and _is_day(b.spec) and b.spec.anchor is None:
                # "the morning of 6 June 1944", "the night of April 14": that part of that day
                out.append(Candidate(a.first, b.last, b.spec.with_(type="TIME", pod=a.spec.pod), f"{a.rule}+{b.rule}"))
                i += 2
                continue
            if between in (("of",), ("ending",), ("ended",)) and _is_story_week(a.spec) and _is_day(b.spec) \
                    and (b.spec.day is not None or b.spec.weekday is not None) \
                    and b.spec.anchor is None:
                # "the week of Jan. 13", "the week ending Jan. 9": the week that holds that day
                out.append(Candidate(a.first, b.last, b.spec.with_(grain="week"), f"{a.rule}+{b.rule}"))
                i += 2
                continue
            if between == ("of",) and (a.spec.quarter is not None or a.spec.half is not None) and a.spec.year is None \
                    and a.spec.anchor is None and b.spec.anchor == "dct" and b.spec.unit == "year" \
                    and b.spec.grain == "year" and b.spec.mod is None:
                # "the second half of next year": that half of that year
                out.append(Candidate(a.first, b.last, b.spec.with_(quarter=a.spec.quarter, half=a.spec.half,
                                                                   mod=a.spec.mod), f"{a.rule}+{b.rule}"))
                i += 2
                continue
            if between == () and a.rule == "year-ago-adjective" and a.spec.grain is None and b.spec.quarter is not None \
                    and b.spec.year is None and b.spec.anchor is None:
                # "the year-ago third quarter": that quarter a year before
                first = a.first - 1 if a.first > 0 and toks.lower(a.first - 1) == "the" else a.first
                out.append(Candidate(first, b.last, Spec(anchor="dct", unit="year", shift=-1, quarter=b.spec.quarter,
                                                         grain="quarter", moves_story=False), f"{a.rule}+{b.rule}"))
                i += 2
                continue
            if between == () and a.rule == "year-ago-adjective" and a.spec.grain is None and b.spec.type == "DURATION" \
                    and b.spec.value is not None:
                # "the year-earlier nine months": that span, a year before; its value is its length
                first = a.first - 1 if a.first > 0 and toks.lower(a.first - 1) == "the" else a.first
                out.append(Candidate(first, b.last, b.spec.with_(trim=0), f"{a.rule}+{b.rule}"))
                i += 2
                continue
            if between == () and _is_story_pod(a.spec) and _is_day(b.spec):
                # "mid-afternoon yesterday", "late morning Tuesday": that part of that day
                grain = "partofday" if b.spec.anchor is not None else b.spec.grain
                out.append(Candidate(a.first, b.last, b.spec.with_(type="TIME", pod=a.spec.pod, mod=a.spec.mod, grain=grain),
                                     f"{a.rule}+{b.rule}"))
                i += 2
                continue
            if between in (("of",), ("of", "the")) and a.spec.half is not None and a.spec.year is None and a.spec.anchor is None \
                    and (b.spec.decade is not None or b.spec.century is not None):
                # "the last half of the '80s": the decade, its second half told by the mod
                out.append(Candidate(a.first, b.last, b.spec.with_(mod="START" if a.spec.half == 1 else "END"),
                                     f"{a.rule}+{b.rule}"))
                i += 2
                continue
            if between in _JOIN_DAY_TIME:
                merged = _merge(a, b)
                if merged is not None:
                    out.append(merged)
                    i += 2
                    continue
        out.append(a)
        i += 1
    return out


def _merge(a: Candidate, b: Candidate) -> Candidate | None:
    if _is_day(a.spec) and _is_bare_clock(b.spec):
        day, clock = a.spec, b.spec
    elif _is_bare_clock(a.spec) and _is_day(b.spec):
        day, clock = b.spec, a.spec
    elif a.spec.weekday is not None and a.spec.type == "DATE" and b.spec.day is not None and b.spec.month is not None \
            and b.spec.weekday is None:
        return Candidate(a.first, b.last, b.spec, b.rule)
    else:
        return None
    spec = day.with_(type="TIME", hour=clock.hour, minute=clock.minute, zone=clock.zone,
                     grain="minute" if day.anchor is not None else None)
    return Candidate(a.first, b.last, spec, f"{a.rule}+{b.rule}")
