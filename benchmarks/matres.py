#!/usr/bin/env python3
"""The order of events, scored on MATRES (start-point order of verb event pairs).

    python benchmarks/matres.py [--matres ../shared/data/matres] [--data ../shared/data]
                                [--parts timebank,aquaint] [--cache FILE] [--errors FILE]

MATRES (Ning, Wu and Roth 2018) orders the start points of pairs of verb events of the
TempEval-3 documents (same or adjacent sentences): BEFORE (the first starts first), AFTER,
EQUAL, VAGUE. Each document of ``../shared/data/{timebank,aquaint}`` named in
``matres/{part}.txt`` goes through `timeline.analyze_many` (its raw ``<TEXT>``, its DCT as the
publication); the order is `timeline.events.order.order_of` on the analyzed document (every
event word of the story, not only the dated ones). A gold event (``eiid`` -> MAKEINSTANCE
``eventID`` -> EVENT span) is found when an event word of ours overlaps its span.

Scores, as in the MATRES paper (and CogCompTime): VAGUE is "no order".

* **coverage**: of the gold pairs that annotators ordered (BEFORE, AFTER, EQUAL), the share
  where both events are found and we commit to an order (BEFORE, AFTER or SAME);
* **P** = right committed orders / every committed order on a gold pair, VAGUE pairs included
  (an order we commit to on a VAGUE pair counts against precision); **R** = right committed
  orders / gold BEFORE+AFTER+EQUAL pairs; **F1** their harmonic mean. SAME is EQUAL.

The baseline printed in the same run is text order: of two found events, the earlier mention
starts first (BEFORE), committed on every pair where both are found. Every figure is printed for
the whole and for the even and odd halves (documents in sorted order, both parts together), and
the committed pairs by the cue that decided them.
"""

from __future__ import annotations

import argparse
import pickle
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

DATA = REPO.parent / "shared" / "data"
ORDERS = ("BEFORE", "AFTER", "EQUAL")


def read_pairs(path: Path) -> dict[str, list[tuple[str, str, str]]]:
    """DOCID -> [(eiid1, eiid2, relation)] of one MATRES file (pairs at ei0 skipped)."""
    out: dict[str, list[tuple[str, str, str]]] = defaultdict(list)
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        parts = line.split("\t")
        if len(parts) != 6:
            raise ValueError(f"{path}:{n}: expected 6 tab-separated fields, got {len(parts)}")
        doc, _, _, a, b, rel = parts
        if a == "0" or b == "0":
            continue
        out[doc].append((f"ei{a}", f"ei{b}", rel.strip()))
    return out


def gold_spans(tml: Any) -> dict[str, tuple[int, int]]:
    """eiid -> the character span of its EVENT in the document's text."""
    events = {e.eid: (e.start, e.end) for e in tml.events}
    return {i.eiid: events[i.eid] for i in tml.instances if i.eid in events}


def load(matres: Path, data: Path, parts: list[str]) -> list[tuple[Any, list[tuple[str, str, str]]]]:
    from timeline.timeml import read_timeml

    docs = []
    for part in parts:
        pairs = read_pairs(matres / f"{part}.txt")
        for doc_id in sorted(pairs):
            path = data / part / f"{doc_id}.tml"
            if not path.exists():
                raise FileNotFoundError(f"{path}: named in {matres / part}.txt")
            docs.append((read_timeml(path), pairs[doc_id]))
    docs.sort(key=lambda d: d[0].doc_id)
    return docs


def analyzed(docs: list[tuple[Any, Any]], cache: Path | None) -> list[Any]:
    """The analyzed documents (read from / written to ``cache`` when given: a development aid)."""
    from timeline.pipeline import analyze_many

    if cache is not None and cache.exists():
        with cache.open("rb") as f:
            out: list[Any] = pickle.load(f)
        if [d.id for d in out] == [t.doc_id for t, _ in docs]:
            return out
    out = list(analyze_many((t.doc_id, t.text, t.published) for t, _ in docs))
    if cache is not None:
        with cache.open("wb") as f:
            pickle.dump(out, f)
    return out


def _word_at(words: list[Any], span: tuple[int, int]) -> Any:
    for w in words:
        if w.start < span[1] and span[0] < w.end:
            return w
    return None


