"""Turn the example dispatch into a calendar (.ics) and a self-contained web page (.html).

Run from anywhere:  python examples/dispatch_to_calendar.py [OUT_DIR]

The files go into OUT_DIR (created if missing), or into a new temporary folder.
Import the .ics into a phone or desktop calendar; open the .html in a browser.
"""

from __future__ import annotations

import datetime as dt
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent

try:
    import timeline
except ModuleNotFoundError:  # run from a checkout without `pip install -e .`
    sys.path.insert(0, str(HERE.parent))
    import timeline

from timeline.events import build
from timeline.exports import entries, to_html, to_ics

DISPATCH = HERE / "baghdad_dispatch.txt"
PUBLISHED = dt.date(2020, 1, 5)  # a Sunday


def main(argv: list[str]) -> None:
    out_dir = Path(argv[1]) if len(argv) > 1 else Path(tempfile.mkdtemp(prefix="timeline-"))
    out_dir.mkdir(parents=True, exist_ok=True)
    text = DISPATCH.read_text(encoding="utf-8")
    tl = build(text, published=PUBLISHED, document="baghdad_dispatch")
    items = entries(tl, {"baghdad_dispatch": text})

    ics = out_dir / "baghdad_dispatch.ics"
    ics.write_bytes(to_ics(items, name="Baghdad dispatch"))
    page = out_dir / "baghdad_dispatch.html"
    page.write_text(to_html(items, title="Baghdad dispatch", subtitle=f"published {PUBLISHED.isoformat()}"),
                    encoding="utf-8")

    print(f"timeline {timeline.__version__}: {len(items)} calendar entries from {DISPATCH.name}")
    for e in items:
        print(f"  {e.when_text():42} {e.kind:8} {e.title}")
    print(f"wrote {ics}")
    print(f"wrote {page}")


if __name__ == "__main__":
    main(sys.argv)
