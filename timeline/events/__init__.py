"""Events, the ordered timeline, and deadlines.

The stages, in the order `timeline.pipeline` runs them: `find` (every event word), `link`
(which time dates which word), `make` (placed with `place`, described with `describe`, deadlines
with `deadlines`, ordered with `order`), `assemble` (one document's `Timeline`); `build` merges
documents. `timeline.build`, `build_many` and `merge` are the public entry points. See
docs/events.md.
"""

from __future__ import annotations

from timeline.events.build import build, build_many, merge
from timeline.events.model import Deadline, Event, Source, TimeLink, Trigger
from timeline.events.timeline import Timeline

__all__ = ["Deadline", "Event", "Source", "TimeLink", "Timeline", "Trigger", "build", "build_many", "merge"]
