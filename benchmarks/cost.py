#!/usr/bin/env python3
"""What the event layer costs on top of spaCy's parse, on the TimeBank texts.

    python benchmarks/cost.py [--gold DIR] [--rounds N] [--model NAME]

In one run, alternating (``--rounds``, 3 by default; the best of each is kept):

* **parse**: spaCy's own pipeline (tagger, parser, lemmas; what `timeline.syntax.load` keeps)
  over every text through ``nlp.pipe``;
* **build**: `timeline.pipeline.analyze_many` over the same texts, end to end (the same
  parse, tagging with the parse's tense hints, zone, every event word, links, placing, descriptions, order,
  deadlines), with the time of each stage after the parse summed over the documents;
* **overhead** = (build - parse) / parse: what our work adds to the parse (target: at most 30 %);
  as the parse inside build varies from run to run, the sum of our stages (every stage but the
  parse, each the best of its rounds) is printed too.

Linearity: the stages after the parse on 50 KB and 200 KB of one unit repeated ("Monday ",
"at 5:00 pm ", a clause joined by "and" with no stop): a ratio near 4 is linear.

Also: ``extract`` throughput on the same texts (words only, no parse), ``import timeline`` in a
fresh process (best of 5, minus ``python -c pass``), and whether ``import timeline`` and
``timeline.extract`` leave spaCy unimported. KB = 1,000 bytes of UTF-8.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

DEFAULT_GOLD = REPO.parent / "shared" / "data" / "timebank"


def _fresh(code: str) -> float:
    best = float("inf")
    for _ in range(5):
        t = time.perf_counter()
        subprocess.run([sys.executable, "-c", code], check=True, cwd=REPO)
        best = min(best, time.perf_counter() - t)
    return best


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--gold", default=str(DEFAULT_GOLD), help="folder of TimeML files (default: %(default)s)")
    ap.add_argument("--rounds", type=int, default=3, help="alternating rounds of parse and build")
    ap.add_argument("--model", default=None, help="the spaCy pipeline (default: timeline's)")
    args = ap.parse_args(argv)

    import timeline
    from timeline import pipeline
    from timeline.syntax import load, model_name
    from timeline.timeml import read_timeml

    paths = sorted(Path(args.gold).glob("*.tml"))
    if not paths:
        print(f"no .tml files in {args.gold}", file=sys.stderr)
        return 2
    docs = [read_timeml(p) for p in paths]
    items = [(d.doc_id, d.text, d.published or "2000-01-01") for d in docs]
    texts = [d.text for d in docs]
    kb = sum(len(t.encode("utf-8")) for t in texts) / 1000
    nlp = load(args.model)
    list(nlp.pipe(texts[:5]))  # warm-up

    stages = ("syntax", "times", "zone", "events", "links", "timeline")
    best_parse = best_build = float("inf")
    best_stage: dict[str, float] = {}
    for _ in range(args.rounds):
        t = time.perf_counter()
        parsed = list(nlp.pipe(texts, batch_size=16))
        best_parse = min(best_parse, time.perf_counter() - t)

        spent = dict.fromkeys(stages, 0.0)
        t = time.perf_counter()
        firsts = [pipeline.read(text, published=published, document=doc_id) for doc_id, text, published in items]
        a = time.perf_counter()
        parsed = list(nlp.pipe(texts, batch_size=16))
        spent["syntax"] += time.perf_counter() - a
        for doc, p in zip(firsts, parsed, strict=True):
            doc = pipeline.syntax(doc, parsed=p)
            for name in stages[1:]:
                a = time.perf_counter()
                doc = getattr(pipeline, name)(doc)
                spent[name] += time.perf_counter() - a
        best_build = min(best_build, time.perf_counter() - t)
        for name, v in spent.items():
            best_stage[name] = min(best_stage.get(name, float("inf")), v)

    t = time.perf_counter()
    for doc_id, text, published in items:
        timeline.extract(text, published=published)
    extract_s = time.perf_counter() - t

    units = ("Monday ", "at 5:00 pm ", "The council voted on Friday and met on Monday ")
    growth = []
    for unit in units:
        took = []
        for size in (50_000, 200_000):
            doc = pipeline.syntax(pipeline.read(unit * (size // len(unit)), published="2020-01-05"))
            a = time.perf_counter()
            pipeline.finish(doc)
            took.append(time.perf_counter() - a)
        growth.append((unit, took))

    base = _fresh("pass")
    imp = _fresh("import timeline") - base
    probe = subprocess.run(
        [sys.executable, "-c", "import sys, timeline; timeline.extract('The vote was on Friday.', "
         "published='2020-01-05'); print('spacy' in sys.modules)"],
        check=True, cwd=REPO, capture_output=True, text=True).stdout.strip()

    over = best_build - best_parse
    print(f"corpus: {len(texts)} documents, {kb:.0f} KB; model {model_name(args.model)}; best of {args.rounds}")
    print(f"parse (spaCy alone):   {best_parse:7.2f} s  {kb / best_parse:8.1f} KB/s")
    print(f"build (end to end):    {best_build:7.2f} s  {kb / best_build:8.1f} KB/s")
    print(f"overhead on the parse: {over:7.2f} s  {100 * over / best_parse:+.1f} %  (target <= +30 %)")
    ours = sum(best_stage[name] for name in stages if name != "syntax")
    print(f"our stages alone:      {ours:7.2f} s  {100 * ours / best_parse:+.1f} %  (the same, without the run-to-run "
          "noise of the parse inside build)")
    for name in stages:
        print(f"  stage {name:9s} {best_stage[name]:7.3f} s  {100 * best_stage[name] / best_parse:5.1f} % of the parse")
    print(f"extract (no parse):    {extract_s:7.2f} s  {kb / extract_s / 1000:8.2f} MB/s")
    print(f"import timeline:       {imp:7.3f} s  (spaCy imported by import + extract: {probe})")
    for unit, (small, large) in growth:
        print(f"linearity {unit.strip()[:24]!r:27} 50 KB {small:6.2f} s, 200 KB {large:6.2f} s: x{large / small:.1f}"
              " (4 = linear)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
