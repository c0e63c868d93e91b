#!/usr/bin/env python3
"""Event-time links and relations to publication, scored on TimeBank's gold TLINKs.

    python benchmarks/tlinks.py [--gold ../shared/data/timebank] [--gold-timexes] [--errors FILE] [--no-timing]

For each ``*.tml`` the text of ``<TEXT>`` goes through ``timeline.extract``
then the event step (`timeline.events.build`, given those mentions), so links
are scored end to end; ``--gold-timexes`` gives the event step the gold TIMEX3
spans and values instead (the linking alone).

* **Links.** Gold pairs: TLINKs between an EVENT instance and a DATE or TIME
  TIMEX3 of the same sentence. System links: each event's time to its trigger
  and to the other words of the same event (`Event.also`). A system link (time mention -> trigger) matches
  a gold pair when the mention overlaps the gold timex and the trigger overlaps
  the gold EVENT. Recall = gold pairs matched / gold pairs; precision = system
  links that match a gold pair / system links from mentions that overlap a gold
  timex having such a pair.
* **Relation to publication.** Gold: TLINKs between an event and ``t0``,
  reduced to past (BEFORE, IBEFORE, ENDED_BY, ENDS), future (AFTER, IAFTER,
  BEGUN_BY, BEGINS) and overlap (INCLUDES, IS_INCLUDED, SIMULTANEOUS, DURING,
  DURING_INV, IDENTITY). Right = system events whose trigger overlaps such a
  gold event and whose t0 relation has the same coarse value / those events;
  coverage = gold t0 events the system relates / gold t0 events. Scored twice: for the events
  of the timeline (`build`), and for every event of the TimeML document that ``timeline extract
  --format timeml`` writes (the timeline's events and every other verb and event noun, related by
  its tense), read back with `timeline.timeml.read_timeml_string`.
* **Halves.** Links and every event's relation to publication are also printed for the even and
  odd documents (by position in the sorted file list), so that a rule can be kept only when
  neither half goes down.
* **Cost.** Seconds of tagging alone, and of the event step on top of it (`build`
  given the tagger's mentions), over the whole corpus, measured in alternation
  (``--rounds``, 7 by default): the best of each and the median of the paired ratios.
"""

from __future__ import annotations

import argparse
import bisect
import re
import sys
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))
if str(REPO / "benchmarks") not in sys.path:
    sys.path.insert(0, str(REPO / "benchmarks"))  # sentences.py, when imported as benchmarks.tlinks

DEFAULT_GOLD = REPO.parent / "shared" / "data" / "timebank"
PAST = {"BEFORE", "IBEFORE", "ENDED_BY", "ENDS"}
FUTURE = {"AFTER", "IAFTER", "BEGUN_BY", "BEGINS"}
OVERLAP = {"INCLUDES", "IS_INCLUDED", "SIMULTANEOUS", "DURING", "DURING_INV", "IDENTITY"}


def coarse(rel: str, event_first: bool = True) -> str | None:
    """past / future / overlap of the event with respect to t0 (``rel`` read event-first)."""
    if not event_first:
        rel = {"BEFORE": "AFTER", "AFTER": "BEFORE", "IBEFORE": "IAFTER", "IAFTER": "IBEFORE",
               "ENDS": "ENDED_BY", "ENDED_BY": "ENDS", "BEGINS": "BEGUN_BY", "BEGUN_BY": "BEGINS",
               "INCLUDES": "IS_INCLUDED", "IS_INCLUDED": "INCLUDES"}.get(rel, rel)
    if rel in PAST:
        return "past"
    if rel in FUTURE:
        return "future"
    if rel in OVERLAP:
        return "overlap"
    return None


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def gold_of(doc: Any) -> tuple[list[tuple[tuple[int, int], tuple[int, int]]], dict[tuple[int, int], str]]:
    """(event span, timex span) gold pairs in one sentence; event span -> coarse t0 relation."""
    from sentences import sentences

    bounds = sentences(doc.text)
    starts = [b[0] for b in bounds]

    def sid(o: int) -> int:
        return bisect.bisect_right(starts, o)

    events = {e.eid: e for e in doc.events}
    inst = {i.eiid: events.get(i.eid) for i in doc.instances}
    timexes = {t.tid: t for t in doc.timexes}
    pairs = []
    t0: dict[tuple[int, int], str] = {}
    for link in doc.tlinks:
        a, b, rel = link.source, link.target, link.rel_type
        event_first = True
        if a.startswith("t") and b.startswith("ei"):
            a, b, event_first = b, a, False
        if not (a.startswith("ei") and b.startswith("t")):
            continue
        ev = inst.get(a)
        if ev is None:
            continue
        if b == "t0":
            c = coarse(rel, event_first)
            if c is not None:
                t0[(ev.start, ev.end)] = c
            continue
        tx = timexes.get(b)
        if tx is None or tx.type not in ("DATE", "TIME"):
            continue
        if sid(ev.start) != sid(tx.start):
            continue
        pairs.append(((ev.start, ev.end), (tx.start, tx.end)))
    return sorted(set(pairs)), t0


