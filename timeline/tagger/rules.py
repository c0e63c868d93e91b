"""The rules: each a name, a pattern over tokens, a production and its examples.

A production reads the tokens the pattern captured and returns a `Spec` (an
unanchored time) or ``None`` to reject the match. Examples map the value a rule
must give, for a text published on Sunday 2020-01-05 with no other context, to
phrases that must give it; `tests/test_rules.py` runs every one of them.
Phrases in `NEGATIVE` must produce nothing.

Rules are tried all at once; where matches overlap the longest wins, then the
one listed first. Modifiers ("late", "early", "the end of", "about") and the
joining of a day with a clock time ("Sunday at 5:00 pm") are done after
matching, in `timeline.tagger.compose`, for every rule alike.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping, Sequence
from typing import Final

import attrs

from timeline.tagger import lexicon as lx
from timeline.tagger.context import tense_at
from timeline.tagger.spec import Anchor, Spec
from timeline.tagger.tokens import CAPWORD_TAG, WORD_TAG, Tokens, compile_pattern, first_tags

_MONTH_OF = {f: n for n, forms in lx.MONTHS for f in forms}
_WEEKDAY_OF = {f: n for n, forms in lx.WEEKDAYS for f in forms}


class Hit:
    """The tokens one match of a rule covers, read by name."""

    __slots__ = ("toks", "m", "base")

    def __init__(self, toks: Tokens, m: re.Match[str], base: int = 0) -> None:
        self.toks = toks
        self.m = m
        self.base = base

    def has(self, name: str) -> bool:
        """Whether the pattern captured ``name`` (a production may serve rules without that group)."""
        return name in self.m.re.groupindex and self.m.start(name) >= 0

    def words(self, name: str | None = None) -> list[str]:
        if name is not None and not self.has(name):
            return []
        a, b = self.m.span(name) if name else self.m.span()
        if a < 0:
            return []
        return [self.toks.lower(i) for i in range(self.base + a, self.base + b)]

    def word(self, name: str) -> str:
        """The first token captured under ``name``, lower-cased ('' if absent)."""
        a = self.m.start(name) if name in self.m.re.groupindex else -1
        return self.toks.lower(self.base + a) if a >= 0 else ""

    def prev(self) -> str:
        """The token before the match, lower-cased ('' at the start)."""
        i = self.base + self.m.start() - 1
        return self.toks.lower(i) if i >= 0 else ""

    def before(self, k: int) -> list[str]:
        """Up to ``k`` tokens before the match, lower-cased, nearest last; stops at a sentence end."""
        out: list[str] = []
        i = self.base + self.m.start() - 1
        while i >= 0 and len(out) < k and self.toks.tags[i] not in ".;|":
            out.append(self.toks.lower(i))
            i -= 1
        out.reverse()
        return out

    def next_tag(self) -> str:
        """The tag of the token after the match ('' at the end)."""
        i = self.base + self.m.end()
        return self.toks.tags[i] if i < len(self.toks) else ""

    def after(self, k: int) -> list[str]:
        """Up to ``k`` tokens after the match, lower-cased."""
        i = self.base + self.m.end()
        return [self.toks.lower(j) for j in range(i, min(i + k, len(self.toks)))]

    def at_boundary(self) -> bool:
        """Whether the match ends a clause (punctuation or the end of the text follows)."""
        i = self.base + self.m.end()
        return i >= len(self.toks) or self.toks.tags[i] in ".,;|\")"

    def text(self, name: str) -> str:
        """The text the tokens captured under ``name`` cover, as written ('' if absent)."""
        if not self.has(name):
            return ""
        a, b = self.m.span(name)
        toks = self.toks
        return toks.text[toks.starts[self.base + a] : toks.ends[self.base + b - 1]]

    def prev_raw(self) -> str:
        """The token before the match as written ('' at the start or after punctuation)."""
        i = self.base + self.m.start() - 1
        if i < 0 or self.toks.tags[i] in ".,;|\"(-":
            return ""
        return self.toks.word(i)

    def raw(self, name: str) -> str:
        a = self.m.start(name) if name in self.m.re.groupindex else -1
        return self.toks.word(self.base + a) if a >= 0 else ""


Production = Callable[[Hit], "Spec | None"]


@attrs.frozen
class Rule:
    name: str
    pattern: str
    produce: Production = attrs.field(repr=False)
    examples: Mapping[str, Sequence[str]] = attrs.field(factory=dict, repr=False)
    regex: re.Pattern[str] = attrs.field(init=False, repr=False, eq=False)
    #: the tags a match can start with: a text with none of them is not searched
    first: frozenset[str] = attrs.field(init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        first = first_tags(self.pattern)
        regex = compile_pattern(self.pattern, rule=self.name)
        # a look-ahead on the first tags lets the regex engine pass over the other positions quickly
        object.__setattr__(self, "regex", re.compile(f"(?=[{re.escape(''.join(sorted(first)))}])(?:{regex.pattern})"))
        object.__setattr__(self, "first", first)


# ------------------------------------------------------------ reading numbers


def number(words: Sequence[str]) -> int | None:
    """'twenty', '-', 'four' -> 24; 'a' -> 1; '48' -> 48; 'couple', 'of' -> 2."""
    total, current, seen = 0, 0, False
    for w in words:
        if w in ("-", "and", "of"):
            continue
        if w.isdigit():
            current += int(w)
        elif w in ("a", "an"):
            current += 1 if not seen else 0
        elif w == "couple":
            current = 2
        elif w == "hundred":
            current = max(current, 1) * 100
        elif w == "thousand":
            total += max(current, 1) * 1000
            current = 0
        elif w in lx.NUMBER_WORDS:
            v = lx.NUMBER_WORDS[w]
            if v < 10 and current % 100 and (current % 10 or current % 100 < 20):
                return None  # "two four" (of "two four-year terms") is two numbers, not six
            current += v
        elif w in lx.ORDINAL_WORDS:
            current += lx.ORDINAL_WORDS[w]
        elif w[:-2].isdigit():  # 3rd
            current += int(w[:-2])
        else:
            return None
        seen = True
    return total + current if seen else None


def _fmt_amount(n: float | None) -> str:
    if n is None:
        return "X"
    return str(int(n)) if float(n).is_integer() else f"{n:g}"


def duration_value(n: float | None, unit: str) -> str:
    """TIMEX3 duration: (5, 'year') -> 'P5Y'; (24, 'hour') -> 'PT24H'; (None, 'week') -> 'PXW'."""
    if unit == "fortnight":
        return "P" + ("X" if n is None else _fmt_amount(2 * n)) + "W"
    _, letter, is_time = lx.UNITS[unit]
    if n is not None and n != int(n) and unit in _HALF_AS:  # "a minute and a half": PT1M30S, not PT1.5M
        whole, (half, half_letter) = int(n), _HALF_AS[unit]
        if (n - whole) * 2 == 1:
            head = (_fmt_amount(whole) + letter) if whole else ""
            if unit == "day":
                return "P" + head + "T" + half + half_letter
            return ("PT" if is_time else "P") + head + half + half_letter
    return ("PT" if is_time else "P") + _fmt_amount(n) + letter


# half of a unit, in the next smaller one where that is exact
_HALF_AS: Final = {"year": ("6", "M"), "day": ("12", "H"), "hour": ("30", "M"), "minute": ("30", "S")}


def _unit(word: str) -> str:
    return lx.UNIT_FORMS[word]


def _year2(tok: str) -> int:
    """'98 -> 1998, '05 -> 2005 (a two-digit year: 1930-2029)."""
    n = int(tok.strip("'\u2019"))
    return 1900 + n if n >= 30 else 2000 + n


# ------------------------------------------------------------ productions

_MONTH_CONTEXT = frozenset({"in", "since", "until", "till", "by", "of", "during", "early", "late", "mid", "-",
                            "from", "to", "through", "before", "after", "last", "next", "this", "each", "every"})


def p_month_day_year(h: Hit) -> Spec | None:
    month = _MONTH_OF[h.word("m")]
    day = number([h.word("d")])
    if day is None or not 1 <= day <= 31:
        return None
    year = int(h.word("y")) if h.has("y") else (_year2(h.word("ay")) if h.has("ay") else None)
    return Spec(year=year, month=month, day=day)


def _year_of(h: Hit) -> int | None:
    if h.has("y"):
        return int(h.word("y"))
    if h.has("sy"):
        w = h.words("sy")
        rest = number(w[1:])
        return None if rest is None or rest >= 100 else lx.NUMBER_WORDS[w[0]] * 100 + rest
    return None


def p_month_year(h: Hit) -> Spec | None:
    y = _year_of(h)
    return None if y is None else Spec(year=y, month=_MONTH_OF[h.word("m")])


def p_month(h: Hit) -> Spec | None:
    if not h.has("rel") and h.word("m") in lx.LATENT_MONTHS and h.prev() not in _MONTH_CONTEXT:
        return None  # "May" alone is a month only after "in", "since", "early"...
    if not h.has("rel") and h.prev() not in _MONTH_CONTEXT and h.next_tag() == CAPWORD_TAG:
        return None  # "April Ryan asked": a first name
    direction = {"last": "past", "next": "future", "this": None, "past": "past", "coming": "future"}.get(
        h.word("rel"), None
    )
    if h.has("rel") and h.word("rel") == "this":
        return Spec(month=_MONTH_OF[h.word("m")], direction="same")
    return Spec(month=_MONTH_OF[h.word("m")], direction=direction)  # type: ignore[arg-type]


def p_iso(h: Hit) -> Spec | None:
    tok = h.word("i")
    y, mo, d = int(tok[:4]), int(tok[5:7]), int(tok[8:10])
    if not (1 <= mo <= 12 and 1 <= d <= 31):
        return None
    try:
        dt.date(y, mo, d)
    except ValueError:  # 2020-02-30: the day is not on the calendar
        return Spec(value=f"{y:04d}-{mo:02d}-XX")
    if len(tok) > 10:
        return Spec(type="TIME", year=y, month=mo, day=d, hour=int(tok[11:13]), minute=int(tok[14:16]),
                    zone=_iso_zone(tok[16:]))
    return Spec(year=y, month=mo, day=d)


def _iso_zone(rest: str) -> str | None:
    """The zone after an ISO 8601 time ("Z", "+03:00", "-0500"), as the zone layer reads it."""
    if rest.startswith(":"):
        rest = rest[3:]  # the seconds
    if not rest:
        return None
    if rest.upper() == "Z":
        return "UTC"
    return "UTC" + rest[0] + rest[1:3] + ":" + rest[-2:]


def p_slash(h: Hit) -> Spec | None:
    tok = h.word("s")
    if "." in tok:  # 05.01.2020: day first, as it is written where dots part the fields
        b, a, c = tok.split(".")
    else:
        a, b, c = tok.split("/")
    mo, d, y = int(a), int(b), int(c)
    if mo > 12 and d <= 12:  # 25/12/2019 is day first
        mo, d = d, mo
    if not (1 <= mo <= 12 and 1 <= d <= 31):
        return None
    if len(c) == 2:
        y = _year2(c)
    return Spec(year=y, month=mo, day=d)


def p_year(h: Hit) -> Spec | None:
    y = int(h.word("y"))
    return Spec(year=y) if y <= 2199 else None  # "2500" alone is a number


def _glued(h: Hit) -> bool:
    """Whether the match runs on into letters or digits ("t.co/Yg2BC6O": part of a link, not a year)."""
    toks = h.toks
    a, b = toks.starts[h.base + h.m.start()], toks.ends[h.base + h.m.end() - 1]
    return (a > 0 and toks.text[a - 1].isalnum()) or (b < len(toks.text) and toks.text[b].isalnum())


def p_year_bc(h: Hit) -> Spec | None:
    """ "490 BC": the year before Christ, as the astronomical year (1 BC is 0, 490 BC is -489)."""
    tok = h.word("y")
    if not tok.isdigit():
        return None  # "52nd" is a number too
    n = int(tok)
    return Spec(year=1 - n) if 1 <= n <= 8000 and not _glued(h) else None


def p_year_ad(h: Hit) -> Spec | None:
    tok = h.word("y") or h.word("y2")
    if not tok.isdigit():
        return None
    n = int(tok)
    return Spec(year=n) if 1 <= n <= 2199 and not _glued(h) else None


def p_year_bc_range_start(h: Hit) -> Spec | None:
    """ "499-493 BC", "from 499 to 493 BC", "480 and 479 BC": the start of a range of years before Christ,
    counted down (the start is the larger number)."""
    tok, end = h.word("y"), h.after(2)[1]
    if not tok.isdigit() or not end.isdigit() or _glued(h):
        return None
    n, m = int(tok), int(end)
    return Spec(year=1 - n) if m < n <= 8000 else None


def p_part_of_year_bc(h: Hit) -> Spec | None:
    """ "August 480 BC", "the spring of 480 BC"."""
    tok = h.word("y")
    if not tok.isdigit():
        return None
    n = int(tok)
    if not 1 <= n <= 8000 or _glued(h):
        return None
    if h.has("s"):
        return Spec(year=1 - n, season=lx.SEASONS[h.word("s")])
    return Spec(year=1 - n, month=_MONTH_OF[h.word("m")])


def p_century_bc(h: Hit) -> Spec | None:
    n = number(h.words("n"))
    return Spec(value=f"BC{n - 1:02d}") if n is not None and 1 <= n <= 80 else None


_VERBS_AFTER_A_NAME: Final = frozenset({"opens", "starts", "begins", "ends", "closes", "runs", "is", "was", "has"})


def p_year_in_a_name(h: Hit) -> Spec | None:
    """ "IFA 2014", "Expo 2025 opens", "2012 Tisch Asia Commencement": an edition's year (see Spec.edition)."""
    tok = h.word("y")
    if not tok.isdigit() or _glued(h):
        return None
    y = int(tok)
    if not 1900 <= y <= 2199:
        return None
    if h.next_tag() == WORD_TAG and h.after(1)[0].endswith("s") and h.after(1)[0] not in _VERBS_AFTER_A_NAME:
        return None  # "Windows 2000 users", "2000 troops": a count or a product
    if not h.has("name") and h.next_tag() != CAPWORD_TAG:
        return None
    return Spec(year=y, edition=True)


