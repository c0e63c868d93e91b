#!/usr/bin/env python3
"""Could a learned ranker pick the event a time dates better than the hand weights?

    PYTHONPATH=. python benchmarks/link_rerank.py [--gold ../shared/data/timebank] [--epochs 20] [--l2 0.01]

Every TimeBank document is tagged (`timeline.extract`) and cut into sentences and tokens as
`timeline.events.detect.detect` does. Each DATE or TIME mention that overlaps a gold TIMEX3 with a
gold event link in its sentence (`tlinks.gold_of`) is one ranking problem: the triggers
`candidates()` lists for it, each labelled right when it overlaps a gold event linked to that timex.

Each (time, candidate) pair gets sparse features: the hand cost and its parts (the cost with one
weight of `WEIGHTS` set to 1 and the others to 0; the cost is linear in them), the rank by cost,
distance, side, the candidate's word, kind and tense, the word and preposition before the time,
commas / clause words / verbs / times between, the time's type and grain, nearest verb on each side,
and a few conjunctions. Two learners put a right candidate first, both anchored on the hand cost
(weight -1) so that they learn corrections to it: an averaged perceptron started there, and a
softmax over the candidates of a time (logistic regression by SGD) whose L2 pulls the corrections
to 0. Each is also trained on fewer features: without the words themselves ("no words"), and on
the cost parts alone (a refit of `WEIGHTS`). Reported: the share of times whose top candidate is
right, for the hand cost (the baseline), each learner held out (two folds by even / odd document,
as ``link_weights.py --search``; and five folds by document index mod 5) and in sample (trained
and tested on all), and the oracle (times with any right candidate).

The baseline is the top of `candidates()` per mention (before `choose_links`' range and head-noun
steps), so it differs slightly from the 0.787 of ``tlinks.py`` (which counts gold timexes, end to
end). Private helpers imported from `timeline.events.detect`: `_prefix`, `_DAY_GRAINS`.
"""

from __future__ import annotations

import argparse
import math
import random
import sys
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
for p in (REPO, REPO / "benchmarks"):
    if str(p) not in sys.path:
        sys.path.insert(0, str(p))

DEFAULT_GOLD = REPO.parent / "shared" / "data" / "timebank"
#: weights that are no linear part of a candidate's cost (switches, or used by `choose_links` only)
_NOT_PARTS = {"clause_fronted", "second", "second_margin"}

Feats = dict[str, float]
#: one time: (document index, candidates as (features, right), hand-cost top is right)
Item = tuple[int, list[tuple[Feats, bool]]]


_LEXICAL = ("w=", "w_side=", "suffix=", "prev=", "after_time=")
#: feature sets compared: all; without the words themselves; the hand cost and its parts (a refit of WEIGHTS)
GROUPS: dict[str, Callable[[str], bool]] = {
    "all": lambda k: True,
    "no words": lambda k: not k.startswith(_LEXICAL),
    "cost parts": lambda k: k in ("bias", "cost") or k.startswith("part:"),
}


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _bucket(n: int) -> str:
    return str(n) if n < 4 else "4-6" if n < 7 else "7-10" if n < 11 else "11+"


