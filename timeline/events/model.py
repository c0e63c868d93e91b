"""The event data model: `Trigger`, `Source`, `Participant`, `Revision`, `Event`, `Deadline`."""

from __future__ import annotations

import builtins
import datetime as dt
from typing import Literal

import attrs

from timeline._model import Interval, Mention
from timeline.events.due import Closed, Status, as_now, closes_at, status

#: what the event is with respect to publication
Kind = Literal["occurred", "expected", "deadline", "ongoing"]
#: how the event stands to its time expression
Relation = Literal["on", "during", "before", "after", "starting", "until", "by"]
#: the TimeML relation of the event to the publication time t0 (event relType t0)
T0Relation = Literal["BEFORE", "AFTER", "INCLUDES", "IS_INCLUDED"]


@attrs.frozen
class Trigger:
    """The word that names the event: ``text[start:end]``."""

    start: int
    end: int
    text: str

    def as_dict(self) -> dict[str, object]:
        return {"start": self.start, "end": self.end, "text": self.text}


@attrs.frozen
class Source:
    """Where an event is told: the document and the sentence ``[start, end)`` in its text."""

    document: str
    start: int
    end: int
    published: str = ""

    def as_dict(self) -> dict[str, object]:
        return {"document": self.document, "start": self.start, "end": self.end, "published": self.published}


@attrs.frozen
class TimeLink:
    """A further time expression that dates the same event: the ends of a span ("bought the
    shares from May 2 to June 9"), a duration beside a day ("testified for four hours Friday")."""

    time: Mention
    #: the mention's id (``t1``, ``t2``, ... in text order, as in the JSON output)
    time_id: str
    relation: Relation | None

    def as_dict(self) -> dict[str, object]:
        return {"time": self.time_id, "relation": self.relation}


@attrs.frozen
class Participant:
    """Who or what takes part in an event, from the parse: ``role`` is ``subject``, ``object``,
    ``agent`` (the "by" of a passive), ``with`` (met with X), ``possessor`` (X's recall) or
    ``modifier`` (a name before an event noun: "the Boeing strike"); ``text`` as written;
    ``refers_to`` what a pronoun stands for ("it" -> "Boeing Co."), resolved inside its
    sentence or the one before (`timeline.events.entities`), else None."""

    role: str
    text: str
    refers_to: str | None = None

    @property
    def name(self) -> str:
        """What the participant names: the antecedent of a pronoun, else the text."""
        return self.refers_to or self.text

    def as_dict(self) -> dict[str, object]:
        return {"role": self.role, "text": self.text, "refers_to": self.refers_to}


@attrs.frozen
class Revision:
    """An earlier report's date of an event that a later report updated ("was postponed to",
    "now says"): the interval the earlier source gave."""

    interval: Interval | None
    source: Source

    def as_dict(self) -> dict[str, object]:
        return {"interval": None if self.interval is None else self.interval.isoformat(),
                "source": self.source.as_dict()}


@attrs.frozen
class Event:
    """Something that happened, is going on, is expected, or is due.

    ``time`` is the time expression that dates it (None for an event the text
    only orders, such as the strike a retaliation answers); ``time_id`` is that
    mention's id (``t1``, ``t2``, ... in text order, as in the JSON output).
    ``interval`` is where the event lies in time, derived from the mention and
    ``relation`` (for ``ongoing`` events, "for months" becomes the months up to
    publication); None when unknown. ``before`` names events (by id) this one
    precedes; ``conflicts`` names events of other documents that tell the same
    event with a contradicting date. A SET ("every Friday") dates a recurring
    event: ``time`` is the SET mention, ``interval`` None, ``kind`` mostly
    ``ongoing`` (see docs/events.md).
    """

    id: str
    description: str
    trigger: Trigger
    kind: Kind
    relation: Relation | None
    t0: T0Relation
    time: Mention | None = None
    time_id: str | None = None
    interval: Interval | None = None
    sources: tuple[Source, ...] = ()
    before: tuple[str, ...] = ()
    conflicts: tuple[str, ...] = ()
    #: other words of the same clause that the same time dates and that tell this same event
    #: ("called" in "called a Monday strike"); not in `as_dict`
    also: tuple[Trigger, ...] = ()
    #: the other time expressions that date this event, besides ``time``
    more_times: tuple[TimeLink, ...] = ()
    #: the TimeML class of the event word (OCCURRENCE, REPORTING, STATE, I_ACTION, I_STATE,
    #: ASPECTUAL, PERCEPTION), its tense, aspect, polarity and modal, from its verb group
    cls: str | None = None
    tense: str | None = None
    aspect: str | None = None
    polarity: str | None = None
    modality: str | None = None
    #: who or what does it, and to what, as written ("the prime minister", "500 jobs")
    subject: str | None = None
    object: str | None = None
    #: the lemma events are matched on: the trigger's ("vote" for "voted"), a noun's verb
    #: ("meeting": meet), a light verb's event noun ("held a rally": rally); see ``moves`` for
    #: "postponed", "delayed"
    lemma: str | None = None
    #: the participants from the parse, pronouns resolved (`Participant`)
    participants: tuple[Participant, ...] = ()
    #: the lemma of the event a "postpone / delay / move" verb moves ("the vote was postponed": vote)
    moves: str | None = None
    #: the words of its sentence that say it updates an earlier report ("postponed to", "now says")
    update: str | None = None
    #: in a merged timeline: the earlier dates of this event that a later report updated
    revised: tuple[Revision, ...] = ()

    @property
    def anchored(self) -> bool:
        """Whether the event has an interval on the calendar."""
        return self.interval is not None

    def as_dict(self) -> dict[str, builtins.object]:
        """The JSON object of docs/json.md (``events``)."""
        return {
            "id": self.id,
            "description": self.description,
            "trigger": self.trigger.as_dict(),
            "kind": self.kind,
            "relation": self.relation,
            "t0": self.t0,
            "time": self.time_id,
            "more_times": [t.as_dict() for t in self.more_times],
            "interval": None if self.interval is None else self.interval.isoformat(),
            "sources": [s.as_dict() for s in self.sources],
            "before": list(self.before),
            "conflicts": list(self.conflicts),
            "class": self.cls,
            "tense": self.tense,
            "aspect": self.aspect,
            "polarity": self.polarity,
            "modality": self.modality,
            "subject": self.subject,
            "object": self.object,
            "lemma": self.lemma,
            "participants": [p.as_dict() for p in self.participants],
            "revised": [r.as_dict() for r in self.revised],
        }