def year_range(toks: Tokens, i: int) -> tuple[int, int] | None:
    """The two years of a range written at token ``i`` ("1914-18", "1990-1991", "2021/22"), or None.

    The end is later than the start, by at most a century (four digits) or 30 years (two); a
    range followed by a lower-case word needs a word of time before it ("the 1975-1976 dry
    season"): "1500-2000 soldiers" is a count."""
    if i + 2 >= len(toks) or toks.tags[i + 1] not in "-/":
        return None
    start, end_tok = int(toks.lower(i)), toks.lower(i + 2)
    if not 1000 <= start <= 2199 or not end_tok.isdigit():
        return None
    if len(end_tok) == 4:
        end = int(end_tok)
        if not start < end <= start + 100:
            return None
    elif len(end_tok) == 2:
        end = start - start % 100 + int(end_tok)
        if end <= start:
            end += 100
        if end - start > 30:
            return None
    else:
        return None
    before = toks.lower(i - 1) if i > 0 else ""
    if before in ("$", "-", "/", "+", "#", "no", "number", "nos") or (i > 0 and toks.tags[i - 1] in "B"):
        return None
    after_tag = toks.tags[i + 3] if i + 3 < len(toks) else ""
    after = toks.lower(i + 3) if after_tag else ""
    if after in ("%", "percent", "-", "/") or after_tag in "BNDYSC" and after_tag:
        return None
    if after_tag == WORD_TAG and before not in lx.YEAR_RANGE_CONTEXT and after not in lx.YEAR_RANGE_CONTEXT:
        return None
    if after_tag and after_tag not in (WORD_TAG, CAPWORD_TAG) and after in lx.UNIT_FORMS:
        return None
    return start, end


def p_year_range_start(h: Hit) -> Spec | None:
    span = year_range(h.toks, h.base + h.m.start("y"))
    return Spec(year=span[0]) if span else None


def p_year_range_end(h: Hit) -> Spec | None:
    span = year_range(h.toks, h.base + h.m.start("e") - 2)
    return Spec(year=span[1]) if span else None


def p_fiscal_year(h: Hit) -> Spec | None:
    y = int(h.word("y")) if h.has("y") else _year2(h.word("ay"))
    return Spec(year=y)


def p_decade(h: Hit) -> Spec | None:
    tok = h.word("d").strip("'\u2019")[:-1]  # '1990' or '80'
    if len(tok) == 2:
        return Spec(decade=int("19" + tok[0]))
    return Spec(decade=int(tok[:3]))


def p_century(h: Hit) -> Spec | None:
    n = number(h.words("n"))
    if n is None or not 1 <= n <= 30:
        return None
    return Spec(century=n - 1)


_ORD_QUARTERS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4,
                 "last": 4, "final": 4}


def p_quarter(h: Hit) -> Spec | None:
    q = _ORD_QUARTERS.get(h.word("q"))
    if q is None:
        q = number([h.word("q")])
        if q is None or not 1 <= q <= 4:
            return None
    year = int(h.word("y")) if h.has("y") else None
    w = h.words()
    trim = 1 if w[0] == "the" and "-" in w and len(w) == 4 else 0  # "the third-quarter results"
    if h.has("rel"):  # "this year's third quarter", "last year's fourth quarter"
        shift = {"this": 0, "last": -1, "next": 1}[h.word("rel")]
        return Spec(quarter=q, anchor="dct", unit="year", shift=shift)
    return Spec(quarter=q, year=year, trim=trim)


def p_quarter_q(h: Hit) -> Spec | None:
    w = h.word("q")
    y = int(h.word("y")) if h.has("y") else None
    return Spec(quarter=int(w[1]), year=y) if w[0] == "q" else Spec(half=int(w[1]), year=y)


def p_half(h: Hit) -> Spec | None:
    n = {"first": 1, "second": 2, "last": 2, "1st": 1, "2nd": 2}.get(h.word("n"))
    if n is None:
        return None
    return Spec(half=n, year=int(h.word("y")) if h.has("y") else None)


def _fall_of_something(after: list[str]) -> bool:
    """ "fall" followed by "of" and what fell ("of Budapest", "of the regime"), not by a year ("of that
    year", "of the year", "of 1989": the year is part of the season's match)."""
    if after[:1] != ["of"] or len(after) < 2:
        return False
    if after[1] == "the":
        return after[2:] != ["year"]
    return after[1] not in lx.SEASON_OF_YEAR_WORDS


def p_season(h: Hit) -> Spec | None:
    season = lx.SEASONS[h.word("s")]
    if not (h.has("y") or h.has("sy")) and h.text("s")[:1].isupper() and h.next_tag() == CAPWORD_TAG:
        return None  # "the Summer Olympics", "the Spring Festival": a name
    rel = h.word("rel")
    if h.word("s") == "fall" and not h.has("rel") and not h.words()[0] == "the":
        return None  # "fall" alone is the verb
    if h.word("s") == "fall" and not (h.has("y") or h.has("sy")) and _fall_of_something(h.after(3)):
        return None  # "the fall of Budapest", "after the fall of the regime": an event, not autumn
    if h.has("y") or h.has("sy"):
        return Spec(season=season, year=_year_of(h))
    rel = " ".join(h.words("rel"))
    direction = {"last": "past", "next": "future", "this": "same", "past": "past", "coming": "future",
                 "this past": "past", "this coming": "future"}.get(rel)
    return Spec(season=season, direction=direction)  # type: ignore[arg-type]