def features(s: Any, first: int, last: int, m: Any, got: list[tuple[float, int]],
             parts: dict[int, dict[str, float]]) -> list[Feats]:
    """The features of each candidate of ``got`` (cost, token; cheapest first) for the time at
    tokens ``first``..``last`` of sentence ``s``."""
    from timeline.events.detect import tense_of
    from timeline.events.lexicon import REPORTING
    from timeline.events.text import CLAUSE, PREP, PUNCT, TIME, VERB

    lows, kinds = s.lows, s.kinds
    prev = lows[first - 1] if first else "<s>"
    prep = next((lows[k] for k in range(first - 1, max(-1, first - 4), -1) if kinds[k] == PREP), "none")
    after = lows[last + 1] if last + 1 < len(lows) else "</s>"
    verbs = [j for j, k in enumerate(kinds) if k == VERB]
    next_verb = next((j for j in verbs if j > last), None)
    prev_verb = next((j for j in reversed(verbs) if j < first), None)
    ttype, grain = m.type, m.grain or "none"
    head = "fronted" if first <= 2 or (first and lows[first - 1] == ",") else "inside"
    left_rank = right_rank = 0
    out: list[Feats] = []
    for rank, (cost, j) in enumerate(got):
        right = j > last
        lo, hi = (last + 1, j) if right else (j + 1, first)
        between = range(lo, hi)
        side = "R" if right else "L"
        if right:
            right_rank += 1
        else:
            left_rank += 1
        w, kind, tense = lows[j], kinds[j], tense_of(s, j)
        dist = _bucket(len(between))
        f: Feats = {"bias": 1.0, "cost": cost, f"rank={min(rank, 5)}": 1.0, f"side={side}": 1.0,
                    f"dist={dist}": 1.0, f"side_rank={side}{min(right_rank if right else left_rank, 3)}": 1.0,
                    f"w={w}": 1.0, f"kind={kind}": 1.0, f"tense={tense}": 1.0, f"w_side={w}|{side}": 1.0,
                    f"prev={prev}": 1.0, f"prep={prep}": 1.0, f"after_time={after}": 1.0,
                    f"type={ttype}|{side}": 1.0, f"grain={grain}|{side}": 1.0,
                    f"prep_side={prep}|{side}": 1.0, f"prep_kind={prep}|{kind}": 1.0,
                    f"prep_tense={prep}|{tense}": 1.0, f"side_kind={side}|{kind}": 1.0,
                    f"tense_side={tense}|{side}": 1.0, f"grain_tense={grain}|{tense}": 1.0,
                    f"pos_side={head}|{side}": 1.0, f"dist_side_kind={dist}|{side}|{kind}": 1.0,
                    f"suffix={w[-3:]}|{kind}": 1.0}
        f.update((f"part:{k}", v / 10) for k, v in parts.get(j, {}).items() if v)
        if any(lows[k] in (",", ";", ":") for k in between):
            f[f"comma|{side}"] = 1.0
        if any(kinds[k] == CLAUSE for k in between):
            f[f"clause|{side}"] = 1.0
        if any(kinds[k] == VERB for k in between):
            f[f"verb_between|{side}|{kind}"] = 1.0
        if any(kinds[k] == TIME for k in between):
            f[f"time_between|{side}"] = 1.0
        if any(kinds[k] == PUNCT and lows[k] in ('"', "“", "”", "''", "``") for k in between):
            f["quote_between"] = 1.0
        if j == next_verb:
            f["first_verb_after"] = 1.0
            f[f"first_verb_after|{head}"] = 1.0
        if j == prev_verb:
            f["nearest_verb_before"] = 1.0
            f[f"nearest_verb_before|{prep}"] = 1.0
        if w in REPORTING:
            f[f"reporting|{side}|{dist}"] = 1.0
        if rank == 0:
            f[f"top|{kind}|{side}"] = 1.0
        out.append(f)
    return out


