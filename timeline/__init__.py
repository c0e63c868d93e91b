"""timeline: find time expressions in dated text and anchor them to the publication date.

>>> import timeline
>>> [(m.text, m.value) for m in timeline.extract("The vote was held on Friday.", published="2020-01-05")]
[('Friday', '2020-01-03')]

`extract` reads words only and is quick to import. `build`, `build_many` and `analyze` read the
sentences too (a spaCy parse): they and the event names are imported on first use.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from timeline._extract import extract
from timeline._model import Interval, Mention
from timeline.zones import DocumentZone, UnknownZoneError, document_zone, in_zone

if TYPE_CHECKING:  # the names imported on first use, for type checkers
    from timeline.document import Document
    from timeline.events import Deadline, Event, Source, TimeLink, Timeline, Trigger, build, build_many, merge
    from timeline.pipeline import analyze, analyze_many
    from timeline.syntax import SyntaxModelError

__all__ = [
    "Deadline", "Document", "DocumentZone", "Event", "Interval", "Mention", "Source", "SyntaxModelError",
    "TimeLink", "Timeline", "Trigger", "UnknownZoneError", "analyze", "analyze_many", "build", "build_many",
    "document_zone", "extract", "in_zone", "merge",
]
__version__ = "0.3.0"

# Events and timelines are imported on first use, so that ``import timeline`` stays quick and
# never imports spaCy.
_LAZY: dict[str, str] = {
    **dict.fromkeys(("Deadline", "Event", "Source", "TimeLink", "Timeline", "Trigger", "build", "build_many",
                     "merge"), "timeline.events"),
    "Document": "timeline.document",
    "analyze": "timeline.pipeline",
    "analyze_many": "timeline.pipeline",
    "SyntaxModelError": "timeline.syntax",
}


def __getattr__(name: str) -> object:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'timeline' has no attribute {name!r}")
    import importlib  # noqa: PLC0415

    return getattr(importlib.import_module(module), name)


def __dir__() -> list[str]:
    return sorted({*globals(), *_LAZY})