def p_weekday(h: Hit) -> Spec | None:
    wd = _WEEKDAY_OF[h.word("wd")]
    i = h.base + h.m.start() - 1
    if i > 0 and h.toks.tags[i] == ".":
        i -= 1  # "Mr. Friday"
    if not h.has("rel") and i >= 0 and h.toks.lower(i) in lx.WEEKDAY_NAME_BEFORE:
        return None  # "Super Tuesday", "Bloody Sunday", "Mr. Friday"
    if _a_day_in_a_name(h):
        return None  # "The Sunday Times", "Saturday Night Live"
    rel = " ".join(h.words("rel"))
    direction = {"last": "past", "past": "past", "this past": "past", "next": "future", "the previous": "past",
                 "coming": "future", "this coming": "future", "this": "same", "": None,
                 "the following": "future"}.get(rel)
    pod = lx.PARTS_OF_DAY[h.word("pod")] if h.has("pod") else None
    if pod and h.word("pod").endswith("s") and not h.has("rel"):  # "Tuesday nights": every one
        return Spec(type="SET", value=f"XXXX-WXX-{wd}T{pod}")
    anchor: Anchor | None = "ref" if rel in ("the previous", "the following") else None
    return Spec(type="TIME" if pod else "DATE", weekday=wd, direction=direction, pod=pod,  # type: ignore[arg-type]
                anchor=anchor)


def p_weekend(h: Hit) -> Spec | None:
    rel = h.word("rel")
    shift = {"this": 0, "the": 0, "last": -1, "past": -1, "next": 1, "coming": 1}.get(rel)
    if shift is None:
        return None
    return Spec(anchor="dct", unit="week", shift=shift, grain="weekend",
                direction="future" if rel == "this" else None)


def _in_a_title(h: Hit, name: str) -> bool:
    """A capitalized time word inside a run of capitalized words ("VOA Today", "This Week"):
    the name of a programme or a paper, not a time."""
    word = h.raw(name)
    if not word[:1].isupper() or word.isupper():
        return False
    prev = h.prev_raw()
    return h.m.start(name) > h.m.start() or (prev[:1].isupper() and prev.lower() not in _SENTENCE_STARTERS)


_SENTENCE_STARTERS = frozenset({"", "and", "but", "so", "on", "by", "until", "since", "late", "early", "as"})


def p_relday(h: Hit) -> Spec | None:
    w = h.word("r")
    if _in_a_title(h, "r"):
        return None
    shift = lx.RELATIVE_DAYS[w]
    if lx.INFORMAL_DAYS.get(w, w) == "tonight":
        return Spec(type="TIME", anchor="dct", unit="day", shift=0, grain="partofday", pod="NI", deictic=True)
    if h.has("pod"):
        return Spec(type="TIME", anchor="dct", unit="day", shift=shift, grain="partofday",
                    pod=lx.PARTS_OF_DAY[h.word("pod")], deictic=True)
    return Spec(anchor="dct", unit="day", shift=shift, grain="day", deictic=True)


def p_day_before_after(h: Hit) -> Spec | None:
    shift = {"yesterday": -2, "tomorrow": 2}[h.word("r")]
    return Spec(anchor="dct", unit="day", shift=shift, grain="day", deictic=True)


def p_unit_after_next(h: Hit) -> Spec | None:
    """'the week after next': two units ahead of the publication's ('the weekend after next')."""
    u = h.word("u")
    if u == "weekend":
        return Spec(anchor="dct", unit="week", shift=2, grain="weekend")
    unit = _unit(u)
    return Spec(anchor="dct", unit=unit, shift=2, grain=unit)


def p_this_pod(h: Hit) -> Spec | None:
    rel = h.word("rel")
    pod = lx.PARTS_OF_DAY[h.word("pod")]
    shift = -1 if rel == "last" else 0
    if rel == "last" and pod != "NI":
        return None
    anchor: Anchor = "ref" if rel == "that" else "dct"  # "that evening": the evening of the story's day
    return Spec(type="TIME", anchor=anchor, unit="day", shift=shift, grain="partofday", pod=pod)


_DECADE_WORDS = ("twenties", "thirties", "forties", "fifties", "sixties", "seventies", "eighties", "nineties")
_REL_SHIFT = {"last": -1, "past": -1, "previous": -1, "prior": -1, "preceding": -1,
              "next": 1, "coming": 1, "following": 1, "this": 0, "current": 0, "same": 0,
              "that": 0, "latest": -1, "present": 0}
_REF_ANCHORED = frozenset({"previous", "prior", "preceding", "following", "same", "that"})


def p_rel_unit(h: Hit) -> Spec | None:
    rel = h.word("rel")
    unit = _unit(h.word("u"))
    if _in_a_title(h, "u"):
        return None
    if unit in ("second", "minute", "hour", "fortnight", "millennium"):
        return None
    if h.word("u") in lx.PLURAL_UNITS:  # "coming months", "past years"
        return Spec(value="FUTURE_REF" if rel in ("next", "coming", "following") else "PAST_REF")
    if rel == "latest" and unit != "year":
        return None
    if rel == "last" and (h.prev() in lx.POSSESSIVES or (h.words()[0] == "the" and h.after(1) in (["of"], ["to"]))):
        return None  # "his last day in office", "the last day of the summit", "the last day to apply": the final one
    shift = _REL_SHIFT[rel]
    anchor = "ref" if rel in _REF_ANCHORED else "dct"
    if h.words()[0] == "the" and rel == "next":
        anchor = "ref"  # "the next day" follows the story, "next week" the calendar
    if unit == "weekend":
        return Spec(anchor=anchor, unit="week", shift=shift, grain="weekend")  # type: ignore[arg-type]
    return Spec(anchor=anchor, unit=unit, shift=shift, grain=unit)  # type: ignore[arg-type]


def p_the_unit_duration(h: Hit) -> Spec | None:
    """'(for) the year', '(over) the quarter'."""
    return Spec(type="DURATION", value=duration_value(1, _unit(h.word("u"))))


def p_the_unit(h: Hit) -> Spec | None:
    """'the quarter', 'the year', 'the week': the one the story is about."""
    unit = _unit(h.word("u"))
    return Spec(anchor="ref", unit=unit, shift=0, grain=unit)


