"""The temporal tagger: text -> mentions, in four pure steps.

1. `tokens.tokenize`: tokens and their tag string;
2. every rule of `rules.RULES` matched over the tag string; the longest
   match wins where matches overlap (then the rule listed first);
3. `compose`: modifiers and day + clock joins;
4. `resolve`: anchoring, in text order, so "the next day" follows the story.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from timeline._model import Mention
from timeline._reference import Reference
from timeline.tagger.compose import Candidate, apply_modifiers, clocks_before_a_day, join_adjacent, quarter_ended
from timeline.tagger.context import Tense, tense_at
from timeline.tagger.resolve import NARRATIVE_YEARS, Point, Resolved, real_year, resolve
from timeline.tagger.rules import RULES, Hit
from timeline.tagger.spec import Spec
from timeline.tagger.tokens import Tokens, tokenize

__all__ = ["tag", "candidates"]

#: the tense a caller knows for the time at characters ``[start, end)`` ("past", "future"), or None
#: where it knows nothing: the parse's, in `timeline.tagger.anchor`
TenseHint = Callable[[int, int], Tense]

# a text that names this many years gone by in a row, with no recent time between, tells a history
_HISTORY_AFTER = 4
_STORY_GRAINS = frozenset({"day", "partofday", "minute", "week", "month", "quarter", "half", "year", "season"})


def _needs_tense(spec: Spec) -> bool:
    """Only dates written without a year, weekends and counts "later" look at the sentence's tense."""
    if spec.value is not None:
        return False
    if spec.anchor is not None:  # weekends, and "40 years later" (past with nothing before it: no date)
        return spec.grain == "weekend" or (spec.anchor == "ref" and spec.shift > 0 and spec.grain is None)
    return spec.year is None and spec.decade is None and spec.century is None


def candidates(toks: Tokens) -> list[Candidate]:
    """All rule matches, overlaps settled: longest first, then rule order. In text order."""
    found: list[tuple[int, int, int, int, Candidate]] = []
    starts, ends, tags, text = toks.starts, toks.ends, toks.tags, toks.text
    present = frozenset(tags)
    for idx, rule in enumerate(RULES):
        if present.isdisjoint(rule.first):
            continue  # no tag the rule can start with: it cannot match
        produce = rule.produce
        for m in rule.regex.finditer(tags):
            a, b = m.span()
            if a == b:
                continue
            spec = produce(Hit(toks, m))
            if spec is None:
                continue
            if starts[a] and (text[starts[a] - 1] == "#" and spec.hour is None
                              or text[starts[a] - 1].isalpha() and text[starts[a]].isdigit()):
                # "#Friday", "#Christmas", "#10yrs": a hashtag names a topic ("#720pm" is still a time);
                # "HWW1HR": digits run on from letters are part of a name
                continue
            if spec.trim:
                a += spec.trim
            found.append((-(ends[b - 1] - starts[a]), idx, a, b, Candidate(a, b - 1, spec, rule.name)))
    if not found:
        return []
    found.sort(key=lambda f: (f[0], f[1], f[2]))
    taken = bytearray(len(tags))
    chosen: list[Candidate] = []
    for _, _, a, b, cand in found:
        if any(taken[a:b]):
            continue
        taken[a:b] = b"\x01" * (b - a)
        chosen.append(cand)
    chosen.sort(key=lambda c: c.first)
    return chosen


_RANGE_WORDS = frozenset({"to", "through", "until", "till", "-", "and"})
_BOUNDS = frozenset({"through", "until", "till", "thru"})
_RANGE_STARTS = frozenset({"from", "between"})


def _calendar_without_year(spec: Spec) -> bool:
    return spec.value is None and spec.anchor is None and spec.year is None and spec.month is not None \
        and spec.weekday is None


def _ranges(toks: Tokens, cands: list[Candidate]) -> dict[int, int]:
    """"from July 1 to Sept. 30", "between March and May": start candidate -> end candidate.

    Only starts written without a year: they take the year that puts them before the end."""
    pairs: dict[int, int] = {}
    for k in range(len(cands) - 1):
        a, b = cands[k], cands[k + 1]
        if b.first != a.last + 2 or toks.lower(a.last + 1) not in _RANGE_WORDS:
            continue
        if (a.first == 0 or toks.lower(a.first - 1) not in _RANGE_STARTS) and toks.lower(a.last + 1) != "-" \
                and a.rule != "day-range-start":
            continue
        # the end has a month, and a year or none ("to June 9", "to June 9 last year")
        end_year = b.spec.anchor is None or (b.spec.anchor == "dct" and b.spec.unit == "year")
        if _calendar_without_year(a.spec) and b.spec.month is not None and end_year \
                and b.spec.value is None and b.spec.weekday is None:
            pairs[k] = k + 1
        elif _bare_weekday(a.spec) and _bare_weekday(b.spec):
            pairs[k] = -(k + 1)  # "from Monday to Friday": the end is the first such day after the start
    return pairs


def _bare_weekday(spec: Spec) -> bool:
    return spec.weekday is not None and spec.anchor is None and spec.direction is None and spec.value is None


def _after_start(spec: Spec, start: Point) -> Spec:
    """The end of a weekday range: the first such weekday after its start."""
    assert spec.weekday is not None
    d = start.date + dt.timedelta(days=(spec.weekday - start.date.isoweekday() - 1) % 7 + 1)
    return spec.with_(weekday=None, year=d.year, month=d.month, day=d.day)