def load(gold: Path) -> tuple[list[Item], int]:
    """The ranking problems of the corpus, and the number of documents."""
    import tlinks

    import timeline
    from timeline.events.detect import _DAY_GRAINS, WEIGHTS, _prefix, candidates
    from timeline.events.text import NOUN, VERB, sentences, tokenize
    from timeline.timeml import read_timeml

    units = {k: {x: (1.0 if x == k else 0.0) for x in WEIGHTS} for k in WEIGHTS if k not in _NOT_PARTS}
    items: list[Item] = []
    docs = [d for d in (read_timeml(p) for p in sorted(gold.glob("*.tml"))) if d.published]
    for di, doc in enumerate(docs):
        pairs, _ = tlinks.gold_of(doc)
        events_of: dict[tuple[int, int], list[tuple[int, int]]] = defaultdict(list)
        for ev, tx in pairs:
            events_of[tx].append(ev)
        assert doc.published is not None
        ms = timeline.extract(doc.text, published=doc.published)
        for a, b in sentences(doc.text):
            dated = [i for i, m in enumerate(ms) if a <= m.start < b and m.type != "SET"]
            asked = [i for i in dated if ms[i].type in ("DATE", "TIME")
                     and any(_overlaps((ms[i].start, ms[i].end), tx) for tx in events_of)]
            if not asked:
                continue
            s = tokenize(doc.text, a, b, [(ms[i].start, ms[i].end, i) for i in dated])
            pre = _prefix(s)
            triggers = [j for j, k in enumerate(s.kinds) if k in (VERB, NOUN)]
            for i in asked:
                m = ms[i]
                if i not in s.times:
                    continue
                gold_evs = [ev for tx, evs in events_of.items() if _overlaps((m.start, m.end), tx) for ev in evs]
                day = m.grain in _DAY_GRAINS
                first, last, got = candidates(s, i, False, pre, WEIGHTS, triggers, day=day)
                if not got:
                    continue
                parts: dict[int, dict[str, float]] = defaultdict(dict)
                for k, wt in units.items():
                    for c, j in candidates(s, i, False, pre, wt, triggers, day=day)[2]:
                        parts[j][k] = c
                feats = features(s, first, last, m, got, parts)
                labels = [any(_overlaps((s.starts[j], s.ends[j]), ev) for ev in gold_evs) for _, j in got]
                items.append((di, list(zip(feats, labels))))
    return items, len(docs)


def _score(w: Feats, f: Feats) -> float:
    return sum(w.get(k, 0.0) * v for k, v in f.items())


def _top(w: Feats, cands: list[tuple[Feats, bool]]) -> int:
    scores = [_score(w, f) for f, _ in cands]
    return max(range(len(cands)), key=lambda c: (scores[c], -c))  # ties: the cheaper by hand cost


def perceptron(train: list[Item], epochs: int, seed: int = 0) -> Feats:
    """Averaged perceptron ranker, started at the hand cost: on a wrong top, add the features of
    the best-scoring right candidate and subtract those of the wrong top."""
    w: Feats = defaultdict(float, {"cost": -1.0})
    total: Feats = defaultdict(float)  # running sum of the weights after each example (lazily)
    stamp: dict[str, int] = defaultdict(int)
    t = 0
    order = [it for it in train if any(lab for _, lab in it[1])]
    rng = random.Random(seed)
    for _ in range(epochs):
        rng.shuffle(order)
        for _, cands in order:
            t += 1
            top = _top(w, cands)
            if cands[top][1]:
                continue
            good = max((c for c in range(len(cands)) if cands[c][1]), key=lambda c: _score(w, cands[c][0]))
            for sign, f in ((1.0, cands[good][0]), (-1.0, cands[top][0])):
                for k, v in f.items():
                    total[k] += (t - stamp[k]) * w[k]
                    stamp[k] = t
                    w[k] += sign * v
    return {k: (total[k] + (t - stamp[k]) * w[k]) / max(t, 1) for k in w}


def softmax(train: list[Item], epochs: int, seed: int = 0, rate: float = 0.1, l2: float = 1e-2) -> Feats:
    """Softmax over the candidates of a time, by SGD: maximise the probability of the right ones.
    The score is the hand cost (weight -1, fixed) plus learned corrections that L2 pulls to 0, so
    that strong regularisation gives back the baseline."""
    w: Feats = defaultdict(float)
    order = [it for it in train if any(lab for _, lab in it[1])]
    rng = random.Random(seed)
    scale = 1.0  # L2 as a shrinking scale on the corrections (w = scale * v)
    for e in range(epochs):
        rng.shuffle(order)
        lr = rate / (1 + e)
        for _, cands in order:
            scores = [scale * _score(w, f) - f["cost"] for f, _ in cands]
            top = max(scores)
            top_right = max(x for x, (_, lab) in zip(scores, cands) if lab)
            z = sum(math.exp(x - top) for x in scores)
            zr = sum(math.exp(x - top_right) for x, (_, lab) in zip(scores, cands) if lab)
            scale *= 1 - lr * l2
            for x, (f, lab) in zip(scores, cands):
                # d log P(right) / d score
                g = (math.exp(x - top_right) / zr if lab else 0.0) - math.exp(x - top) / z
                if g:
                    for k, v in f.items():
                        w[k] += lr * g * v / scale
    out = {k: v * scale for k, v in w.items()}
    out["cost"] = out.get("cost", 0.0) - 1.0
    return out


