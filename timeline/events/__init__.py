"""Events, the ordered timeline, and deadlines.

text -> mentions (`timeline.extract`) -> events (`detect`) -> `Timeline` (`build`,
`build_many`, `merge`) -> exports (JSON, TimeML). See docs/events.md.
"""

from __future__ import annotations

from timeline.events.build import Timeline, build, build_many, merge
from timeline.events.model import Deadline, Event, Source, TimeLink, Trigger

__all__ = ["Deadline", "Event", "Source", "TimeLink", "Timeline", "Trigger", "build", "build_many", "merge"]