def _before_end(spec: Spec, end: Point) -> Spec:
    """The start of a range in the year that puts it on or before its end."""
    y = end.date.year
    if (spec.month or 0, spec.day or 1) > (end.date.month, end.date.day if spec.day else 1):
        y -= 1
    return spec.with_(year=y)


def _told(story: Point | None, ref: Reference, near: bool) -> bool:
    """Whether the text tells a history: it has named no recent time yet and its story is years before
    the publication (a plan years ahead is not a story told)."""
    return not near and story is not None and ref.date.year - real_year(story.date) >= NARRATIVE_YEARS


def _resolve(toks: Tokens, c: Candidate, ref: Reference, story: Point | None, recent: dict[str, Point], near: bool,
             spec: Spec | None = None, tense_from: int | None = None, hint: TenseHint | None = None,
             hinted: set[tuple[int, int]] | None = None, turned: bool = False, told: bool = False) -> Resolved:
    """``tense_from``: the first token the tense is read from (a range end reads it at the range's
    start); ``hint`` replaces the words' tense where it gives one, and the span goes in ``hinted``."""
    spec = spec or c.spec
    first = c.first if tense_from is None else tense_from
    tense: Tense = None
    if _needs_tense(spec):
        tense = tense_at(toks, first, c.last, day=spec.day is not None or spec.weekday is not None)
        if hint is not None:
            span = (toks.starts[c.first], toks.ends[c.last])
            said = hint(*span)
            if said is not None and said != tense:
                tense = said
                if hinted is not None:
                    hinted.add(span)
    return resolve(spec, ref, story, tense, recent, history=not near, told=told,
                   calendar=not turned)


def tag(text: str, ref: Reference, *, tense_hint: TenseHint | None = None,
        hinted: set[tuple[int, int]] | None = None) -> list[Mention]:
    """Find and normalize every time expression of ``text`` against ``ref``.

    ``tense_hint(start, end)``, when given, is the tense of the time at those characters where
    the caller knows it (the parse's verb group, `timeline.tagger.anchor`); it replaces the tense
    the words around the time give, and the spans it changed are added to ``hinted``."""
    toks = tokenize(text)
    cands = candidates(toks)
    if not cands:
        return []
    cands = join_adjacent(toks, cands)
    quarter_ended(toks, cands)
    clocks_before_a_day(toks, cands)
    apply_modifiers(toks, cands)
    story: Point | None = None
    recent: dict[str, Point] = {}  # the last point named at a grain: "quarter", "day"
    out: list[Mention] = []
    near, ref_year = False, ref.date.year  # whether a time near the publication has been named
    far_years = 0  # years written out, years before the publication, since the last recent time
    turned = False  # whether the text turned to a history after naming recent times
    starts, ends = toks.starts, toks.ends
    ranges = _ranges(toks, cands)
    ahead: dict[int, Resolved] = {}  # range ends resolved before their start
    starts_of = {-j: k for k, j in ranges.items() if j < 0}  # weekday range ends -> their starts
    out_points: dict[int, Point] = {}
    for k, c in enumerate(cands):
        spec = c.spec
        told = _told(story, ref, near)
        try:
            if k in starts_of:
                start = out_points.get(starts_of[k])
                if start is not None:
                    spec = _after_start(spec, start)
            if ranges.get(k, 0) > 0:
                j = ranges[k]
                end = _resolve(toks, cands[j], ref, story, recent, near, tense_from=c.first, hint=tense_hint,
                               hinted=hinted, turned=turned, told=told)
                ahead[j] = end
                if end.point is not None:
                    spec = _before_end(spec, end.point)
            r = ahead.pop(k) if k in ahead else _resolve(toks, c, ref, story, recent, near, spec, hint=tense_hint,
                                                          hinted=hinted, turned=turned, told=told)
            if r.point is not None:
                out_points[k] = r.point
        except (ValueError, OverflowError):
            continue
        if r.point is not None:
            close = abs(real_year(r.point.date) - ref_year) < NARRATIVE_YEARS
            if close and not (told and (spec.deictic or spec.year is None)):
                # news that names a recent date first reads later years as asides; a history comes back
                # to the present when it names a recent year ("today" in a quote or "that day" do not)
                near, far_years, turned = True, 0, False
            elif not close and spec.year is not None and spec.moves_story and real_year(r.point.date) < ref_year:
                far_years += 1  # a year written out, years back
                if near and far_years >= _HISTORY_AFTER:
                    # so many years back in a row: the text has turned to a history, whose months and
                    # seasons take its year (its weekdays and "last year" still count from the publication)
                    near, turned = False, True
        # the end of a period ("open through Feb. 8") bounds the story; it does not move it there;
        # nor does "today" in a history told in the text (a word of the writer's, not of the story)
        bound = c.first > 0 and toks.lower(c.first - 1) in _BOUNDS or told and spec.deictic
        if r.point is not None and r.grain in ("quarter", "day", "partofday", "minute") and spec.moves_story \
                and not bound:
            recent["quarter" if r.grain == "quarter" else "day"] = r.point
            if r.grain == "quarter" and r.interval is not None and r.interval.end.date() <= ref.date:
                recent["reported"] = r.point  # a quarter that had ended: what results are reported for
        if r.point is not None and r.grain in _STORY_GRAINS and spec.moves_story and not bound:
            story = r.point
        s, e = starts[c.first], ends[c.last]
        out.append(Mention(start=s, end=e, text=text[s:e], type=spec.type, value=r.value,  # type: ignore[arg-type]
                           mod=spec.mod, grain=r.grain, interval=r.interval, rule=c.rule,  # type: ignore[arg-type]
                           zone=spec.zone))
    return out