def accuracy(w: Feats, test: list[Item]) -> float:
    return sum(cands[_top(w, cands)][1] for _, cands in test) / len(test)


def cross(items: list[Item], folds: int, learn: Callable[[list[Item]], Feats]) -> tuple[float, list[float]]:
    """Held-out accuracy, folds by document index mod ``folds``: pooled and per fold."""
    right = 0
    per: list[float] = []
    for k in range(folds):
        test = [it for it in items if it[0] % folds == k]
        acc = accuracy(learn([it for it in items if it[0] % folds != k]), test)
        right += round(acc * len(test))
        per.append(acc)
    return right / len(items), per


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--gold", type=Path, default=DEFAULT_GOLD, help="folder of TimeML files")
    ap.add_argument("--epochs", type=int, default=20, help="training passes of each learner")
    ap.add_argument("--l2", type=float, default=1e-2, help="L2 of the softmax learner")
    ap.add_argument("--top", type=int, default=12, help="features to list by weight")
    args = ap.parse_args(argv)
    if not args.gold.is_dir():
        ap.error(f"--gold {args.gold}: not a folder")
    items, ndocs = load(args.gold)
    n = len(items)
    ncands = sum(len(c) for _, c in items)
    print(f"{n} times in {ndocs} documents, {ncands / n:.1f} candidates per time, "
          f"{len({k for _, c in items for f, _ in c for k in f})} distinct features")
    ranks: dict[str, int] = defaultdict(int)
    for _, c in items:
        at = next((r for r, (_, lab) in enumerate(c) if lab), None)
        ranks["none" if at is None else str(at + 1) if at < 3 else "4+"] += 1
    print("hand rank of the first right candidate: "
          + ", ".join(f"{k} {ranks[k] / n:.3f}" for k in ("1", "2", "3", "4+", "none")))
    base = sum(c[0][1] for _, c in items) / n
    oracle = sum(any(lab for _, lab in c) for _, c in items) / n
    learners: dict[str, Callable[[list[Item]], Feats]] = {
        "perceptron": lambda tr: perceptron(tr, args.epochs),
        "softmax": lambda tr: softmax(tr, args.epochs, l2=args.l2),
    }
    print(f"\n{'first choice right':<30} {'2-fold':>8} {'5-fold':>8} {'in-sample':>10}   2-fold halves")
    print(f"{'hand weights (baseline)':<30} {base:>8.3f} {base:>8.3f} {base:>10.3f}   "
          + " ".join(f"{sum(c[0][1] for d, c in items if d % 2 == h) / sum(1 for d, _ in items if d % 2 == h):.3f}"
                     for h in (0, 1)))
    fitted: dict[str, Feats] = {}
    for group, keep in GROUPS.items():
        view = [(d, [({k: v for k, v in f.items() if keep(k)}, lab) for f, lab in c]) for d, c in items]
        for name, learn in learners.items():
            two, halves = cross(view, 2, learn)
            five, _ = cross(view, 5, learn)
            label = f"{name}, {group}"
            fitted[label] = learn(view)
            print(f"{label:<30} {two:>8.3f} {five:>8.3f} {accuracy(fitted[label], view):>10.3f}   "
                  + " ".join(f"{h:.3f}" for h in halves))
    print(f"{'oracle (a right candidate)':<30} {oracle:>8.3f} {oracle:>8.3f} {oracle:>10.3f}")
    print("(the R 0.80 of tlinks.py needs about 0.948 of first choices right)")
    for name, w in fitted.items():
        if not name.endswith("all"):
            continue
        ranked = sorted(w.items(), key=lambda kv: -abs(kv[1]))[: args.top]
        print(f"\ntop features by |weight|, {name} on all times:")
        for k, v in ranked:
            print(f"  {v:+8.3f}  {k}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
