"""An event of the timeline before it gets its id (`Found`), as the stages of
`timeline.events.make` and `timeline.events.order` find it."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import attrs

from timeline._model import Interval
from timeline.events.model import Kind, Relation, T0Relation
from timeline.events.place import Tense
from timeline.syntax.sentences import sentence

if TYPE_CHECKING:
    from timeline.events.find import EventWord


@attrs.frozen
class Found:
    """One event of the timeline before it becomes an `Event` (see `timeline.events.assemble`)."""

    sentence: tuple[int, int]
    trigger: tuple[int, int]
    trigger_text: str
    description: str
    mention: int | None
    relation: Relation | None
    tense: Tense
    kind: Kind
    t0: T0Relation
    interval: Interval | None
    deadline: bool
    demanded_by: str | None = None
    due_what: str | None = None
    #: index (in the found list) of events this one comes before
    before: tuple[int, ...] = ()
    #: index of the event this one is a second word of; the timeline keeps that event only
    same_as: int | None = None
    #: the event word (class, tense, aspect, polarity, modality), None for none found there
    word: EventWord | None = None
    subject: str | None = None
    object: str | None = None
    #: the deadline grammar's reading (`timeline.events.deadlines.Reading`) and the due instant
    #: (`timeline.events.due.Instant`) of a deadline; None for other events
    reading: Any = None
    instant: Any = None


def sentence_of(doc: Any, token: int) -> tuple[int, int]:
    """The character bounds of the sentence of ``token`` in the spaCy ``doc``."""
    sent = sentence(doc, token)
    return sent.start_char, sent.end_char