@attrs.frozen
class Deadline:
    """A deadline or an ultimatum: ``what`` is due at ``due``.

    ``due`` is the due instant to the minute: a clock time as written, in its own zone ("2 p.m.
    EST"); a day (or longer) at the end of its last day, 23:59, with ``end_of_day`` set (shown
    as that day: "due Wed 17 Feb 2016, end of day"). It is aware when the zone is known (the
    document's zone, `timezone=`, or the zone written with the clock time; ``zone`` names it),
    naive when it is not (``zone`` None: the document's clock, unknown). ``who`` is who
    demands it, when the text says; ``obliged`` who must act; ``sentence`` the sentence it is
    stated in; ``form`` the form of the deadline grammar that read it (docs/deadlines.md).

    ``update`` is how the text moved an earlier limit to this one ("extended", "postponed",
    "moved up", ...). ``closed`` is set when a later statement closes it whatever the moment:
    ``superseded`` (a later limit of the same obligation replaces it: ``superseded_by`` names
    that deadline's event), ``met`` or ``cancelled`` ("called off", "averted").
    """

    event: Event
    due: dt.datetime
    what: str
    who: str | None
    sentence: str
    #: set by `Timeline.deadlines` when it is given ``now``
    status: Status | None = None
    form: str | None = None
    end_of_day: bool = False
    zone: str | None = None
    obliged: str | None = None
    update: str | None = None
    closed: Closed | None = None
    superseded_by: str | None = None

    @property
    def zone_known(self) -> bool:
        """Whether the due instant is on a known clock (aware)."""
        return self.due.tzinfo is not None

    def status_at(self, now: dt.datetime | dt.date | str, *, window: dt.timedelta | None = None) -> Status:
        """``superseded``, ``met`` or ``cancelled`` when a later statement closed it; else
        ``overdue`` once ``now`` has reached the due instant (for a day deadline, once the day is
        over); ``due-soon`` when it is less than ``window`` away; else ``upcoming``. See
        `timeline.events.due.status` for zones."""
        as_now(now, self.due)  # a bad ``now``, or zones mixed, is an error naming the due instant
        if self.closed is not None:
            return self.closed
        return status(closes_at(self.due, self.end_of_day), now, window=window)

    def when_text(self) -> str:
        """The due instant as a person reads it: "Wed 17 Feb 2016, end of day",
        "Tue 15 Dec 2015, 14:00 UTC-05:00"; "(zone unknown)" on a floating clock."""
        day = f"{self.due:%a} {self.due.day} {self.due:%b %Y}"
        if self.end_of_day:
            text = f"{day}, end of day"
        else:
            text = f"{day}, {self.due:%H:%M}"
        if self.due.tzinfo is None:
            return f"{text} (zone unknown)"
        if self.end_of_day:
            return f"{text} ({self.zone or self.due.tzname()})"
        return f"{text} {self.zone or self.due.tzname()}"

    def as_dict(self) -> dict[str, object]:
        """The JSON object of docs/json.md (``deadlines``)."""
        return {
            "event": self.event.id,
            "due": self.due.isoformat(),
            "what": self.what,
            "who": self.who,
            "sentence": self.sentence,
            "status": self.status,
            "form": self.form,
            "end_of_day": self.end_of_day,
            "zone": self.zone,
            "obliged": self.obliged,
            "update": self.update,
            "closed": self.closed,
            "superseded_by": self.superseded_by,
        }
