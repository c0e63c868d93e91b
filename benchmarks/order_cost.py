#!/usr/bin/env python3
"""What ordering the events costs beside the parse (`timeline.events.order`).

    python benchmarks/order_cost.py [--data ../shared/data] [--rounds N]

* **Corpus**: the TimeBank and AQUAINT texts (256), analyzed once (`timeline.analyze_many`:
  parse and every stage); then the ordering alone (`order_of`: every pairwise fact, the graph,
  and a total order of every event word) timed over 100 documents and over 1,000 (the corpus
  repeated), best of ``--rounds``; printed next to the analysis time of the same 100 documents.
* **Long documents**: one text made of 8, 32 and 128 corpus texts joined (each analyzed once),
  ordered: microseconds per event word should stay flat (linear), not grow with the length.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

DATA = REPO.parent / "shared" / "data"


def _order_all(docs: list[Any]) -> tuple[float, int]:
    from timeline.events.order import order_of

    t = time.perf_counter()
    n = 0
    for d in docs:
        g = order_of(d)
        nodes = [w.token for w in d.words]
        g.sequence(nodes, key=lambda x: x)
        n += len(nodes)
    return time.perf_counter() - t, n


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", default=str(DATA), help="folder holding timebank/ and aquaint/ (default: %(default)s)")
    ap.add_argument("--rounds", type=int, default=3)
    args = ap.parse_args(argv)
    from timeline.pipeline import analyze_many
    from timeline.timeml import read_timeml

    tml = [read_timeml(p) for part in ("timebank", "aquaint") for p in sorted((Path(args.data) / part).glob("*.tml"))]
    tml = [d for d in tml if d.published]
    if not tml:
        print(f"error: no dated .tml files under {args.data}/timebank or aquaint", file=sys.stderr)
        return 2
    first = tml[:100]
    t = time.perf_counter()
    docs = list(analyze_many((d.doc_id, d.text, d.published) for d in first))
    t_analyze = time.perf_counter() - t
    rest = list(analyze_many((d.doc_id, d.text, d.published) for d in tml[100:]))
    corpus = docs + rest
    thousand = (corpus * (1000 // len(corpus) + 1))[:1000]
    for label, batch in (("100", docs), ("1000", thousand)):
        best, n = min(_order_all(batch) for _ in range(args.rounds))
        print(f"order {label:>5s} documents: {best:.2f} s, {n} event words, {1e6 * best / n:.1f} us per word")
    print(f"analysis of the same 100 documents (parse and every stage): {t_analyze:.2f} s")
    for k in (8, 32, 128):
        text = "\n\n".join(d.text for d in tml[:k])
        [long] = list(analyze_many([(f"long{k}", text, tml[0].published)]))
        best, n = min(_order_all([long]) for _ in range(args.rounds))
        print(f"one text of {k:3d} documents ({len(text) // 1000} KB): {n} event words, {best:.3f} s, "
              f"{1e6 * best / n:.1f} us per word")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
