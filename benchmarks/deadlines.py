#!/usr/bin/env python3
"""The deadline corpus: recall, precision, exact due instants and status, by form.

    python benchmarks/deadlines.py [--corpus FILE ...] [--errors FILE] [--by-form]

``--corpus`` defaults to tests/deadlines/corpus.tsv (the sentences the grammar was built on)
and tests/deadlines/heldout.tsv (written after it, scored before any change). Each row is one
text of our own (news, notices, court orders, school and government releases) with its
publication, the zone given (or none) and the expected due instant to the minute with its
offset, or "none" (see tests/deadlines/score.py).

* **Recall** = rows with an expected deadline where one is reported / rows with one.
* **Precision** = reported deadlines that are expected (one per row at most) / reported
  deadlines; a deadline a later statement superseded is not counted as reported.
* **Exact** = expected deadlines reported due at that instant, to the minute, with the same
  offset (or both on an unknown clock) / rows with an expected deadline.
* **What** and **status** = of the rows found, those whose "what" holds the expected word, and
  whose status at publication (upcoming, met, cancelled) is the expected one.

Reported for each corpus, its even and odd rows, and with ``--by-form`` per form of the grammar.

``--cost DIR`` times the event stages (events, links, timeline with its deadlines:
`timeline.pipeline.from_events`) over the TimeML files of DIR, parsed and tagged beforehand, best
of ``--rounds`` runs; run it on two checkouts in alternation to compare.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from tests.deadlines.score import CORPUS, Outcome, rows, run  # noqa: E402

HELDOUT = CORPUS.with_name("heldout.tsv")


def figures(outcomes: list[Outcome]) -> dict[str, float | int]:
    positives = [o for o in outcomes if o.row.due is not None]
    hits = [o for o in positives if o.hit]
    reported = sum(o.found for o in outcomes)
    right = len(hits)
    return {
        "rows": len(outcomes),
        "expected": len(positives),
        "reported": reported,
        "recall": right / len(positives) if positives else 1.0,
        "precision": right / reported if reported else 1.0,
        "exact": sum(o.exact for o in positives) / len(positives) if positives else 1.0,
        "what": sum(o.what for o in hits) / len(hits) if hits else 1.0,
        "status": sum(o.status for o in hits) / len(hits) if hits else 1.0,
    }


def line(name: str, f: dict[str, float | int]) -> str:
    return (f"{name:<28} {f['rows']:>4} {f['expected']:>4} {f['reported']:>4}   {f['recall']:.3f}  "
            f"{f['precision']:.3f}  {f['exact']:.3f}  {f['what']:.3f}  {f['status']:.3f}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", action="append", help="a corpus TSV (default: corpus.tsv and heldout.tsv)")
    ap.add_argument("--errors", metavar="FILE", help="write every miss and every false deadline here")
    ap.add_argument("--by-form", action="store_true", help="also report each form")
    ap.add_argument("--cost", metavar="DIR", help="time the event stages over the TimeML files of DIR instead")
    ap.add_argument("--rounds", type=int, default=5, help="timing rounds for --cost (default: %(default)s)")
    args = ap.parse_args(argv)
    if args.cost:
        return cost(Path(args.cost), args.rounds)
    paths = [Path(p) for p in args.corpus] if args.corpus else [CORPUS, HELDOUT]
    print(f"{'corpus':<28} {'rows':>4} {'exp':>4} {'rep':>4}   recall  prec.  exact  what   status")
    errors: list[str] = []
    started = time.perf_counter()
    every: list[Outcome] = []
    for path in paths:
        outcomes = [run(r) for r in rows(path)]
        every += outcomes
        print(line(path.name, figures(outcomes)))
        print(line("  even rows", figures([o for o in outcomes if o.row.n % 2 == 0])))
        print(line("  odd rows", figures([o for o in outcomes if o.row.n % 2 == 1])))
        if args.by_form:
            by: dict[str, list[Outcome]] = defaultdict(list)
            for o in outcomes:
                by[o.row.form].append(o)
            for form in sorted(by):
                print(line(f"    {form}", figures(by[form])))
        for o in outcomes:
            r = o.row
            wrong = (not o.exact or not o.what or not o.status or o.found != 1) if r.due else o.found
            if wrong:
                want = "none" if r.due is None else f"{r.due.isoformat()} {r.what} {r.status}"
                errors.append(f"{path.name}:{r.id}\t{r.text}\twant {want}\tgot {' | '.join(o.got) or 'nothing'}")
    if len(paths) > 1:
        print(line("all", figures(every)))
    print(f"\n{len(every)} texts in {time.perf_counter() - started:.1f} s; {len(errors)} rows not right")
    if args.errors:
        Path(args.errors).write_text("\n".join(errors) + "\n", encoding="utf-8")
    return 0


def cost(folder: Path, rounds: int) -> int:
    from timeline import pipeline  # noqa: PLC0415
    from timeline.syntax import parse_many  # noqa: PLC0415
    from timeline.timeml import read_timeml  # noqa: PLC0415

    docs = [d for d in (read_timeml(p) for p in sorted(folder.glob("*.tml"))) if d.published]
    read = [pipeline.read(d.text, published=d.published, document=d.doc_id) for d in docs]
    parsed = list(parse_many([d.text for d in read], None))
    tagged = [pipeline.zone(pipeline.times(pipeline.syntax(d, parsed=p))) for d, p in zip(read, parsed, strict=True)]
    best = float("inf")
    for _ in range(rounds):
        started = time.perf_counter()
        for d in tagged:
            pipeline.from_events(d)
        best = min(best, time.perf_counter() - started)
    print(f"events, links and timeline of {len(tagged)} documents ({folder}): best of {rounds} {best:.3f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