class Score:
    def __init__(self) -> None:
        self.gold = 0  # every gold pair
        self.ordered_gold = 0  # gold BEFORE/AFTER/EQUAL
        self.found = 0  # ordered gold pairs with both events found
        self.committed_on_ordered = 0
        self.committed = 0  # committed on any gold pair (VAGUE included)
        self.right = 0

    def add(self, gold: str, found: bool, pred: str | None) -> None:
        self.gold += 1
        if gold != "VAGUE":
            self.ordered_gold += 1
            self.found += found
        if pred is None:
            return
        self.committed += 1
        if gold != "VAGUE":
            self.committed_on_ordered += 1
        self.right += pred == gold

    def line(self) -> str:
        p = self.right / self.committed if self.committed else 0.0
        r = self.right / self.ordered_gold if self.ordered_gold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        cov = self.committed_on_ordered / self.ordered_gold if self.ordered_gold else 0.0
        return f"P {p:.3f}  R {r:.3f}  F1 {f:.3f}  coverage {cov:.3f}  (committed {self.committed}, right {self.right})"


def run(args: argparse.Namespace) -> int:
    from timeline.events.order import order_of

    matres, data = Path(args.matres), Path(args.data)
    parts = [p for p in args.parts.split(",") if p]
    docs = load(matres, data, parts)
    t = time.perf_counter()
    analyzed_docs = analyzed(docs, Path(args.cache) if args.cache else None)
    t_parse = time.perf_counter() - t
    ours = {h: Score() for h in ("all", "even", "odd")}
    base = {h: Score() for h in ("all", "even", "odd")}
    gold_dist: Counter[str] = Counter()
    by_cue: dict[str, Counter[str]] = defaultdict(Counter)
    errors: list[str] = []
    t_order = 0.0
    n_words = 0
    for k, ((tml, pairs), doc) in enumerate(zip(docs, analyzed_docs, strict=True)):
        half = "even" if k % 2 == 0 else "odd"
        spans = gold_spans(tml)
        words = sorted(doc.words, key=lambda w: w.start)
        n_words += len(words)
        t = time.perf_counter()
        order = order_of(doc)
        t_order += time.perf_counter() - t
        for a, b, rel in pairs:
            gold_dist[rel] += 1
            if a not in spans or b not in spans:
                continue
            wa, wb = _word_at(words, spans[a]), _word_at(words, spans[b])
            found = wa is not None and wb is not None and wa.token != wb.token
            pred = None
            bpred = None
            cue = "-"
            if found:
                bpred = "BEFORE" if wa.start < wb.start else "AFTER"
                ans = order.relation(wa.token, wb.token)
                if ans.relation != "UNKNOWN":
                    pred = "EQUAL" if ans.relation == "SAME" else ans.relation
                    cue = ans.cue
                    by_cue[cue][("right" if pred == rel else "VAGUE" if rel == "VAGUE" else "wrong")] += 1
                if args.errors and pred != rel:
                    sent = doc.text[max(0, min(wa.start, wb.start) - 80): max(wa.end, wb.end) + 80]
                    errors.append(f"{tml.doc_id}\t{wa.text}\t{wb.text}\tgold {rel}\tours {pred} ({cue})\n    "
                                  + " ".join(sent.split()))
            for h in ("all", half):
                ours[h].add(rel, found, pred)
                base[h].add(rel, found, bpred)
    print(f"MATRES {'+'.join(parts)}: {len(docs)} documents, {sum(gold_dist.values())} gold pairs "
          + ", ".join(f"{r} {gold_dist[r]}" for r in (*ORDERS, "VAGUE")))
    for h in ("all", "even", "odd"):
        print(f"{h:5s} ours      {ours[h].line()}")
        print(f"{h:5s} text order {base[h].line()}")
    print(f"found (both events of an ordered gold pair): {ours['all'].found / max(1, ours['all'].ordered_gold):.3f}")
    print("committed pairs by cue (right / wrong / on VAGUE):")
    for cue, c in sorted(by_cue.items(), key=lambda x: -sum(x[1].values())):
        print(f"  {cue:28s} {c['right']:5d} {c['wrong']:5d} {c['VAGUE']:5d}")
    print(f"analysis {t_parse:.1f} s; ordering {t_order:.2f} s for {n_words} event words")
    if args.errors:
        Path(args.errors).write_text("\n".join(errors) + "\n", encoding="utf-8")
    return 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--matres", default=str(DATA / "matres"), help="folder of the MATRES files (default: %(default)s)")
    ap.add_argument("--data", default=str(DATA), help="folder holding timebank/ and aquaint/ (default: %(default)s)")
    ap.add_argument("--parts", default="timebank,aquaint", help="comma-separated MATRES parts (default: %(default)s)")
    ap.add_argument("--cache", default=None, help="pickle of the analyzed documents, reused when present")
    ap.add_argument("--errors", default=None, help="write every pair we get wrong or leave, with context")
    return run(ap.parse_args(argv))


if __name__ == "__main__":
    raise SystemExit(main())