def _gold_mentions(doc: Any) -> list[Any]:
    import timeline

    out = []
    for t in doc.timexes:
        out.append(timeline.Mention(start=t.start, end=t.end, text=t.text, type=t.type, value=t.value, mod=t.mod))
    return out


def system_links(doc: Any, mentions: list[Any]) -> list[tuple[tuple[int, int], tuple[int, int], str, bool]]:
    """(trigger span, mention span, t0 coarse, first) for every time-dated event of the document;
    ``first`` marks the link of an event's own trigger to its own time (not `also`, `more_times`)."""
    from timeline.events.build import build

    tl = build(doc.text, published=doc.published, mentions=mentions)
    out = []
    for e in (*tl.events, *tl.unplaced):
        if e.time is None:
            continue
        rel = _COARSE[e.t0]
        # the other words of the same event ("called" a Monday strike) are linked too, and to the
        # other times of the event
        for t in (e.trigger, *e.also):
            for m in (e.time, *(x.time for x in e.more_times)):
                out.append(((t.start, t.end), (m.start, m.end), rel, t is e.trigger and m is e.time))
    for e in (*tl.events, *tl.unplaced):
        if e.time is None:
            out.append(((e.trigger.start, e.trigger.end), (-1, -1), _COARSE[e.t0], False))
    return out


_COARSE = {"BEFORE": "past", "AFTER": "future", "INCLUDES": "overlap", "IS_INCLUDED": "overlap"}


def t0_relations(doc: Any, mentions: list[Any]) -> list[tuple[tuple[int, int], str]]:
    """(trigger span, t0 coarse) of every event of the TimeML that ``timeline extract --format
    timeml`` writes for the document: the timeline's events and every other event word."""
    from timeline._cli_io import Document
    from timeline.cli import render_timeml
    from timeline.timeml import read_timeml_string

    d = Document(id=doc.doc_id, source=doc.doc_id, text=doc.text, published=doc.published, output_name=doc.doc_id)
    out = read_timeml_string(render_timeml(d, mentions, doc.doc_id))
    _, t0 = gold_of(out)
    return sorted(t0.items())


def read_dated(folder: str | Path) -> list[Any]:
    """The documents of the ``*.tml`` files of ``folder`` that have a publication date (empty when
    there are none: the caller says so)."""
    from timeline.timeml import read_timeml

    return [d for d in (read_timeml(p) for p in sorted(Path(folder).glob("*.tml"))) if d.published]


