#!/usr/bin/env python3
"""What the deadline tracker (timeline/track) costs: adding many documents, the database's size,
reading it back, and two processes adding at once.

    python benchmarks/tracker.py [--docs 10000] [--obligations 2000] [--parsed 100] [--writers 2000]

* **store**: ``--docs`` short synthetic notices, each with one deadline, their timelines built
  here (no parse: `timeline.events.Timeline` with one `Deadline`), added one document per
  transaction through `Tracker.add_timeline` (the adapter, the match, the store). The
  obligations (``--obligations``) are each reported by several documents, published over 90
  days in random order; one report in five moves its deadline, one in fifty cancels it. Time
  per document (mean, median, 95th percentile), the database's size once closed, then the same
  documents added again (nothing may change) and the reads (list, show, calendar).
* **parse and store**: ``--parsed`` notices written from 10 templates through
  `Tracker.add_text` (spaCy's parse and every stage, then the store), time per document.
* **two writers**: two processes adding ``--writers`` documents each into one file at once
  (WAL, busy timeout); the documents and reports found afterwards (none may be lost).

Everything is written in a temporary folder. The numbers depend on the machine and its load;
the run prints them with the Python and SQLite versions.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import zoneinfo
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from timeline.events import Event, Source, Timeline, Trigger  # noqa: E402
from timeline.events.model import Deadline  # noqa: E402
from timeline.track import Tracker  # noqa: E402

AGENCIES = ["the port authority", "the school board", "the tax office", "the city council", "the water board",
            "the transit agency", "the housing office", "the health department"]
ACTIONS = ["file their bids", "renew their permits", "submit their forms", "register for the ballot",
           "pay the levy", "apply for grants", "reply to the notice", "return the ballots"]
PARTIES = ["contractors", "parents", "landlords", "residents", "farmers", "drivers", "tenants", "traders"]
ZONES = [zoneinfo.ZoneInfo(z) for z in ("America/New_York", "Europe/Paris", "Asia/Kolkata")]


def obligation(k: int) -> tuple[str, str]:
    who = AGENCIES[k % len(AGENCIES)]
    what = f"{PARTIES[(k // 8) % len(PARTIES)]} in district {k // 64} to {ACTIONS[(k // 3) % len(ACTIONS)]}"
    return who, what


def notice(n: int, obligations: int, rng: random.Random) -> tuple[str, str, Timeline]:
    """One synthetic notice: its text, publication and a timeline with its one deadline."""
    k = rng.randrange(obligations)
    who, what = obligation(k)
    day = rng.randrange(90)
    published = (dt.date(2021, 1, 1) + dt.timedelta(days=day)).isoformat()
    shift = 7 if rng.random() < 0.2 else 0  # a report in five moves it a week on
    zone = ZONES[k % len(ZONES)]
    timed = k % 2 == 0
    due_day = dt.date(2021, 4, 1) + dt.timedelta(days=k % 60 + shift)
    due = dt.datetime.combine(due_day, dt.time(17) if timed else dt.time(0), tzinfo=zone)
    if not timed:
        due += dt.timedelta(days=1)
    text = f"Notice {n}. {who.capitalize()} told {what} by {due_day:%B %d}" + (" at 5 p.m." if timed else ".")
    status = "cancelled" if rng.random() < 0.02 else None
    event = Event(id="e1", description=what, trigger=Trigger(0, 4, what.split(" to ")[-1].split()[0]),
                  kind="deadline", relation="by", t0="AFTER", sources=(Source(f"n{n}", 0, len(text), published),))
    d = Deadline(event=event, due=due, what=what, who=who, sentence=text)
    if status is not None:
        d = _with_status(d, status)
    return text, published, Timeline(events=(event,), all_deadlines=(d,))


def _with_status(d: Deadline, status: str) -> Deadline:
    """A deadline the text says is cancelled (the field the deadline layer may add)."""
    import attrs

    return attrs.evolve(d, status=status)  # type: ignore[arg-type]


def size_of(path: Path) -> int:
    return sum(p.stat().st_size for p in path.parent.glob(path.name + "*"))


def store(args: argparse.Namespace, folder: Path) -> None:
    rng = random.Random(13)
    docs = [notice(n, args.obligations, rng) for n in range(args.docs)]
    path = folder / "store.sqlite3"
    times = []
    start = time.perf_counter()
    with Tracker(path) as t:
        for n, (text, published, tl) in enumerate(docs):
            t0 = time.perf_counter()
            t.add_timeline(tl, text=text, published=published, document=f"n{n}", source="synthetic")
            times.append(time.perf_counter() - t0)
        total = time.perf_counter() - start
        counts = t.counts()
    size = size_of(path)
    ms = sorted(x * 1000 for x in times)
    print(f"store: {args.docs} documents added in {total:.2f} s: {1000 * total / args.docs:.2f} ms a document "
          f"(median {statistics.median(ms):.2f} ms, 95th percentile {ms[int(0.95 * len(ms))]:.2f} ms, "
          f"first 1,000 {statistics.mean(x * 1000 for x in times[:1000]):.2f} ms, "
          f"last 1,000 {statistics.mean(x * 1000 for x in times[-1000:]):.2f} ms)")
    print(f"  holds {counts['documents']} documents, {counts['items']} items, {counts['reports']} reports; "
          f"file {size / 1e6:.2f} MB once closed ({size / args.docs:.0f} bytes a document)")
    with Tracker(path) as t:
        items = t.items()
        moved = sum(1 for i in items if i.sequence)
        cancelled = sum(1 for i in items if i.status == "cancelled")
        print(f"  {moved} items moved or cancelled at least once ({cancelled} cancelled now), "
              f"up to SEQUENCE {max(i.sequence for i in items)}")
        start = time.perf_counter()
        again = [t.add_timeline(tl, text=text, published=published, document=f"n{n}")
                 for n, (text, published, tl) in enumerate(docs)]
        took = time.perf_counter() - start
        assert not any(a.added for a in again) and t.counts() == counts
        print(f"  the same {args.docs} documents again: {1000 * took / args.docs:.3f} ms a document, nothing changed")
        for label, fn in (("list (all)", lambda: t.items()),
                          ("list --upcoming", lambda: t.items("upcoming", now="2021-04-15T00:00+00:00")),
                          ("show", lambda: t.item(items[len(items) // 2].id)),
                          ("calendar", lambda: t.calendar())):
            t0 = time.perf_counter()
            out = fn()
            print(f"  {label}: {1000 * (time.perf_counter() - t0):.1f} ms"
                  + (f" ({len(out) / 1e6:.2f} MB)" if isinstance(out, bytes) else ""))
    t0 = time.perf_counter()
    Tracker(path).close()
    print(f"  opening the file (with its quick check): {1000 * (time.perf_counter() - t0):.1f} ms")


TEMPLATES = [
    "The {who} told {party} to {action} by Friday.",
    "{Who} ordered {party} to {action} by 5 p.m. on Monday.",
    "{Who} gave {party} until March 31 to {action}.",
    "{Who} said {party} must {action} by the end of the month.",
    "{Party} have until Thursday to {action}, {who} said.",
    "{Who} asked {party} to {action} by Wednesday at noon.",
    "The ultimatum for {party} to {action} expires at midnight on Sunday.",
    "{Who} urged {party} to {action} by March 15.",
    "{Who} told {party} to {action} no later than Tuesday.",
    "In a statement, {who} called on {party} to {action} by Saturday.",
]


def parsed(args: argparse.Namespace, folder: Path) -> None:
    rng = random.Random(7)
    path = folder / "parsed.sqlite3"
    texts = []
    for n in range(args.parsed):
        who, what = obligation(rng.randrange(64))
        party, action = what.split(" to ", 1)
        t = rng.choice(TEMPLATES)
        texts.append(t.format(who=who, Who=who.capitalize(), party=party, Party=party.capitalize(), action=action)
                     + f" Notice {n}.")
    with Tracker(path) as t:
        t.add_text("Warm-up: the board told residents to reply by Friday.", published="2021-03-01")  # loads spaCy
        start = time.perf_counter()
        for n, text in enumerate(texts):
            t.add_text(text, published=f"2021-03-{1 + n % 28:02d}", document=f"p{n}")
        took = time.perf_counter() - start
        counts = t.counts()
    print(f"parse and store: {args.parsed} notices through add_text in {took:.2f} s: {1000 * took / args.parsed:.1f} ms "
          f"a document; {counts['reports'] - 1} deadlines found, {counts['items'] - 1} items")


WRITER = r"""
import sys, time
sys.path.insert(0, sys.argv[4])
from pathlib import Path
import random
sys.argv[0] = "writer"
from benchmarks_tracker import notice
from timeline.track import Tracker
path, name, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
rng = random.Random(name)
docs = [notice(k, 500, rng) for k in range(n)]
Path(f"{path}.{name}").touch()
while len(list(Path(path).parent.glob(Path(path).name + ".w*"))) < 2:
    time.sleep(0.005)
