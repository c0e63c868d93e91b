"""Tag the example dispatch and print every time expression found in it.

Run from anywhere:  python examples/extract_dispatch.py
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

DISPATCH = HERE / "baghdad_dispatch.txt"
PUBLISHED = dt.date(2020, 1, 5)  # a Sunday


def main() -> None:
    text = DISPATCH.read_text(encoding="utf-8")
    mentions = timeline.extract(text, published=PUBLISHED)
    print(f"{DISPATCH.name}, published {PUBLISHED.isoformat()}: {len(mentions)} time expressions")
    for m in mentions:
        mod = f" mod={m.mod}" if m.mod else ""
        span = "" if m.interval is None else f"  [{m.interval.start.isoformat()} .. {m.interval.end.isoformat()})"
        print(f"{m.start:5d}-{m.end:<5d} {m.text!r:40} {m.type:8} {m.value}{mod}{span}")


if __name__ == "__main__":
    main()