def run(args: argparse.Namespace) -> int:
    import timeline
    from timeline.events.build import build

    docs = read_dated(args.gold)
    if not docs:
        print(f"error: no dated .tml files under {args.gold}", file=sys.stderr)
        return 2
    timeline.extract("The talks resumed on Monday.", published="2000-01-05")

    gold_pairs = matched_pairs = 0
    found_linked = first_right = 0  # gold-linked timexes the tagger finds; those whose event is right
    sys_links = sys_ok = 0
    t0_gold = t0_sys = t0_right = 0
    t0_covered = 0
    all_sys = all_right = 0
    all_covered: set[tuple[str, tuple[int, int]]] = set()
    errors: list[str] = []
    # per half (even / odd documents by position in the sorted file list): link ok, system links,
    # matched pairs, gold pairs, every-event t0 right, every-event t0 scored
    halves = [[0] * 6, [0] * 6]
    for n_doc, doc in enumerate(docs):
        before = (sys_ok, sys_links, matched_pairs, gold_pairs, all_right, all_sys)
        pairs, t0 = gold_of(doc)
        mentions = _gold_mentions(doc) if args.gold_timexes else timeline.extract(doc.text, published=doc.published)
        links = system_links(doc, mentions)
        gold_timexes = {tx for _, tx in pairs}
        gold_pairs += len(pairs)
        for tx in gold_timexes:
            firsts = [s_ev for s_ev, s_tx, _, first in links if first and _overlaps(tx, s_tx)]
            if any(_overlaps(tx, (m.start, m.end)) for m in mentions):
                found_linked += 1
                first_right += any(_overlaps(f, ev) for f in firsts for ev, g in pairs if g == tx)
        for ev, tx in pairs:
            if any(_overlaps(ev, s_ev) and _overlaps(tx, s_tx) for s_ev, s_tx, _, _ in links):
                matched_pairs += 1
            elif args.errors:
                got = [doc.text[s[0]:s[1]] for s, st, _, _ in links if _overlaps(tx, st)]
                errors.append(f"MISS {doc.doc_id}: time {doc.text[tx[0]:tx[1]]!r} gold event "
                              f"{doc.text[ev[0]:ev[1]]!r} system {got}  ~ {_ctx(doc.text, tx)}")
        for s_ev, s_tx, rel, _ in links:
            if s_tx[0] >= 0 and any(_overlaps(s_tx, g) for g in gold_timexes):
                sys_links += 1
                sys_ok += any(_overlaps(s_ev, ev) and _overlaps(s_tx, tx) for ev, tx in pairs)
        t0_gold += len(t0)
        covered = set()
        for s_ev, rel in t0_relations(doc, mentions):
            hit = next((g for g in t0 if _overlaps(s_ev, g)), None)
            if hit is None:
                continue
            all_sys += 1
            all_covered.add((doc.doc_id, hit))
            all_right += t0[hit] == rel
            if t0[hit] != rel and args.errors:
                errors.append(f"T0ALL {doc.doc_id}: {doc.text[s_ev[0]:s_ev[1]]!r} gold {t0[hit]} system {rel}"
                              f"  ~ {_ctx(doc.text, s_ev)}")
        for s_ev, rel in dict.fromkeys((s_ev, rel) for s_ev, _, rel, _ in links):  # each event word once
            hit = next((g for g in t0 if _overlaps(s_ev, g)), None)
            if hit is None:
                continue
            t0_sys += 1
            covered.add(hit)
            if t0[hit] == rel:
                t0_right += 1
            elif args.errors:
                errors.append(f"T0   {doc.doc_id}: {doc.text[s_ev[0]:s_ev[1]]!r} gold {t0[hit]} system {rel}"
                              f"  ~ {_ctx(doc.text, s_ev)}")
        t0_covered += len(covered)
        after = (sys_ok, sys_links, matched_pairs, gold_pairs, all_right, all_sys)
        for j in range(6):
            halves[n_doc % 2][j] += after[j] - before[j]

    p = sys_ok / sys_links if sys_links else 0.0
    r = matched_pairs / gold_pairs if gold_pairs else 0.0
    mode = "gold timexes" if args.gold_timexes else "system timexes (end to end)"
    # the ceiling of one link per time expression: every gold-linked timex the tagger finds, with
    # one right event each; and the share of its first choices that must be right to reach 0.80
    need = -(-4 * gold_pairs // 5)  # ceil(0.8 * gold pairs)
    print(f"{Path(args.gold).name}: event-time links, {len(docs)} documents, {mode}")
    print(f"  links:      P {p:.3f} ({sys_ok}/{sys_links})  R {r:.3f} ({matched_pairs}/{gold_pairs})  "
          f"F1 {2 * p * r / (p + r) if p + r else 0:.3f}")
    if found_linked:
        reach = (f"{need / found_linked:.3f} of the first choices if no second link is added" if need <= found_linked
                 else "more than one link per time")
        print(f"  one link per time: first choices right {first_right / found_linked:.3f} ({first_right}/{found_linked} "
              f"gold-linked times found); all right would give R {found_linked / gold_pairs:.3f}; R 0.80 needs "
              f"{need} links right, {reach}")
    for name, h in zip(("even", "odd"), halves):
        hp = h[0] / h[1] if h[1] else 0.0
        hr = h[2] / h[3] if h[3] else 0.0
        print(f"  {name:4s} half: links P {hp:.3f} ({h[0]}/{h[1]})  R {hr:.3f} ({h[2]}/{h[3]})  "
              f"F1 {2 * hp * hr / (hp + hr) if hp + hr else 0:.3f}; every event to t0 right "
              f"{h[4] / h[5] if h[5] else 0:.3f} ({h[4]}/{h[5]})")
    right = t0_right / t0_sys if t0_sys else 0.0
    print(f"  to t0:      right {right:.3f} ({t0_right}/{t0_sys})  coverage {t0_covered / t0_gold if t0_gold else 0:.3f} "
          f"({t0_covered}/{t0_gold} gold events)")
    print(f"  every event to t0: right {all_right / all_sys if all_sys else 0:.3f} ({all_right}/{all_sys})  "
          f"coverage {len(all_covered) / t0_gold if t0_gold else 0:.3f} ({len(all_covered)}/{t0_gold} gold events)")
    if args.no_timing:
        return _finish(args, errors)

    # cost: the event step (build, given the tagger's mentions) against tagging alone, measured in
    # alternation so that both see the same load; the best of each, and the median of the ratios
    mentions_of = [timeline.extract(d.text, published=d.published) for d in docs]
    tag_times: list[float] = []
    event_times: list[float] = []
    for _ in range(args.rounds):
        t = time.perf_counter()
        for d in docs:
            timeline.extract(d.text, published=d.published)
        tag_times.append(time.perf_counter() - t)
        t = time.perf_counter()
        for d, ms in zip(docs, mentions_of):
            build(d.text, published=d.published, mentions=ms)
        event_times.append(time.perf_counter() - t)
    ratios = sorted(e / t for e, t in zip(event_times, tag_times))
    tag_s, event_s = min(tag_times), min(event_times)
    print(f"  cost:       tagging {tag_s:.3f} s, the timeline on top {event_s:.3f} s (best of {args.rounds} each): "
          f"+{100 * event_s / tag_s:.1f}% over tagging; median of the paired ratios +{100 * ratios[len(ratios) // 2]:.1f}%")
    floor_s = min(_floor(docs, mentions_of) for _ in range(args.rounds))
    print(f"  floor:      reading each word of the sentences that hold a time once (split, one look-up each) "
          f"{floor_s:.3f} s: +{100 * floor_s / tag_s:.1f}% of tagging before any linking")
    return _finish(args, errors)


_WORD_RE = re.compile(r"[A-Za-z]+(?:-[A-Za-z]+)*|\d+(?:[.,:]\d+)*|[^\sA-Za-z\d]")


def _floor(docs: list[Any], mentions_of: list[list[Any]]) -> float:
    """Seconds for the least any event step must do, whatever its design: cut each document into
    sentences, and each sentence holding a time into words, each looked up once in a table."""
    from sentences import sentences

    table = frozenset(("said", "will", "the", "on", "by"))
    t = time.perf_counter()
    for d, ms in zip(docs, mentions_of):
        bounds = sentences(d.text)
        starts = [b[0] for b in bounds]
        for i in sorted({bisect.bisect_right(starts, m.start) - 1 for m in ms}):
            a, b = bounds[i]
            [w.lower() in table for w in _WORD_RE.findall(d.text, a, b)]
    return time.perf_counter() - t


def _finish(args: argparse.Namespace, errors: list[str]) -> int:
    if args.errors:
        Path(args.errors).write_text("\n".join(errors) + "\n", encoding="utf-8")
    return 0


def _ctx(text: str, span: tuple[int, int]) -> str:
    a = max(0, span[0] - 80)
    return " ".join((text[a:span[0]] + "[[" + text[span[0]:span[1]] + "]]" + text[span[1]:span[1] + 60]).split())


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--gold", default=str(DEFAULT_GOLD), help="folder of TimeML files (default: %(default)s)")
    ap.add_argument("--gold-timexes", action="store_true", help="link the gold TIMEX3s instead of the tagger's")
    ap.add_argument("--errors", metavar="FILE", help="write missed links and wrong t0 relations here")
    ap.add_argument("--rounds", type=int, default=7, help="timing rounds (tagging and the timeline alternate)")
    ap.add_argument("--no-timing", action="store_true", help="skip the cost measurement")
    return run(ap.parse_args(argv))


if __name__ == "__main__":
    sys.exit(main())
