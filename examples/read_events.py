"""Read the events of a dispatch from its sentences: every event word, then the timeline.

Run from anywhere:  python examples/read_events.py

`timeline.analyze` runs every stage (the spaCy parse, the time expressions, the event words,
their links to the times, the timeline) and returns the whole `timeline.Document`.
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent

try:
    import timeline
except ModuleNotFoundError:  # run from a checkout without `pip install -e .`
    sys.path.insert(0, str(HERE.parent))
    import timeline

DISPATCH = HERE / "port_strike.txt"
PUBLISHED = dt.date(2026, 3, 4)  # a Wednesday


def main() -> None:
    doc = timeline.analyze(DISPATCH.read_text(encoding="utf-8"), published=PUBLISHED, document="port")
    assert doc.timeline is not None
    print(f"{DISPATCH.name}, published {PUBLISHED.isoformat()}: {len(doc.words)} event words, "
          f"{len(doc.mentions)} time expressions, {len(doc.timeline)} events on the timeline\n")
    for e in doc.timeline:
        assert e.interval is not None or e.time is None
        when = "(before the next)" if e.interval is None else e.interval.start.strftime("%a %d %b %H:%M")
        who = f"  [subject: {e.subject}]" if e.subject else ""
        print(f"{when:18}  {e.kind:9}  {e.description}{who}")
    for d in doc.timeline.deadlines(now=dt.datetime(2026, 3, 5, 9, 0)):
        print(f"\ndeadline {d.due.isoformat()} ({d.status}): {d.what}" + (f", set by {d.who}" if d.who else ""))


if __name__ == "__main__":
    main()