start = time.perf_counter()
with Tracker(path, timeout=120) as t:
    for k, (text, published, tl) in enumerate(docs):
        t.add_timeline(tl, text=f"{name} {text}", published=published, document=f"{name}{k}")
print(f"{time.perf_counter() - start:.3f}")
"""


def writers(args: argparse.Namespace, folder: Path) -> None:
    path = folder / "shared.sqlite3"
    Tracker(path).close()
    (folder / "benchmarks_tracker.py").write_text(Path(__file__).read_text(encoding="utf-8"), encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": f"{folder}{os.pathsep}{REPO}"}
    start = time.perf_counter()
    procs = [subprocess.Popen([sys.executable, "-c", WRITER, str(path), name, str(args.writers), str(REPO)],
                              env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for name in ("w1", "w2")]
    outs = [p.communicate() for p in procs]
    wall = time.perf_counter() - start
    for p, (out, err) in zip(procs, outs):
        if p.returncode != 0:
            raise SystemExit(f"a writer failed: {err}")
    with Tracker(path) as t:
        counts = t.counts()
    lost = 2 * args.writers - counts["documents"]
    print(f"two writers: {args.writers} documents each into one file at once: {counts['documents']} documents and "
          f"{counts['reports']} reports found, {lost} lost; each writer took "
          f"{', '.join(o[0].strip() + ' s' for o in outs)} ({wall:.2f} s with start-up)")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--docs", type=int, default=10_000)
    ap.add_argument("--obligations", type=int, default=2_000)
    ap.add_argument("--parsed", type=int, default=100)
    ap.add_argument("--writers", type=int, default=2_000)
    args = ap.parse_args()
    print(f"Python {sys.version.split()[0]}, SQLite {sqlite3.sqlite_version}, {os.cpu_count()} cores")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        store(args, folder)
        writers(args, folder)
        if args.parsed:
            parsed(args, folder)


if __name__ == "__main__":
    main()
