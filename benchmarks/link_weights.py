#!/usr/bin/env python3
"""Score the event-time link costs (`timeline.events.detect.WEIGHTS`) fast, and search them.

    python benchmarks/link_weights.py [--gold ../shared/data/timebank]            # the current weights
    python benchmarks/link_weights.py --set noun=1.2 --set comma=6                # try other values
    python benchmarks/link_weights.py --search                                   # two-fold search

The documents are tagged and cut into sentences once; each scoring then runs only
`choose_links` and counts as `benchmarks/tlinks.py` does for the time expressions'
own links (same precision and recall for the tagger's mentions, end to end), in a
few hundredths of a second. ``--search`` tries, weight by weight, a few values around
the current one on one half of the documents (by position, even / odd) and reports
the result on the other half: a change that helps only the half it was chosen on is
fitting the corpus, not linking better.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
for p in (REPO, REPO / "benchmarks"):
    if str(p) not in sys.path:
        sys.path.insert(0, str(p))

DEFAULT_GOLD = REPO.parent / "shared" / "data" / "timebank"


def load(gold: Path) -> list[tuple[list[Any], list[Any], list[tuple[int, int]]]]:
    """Per document: its sentences with a time (tokens, mention indices, durations, day grains), gold
    pairs, mention spans."""
    import tlinks

    import timeline
    from timeline.events.detect import _DAY_GRAINS
    from timeline.events.text import sentences, tokenize
    from timeline.timeml import read_timeml

    data = []
    for path in sorted(gold.glob("*.tml")):
        doc = read_timeml(path)
        if not doc.published:
            continue
        pairs, _ = tlinks.gold_of(doc)
        ms = timeline.extract(doc.text, published=doc.published)
        sents = []
        for a, b in sentences(doc.text):
            idxs = [i for i, m in enumerate(ms) if a <= m.start < b and m.type != "SET"]
            if idxs:
                s = tokenize(doc.text, a, b, [(ms[i].start, ms[i].end, i) for i in idxs])
                sents.append((s, idxs, [ms[i].type == "DURATION" for i in idxs],
                              [ms[i].grain in _DAY_GRAINS for i in idxs]))
        data.append((sents, pairs, [(m.start, m.end) for m in ms]))
    return data


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def score(data: list[Any], weights: dict[str, float], half: int | None = None) -> tuple[float, float, float]:
    """Link precision, recall and F1 over the documents (``half``: 0 or 1 for every other one)."""
    from timeline.events.detect import choose_links

    gold = matched = sys_links = sys_ok = 0
    for k, (sents, pairs, spans) in enumerate(data):
        if half is not None and k % 2 != half:
            continue
        links = [((s.starts[j], s.ends[j]), spans[i]) for s, idxs, durs, days in sents
                 for i, j, _ in choose_links(s, idxs, durs, weights, days)]
        timexes = {tx for _, tx in pairs}
        gold += len(pairs)
        matched += sum(any(_overlaps(ev, e) and _overlaps(tx, t) for e, t in links) for ev, tx in pairs)
        for e, t in links:
            if any(_overlaps(t, g) for g in timexes):
                sys_links += 1
                sys_ok += any(_overlaps(e, ev) and _overlaps(t, tx) for ev, tx in pairs)
    p = sys_ok / sys_links if sys_links else 0.0
    r = matched / gold if gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def search(data: list[Any], start: dict[str, float], half: int) -> dict[str, float]:
    """Coordinate search on one half: each weight in turn takes the value that raises F1 most."""
    weights = dict(start)
    best = score(data, weights, half)[2]
    for _ in range(2):
        for key in weights:
            current = weights[key]
            for value in (current - 1.0, current - 0.5, current + 0.5, current + 1.0, current * 0.5, current * 1.5):
                weights[key] = value
                f1 = score(data, weights, half)[2]
                if f1 > best + 1e-9:
                    best, current = f1, value
            weights[key] = current
    return weights


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--gold", type=Path, default=DEFAULT_GOLD, help="folder of TimeML files")
    ap.add_argument("--set", action="append", default=[], metavar="NAME=VALUE", help="change one weight")
    ap.add_argument("--search", action="store_true", help="two-fold coordinate search of the weights")
    args = ap.parse_args(argv)
    from timeline.events.detect import WEIGHTS

    weights = dict(WEIGHTS)
    for item in args.set:
        name, _, value = item.partition("=")
        if name not in weights:
            ap.error(f"--set {item}: no weight named {name!r} (known: {', '.join(weights)})")
        weights[name] = float(value)
    if not args.gold.is_dir():
        ap.error(f"--gold {args.gold}: not a folder")
    data = load(args.gold)
    p, r, f = score(data, weights)
    print(f"links: P {p:.3f}  R {r:.3f}  F1 {f:.3f}  ({len(data)} documents)")
    if args.search:
        for half in (0, 1):
            fitted = search(data, weights, half)
            other = 1 - half
            print(f"fitted on half {half}: F1 there {score(data, weights, half)[2]:.3f} -> "
                  f"{score(data, fitted, half)[2]:.3f}; on half {other} {score(data, weights, other)[2]:.3f} -> "
                  f"{score(data, fitted, other)[2]:.3f}")
            print("  changed:", {k: v for k, v in fitted.items() if v != weights[k]})
    return 0


if __name__ == "__main__":
    sys.exit(main())
