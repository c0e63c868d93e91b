"""One document through the stages: what each stage adds is a field of `Document`.

text -> syntax -> time expressions -> zone -> events -> links -> placed events -> order ->
deadlines -> `Timeline`. `timeline.pipeline` runs the stages; the command line and the exports
read a `Document` and decide nothing themselves.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

import attrs

from timeline._model import Mention
from timeline._reference import Reference

if TYPE_CHECKING:
    from timeline.events.timeline import Timeline
    from timeline.events.find import EventWord
    from timeline.events.link import ParseLink
    from timeline.zones import DocumentZone


@attrs.frozen
class Document:
    """A text, its publication, and what the stages found in it.

    ``id`` names the document in the events' sources; ``published`` is the publication as given
    (kept for the outputs) and ``reference`` the same as a `Reference`; ``timezone`` the zone the
    caller gave, if any. The later fields are filled by the stages in this order: ``zone`` (the
    document's zone, None when its clock times float), ``mentions`` (time expressions, in text
    order), ``syntax`` (the spaCy ``Doc``), ``words`` (every event word of the story, placed or
    not), ``links`` (which time dates which event word), ``timeline`` (the placed and ordered
    events, with the deadlines).
    """

    id: str
    text: str
    published: dt.date | dt.datetime | str
    reference: Reference
    timezone: str | None = None
    zone: DocumentZone | None = None
    mentions: tuple[Mention, ...] = ()
    #: the spaCy ``Doc`` (typed loosely so that importing this module never imports spaCy)
    syntax: Any = None
    words: tuple[EventWord, ...] = ()
    links: tuple[ParseLink, ...] = ()
    timeline: Timeline | None = None

    @property
    def published_text(self) -> str:
        """The publication as the caller wrote it (ISO 8601 for a date or a datetime)."""
        p = self.published
        return p.isoformat() if isinstance(p, (dt.date, dt.datetime)) else str(p)