def p_shifted(h: Hit) -> Spec | None:
    """'two days ago', 'a year earlier', 'three weeks later', 'five years from now'."""
    n = number(h.words("n")) if h.has("n") else None
    unit = _unit(h.word("u"))
    if h.has("half") or h.has("half2") or h.has("half3"):  # "two and a half years ago": in whole months
        if h.has("half2"):
            n = 0
        years = {"year": 1, "decade": 10, "century": 100}.get(unit)
        if years is None:
            return None
        months = int((n or 0) * 12 * years + 6 * years)
        n, unit = (months // 12, "year") if months % 12 == 0 else (months, "month")
    if n is None and not h.has("vague"):
        return None
    if unit == "fortnight" and n is not None:
        unit, n = "week", 2 * n  # "a fortnight ago": two weeks
    if unit in ("weekend", "fortnight") or (n is not None and n > 10000):
        return None
    direction = " ".join(h.words("dir"))
    if direction in ("before", "after") and not h.at_boundary():
        return None  # "two days after the vote" is a duration
    sign = -1 if direction in ("ago", "earlier", "before", "previously", "back", "prior") else 1
    anchor = "dct" if direction in ("ago", "from now", "hence", "back") else "ref"
    if n is None:
        if anchor == "ref":
            return None  # "a few days later": no date to give; the duration rule takes "a few days"
        return Spec(value="PAST_REF" if sign < 0 else "FUTURE_REF")  # "a few years ago"
    if unit in ("second", "minute", "hour"):
        return Spec(type="TIME", anchor=anchor, unit=unit, shift=sign * n, grain="minute",  # type: ignore[arg-type]
                    deictic=anchor == "dct")
    # grain None: the resolver keeps the story's grain ("a year earlier" than a quarter is a quarter)
    return Spec(anchor=anchor, unit=unit, shift=sign * n, grain=None,  # type: ignore[arg-type]
                moves_story=not (sign < 0 and unit in ("year", "quarter")), deictic=anchor == "dct")


def p_the_day_before(h: Hit) -> Spec | None:
    """'the day before': the day before the one the story is on. 'the day before the vote' counts
    from an event, not from a date: after a comma it restates the date just named ("Oct. 12, the
    day before the crash"); otherwise nothing can be said of it."""
    unit = _unit(h.word("u"))
    if h.word("u") in lx.PLURAL_UNITS or unit not in ("day", "week", "month", "year"):
        return None
    if h.next_tag() in (WORD_TAG, CAPWORD_TAG) or h.after(1) in (["the"], ["a"], ["an"]):
        return Spec(anchor="ref", unit=unit, shift=0, grain=unit) if h.prev() == "," else None
    return Spec(anchor="ref", unit=unit, shift=-1, grain=unit)


def _superlative(w: str) -> bool:
    return w in _SUPERLATIVES or (len(w) > 4 and w.endswith("est") and w not in _NOT_SUPERLATIVE)


_SUPERLATIVES = frozenset("first last only most least best worst top record".split())
_NOT_SUPERLATIVE = frozenset("""interest request protest west forest harvest suggest invest contest arrest honest
    modest manifest digest rest test quest guest chest nest pest crest latest""".split())


def p_in_n_units(h: Hit) -> Spec | None:
    n = number(h.words("n"))
    unit = _unit(h.word("u"))
    if unit == "fortnight" and n is not None:
        unit, n = "week", 2 * n  # "in a fortnight": two weeks
    if n is None or unit not in ("day", "week", "month", "year", "decade"):
        return None
    if any(_superlative(w) for w in h.before(7)[:-1]):  # "the worst drought in 50 years": a span of time
        return Spec(type="DURATION", value=duration_value(10 * n if unit == "decade" else n,
                                                          "year" if unit == "decade" else unit))
    return Spec(anchor="dct", unit=unit, shift=n, grain="day" if unit in ("day", "week") else unit,
                moves_story=False)


_SOMEDAY_BEFORE = frozenset({"will", "would", "could", "might", "may", "can", "should", "must", "he", "she", "we",
                             "they", "i", "you", "it", "to", "hope", "hopes", "might"})


def _a_name(h: Hit) -> bool:
    """A war or an event named by its length: "the Thirty Years' War", "the Six-Day War"."""
    nxt = h.after(2)
    if nxt and nxt[0] in ("'", "\u2019"):
        nxt = nxt[1:]
    return bool(nxt) and nxt[0] in _NAMED_BY_LENGTH


_NAMED_BY_LENGTH = frozenset({"war", "wars", "campaign"})


def p_duration(h: Hit) -> Spec | None:
    unit = _unit(h.word("u"))
    if _a_name(h) and h.toks.word(h.base + h.m.end() - 1)[:1].isupper():
        return None
    if h.words() == ["one", "day"] and h.prev() in _SOMEDAY_BEFORE:
        return Spec(value="FUTURE_REF")  # "he will one day return": some day, not a day long
    words = h.words("n") if h.has("n") else []
    if not words and h.prev() == "-" and h.words()[0] == h.word("u"):
        return None  # "after-hours trading", "out-of-hours": part of an adjective, not a length
    if h.words() == ["weekends"] and h.prev() in ("on", "at"):
        return None  # "open on weekends": a set (rule set-weekends)
    if words and words[-1][-2:] in ("st", "nd", "rd", "th") and words[-1][:1].isdigit():
        return None  # "the 90th minute": a place in time, not a length
    if words and len(words[0]) == 4 and words[0].startswith("0"):
        return None  # "0630 hours": a wire-copy clock time
    all_words = h.words()
    trim = 0
    if all_words[0] in ("the", "a", "an") and "-" in all_words and not h.has("noun"):
        if all_words[0] != "the" or len(all_words) < 2 or all_words[1] not in _DURATION_MODIFIERS:
            trim = 1  # "the eight-year plan": the article belongs to the noun, not to the duration
    elif all_words[0] in ("a", "an") and words and words[0] in ("a", "an"):
        pass  # "a year", "a couple of years"
    elif all_words[0] == "last" and len(all_words) > 1 and h.prev() in _SOMEDAY_BEFORE:
        trim = 1  # "the mission will last 18 months": the verb is not part of the duration
    n: float | None
    if not words and all_words[0] in ("a", "an") and not h.has("vague"):
        n = 1  # "an additional year", "a full day"
    elif h.has("vague") or not words or h.has("n2"):
        n = None
    else:
        n = number(words)
        if n is None and trim == 0 and all_words[:len(words)] == words:
            # "two four-year terms": the last number is the count, the first one counts the terms
            k = next((k for k in range(1, len(words)) if words[k] not in ("-", "and")
                      and number(words[k:]) is not None), None)
            if k is None:
                return None
            n, trim = number(words[k:]), k
        if n is None:
            return None
    if h.has("half2") and h.words("half2") not in (["and", "a", "half"], ["1", "/", "2"]):
        return None  # "2 3/4 years": only halves are written
    if h.has("half") or h.has("half2"):
        n = (n or 0) + 0.5
    if trim == 0 and all_words[0] in ("the", "a", "an") and n is not None and n > 1 and not h.has("noun") \
            and words and words[0] not in ("a", "an") and not (h.has("half") or h.has("half2")) \
            and h.word("u") not in lx.PLURAL_UNITS and all_words[1] not in _DURATION_MODIFIERS:
        trim = 1  # "a five year plan": a singular unit after a count is an adjective; the article is the noun's
    if unit == "quarter" and (n is None or h.words()[-2:-1] == ["-"]):
        return None  # "such quarters", "three-quarters" of the food
    if h.after(2) == ["-", "on"]:
        return None  # "a year-on-year rise", "quarter-on-quarter": a comparison, not a length
    if unit == "quarter" and h.after(1) == ["of"]:
        return None  # "a quarter of the market", "three quarters of voters": a share, not three months
    if unit in _YEARS_IN and n is not None:  # "a decade", "two centuries": ISO 8601 counts them in years
        return Spec(type="DURATION", value=duration_value(_YEARS_IN[unit] * n, "year"), trim=trim)
    if unit == "century" and n is None:
        return Spec(type="DURATION", value="PXC") if h.word("u") == "centuries" else None
    if n is None and not h.has("vague") and h.word("u") not in lx.PLURAL_UNITS:
        return None  # a bare singular unit ("year") is not a duration
    if n is None and h.word("u") == "hours" and h.prev() in ("early", "small", "wee", "late"):
        return None  # "in the early hours of Sunday": the night, not a number of hours
    return Spec(type="DURATION", value=duration_value(n, unit), trim=trim)


_YEARS_IN: Final = {"decade": 10, "century": 100, "millennium": 1000}
_UNIT_ORDER: Final = ("second", "minute", "hour", "day", "week", "month", "quarter", "year", "decade", "century")
_DURATION_MODIFIERS = frozenset({"first", "last", "next", "past", "coming", "previous", "final", "initial", "full",
                                 "entire", "whole", "recent", "additional", "latest"})


def p_half_unit(h: Hit) -> Spec | None:
    unit = _unit(h.word("u"))
    if unit in _YEARS_IN:  # "half a century": P50Y
        return Spec(type="DURATION", value=duration_value(_YEARS_IN[unit] // 2, "year"))
    return Spec(type="DURATION", value=duration_value(0.5, unit))


def p_set_every(h: Hit) -> Spec | None:
    if h.has("wd"):  # "every Friday"; "every other Friday" (TimeML keeps the weekday, the rate aside)
        return Spec(type="SET", value=f"XXXX-WXX-{_WEEKDAY_OF[h.word('wd')]}")
    if h.has("wds"):
        return Spec(type="SET", value=f"XXXX-WXX-{lx.WEEKDAY_PLURALS[h.word('wds')]}")
    if h.has("pod"):
        return Spec(type="SET", value=f"XXXX-XX-XXT{lx.PARTS_OF_DAY[h.word('pod')]}")
    if h.has("m"):
        return Spec(type="SET", value=f"XXXX-{_MONTH_OF[h.word('m')]:02d}")
    if h.has("s"):
        return Spec(type="SET", value=f"XXXX-{lx.SEASONS[h.word('s')]}")
    n = (2 if h.word("n") == "other" else number(h.words("n"))) if h.has("n") else 1
    unit = _unit(h.word("u"))
    return Spec(type="SET", value=duration_value(n, unit))


_ADVERB_SETS = {"daily": "P1D", "weekly": "P1W", "monthly": "P1M", "annually": "P1Y", "yearly": "P1Y",
                "quarterly": "P1Q", "hourly": "PT1H", "nightly": "XXXX-XX-XXTNI", "biweekly": "P2W",
                "fortnightly": "P2W", "semiannually": "P6M", "biannually": "P6M"}


def p_set_adverb(h: Hit) -> Spec | None:
    return Spec(type="SET", value=_ADVERB_SETS[h.word("a")])


def p_set_rate(h: Hit) -> Spec | None:
    unit = _unit(h.word("u"))
    if unit in ("weekend", "millennium"):
        return None
    if unit in ("hour", "minute", "second") and h.prev() in lx.LENGTH_UNITS:
        return None  # "60 miles per hour": a speed
    return Spec(type="SET", value=duration_value(1, unit))


_MODALS_BEFORE_SOON: Final = frozenset({"will", "would", "may", "might", "could", "should", "can", "must", "shall",
                                        "to", "ll"})


def p_ref_word(h: Hit) -> Spec | None:
    if h.words()[0] == "then":
        return Spec(value="PAST_REF")  # "the then-current chairman": current at a time gone by
    w = h.word("r")
    if w in lx.SOON_WORDS:
        r = h.base + h.m.start("r")
        if h.prev() not in _MODALS_BEFORE_SOON and tense_at(h.toks, r, r, day=False) == "past":
            return None  # "he was soon released": soon after the story's last event, not after the publication
    return Spec(value=lx.REF_WORDS[w])


def p_ref_phrase(h: Hit) -> Spec | None:
    w = h.words()
    value = "FUTURE_REF" if ("future" in w or "term" in w) else "PAST_REF" if ("past" in w or "recent" in w) \
        else "PRESENT_REF"
    return Spec(value=value)


_CLOCK_BEFORE: Final = frozenset({"at", "by", "until", "till", "from", "since", "before", "after", "around", "about",
                                  "to", "between", "and", "approximately", "-"})


def p_clock(h: Hit) -> Spec | None:
    if h.has("c"):
        parts = h.word("c").replace(".", ":").split(":")
        hour, minute = int(parts[0]), int(parts[1])
        if len(parts) == 3 and not h.has("ampm") and not h.has("zone") and not h.has("local") \
                and h.prev() not in _CLOCK_BEFORE:
            # "won in 2:03:59", "a record of 1:41:11": hours, minutes and seconds run, not a clock
            secs = int(parts[2])
            value = "PT" + "".join(f"{n}{u}" for n, u in ((hour, "H"), (minute, "M"), (secs, "S")) if n)
            return Spec(type="DURATION", value=value if value != "PT" else "PT0S")
    else:
        hour, minute = int(h.word("h")), 0
    if h.has("ampm"):
        ap = h.word("ampm")[0]
        if not 1 <= hour <= 12:
            return None
        if ap == "p" and hour != 12:
            hour += 12
        elif ap == "a" and hour == 12:
            hour = 0
    elif not h.has("c") and not h.has("oclock"):
        return None
    if hour > 24 or minute > 59:
        return None
    zone = _zone(h)
    if zone == "":
        return None
    return Spec(type="TIME", hour=hour, minute=minute, zone=zone)


def _zone(h: Hit) -> str | None:
    """The zone written after a clock time, as the zone layer reads it; '' for a match to refuse."""
    if h.has("local"):
        return "local"
    if not h.has("zone"):
        return None
    written = h.text("zone")
    first = written.split()[0].rstrip("+-\u2212")
    if not first[:1].isupper():
        return ""  # "at 5 pm meeting time": not a zone
    if first.lower() in lx.ZONE_WORDS:
        return written.upper().replace(" ", "")  # "UTC+3", "GMT"
    return written  # "Pacific", "Eastern Standard Time", "Moscow time"


def p_wire_clock(h: Hit) -> Spec | None:
    """'0630 GMT', '1630 local time', '2300 hours': the four-digit clock of wire copy."""
    tok = h.word("t")
    if len(tok) != 4 or not tok.isdigit() or h.prev() in ("in", "since", "during", "of"):  # "in 1945 Moscow time": a year
        return None
    hour, minute = int(tok[:2]), int(tok[2:])
    if hour > 24 or minute > 59 or (hour == 24 and minute):
        return None
    zone = _zone(h)
    if zone == "" or (zone is None and not h.has("hours")):
        return None
    return Spec(type="TIME", hour=hour, minute=minute, zone=zone)


def p_compact_clock(h: Hit) -> Spec | None:
    """'430pm', '1130 pm', '0945am': hours and minutes written without a colon."""
    tok = h.word("t")
    if len(tok) not in (3, 4) or not tok.isdigit() or _glued(h):
        return None
    hour, minute = int(tok[:-2]), int(tok[-2:])
    if not 1 <= hour <= 12 or minute > 59:
        return None
    if h.word("ampm")[0] == "p" and hour != 12:
        hour += 12
    elif h.word("ampm")[0] == "a" and hour == 12:
        hour = 0
    return Spec(type="TIME", hour=hour, minute=minute)


def p_at_clock(h: Hit) -> Spec | None:
    """'at 1430', 'at 0915': a clock of 24 hours after "at" (1800-1999 are read as years)."""
    tok = h.word("t")
    if len(tok) != 4 or not tok.isdigit() or _glued(h):
        return None
    hour, minute = int(tok[:2]), int(tok[2:])
    if hour > 23 or minute > 59 or 18 <= hour <= 19:
        return None
    if h.next_tag() == WORD_TAG and h.after(1)[0] not in _AFTER_AT_CLOCK:
        return None  # "at 2000 points"
    return Spec(type="TIME", hour=hour, minute=minute)


# lower-case words that may follow a clock of 24 hours after "at" ("at 1430 in the lobby")
_AFTER_AT_CLOCK: Final = frozenset({"in", "on", "at", "and", "to", "for", "sharp", "then", "or", "with", "from"})


_DAY_WORDS_AFTER_HOUR: Final = frozenset({"this", "tomorrow", "yesterday", "that"})


def p_hour_by_day_part(h: Hit) -> Spec | None:
    """A bare hour next to a part of a day: "at 8 tonight", "at 10 tomorrow morning", "this
    morning at 9", "Friday night at 11" (the join day-part-and-clock gives it the day and the
    afternoon or evening hours). Alone, "at 8" is no time."""
    hour = int(h.word("h"))
    if not 1 <= hour <= 12:
        return None
    nxt, back = h.after(2), h.before(3)
    ahead = bool(nxt) and (nxt[0] == "tonight" or (
        nxt[0] in _DAY_WORDS_AFTER_HOUR and len(nxt) > 1 and nxt[1] in lx.PARTS_OF_DAY))
    behind = len(back) >= 2 and (back[-2] in lx.PARTS_OF_DAY or back[-2] == "tonight")
    return Spec(type="TIME", hour=hour, minute=0) if ahead or behind else None


def p_clock_range_start(h: Hit) -> Spec | None:
    """"from 8 to 10 p.m.": the first hour takes the a.m. or p.m. written after the second."""
    hour = int(h.word("h"))
    ampm = h.after(3)[2]
    end = int(h.after(3)[1].split(":")[0])
    if not 1 <= hour <= 12:
        return None
    if ampm.startswith("p") and hour != 12 and not (hour > end and end != 12):  # "from 11 to 1 p.m.": 11 a.m.
        hour += 12
    elif ampm.startswith("a") and hour == 12:
        hour = 0
    return Spec(type="TIME", hour=hour, minute=0)


def p_clock_word(h: Hit) -> Spec | None:
    hour, minute = lx.CLOCK_WORDS[h.word("c")]
    zone = _zone(h)
    if zone == "":
        return None
    return Spec(type="TIME", hour=hour, minute=minute, zone=zone)


def p_holiday(h: Hit) -> Spec | None:
    month, day = lx.HOLIDAYS[h.word("hd")]
    if h.word("hd") == "christmas" and h.word("eve") == "eve":
        day -= 1
    return Spec(month=month, day=day, year=int(h.word("y")) if h.has("y") else None)


def _a_day_in_a_name(h: Hit) -> bool:
    """A capitalized day followed by a capitalized word of a name: "The Sunday Times", "the Good Friday
    Agreement" (lexicon.NAME_AFTER_DAY)."""
    nxt = h.base + h.m.end()
    if nxt >= len(h.toks) or not h.toks.word(nxt)[:1].isupper() \
            or not h.toks.word(h.base + h.m.end() - 1)[:1].isupper():
        return False
    words = h.after(2)
    return words[0] in lx.NAME_AFTER_DAY or words == ["night", "live"]


def p_feast(h: Hit) -> Spec | None:
    name = " ".join(h.words("f"))
    if name not in lx.MOVEABLE_FEASTS:
        name = " ".join(h.words("f")[:-1])  # "Thanksgiving Day"
    if name not in lx.MOVEABLE_FEASTS or not h.toks.word(h.base + h.m.start())[:1].isupper():
        return None  # "a good friday for sellers": only the capitalized name is the feast
    if _a_day_in_a_name(h):
        return None  # "the Good Friday Agreement"
    return Spec(feast=name, year=int(h.word("y")) if h.has("y") else None)


def p_new_year(h: Hit) -> Spec | None:
    if h.word("x") == "eve":
        return Spec(month=12, day=31)
    return Spec(month=1, day=1)


def p_spelled_year(h: Hit) -> Spec | None:
    w = h.words()
    if w[0] == "the":
        w = w[2:]  # "the year two thousand"
    if w[:2] == ["two", "thousand"]:
        rest = number(w[2:]) if len(w) > 2 else 0
        return None if rest is None else Spec(year=2000 + rest)
    hundreds = lx.NUMBER_WORDS.get(w[0])
    rest = number(w[1:])
    if hundreds is None or rest is None or rest >= 100:
        return None
    return Spec(year=hundreds * 100 + rest)


def p_year_ago_adj(h: Hit) -> Spec | None:
    """'year-earlier', 'the year-ago quarter', 'the year-earlier period'."""
    grain = "quarter" if h.word("u") in ("quarter", "period") else None
    return Spec(anchor="ref", unit="year", shift=-1, grain=grain, moves_story=False)


def p_year_end(h: Hit) -> Spec | None:
    """'year-end', the closing date of the books, is December 31 of the publication year (the year
    before after 'since'); 'year end' and 'year's end' say 'the end of the year': the year, mod END."""
    shift = -1 if h.prev() == "since" else 0
    if "-" not in h.words():
        return Spec(anchor="dct", unit="year", shift=shift, grain="year", mod="END")
    return Spec(anchor="dct", unit="year", shift=shift, grain="yearend")


def p_latest_quarter(h: Hit) -> Spec | None:
    """'the latest quarter': the last one reported, the quarter before the publication's."""
    return Spec(anchor="dct", unit="quarter", shift=-1, grain="quarter")


# ------------------------------------------------------------ the rules

_REL = "(last | next | this | coming | past)"
# at most four number words: an unbounded run would rescan a long list of numbers from every start (quadratic)
_N = "(COUNT | NUMWORD ((- | and)? NUMWORD ((- | and)? NUMWORD ((- | and)? NUMWORD)?)?)? | a | an | a couple of | couple of | (a | an) (hundred | thousand | dozen) | BIGNUM)"

RULES: tuple[Rule, ...] = (
    Rule("month-day-year", "m=MONTH (the >(ORDNUM))? d=(DAYNUM | ORDNUM) (,? y=YEAR !>(AMPM) | , ay=APYEAR)?",
         p_month_day_year,
         {"2020-01-03": ["January 3, 2020", "Jan. 3", "Jan 3 2020", "January 3rd"],
          "1999-10-15": ["Oct. 15, 1999"], "2019-09-30": ["the deal was signed [Sept. 30]", "Sept. 30"],
          "2020-09-30": ["the deal will be signed [Sept. 30]", "the deal is due [Sept. 30]"]}),
    Rule("day-month-year", "d=(DAYNUM | ORDNUM) (of)? m=MONTH (,? y=YEAR !>(AMPM))?", p_month_day_year,
         {"2020-01-03": ["3 January 2020", "3rd of January"], "2019-12-25": ["25 Dec"]}),
    Rule("the-day-of-month", "the d=(ORDNUM | ORDWORD) of m=MONTH (,? y=YEAR)?", p_month_day_year,
         {"2020-01-03": ["the third of January", "the 3rd of January"]}),
    Rule("month-year", "m=MONTH (of)? ,? (y=YEAR !>(AMPM) | sy=SPELLEDYEAR)", p_month_year,
         {"1988-08": ["August 1988", "Aug. of 1988"]}),
    Rule("month", "(rel=(last | next | this | past | coming))? m=MONTH", p_month,
         {"2020-01": ["January"], "2019-12": ["December", "last December"], "2020-02": ["February"],
          "2019-05": ["last May"], "2020-05": ["next May"]}),
    Rule("iso-date", "i=ISO", p_iso, {"2020-01-03": ["2020-01-03"], "2020-01-03T17:00": ["2020-01-03T17:00",
         "2020-01-03T17:00Z", "2020-01-03T17:00:00+03:00"]}),
    Rule("slash-date", "s=SLASHDATE", p_slash, {"2020-01-03": ["01/03/2020", "1/3/20", "03.01.2020", "3.1.2020"]}),
    Rule("fy", "fy (y=YEAR | d=COUNT)", lambda h: Spec(year=int(h.word("y")) if h.has("y") else 2000 + int(h.word("d")))
         if h.has("y") or len(h.word("d")) == 2 else None, {"2020": ["FY2020", "FY20", "FY 2020"]}),
    Rule("day-of-month", "<(on | by | until | till | from | since | before | after) the d=ORDNUM !>(WORD | CAPWORD | UNIT | -)",
         lambda h: Spec(day=int(h.word("d")[:-2])), {"2020-01-16": ["on [the 16th]"]}),
    Rule("day-range-start", "d=DAYNUM >((- | to | and) DAYNUM MONTH)", lambda h: Spec(
         day=int(h.word("d")), month=_MONTH_OF[h.after(3)[2]]), {}),  # tests/test_tagger.py: "from 20 to 23 August"
    Rule("day-range-end", "<(MONTH DAYNUM (- | to | and)) d=DAYNUM !>(MONTH | DAYNUM | ORDNUM | , YEAR)", lambda h: Spec(
         day=int(h.word("d")), month=_MONTH_OF[h.before(3)[0]]), {}),  # tests/test_tagger.py: "Jan. 28-29"
    Rule("at-clock", "<(at) t=(NUM | YEAR) !>(CAPWORD | UNIT | % | - | / | BIGNUM | NUM | YEAR | DAYNUM)",
         p_at_clock, {"2020-01-05T14:30": ["at [1430]"], "2020-01-05T09:15": ["at [0915]"]}),
    Rule("year-bc", "y=(YEAR | NUM | DAYNUM) ERABC", p_year_bc,
         {"BC0490": ["490 BC", "490 B.C.", "490 BCE"], "BC0044": ["44 B.C.E."], "BC1200": ["1200 BC"]}),
    Rule("year-bc-range-start", "y=(YEAR | NUM | DAYNUM) >((- | to | and) (YEAR | NUM | DAYNUM) ERABC)",
         p_year_bc_range_start, {}),  # tests/test_tagger.py
    Rule("part-of-year-bc", "(m=MONTH | (the)? s=SEASON) (of)? ,? y=(YEAR | NUM | DAYNUM) ERABC", p_part_of_year_bc,
         {"BC0480-08": ["August 480 BC"], "BC0480-SP": ["the spring of 480 B.C."], "BC0481-FA": ["autumn 481 BC"]}),
    Rule("year-ad", "ERAAD y=(YEAR | NUM | DAYNUM) | y2=(YEAR | NUM | DAYNUM) ERAAD", p_year_ad,
         {"0009": ["AD 9", "A.D. 9"], "0079": ["79 AD", "79 CE"], "1066": ["AD 1066"]}),
    Rule("century-bc", "(the)? n=(ORDNUM | ORDWORD) (- | ,)? century ERABC", p_century_bc,
         {"BC04": ["the 5th century BC", "the fifth century B.C."]}),
    Rule("year-range-start", "y=YEAR >((- | /) (YEAR | DAYNUM | NUM))", p_year_range_start, {}),
    Rule("year-range-end", "<(YEAR (- | /)) e=(YEAR | DAYNUM | NUM)", p_year_range_end, {}),  # tests/test_tagger.py
    Rule("year-as-subject", "!<(WORD | CAPWORD | NUM | DAYNUM | YEAR | BIGNUM | $ | - | / | ,) y=YEAR"
         " >(saw | brought | marked | witnessed | proved)", p_year, {"1987": ["[1987] saw new offensives"]}),
    Rule("year", "!<($ | - | / | CAPWORD) y=YEAR !>(% | - | WORD | BIGNUM | NUM | UNIT)", p_year,
         {"1998": ["1998"], "2014": ["2014"]}),
    Rule("year-after-preposition", "<(in | since | by | until | of | for | from | to | through | during | before | after | ,"
         " | fiscal | early | late | mid | the | its | his | her | their | our | s | and | or | as | a | between | circa |"
         " throughout | around | about | than | following | that | this | each | every | year) y=YEAR"
         " !>(% | BIGNUM | NUM | UNIT | - (NUM | DAYNUM | YEAR | APYEAR | WORD) | years | months | days | old)", p_year, {"1996": ["its [1996] campaign"], "1971": ["the [1971] treaty"]}),
    Rule("year-in-a-name", "<(name=CAPWORD) y=YEAR !>(% | - | / | BIGNUM | NUM | UNIT | YEAR | DAYNUM)",
         p_year_in_a_name, {"2020": ["Expo [2020] opens", "IFA [2020]"]}),
    Rule("year-before-a-name", "!<(WORD | CAPWORD | NUM | DAYNUM | YEAR | BIGNUM | $ | - | / | ,) y=YEAR >(CAPWORD)",
         p_year_in_a_name, {"2020": ["[2020] Film Awards"]}),
    Rule("year-after-modifier", "<((mid | early | late | end) -) y=YEAR", p_year, {"2020": ["mid-2020"]}),
    Rule("fiscal-year", "fiscal (year)? (y=YEAR | ay=APYEAR)", p_fiscal_year,
         {"1998": ["fiscal 1998", "fiscal year 1998", "fiscal '98"]}),
    Rule("decade", "(the)? d=DECADE", p_decade,
         {"199": ["the 1990s", "1990s"], "198": ["the '80s", "the 80s"]}),
    Rule("century", "(the)? n=(ORDNUM | ORDWORD) (- | ,)? century", p_century,
         {"19": ["the 20th century", "twentieth century"]}),
    Rule("quarter", "(the)? (fiscal)? q=(ORDWORD | ORDNUM | final) (fiscal)? -? quarter (of? ,? y=YEAR)?",
         p_quarter,
         {"2020-Q3": ["the third quarter", "third-quarter", "Q3", "the fiscal third quarter"],
          "1998-Q4": ["the fourth quarter of 1998"]}),
    Rule("quarter-q", "q=QTR (,? y=YEAR)?", p_quarter_q, {"2020-Q3": ["Q3"], "2020-H2": ["H2"], "2019-Q3": ["Q3 2019"]}),
    Rule("the-year-period", "the y=YEAR u=(period | quarter | fiscal year)", lambda h: Spec(
         anchor="ref", unit="year", year=int(h.word("y")), grain="quarter" if h.word("u") == "quarter" else None),
         {"1998": ["the 1998 period"]}),
    Rule("year-quarter", "(the)? y=YEAR q=(ORDWORD | ORDNUM) -? quarter", p_quarter, {"1998-Q2": ["1998 second quarter"]}),
    Rule("rel-year-quarter", "rel=(this | last | next) year ' s (fiscal)? q=(ORDWORD | ORDNUM | last | final) -? quarter",
         p_quarter, {"2020-Q3": ["this year's third quarter"], "2019-Q4": ["last year's fourth quarter"]}),
    Rule("half", "(the)? n=(first | second | last | ORDNUM) half (of ,? y=YEAR)?", p_half,
         {"2020-H1": ["the first half"], "1998-H2": ["the second half of 1998"]}),
    Rule("season", "(rel=(this | last | next | past | coming | this past | this coming | that) | the)? s=SEASON (of? ,? (y=YEAR | sy=SPELLEDYEAR))?", p_season,
         {"2020-SU": ["this summer", "summer"], "2019-FA": ["last fall"], "2021-WI": ["the winter of 2021"]}),
    Rule("weekday", "(rel=(last | next | this | coming | past | this past | this coming | the previous |"
         " the following))? "
         "wd=WEEKDAY (pod=POD)?", p_weekday,
         {"2020-01-03": ["Friday", "last Friday", "Fri.", "the previous Friday"], "2020-01-10": ["next Friday"],
          "2020-01-04TNI": ["Saturday night"], "2020-01-05": ["Sunday"],
          "XXXX-WXX-2TNI": ["Tuesday nights"]}),
    Rule("weekend", "(this)? rel=(this | last | next | past | coming | the) weekend", p_weekend,
         {"2020-W01-WE": ["this weekend", "the weekend"], "2019-W52-WE": ["last weekend", "this past weekend"],
          "2020-W02-WE": ["next weekend", "this coming weekend"]}),
    Rule("relative-day", "r=RELDAY (pod=POD)?", p_relday,
         {"2020-01-04": ["yesterday"], "2020-01-05": ["today"], "2020-01-06": ["tomorrow"],
          "2020-01-05TNI": ["tonight"], "2020-01-06TMO": ["tomorrow morning"]}),
    Rule("day-before-yesterday", "the day (before | after) r=(yesterday | tomorrow)", p_day_before_after,
         {"2020-01-03": ["the day before yesterday"], "2020-01-07": ["the day after tomorrow"]}),
    Rule("this-part-of-day", "rel=(this | last | that) pod=POD", p_this_pod,
         {"2020-01-05TMO": ["this morning"], "2020-01-04TNI": ["last night"], "2020-01-05TEV": ["that evening"]}),
    Rule("relative-unit", "(the | this)? rel=(last | next | this | past | previous | prior | preceding | coming | "
         "following | same | that | current | latest) u=UNIT", p_rel_unit,
         {"2019": ["last year", "the past year"], "2020-W01": ["this week"], "2019-12": ["last month"],
          "2021": ["next year"], "2020-01-06": ["the next day", "the following day"],
          "2020-01-04": ["the previous day"], "2020-Q1": ["this quarter"], "2019-W52": ["this past week"]}),
    Rule("the-day-in", "<((earlier | later | early | late) in) the day", lambda h: Spec(type="DATE", anchor="ref",
         unit="day", shift=0, grain="day"), {"2020-01-05": ["later in the day", "earlier in the day"]}),
    Rule("then", "<(until | till | by | since | before) then !>(current | -)", lambda h: Spec(anchor="ref", unit="day",
         shift=0, grain="story", moves_story=False), {"PAST_REF": ["until [then]"]}),
    Rule("unit-before-last", "the u=(week | month | year) before last", lambda h: Spec(anchor="dct",
         unit=_unit(h.word("u")), shift=-2, grain=_unit(h.word("u"))), {"2019-W51": ["the week before last"],
                                                                          "2019-11": ["the month before last"]}),
    # "overnight": the night before the day the story is on (before publication when none is named)
    Rule("overnight", "overnight", lambda h: None if h.after(1) and h.after(1)[0] in lx.OVERNIGHT_NOUNS else Spec(
         type="TIME", anchor="ref", unit="day", shift=-1, grain="partofday", pod="NI"),
         {"2020-01-04TNI": ["rebels attacked [overnight]", "[overnight] losses"]}),
    Rule("unit-after-next", "the u=(week | month | year | weekend) after next", p_unit_after_next,
         {"2020-W03": ["the week after next"], "2020-03": ["the month after next"],
          "2020-W03-WE": ["the weekend after next"]}),
    Rule("hour-by-day-part", "<(at | by | until | till | before | after) h=DAYNUM !>(AMPM | : | . | -)",
         p_hour_by_day_part, {"2020-01-05T20:00": ["at [8 tonight]"], "2020-01-03T23:00": ["[Friday night at 11]"]}),
    Rule("clock-range-start", "<(from | between) h=DAYNUM >((to | and | -) (DAYNUM | CLOCK) AMPM)", p_clock_range_start,
         {}),  # tests/test_tagger.py: "from 8 to 10 p.m."
    Rule("the-day-before", "the u=UNIT rel=(before)", p_the_day_before,
         {"2020-01-04": ["the day before"]}),  # "Jan. 3, the day before the vote": tests/test_tagger.py
    Rule("the-year-ended", "the (fiscal)? u=year >(ended | ending)", p_the_unit_duration,
         {"P1Y": ["[the fiscal year] ended", "[the year] ending"]}),
    Rule("throughout-the-year", "<(throughout) the (fiscal)? u=(year | quarter)", p_the_unit_duration,
         {"P1Y": ["throughout [the fiscal year]"]}),
    Rule("the-unit-duration", "<(over | throughout) the u=(month | week)",
         p_the_unit_duration, {}),
    Rule("the-unit", "the u=(year | quarter | month | week) !>(-)", p_the_unit, {"2020": ["the year"]}),
    # "the decade" alone could be any decade the story names ("the 1990s, the decade of growth")
    Rule("of-the-decade", "<(of) the u=decade !>(-)", p_the_unit,
         {"202": ["the worst drought of [the decade]", "growth slowed in the second year of [the decade]"]}),
    Rule("shifted", "(n=" + _N + " (half=(and a half))? | half2=(half (a | an)) | (a)? vague=VAGUE) (- | more)? u=UNIT"
         " (half3=(and a half))? (dir=(ago | earlier | later | before | after | from now | hence | back))", p_shifted,
         {"2020-01-03": ["two days ago"], "2019": ["a year ago", "a year earlier"],
          "2020-W04": ["three weeks later"], "2025": ["five years from now"], "2017-07": ["two and a half years ago"],
          "1970": ["half a century ago"], "2019-07": ["half a year ago"], "2005": ["a decade and a half ago"]}),
    # TimeBank's "months ago": a duration up to publication, "ago" in the span (not "several years ago", PAST_REF)
    Rule("units-ago", "u=UNIT ago", lambda h: Spec(type="DURATION", value=duration_value(None, _unit(h.word("u"))))
         if h.word("u") in lx.PLURAL_UNITS else None, {"PXW": ["weeks ago"], "PTXH": ["just [hours ago]"]}),
    Rule("in-n-units", "<(in) n=" + _N + " u=UNIT !>(of | ago | earlier | later | time | -)", p_in_n_units,
         {"2020-01-26": ["in [three weeks]"], "2020-01-19": ["in [a fortnight]"], "P50Y": ["the worst drought in [50 years]"],
          "P5Y": ["the first visit in [five years]"]}),
    Rule("ref-phrase", "(the (past | future) | (the)? near future | these days | at present |"
         " the (near | short | long) term | recent years | "
         " (the)? (recent | distant) past | the present)", p_ref_phrase,
         {"PAST_REF": ["the past", "recent years"], "FUTURE_REF": ["the future", "the near term"],
          "PRESENT_REF": ["these days", "at present"]}),
    Rule("set-rate", "((NUMWORD | twice | thrice | once) (times)? | <(% | million | billion | trillion | percent |"
         " cents | dollars | shares | BIGNUM | NUM) | <((BIGNUM | NUM | NUMWORD) WORD)) (a | an | per) u=UNIT"
         " !>(ago | earlier | later | before)",
         p_set_rate, {"P1W": ["twice a week", "once a week", "700 seats [a week]", "four flights [a week]"],
                      "P1D": ["three times a day", "500 meals [a day]"]}),
    Rule("units-or-units", "u2=UNIT or u=UNIT", lambda h: Spec(type="DURATION", value=duration_value(None, min(
         _unit(h.word("u")), _unit(h.word("u2")), key=_UNIT_ORDER.index))) if {h.word("u"), h.word("u2")} <= lx.PLURAL_UNITS
         and _unit(h.word("u")) in _UNIT_ORDER and _unit(h.word("u2")) in _UNIT_ORDER else None,
         {"PXW": ["weeks or months"], "PXD": ["days or weeks"]}),
    Rule("a-unit-or-two", "(a | an | one) u=UNIT or (two | three)", lambda h: Spec(value="FUTURE_REF")
         if h.prev() in ("in", "within") else Spec(type="DURATION", value=duration_value(None, _unit(h.word("u")))),
         {"FUTURE_REF": ["in [a year or two]"], "PXD": ["for [a day or two]"]}),
    # "the 8-month-old truce": how long an event has run (TimeBank writes it a duration), not an
    # age ("a 20-year-old man")
    Rule("event-age", "n=(COUNT | NUMWORD) - u=UNIT - old", lambda h: Spec(
         type="DURATION", value=duration_value(number(h.words("n")), _unit(h.word("u"))))
         if h.after(1) and (h.after(1)[0] in lx.AGED_EVENTS) and number(h.words("n")) is not None else None,
         {"P8M": ["the [8-month-old] truce"], "P2W": ["a [two-week-old] strike"]}),
    Rule("units-per-unit", "n=" + _N + " UNIT (a | an | per) u=UNIT !>(ago | earlier | later | before)", p_set_rate,
         {"P1W": ["five days a week", "seven days a week"], "P1D": ["24 hours a day", "two hours a day"]}),
    Rule("duration", "(the | (a | an) >(NUMWORD | COUNT | additional | extra | full | entire | whole))? (first | last | next | past | coming | previous | final | initial | full | entire |"
         " whole | recent | additional | extra | latest)? ((n=" + _N + " ((to | or) n2=" + _N + ")? (half2=(and a half | COUNT / COUNT))? | vague=(several | few |"
         " a few | many | the past few | a number of | numerous)) (-)? (more | trading | business | working | calendar | straight | consecutive | successive | long)?)? u=UNIT"
         " (half=(and a half))? (or so | ahead !>(of))?"
         " (noun=(period | term))? !>(old | - old)", p_duration,
         {"P5Y": ["five years", "5 years", "5-year", "five-year", "a [five year] plan"], "PT24H": ["twenty four hours", "24 hours",
          "the last twenty-four hours"], "P2Y": ["a couple of years"], "PXM": ["months"], "P3M": ["the past three months"],
          "PXW": ["several weeks", "the weeks ahead"], "P9M": ["the first nine months"], "P1Y6M": ["a year and a half"], "PT1M30S": ["a minute and a half"],
          "PT2H30M": ["two and a half hours", "2 and a half hours", "2 1/2 hours"],
          "P3Y": ["a three-year period", "the past three years", "the [three-year] plan"], "P1Y": ["a year", "an additional year", "a full year"],
          "PXM": ["12 to 18 months"], "P18M": ["will last [18 months]"], "FUTURE_REF": ["she will [one day] lead"]}),
    Rule("half-unit", "half (an | a) u=UNIT", p_half_unit, {"PT30M": ["half an hour"], "P6M": ["half a year"], "PT12H": ["half a day"]}),
    Rule("set-every", "(every | each) ((n=(NUMWORD | NUM | other | ORDWORD))? u=UNIT | (other | second)? wd=WEEKDAY |"
         " pod=POD | m=MONTH | s=SEASON)",
         p_set_every, {"XXXX-WXX-7": ["every Sunday", "every other Sunday"], "XXXX-SU": ["every summer"], "P1Y": ["each year", "every year"],
                       "P2W": ["every two weeks", "every other week", "every second week"], "P3D": ["every third day"]}),
    Rule("set-weekends", "<(on | at) weekends", lambda h: Spec(type="SET", value="XXXX-WXX-WE"),
         {"XXXX-WXX-WE": ["open on [weekends]"]}),
    Rule("set-weekdays", "(on)? wds=WEEKDAYS", p_set_every, {"XXXX-WXX-5": ["Fridays"]}),
    Rule("set-adverb", "a=(daily | weekly | monthly | annually | yearly | quarterly | hourly | nightly | biweekly |"
         " fortnightly | semiannually | biannually) !>(WORD | of)", p_set_adverb, {"P1W": ["weekly"], "P1Y": ["annually"]}),
    Rule("ref-word", "!<(as) (right >(now) | just >(now) | more >(recently) | very >(soon) | then (-)? >(current))? r=(now | currently | current |"
         " presently | nowadays | recently | recent | lately | soon | shortly) !>(that | than | as | after | before | afterwards | afterward | thereafter)",
         p_ref_word, {"PRESENT_REF": ["now", "currently", "current", "right now"], "PAST_REF": ["recently", "More recently", "the [then-current] chief"],
                      "FUTURE_REF": ["soon", "very soon"]}),
    Rule("compact-clock", "t=(NUM | YEAR) ampm=AMPM", p_compact_clock,
         {"2020-01-05T16:30": ["430pm", "430 p.m."], "2020-01-05T11:30": ["1130am"]}),
    Rule("wire-clock", "t=(NUM | YEAR) (zone=ZONESPEC | local=(local time) | hours=(hours | hrs))", p_wire_clock,
         {"2020-01-05T06:30": ["0630 GMT", "0630 hours"], "2020-01-05T16:30": ["1630 local time", "1630 UTC"]}),
    Rule("clock", "(c=CLOCK | h=DAYNUM >(o | AMPM) (oclock=(o ' clock))?) (ampm=AMPM)? "
         "(zone=ZONESPEC | local=(local time))?", p_clock,
         {"2020-01-05T17:00": ["5:00 pm", "5 p.m.", "17:00", "5 o'clock pm", "17:00 GMT", "at [17:00:00]"],
          "PT2H3M59S": ["won in [2:03:59]"], "PT1H41M11S": ["a record of [1:41:11]"],
          "2020-04-21T10:30": ["21 Apr 1030am", "Apr 21 1030am"],
          "2020-01-05T13:00": ["1:00 pm local time", "1 p.m. UTC+3", "1:00 pm Pacific", "13:00 UTC+03:00",
                               "1 pm Eastern Standard Time", "1 pm Moscow time"]}),
    Rule("clock-word", "c=CLOCKWORD (zone=ZONESPEC | local=(local time))?", p_clock_word, {"2020-01-05T12:00": ["noon"], "2020-01-05T24:00": ["midnight"]}),
    Rule("moveable-feast", "f=(easter (sunday | monday)? | good friday | holy saturday | maundy thursday | palm sunday |"
         " ash wednesday | shrove tuesday | fat tuesday | mardi gras | pentecost | whit (sunday | monday) |"
         " ascension day | thanksgiving (day)? | black friday | cyber monday) (,? y=YEAR)?", p_feast,
         {"2020-04-12": ["Easter 2020", "Easter Sunday 2020"], "2019-04-19": ["Good Friday, 2019"],
          "2019-11-28": ["Thanksgiving 2019"], "2019-11-29": ["Black Friday 2019"],
          "2020-02-25": ["Mardi Gras 2020"]}),
    Rule("holiday", "hd=HOLIDAY (eve=(eve | day))? (,? y=YEAR)?", p_holiday,
         {"2019-12-25": ["Christmas"], "2019-12-24": ["Christmas Eve"]}),
    Rule("new-year", "new year ' s x=(day | eve)", p_new_year, {"2020-01-01": ["New Year's Day"]}),
    Rule("spelled-year", "((nineteen | eighteen) (TENS (- NUMWORD)? | NUMWORD) | (the year)? two thousand"
         " ((and)? NUMWORD)?)", p_spelled_year,
         {"1996": ["nineteen ninety-six"], "2000": ["the year two thousand"], "2003": ["two thousand and three"]}),
    Rule("period-a-year-before", "(the (corresponding | comparable | same)? (quarter | period) (of)? (last year | a year (ago |"
         " earlier | before)) | last year ' s (quarter | period))", lambda h: Spec(anchor="ref", unit="year", shift=-1,
         grain="quarter", moves_story=False), {"2019-Q1": ["the corresponding period last year", "last year's quarter",
                                                           "the quarter a year ago"]}),
    Rule("year-ago-adjective", "(the (year - (earlier | ago) | year (earlier | ago) | prior - year) u=(quarter | period) |"
         " year - (earlier | ago))",
         p_year_ago_adj, {"2019": ["year-earlier"], "2019-Q1": ["the prior-year period"]}),
    Rule("year-end", "(the)? year ((-)? end | ' s end)", p_year_end, {"2020-12-31": ["year-end", "the year-end"],
         "2020": ["year end", "year's end", "the year's end"]}),
    Rule("mid-pod", "mid (-)? pod=(morning | afternoon | evening) | mp=(midmorning | midafternoon)", lambda h: Spec(
         type="TIME", anchor="ref", unit="day", shift=0, grain="partofday", mod="MID",
         pod="MO" if h.has("mp") and h.word("mp") == "midmorning" else "AF" if h.has("mp")
         else lx.PARTS_OF_DAY[h.word("pod")]), {"2020-01-05TAF": ["mid-afternoon", "mid afternoon", "midafternoon"],
                                               "2020-01-05TMO": ["mid-morning", "midmorning"]}),
    Rule("the-next-pod", "the rel=(following | next | previous | preceding) pod=(morning | afternoon | evening | night)",
         lambda h: Spec(type="TIME", anchor="ref", unit="day", shift=-1 if h.word("rel") in ("previous", "preceding") else 1,
                        grain="partofday", pod=lx.PARTS_OF_DAY[h.word("pod")]),
         {"2020-01-06TMO": ["the following morning", "the next morning"], "2020-01-04TEV": ["the previous evening"]}),
    Rule("the-pod-before", "the pod=(morning | afternoon | evening | night) rel=(before | after)", lambda h: None
         if h.next_tag() in (WORD_TAG, CAPWORD_TAG) or h.after(1) in (["the"], ["a"], ["an"]) else Spec(type="TIME",
         anchor="ref", unit="day", shift=-1 if h.word("rel") == "before" else 1, grain="partofday",
         pod=lx.PARTS_OF_DAY[h.word("pod")]), {"2020-01-04TNI": ["the night before"], "2020-01-06TMO": ["the morning after"]}),
    Rule("the-pod", "the pod=(morning | afternoon | evening | night >(of (MONTH (.)? DAYNUM | DAYNUM | WEEKDAY)))", lambda h: Spec(type="TIME",
         anchor="ref", unit="day", shift=0, grain="partofday", pod=lx.PARTS_OF_DAY[h.word("pod")]),
         {"2020-01-05TAF": ["the afternoon"]}),
    Rule("decade-word", "the d=(twenties | thirties | forties | fifties | sixties | seventies | eighties | nineties)",
         lambda h: Spec(decade=190 + _DECADE_WORDS.index(h.word("d")) + 2), {"199": ["the nineties"]}),
    Rule("month-rel-year", "m=MONTH (of)? rel=(last | this | next) year", lambda h: Spec(
         month=_MONTH_OF[h.word("m")], anchor="dct", unit="year", shift=_REL_SHIFT[h.word("rel")], grain="month"),
         {"2019-06": ["June last year"], "2020-01": ["January this year"]}),
    Rule("date-rel-year", "(m=MONTH (.)? d=DAYNUM | d2=DAYNUM (of)? m2=MONTH (.)?) (,)? rel=(last | this | next) year",
         lambda h: Spec(month=_MONTH_OF[h.word("m") or h.word("m2")], day=int(h.word("d") or h.word("d2")),
                        anchor="dct", unit="year", shift=_REL_SHIFT[h.word("rel")], grain="day"),
         {"2019-06-09": ["June 9 last year", "9 June last year"], "2021-03-01": ["March 1 next year"]}),
    Rule("fiscal-year-rel", "(the)? (rel=(current | this | last | next | previous | coming | latest | past))?"
         " (full | fiscal | calendar | whole | entire) (fiscal | calendar)? u=year", lambda h: Spec(anchor="dct",
         unit="year", shift=_REL_SHIFT.get(h.word("rel"), 0), grain="year"),
         {"2020": ["the current fiscal year", "the full year"], "2019": ["last fiscal year"]}),
    Rule("latest-quarter", "the (latest | most recent | recent | current | same) u=(quarter | period)",
         p_latest_quarter, {"2019-Q4": ["the latest quarter"]}),
)



# phrases that must produce nothing
NEGATIVE: tuple[str, ...] = (
    "5,200 US soldiers", "1,000 meters", "the 329-member parliament", "52 sites", "a second spokesman",
    "prices may fall", "they march on", "rose 2.5%", "$1,200", "a 3-2 win", "call 555-1234",
    "2000 troops", "the first round", "sat down", "one of them", "no time to lose",
    "speaking on ABC's This Week", "This is VOA Today", "a venture called Orion 1980",
    "the Thirty Years' War", "the Six-Day War", "the Hundred Years War", "Mr. Friday said", "April Ryan asked",
    "Super Tuesday voters", "the Summer Olympics", "a goal in the 90th minute", "t.co/Yg2BC6O",
    "The sun sat low.", "at 1999 prices", "at 2000 points", "at 52nd and Main", "the 52nd BC unit",
    "the 52nd GMT office", "He was soon released.", "the flood soon became a torrent",
    "Mr. Lee, formerly the chief executive", "It was reported in The Sunday Times.",
    "the Good Friday Agreement was signed", "a speed of 60 miles per hour", "after the fall of Budapest",
    "until the fall of the regime", "a venture called Orion 1980", "Windows 2019 users",
)
