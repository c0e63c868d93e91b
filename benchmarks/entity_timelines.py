#!/usr/bin/env python3
"""Entity timelines across documents, on the project's own stories, and the cost of merging.

    python benchmarks/entity_timelines.py [--stories DIR] [--errors] [--cost] [--no-score]

``--stories`` defaults to ``benchmarks/stories``: one folder per story, with its dispatches
(``a.txt``, ``b.txt``, ...) and ``gold.json``: the documents (id, file, publication date), and
for each entity the events a reader expects in its timeline, in order, each with the lemmas that
name it, its date (``YYYY-MM-DD``, ``YYYY-MM``, ``YYYY-Www``, ``YYYY`` or null for an event only
ordered), the documents that tell it and, for a date a later report moved, ``revised_from``; and
the conflicts a reader should see (an event dated differently by two documents).

Each story goes through `timeline.build_many` (one merged timeline); each entity's timeline is
`Timeline.about(entity)` (events and unplaced). Scores, per entity and in all:

* **found**: gold events paired with a system event of the entity's timeline whose lemma (or the
  lemma of the event it moves, or its trigger) is one of the gold lemmas and whose sources
  include one of the gold documents (one to one, in gold order); **extra**: events of the
  entity's timeline paired with no gold event (so P = paired / system, R = found / gold);
* **dated**: found gold events with a date whose system interval is exactly that day, month,
  week or year (a null date is right when the system event has no interval);
* **ordered**: pairs of found gold events with different dates whose order in the entity's
  timeline is the gold order (events on the same gold date are not counted);
* **merges**: a system event told by two or more documents is *right* when a gold event of the
  same lemma is told by all of them, else *wrong*; gold events told by two or more documents
  whose pair carries all of them are *merged* (recall of merges);
* **conflicts** and **revisions**: gold conflicts the system flags, flags it raises that no gold
  conflict holds, and gold ``revised_from`` dates found in the event's ``revised``.

The stories are split in halves (even and odd positions in the sorted list) for the house rule
that a change must not lower either half.

``--cost`` times merging: TimeBank and AQUAINT (``../shared/data``) built once per document, then
`timeline.events.merge` over 100 and 1,000 timelines (the corpus repeated, each copy a new
document: "spread" moves each copy's dates by a year so that copies are other stories, "same"
keeps them, so that every event is told again and again); the parse and the build of the
documents are reported apart.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import json
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

DEFAULT_STORIES = REPO / "benchmarks" / "stories"
CORPORA = [REPO.parent / "shared" / "data" / "timebank", REPO.parent / "shared" / "data" / "aquaint"]


def gold_span(date: str | None) -> tuple[dt.date, dt.date] | None:
    """The days ``[start, end)`` a gold date names."""
    if date is None:
        return None
    if "-W" in date:
        year, week = date.split("-W")
        start = dt.date.fromisocalendar(int(year), int(week), 1)
        return start, start + dt.timedelta(days=7)
    parts = [int(p) for p in date.split("-")]
    if len(parts) == 3:
        day = dt.date(*parts)
        return day, day + dt.timedelta(days=1)
    if len(parts) == 2:
        start = dt.date(parts[0], parts[1], 1)
        end = dt.date(parts[0] + (parts[1] == 12), parts[1] % 12 + 1, 1)
        return start, end
    return dt.date(parts[0], 1, 1), dt.date(parts[0] + 1, 1, 1)


def system_span(event: Any) -> tuple[dt.date, dt.date] | None:
    iv = event.interval
    if iv is None:
        return None
    start, end = iv.start.replace(tzinfo=None), iv.end.replace(tzinfo=None)
    last = end.date() if end.time() == dt.time(0) and end.date() > start.date() else end.date() + dt.timedelta(days=1)
    return start.date(), last


def lemmas(event: Any) -> set[str]:
    out = {event.trigger.text.lower()}
    if event.lemma:
        out.add(event.lemma)
    if event.moves:
        out.add(event.moves)
    return out


def load(story: Path) -> tuple[dict[str, Any], list[tuple[str, str, str]]]:
    gold = json.loads((story / "gold.json").read_text(encoding="utf-8"))
    docs = [(d["id"], (story / d["file"]).read_text(encoding="utf-8"), d["published"]) for d in gold["documents"]]
    return gold, docs


def score_story(story: Path, errors: list[str]) -> dict[str, dict[str, int]]:
    """Counts per entity (and ``"*merges*"``) for one story."""
    from timeline import build_many

    gold, docs = load(story)
    tl = build_many(docs)
    out: dict[str, dict[str, int]] = {}
    everything = [*tl.events, *tl.unplaced]
    for entity, wanted in gold["entities"].items():
        mine = tl.about(entity)
        system = [*mine.events, *mine.unplaced]
        position = {e.id: n for n, e in enumerate(system)}
        used: set[str] = set()
        paired: list[tuple[dict[str, Any], Any]] = []
        c = {"gold": len(wanted), "system": len(system), "found": 0, "dated_gold": 0, "dated": 0,
             "pairs": 0, "ordered": 0, "revisions": 0, "revised": 0}
        for g in wanted:
            names = set(g["event"])
            hit = next((e for e in system if e.id not in used and lemmas(e) & names
                        and {s.document for s in e.sources} & set(g["documents"])), None)
            if g.get("date") is not None:
                c["dated_gold"] += 1
            if g.get("revised_from"):
                c["revisions"] += 1
            if hit is None:
                errors.append(f"{story.name}: {entity}: missed {'/'.join(g['event'])} {g.get('date')} {g['documents']}")
                continue
            used.add(hit.id)
            c["found"] += 1
            paired.append((g, hit))
            if g.get("date") is not None:
                if system_span(hit) == gold_span(g["date"]):
                    c["dated"] += 1
                else:
                    errors.append(f"{story.name}: {entity}: {hit.description!r} dated {system_span(hit)}, "
                                  f"gold {g['date']}")
            if g.get("revised_from"):
                if any(r.interval is not None and system_span(r) == gold_span(g["revised_from"]) for r in hit.revised):
                    c["revised"] += 1
                else:
                    errors.append(f"{story.name}: {entity}: {hit.description!r} not revised from {g['revised_from']}")
        for i in range(len(paired)):
            for j in range(i + 1, len(paired)):
                gi, gj = gold_span(paired[i][0].get("date")), gold_span(paired[j][0].get("date"))
                if gi is None or gj is None or gi == gj:
                    continue
                c["pairs"] += 1
                want_before = gi < gj
                got_before = position[paired[i][1].id] < position[paired[j][1].id]
                if want_before == got_before:
                    c["ordered"] += 1
                else:
                    errors.append(f"{story.name}: {entity}: {paired[i][1].description!r} and "
                                  f"{paired[j][1].description!r} out of order")
        for e in system:
            if e.id not in used:
                errors.append(f"{story.name}: {entity}: extra {e.description!r} ({sorted(lemmas(e))})")
        out[entity] = c
    # merges and conflicts, over the whole story
    all_gold = [g for wanted in gold["entities"].values() for g in wanted]
    m = {"merges": 0, "merges_right": 0, "gold_merges": 0, "gold_merged": 0,
         "conflicts_gold": len(gold.get("conflicts", ())), "conflicts_found": 0, "conflicts_wrong": 0}
    for e in everything:
        docs_e = {s.document for s in e.sources}
        if len(docs_e) > 1:
            m["merges"] += 1
            if any(lemmas(e) & set(g["event"]) and docs_e <= set(g["documents"]) for g in all_gold):
                m["merges_right"] += 1
            else:
                errors.append(f"{story.name}: wrong merge {e.description!r} {sorted(docs_e)}")
    seen_gold: set[tuple[str, tuple[str, ...]]] = set()
    for g in all_gold:
        key = (g["event"][0], g.get("date") or "", tuple(g["documents"]))
        if len(g["documents"]) > 1 and key not in seen_gold:
            seen_gold.add(key)
            m["gold_merges"] += 1
            if any(lemmas(e) & set(g["event"]) and {s.document for s in e.sources} >= set(g["documents"])
                   for e in everything):
                m["gold_merged"] += 1
            else:
                errors.append(f"{story.name}: not merged {'/'.join(g['event'])} {g['documents']}")
    by_id = {e.id: e for e in everything}
    flagged = set()
    for e in everything:
        for other in e.conflicts:
            pair = tuple(sorted((e.id, other)))
            if pair in flagged:
                continue
            flagged.add(pair)
            docs_pair = {s.document for s in e.sources} | {s.document for s in by_id[other].sources}
            if any(lemmas(e) & {c["event"]} and set(c["documents"]) <= docs_pair for c in gold.get("conflicts", ())):
                m["conflicts_found"] += 1
            else:
                m["conflicts_wrong"] += 1
                errors.append(f"{story.name}: wrong conflict {e.description!r} / {by_id[other].description!r}")
    out["*merges*"] = m
    return out


def _ratio(a: int, b: int) -> str:
    return f"{a}/{b} ({a / b:.2f})" if b else f"{a}/0"


def report(results: dict[str, dict[str, dict[str, int]]], title: str) -> None:
    tot: dict[str, int] = {}
    for story in results.values():
        for name, c in story.items():
            for k, v in c.items():
                tot[k] = tot.get(k, 0) + v
    if not tot:
        return
    p = tot["found"] / tot["system"] if tot["system"] else 0.0
    r = tot["found"] / tot["gold"] if tot["gold"] else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    print(f"{title}: found {_ratio(tot['found'], tot['gold'])}, P {p:.2f} R {r:.2f} F1 {f1:.2f}; "
          f"dated right {_ratio(tot['dated'], tot['dated_gold'])}; ordered right {_ratio(tot['ordered'], tot['pairs'])}; "
          f"merges right {_ratio(tot['merges_right'], tot['merges'])}, gold merges made "
          f"{_ratio(tot['gold_merged'], tot['gold_merges'])}; conflicts flagged {_ratio(tot['conflicts_found'], tot['conflicts_gold'])}, "
          f"wrong {tot['conflicts_wrong']}; revisions {_ratio(tot['revised'], tot['revisions'])}")


def score(stories_dir: Path, show_errors: bool) -> None:
    stories = sorted(p for p in stories_dir.iterdir() if (p / "gold.json").is_file())
    results: dict[str, dict[str, dict[str, int]]] = {}
    errors: list[str] = []
    for story in stories:
        results[story.name] = score_story(story, errors)
    print(f"{len(stories)} stories, {sum(len(load(s)[1]) for s in stories)} documents")
    print(f"{'story':14} {'entity':32} found  dated  ordered")
    for name, story in results.items():
        for entity, c in story.items():
            if entity == "*merges*":
                continue
            print(f"{name:14} {entity:32} {c['found']}/{c['gold']:<3} {c['dated']}/{c['dated_gold']:<4} "
                  f"{c['ordered']}/{c['pairs']}   (+{c['system'] - c['found']} extra)")
    report(results, "all")
    report({k: v for n, (k, v) in enumerate(results.items()) if n % 2 == 0}, "even half")
    report({k: v for n, (k, v) in enumerate(results.items()) if n % 2 == 1}, "odd half")
    if show_errors:
        print()
        print("\n".join(errors))


# ------------------------------------------------------------------ cost


def corpus_documents() -> list[tuple[str, str, str]]:
    from timeline.timeml import read_timeml

    out = []
    for folder in CORPORA:
        for path in sorted(folder.glob("*.tml")):
            doc = read_timeml(path)
            if doc.published:
                out.append((path.stem, doc.text, doc.published))
    return out


def _shifted(tl: Any, doc_id: str, years: int) -> Any:
    import attrs

    from timeline._model import Interval

    def move(e: Any) -> Any:
        iv = e.interval
        if iv is not None and years:
            try:
                iv = Interval(iv.start.replace(year=iv.start.year + years), iv.end.replace(year=iv.end.year + years))
            except ValueError:  # 29 February
                iv = Interval(iv.start + dt.timedelta(days=365 * years), iv.end + dt.timedelta(days=365 * years))
        return attrs.evolve(e, interval=iv, sources=tuple(attrs.evolve(s, document=doc_id) for s in e.sources))

    events = {e.id: move(e) for e in (*tl.events, *tl.unplaced)}
    return attrs.evolve(tl, events=tuple(events[e.id] for e in tl.events),
                        unplaced=tuple(events[e.id] for e in tl.unplaced),
                        all_deadlines=tuple(attrs.evolve(d, event=events[d.event.id]) for d in tl.all_deadlines))


def cost(sizes: Sequence[int], rounds: int) -> None:
    from timeline import analyze_many
    from timeline.events import merge

    docs = corpus_documents()
    t0 = time.perf_counter()
    built = [d.timeline for d in analyze_many(docs)]
    t_build = time.perf_counter() - t0
    n_events = sum(len(t.events) + len(t.unplaced) for t in built)
    print(f"{len(docs)} corpus documents, {n_events} events: parse + build {t_build:.1f} s "
          f"({1000 * t_build / len(docs):.0f} ms a document)")
    gc.collect()
    for mode in ("spread", "same"):
        for n in sizes:
            tls = [_shifted(built[i % len(built)], f"d{i}", (i // len(built)) if mode == "spread" else 0)
                   for i in range(n)]
            events = sum(len(t.events) + len(t.unplaced) for t in tls)
            best = float("inf")
            for _ in range(rounds):
                t0 = time.perf_counter()
                merged = merge(tls)
                best = min(best, time.perf_counter() - t0)
            told = sum(1 for e in merged if len({s.document for s in e.sources}) > 1)
            print(f"merge {mode:6} {n:5} documents, {events:6} events -> {len(merged) + len(merged.unplaced):6}: "
                  f"{best:.3f} s ({1e6 * best / events:.0f} us an event; {told} events told by several)")


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--stories", type=Path, default=DEFAULT_STORIES)
    ap.add_argument("--errors", action="store_true", help="list every miss, wrong date, order, merge and conflict")
    ap.add_argument("--cost", action="store_true", help="time merging 100 and 1,000 documents")
    ap.add_argument("--no-score", action="store_true", help="skip the stories")
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--sizes", type=int, nargs="+", default=[100, 1000], help="documents per merge (--cost)")
    args = ap.parse_args(argv)
    if not args.no_score:
        score(args.stories, args.errors)
    if args.cost:
        cost(args.sizes, args.rounds)


if __name__ == "__main__":
    main()
