"""The temporal tagger: text -> mentions, in four pure steps.

1. `tokens.tokenize`: tokens and their tag string;
2. every rule of `rules.RULES` matched over the tag string; the longest
   match wins where matches overlap (then the rule listed first);
3. `compose`: modifiers and day + clock joins;
4. `resolve`: anchoring, in text order, so "the next day" follows the story.
"""

from __future__ import annotations

from timeline._model import Mention
from timeline._reference import Reference
from timeline.tagger.compose import Candidate, apply_modifiers, join_day_and_time, quarter_ended
from timeline.tagger.context import tense_at
from timeline.tagger.resolve import Point, resolve
from timeline.tagger.rules import RULES, Hit
from timeline.tagger.spec import Spec
from timeline.tagger.tokens import Tokens, tokenize

__all__ = ["tag", "candidates"]

_STORY_GRAINS = frozenset({"day", "partofday", "minute", "week", "month", "quarter", "half", "year", "season"})


def _needs_tense(spec: Spec) -> bool:
    """Only dates written without a year, and weekends, look at the sentence's tense."""
    if spec.value is not None:
        return False
    if spec.anchor is not None:
        return spec.grain == "weekend"
    return spec.year is None and spec.decade is None and spec.century is None


def candidates(toks: Tokens) -> list[Candidate]:
    """All rule matches, overlaps settled: longest first, then rule order. In text order."""
    found: list[tuple[int, int, int, int, Candidate]] = []
    starts, ends, tags = toks.starts, toks.ends, toks.tags
    for idx, rule in enumerate(RULES):
        produce = rule.produce
        for m in rule.regex.finditer(tags):
            a, b = m.span()
            if a == b:
                continue
            spec = produce(Hit(toks, m))
            if spec is None:
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


def tag(text: str, ref: Reference) -> list[Mention]:
    """Find and normalize every time expression of ``text`` against ``ref``."""
    toks = tokenize(text)
    cands = candidates(toks)
    if not cands:
        return []
    cands = join_day_and_time(toks, cands)
    quarter_ended(toks, cands)
    apply_modifiers(toks, cands)
    story: Point | None = None
    recent: dict[str, Point] = {}  # the last point named at a grain: "quarter", "day"
    out: list[Mention] = []
    near, ref_year = False, ref.date.year  # whether a time near the publication has been named
    starts, ends = toks.starts, toks.ends
    for c in cands:
        spec = c.spec
        try:
            r = resolve(spec, ref, story, tense_at(toks, c.first, c.last, day=spec.day is not None or spec.weekday is not None)
                        if _needs_tense(spec) else None,
                        recent, history=not near)
        except (ValueError, OverflowError):
            continue
        if r.point is not None and abs(r.point.date.year - ref_year) <= 1:
            near = True
        if r.point is not None and r.grain in ("quarter", "day", "partofday", "minute") and spec.moves_story:
            recent["quarter" if r.grain == "quarter" else "day"] = r.point
        if r.point is not None and r.grain in _STORY_GRAINS and spec.moves_story:
            story = r.point
        s, e = starts[c.first], ends[c.last]
        out.append(Mention(start=s, end=e, text=text[s:e], type=spec.type, value=r.value,  # type: ignore[arg-type]
                           mod=spec.mod, grain=r.grain, interval=r.interval, rule=c.rule,  # type: ignore[arg-type]
                           zone=spec.zone))
    return out
