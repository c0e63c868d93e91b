"""Merge two dispatches into one timeline: the same event told twice appears once.

Run from anywhere:  python examples/merge_dispatches.py [OUT_DIR]

`baghdad_dispatch.txt` was published on Sunday 5 January 2020, and
`baghdad_followup.txt` the next day. Each is read against its own publication
date ("Sunday" is the same day in both), then `timeline.events.merge` puts them
on one timeline: the vote both tell is one entry with both sources, and the march
that one dates 26 January and the other 27 January (each "in three weeks") is
flagged as a conflict. With OUT_DIR, the merged calendar is written to
OUT_DIR/baghdad.ics.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent

try:
    import timeline  # noqa: F401
except ModuleNotFoundError:  # run from a checkout without `pip install -e .`
    sys.path.insert(0, str(HERE.parent))

from timeline.events import build, merge
from timeline.exports import entries, to_ics

DOCUMENTS = [  # (document id, file, publication date)
    ("dispatch", HERE / "baghdad_dispatch.txt", "2020-01-05"),
    ("followup", HERE / "baghdad_followup.txt", "2020-01-06"),
]


def main(argv: list[str]) -> None:
    texts = {doc: path.read_text(encoding="utf-8") for doc, path, _ in DOCUMENTS}
    merged = merge(build(texts[doc], published=published, document=doc) for doc, _, published in DOCUMENTS)
    items = entries(merged, texts)
    print(f"{len(items)} entries from {len(DOCUMENTS)} dispatches")
    for e in items:
        told = " + ".join(e.documents)
        print(f"  {e.when_text():42} {e.title}  [{told}]")
    for event in merged:
        if event.conflicts:
            others = ", ".join(f"{merged.event(c).interval.start.date()} in {merged.event(c).sources[0].document}"
                               for c in event.conflicts)
            print(f"conflict: {event.description!r} on {event.interval.start.date()} in "
                  f"{event.sources[0].document}, but {others}")
    if len(argv) > 1:
        out = Path(argv[1]) / "baghdad.ics"
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_bytes(to_ics(items, name="Baghdad, 5-6 January 2020"))
        print(f"wrote {out}")


if __name__ == "__main__":
    main(sys.argv)
