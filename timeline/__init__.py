"""timeline: find time expressions in dated text and anchor them to the publication date.

>>> import timeline
>>> [(m.text, m.value) for m in timeline.extract("The vote was held on Friday.", published="2020-01-05")]
[('Friday', '2020-01-03')]
"""

from __future__ import annotations

from timeline._extract import extract
from timeline._model import Interval, Mention
from timeline.zones import DocumentZone, UnknownZoneError, document_zone, in_zone

__all__ = ["DocumentZone", "Interval", "Mention", "UnknownZoneError", "document_zone", "extract", "in_zone"]
__version__ = "0.1.0"

# Events and timelines (timeline.events) are imported on first use, so that
# ``import timeline`` stays quick.
_EVENT_NAMES = ("Deadline", "Event", "Source", "TimeLink", "Timeline", "Trigger", "build", "build_many", "merge")
__all__ += _EVENT_NAMES


def __getattr__(name: str) -> object:
    if name in _EVENT_NAMES:
        from timeline import events  # noqa: PLC0415

        return getattr(events, name)
    raise AttributeError(f"module 'timeline' has no attribute {name!r}")
