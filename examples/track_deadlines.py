"""Track the deadlines of two dispatches: which are upcoming, due soon or overdue.

Run from anywhere:  python examples/track_deadlines.py [OUT_DIR]

The status of each deadline is judged at fixed moments (never the clock), in
Baghdad time. With OUT_DIR, OUT_DIR/deadlines.ics holds each deadline as an
event and as a to-do (VTODO with DUE), with a reminder an hour before.
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent

try:
    import timeline  # noqa: F401
except ModuleNotFoundError:  # run from a checkout without `pip install -e .`
    sys.path.insert(0, str(HERE.parent))

from timeline.events import build, merge
from timeline.exports import entries, to_ics

DOCUMENTS = [
    ("dispatch", HERE / "baghdad_dispatch.txt", "2020-01-05"),
    ("followup", HERE / "baghdad_followup.txt", "2020-01-06"),
]
MOMENTS = ["2020-01-05T12:00+03:00", "2020-01-06T09:00+03:00", "2020-01-11T09:00+03:00"]


def main(argv: list[str]) -> None:
    texts = {doc: path.read_text(encoding="utf-8") for doc, path, _ in DOCUMENTS}
    tl = merge(build(texts[doc], published=published, document=doc) for doc, _, published in DOCUMENTS)
    for now in MOMENTS:
        print(f"at {now}:")
        for d in tl.deadlines(now=now, window=dt.timedelta(hours=24)):
            who = f" (set by {d.who})" if d.who else ""
            print(f"  {d.status:9} {d.due.isoformat():26} {d.what}{who}")
    if len(argv) > 1:
        out = Path(argv[1]) / "deadlines.ics"
        out.parent.mkdir(parents=True, exist_ok=True)
        deadlines = [e for e in entries(tl, texts) if e.is_deadline]
        out.write_bytes(to_ics(deadlines, name="Deadlines", todos=True, alarm=dt.timedelta(hours=1)))
        print(f"wrote {out}")


if __name__ == "__main__":
    main(sys.argv)
