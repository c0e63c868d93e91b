"""Print an event description for every event of the dispatches in benchmarks/texts/.

An event is an event word of `timeline.events.find.find_events` (what `timeline.analyze` keeps in
`Document.words`); the time expressions found by `timeline.extract` are passed as the spans to
leave out.

    python benchmarks/descriptions.py              # every event: trigger, description, subject, object
    python benchmarks/descriptions.py --table 100  # the first 100 as a markdown table (docs/descriptions.md)
    python benchmarks/descriptions.py --table 100 --offset 195  # the next 100: the second judging
    python benchmarks/descriptions.py --corpus     # proxies on the gold EVENTs of TimeBank and AQUAINT

``--corpus`` has no gold descriptions to score against; it counts, on the even and the odd
documents apart, what can be checked without a judge: a description was made, it holds its
trigger, it keeps within the length cap, a verb found its subject; and the time per call.

The model is loaded once and the texts parsed once per run.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Token

# this checkout's package first (a script's own folder, not the working directory, heads sys.path)
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import timeline  # noqa: E402
from timeline.events.describe import Description, describe  # noqa: E402
from timeline.events.find import find_events  # noqa: E402
from timeline.syntax import load as load_syntax  # noqa: E402

TEXTS = Path(__file__).resolve().parent / "texts"


def read(path: Path) -> tuple[str, str]:
    """(publication date, body) of a dispatch: a "published: YYYY-MM-DD" line, a blank line, the text."""
    head, _, body = path.read_text(encoding="utf-8").partition("\n\n")
    return head.split(":", 1)[1].strip(), body.strip()


def events(doc: Doc, spans: list[tuple[int, int]]) -> list[Token]:
    """The event words of a document (the event finder's), time expressions excepted."""
    return [doc[w.token] for w in find_events(doc) if not any(s <= w.start < e for s, e in spans)]


def corpus(nlp: Language) -> None:
    """Proxies on the gold EVENT triggers of the development corpora, even and odd documents apart."""
    from timeline.events.describe import MAX_WORDS  # noqa: PLC0415
    from timeline.timeml import read_timeml  # noqa: PLC0415

    data = Path(__file__).resolve().parents[2] / "shared" / "data"
    for name in ("timebank", "aquaint"):
        golds = [read_timeml(p) for p in sorted((data / name).glob("*.tml"))]
        docs = list(nlp.pipe([g.text for g in golds], batch_size=32))
        for half in (0, 1):
            n = made = holds = short = verbs = with_subject = 0
            words = 0
            elapsed = 0.0
            for k, (gold, doc) in enumerate(zip(golds, docs, strict=True)):
                if k % 2 != half:
                    continue
                spans = [(t.start, t.end) for t in gold.timexes]
                for ev in gold.events:
                    span = doc.char_span(ev.start, ev.end, alignment_mode="expand")
                    if span is None or not len(span):
                        continue
                    tok = span.root
                    t0 = time.perf_counter()
                    d = describe(doc, tok.i, spans)
                    elapsed += time.perf_counter() - t0
                    n += 1
                    made += bool(d.text)
                    holds += tok.text.lower() in d.text.lower()
                    short += len(d.text.split()) <= MAX_WORDS
                    words += len(d.text.split())
                    if tok.pos_ == "VERB":
                        verbs += 1
                        with_subject += d.subject is not None
            print(f"{name:9} {'even' if half == 0 else 'odd ':4} events {n:5}  made {made / n:.3f}  "
                  f"holds trigger {holds / n:.3f}  <= {MAX_WORDS} words {short / n:.3f}  "
                  f"mean words {words / n:.1f}  verbs with subject {with_subject / max(verbs, 1):.3f}  "
                  f"{elapsed / n * 1e6:.0f} us/event")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--table", type=int, default=0, help="print the first N events as a markdown table")
    ap.add_argument("--offset", type=int, default=0, help="with --table: skip the first N events")
    ap.add_argument("--corpus", action="store_true", help="proxies on the TimeBank and AQUAINT gold events")
    args = ap.parse_args(argv)

    nlp = load_syntax()
    if args.corpus:
        corpus(nlp)
        return 0
    files = sorted(TEXTS.glob("*.txt"))
    dated = [read(p) for p in files]
    docs = list(nlp.pipe([body for _, body in dated], batch_size=32))
    rows: list[tuple[str, Token, Description]] = []
    elapsed = 0.0
    for path, (published, body), doc in zip(files, dated, docs, strict=True):
        spans = [(m.start, m.end) for m in timeline.extract(body, published=published)]
        for tok in events(doc, spans):
            t0 = time.perf_counter()
            d = describe(doc, tok.i, spans)
            elapsed += time.perf_counter() - t0
            rows.append((path.stem, tok, d))

    if args.table:
        print("| # | text | trigger | description | reads right | why not |")
        print("|---|---|---|---|---|---|")
        for n, (name, tok, d) in enumerate(rows[args.offset : args.offset + args.table], args.offset + 1):
            print(f"| {n} | {name[:2]} | {tok.text} | {d.text} |  |  |")
        return 0
    for name, tok, d in rows:
        print(f"{name:14} {tok.text:14} {d.text!r:70} S={d.subject!r} O={d.object!r}")
    print(f"\n{len(rows)} events in {len(files)} texts; describe: "
          f"{elapsed / max(len(rows), 1) * 1e6:.0f} us per event", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
